/**
 * Finds claim files: the language server's search of a workspace folder (folderClaimFiles), and
 * what the CLI's search (./claimSearch.ts) shares with it.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { CLAIM_FILE_GLOBS, IGNORED_FOLDERS } from '../protocol';
import { isWithin as within } from './claimFileAccess';

export { decodeClaimBytes, readClaimBytes, readClaimFile, type BytesResult, type ReadResult } from './claimFileAccess';

/** Claim files by name (src/protocol/claimFiles.ts). */
export const DEFAULT_GLOBS = CLAIM_FILE_GLOBS;
export { isClaimFileName } from '../protocol';

/**
 * The claim files of a folder (the language server's workspace index): the default globs and
 * `globs` (its config's `files`), the CLI's ignored folders, only files whose realpath is below
 * the folder's (a config's `files: ["../x/*"]` or `["/etc/*"]`, or a symlink out of the folder,
 * reaches nothing outside it); the others are `outside`.
 */
export async function folderClaimFiles(folder: string, globs: readonly string[]): Promise<{ files: string[]; outside: string[] }> {
  return splitOutside(folder, await glob([...DEFAULT_GLOBS, ...globs], { cwd: folder, absolute: true, ignore: [...IGNORED_FOLDERS] }));
}

/** The files of `matched` whose realpath is below `folder`'s (sorted), and the others (`outside`). */
export function splitOutside(folder: string, matched: string[]): { files: string[]; outside: string[] } {
  const root = realpathSync(folder);
  const files: string[] = [];
  const outside: string[] = [];
  for (const f of matched) (within(root, f) ? files : outside).push(f);
  return { files: files.sort(), outside };
}

/** --fix never writes through a symlink (it could point anywhere). */
export function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split('\\').join('/');
}

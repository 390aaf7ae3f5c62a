/** Finds claim files: explicit files as given, folders searched for claim-file globs. */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type * as GlobLibrary from './glob';
import { CLAIM_FILE_GLOBS, IGNORED_FOLDERS } from '../protocol';
import { isWithin as within } from './claimFileAccess';

let loadedGlob: typeof GlobLibrary | undefined;
/** The glob library (./glob.ts), loaded on first use. */
function globLibrary(): typeof GlobLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return (loadedGlob ??= require('./glob') as typeof GlobLibrary);
}

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
  return splitOutside(folder, await globLibrary().glob([...DEFAULT_GLOBS, ...globs], { cwd: folder, absolute: true, ignore: [...IGNORED_FOLDERS] }));
}

function splitOutside(folder: string, matched: string[]): { files: string[]; outside: string[] } {
  const root = realpathSync(folder);
  const files: string[] = [];
  const outside: string[] = [];
  for (const f of matched) (within(root, f) ? files : outside).push(f);
  return { files: files.sort(), outside };
}

export interface Discovery {
  files: string[];
  /** Arguments that name nothing (and are no glob pattern): usage errors (exit 2). */
  missing: string[];
  /**
   * Folders given that hold no claim file, and glob patterns that match nothing: exit 2
   * unless --no-error-on-unmatched-pattern (ESLint's rule: a CI job pointed at the wrong
   * folder must not pass).
   */
  unmatched: string[];
  /** Files a folder's globs matched outside that folder (through `..`, an absolute glob or a symlink): not audited. */
  outside: string[];
  /** The folders given (absolute). */
  folders: string[];
}

/** `globsFor(folder)`: extra claim-file globs that apply in a folder (from its config). */
export function discoverFiles(args: string[], globsFor: (folder: string) => string[], cwd = process.cwd()): Discovery {
  const files = new Set<string>();
  const missing: string[] = [];
  const unmatched: string[] = [];
  const outside: string[] = [];
  const folders: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // Not a file or folder: maybe a glob pattern.
      const matched = globLibrary().globSync(arg, { cwd, absolute: true, ignore: [...IGNORED_FOLDERS] });
      if (matched.length) matched.forEach((m) => files.add(m));
      else if (globLibrary().isDynamicPattern(arg)) unmatched.push(arg);
      else missing.push(arg);
      continue;
    }
    if (!isDir) {
      files.add(abs);
      continue;
    }
    folders.push(abs);
    // Only files below the folder, after resolving symlinks (see splitOutside).
    const extra = globsFor(abs);
    const matched = (!extra.length && plainClaimFiles(abs)) || globLibrary().globSync([...DEFAULT_GLOBS, ...extra], { cwd: abs, absolute: true, ignore: [...IGNORED_FOLDERS] });
    // A match outside the folder counts as found: it is reported (and skipped) on its own.
    if (!matched.length) unmatched.push(arg);
    const found = splitOutside(abs, matched);
    found.files.forEach((f) => files.add(f));
    outside.push(...found.outside);
  }
  return { files: [...files].sort(), missing, unmatched, outside, folders };
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

const CLAIM_FILE = /^[^.].*\.claim\.ya?ml$/;

/**
 * What the default globs find below `root` (globSync(DEFAULT_GLOBS, { ignore: IGNORED_FOLDERS })),
 * read with readdir alone when the tree is plain: no entry is a symbolic link. Names starting
 * with a dot are neither matched nor entered (the globs' `dot: false`), node_modules is not entered.
 * Undefined when a symbolic link is met: the glob library's rules for those apply.
 */
export function plainClaimFiles(root: string): string[] | undefined {
  const found: string[] = [];
  const folders = [root];
  while (folders.length) {
    const dir = folders.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      if (dir === root) return undefined;
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      if (e.isSymbolicLink()) return undefined;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') folders.push(join(dir, e.name));
      } else if (e.isFile() && CLAIM_FILE.test(e.name)) found.push(join(dir, e.name));
    }
  }
  return found;
}

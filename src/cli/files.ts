/** Finds claim files: explicit files as given, folders searched for claim-file globs. */
import { closeSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { LIMITS } from '../core';

export const DEFAULT_GLOBS = ['**/*.claim.yaml', '**/*.claim.yml'];

export interface Discovery {
  files: string[];
  /** Arguments that name nothing: usage errors (exit 2). */
  missing: string[];
  /** Files a folder's globs matched outside that folder (through `..`, an absolute glob or a symlink): not audited. */
  outside: string[];
  /** The folders given (absolute). */
  folders: string[];
}

/** `globsFor(folder)`: extra claim-file globs that apply in a folder (from its config). */
export function discoverFiles(args: string[], globsFor: (folder: string) => string[], cwd = process.cwd()): Discovery {
  const files = new Set<string>();
  const missing: string[] = [];
  const outside: string[] = [];
  const folders: string[] = [];
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      // Not a file or folder: maybe a glob pattern.
      const matched = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**'] });
      if (matched.length) matched.forEach((m) => files.add(m));
      else missing.push(arg);
      continue;
    }
    if (!isDir) {
      files.add(abs);
      continue;
    }
    // Only files below the folder, after resolving symlinks: a config's `files: ["../x/*"]`
    // or `["/etc/*"]`, or a symlink out of the folder, reaches nothing outside it.
    folders.push(abs);
    const root = realpathSync(abs);
    for (const f of globSync([...DEFAULT_GLOBS, ...globsFor(abs)], { cwd: abs, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) {
      if (within(root, f)) files.add(f);
      else outside.push(f);
    }
  }
  return { files: [...files].sort(), missing, outside, folders };
}

function within(root: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

export type ReadResult = { text: string; invalidUtf8: boolean } | { skip: string };

/**
 * A claim file's text: regular files only (a FIFO, a device such as /dev/zero or a folder
 * is skipped), at most LIMITS.MAX_FILE_BYTES, decoded as UTF-8 with invalid bytes replaced
 * and said so. A BOM stays in the text, so a fix writes it back.
 */
export function readClaimFile(file: string): ReadResult {
  if (!statSync(file).isFile()) return { skip: 'not a regular file; skipped' };
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skip: 'not a regular file; skipped' };
    if (st.size > LIMITS.MAX_FILE_BYTES) return { skip: `larger than ${LIMITS.MAX_FILE_BYTES / 1024 / 1024} MB, claimlint's limit; skipped` };
    const bytes = readFileSync(fd);
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), invalidUtf8: false };
    } catch {
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalidUtf8: true };
    }
  } finally {
    closeSync(fd);
  }
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

/**
 * The CLI's search for claim files: explicit files as given, folders searched for claim-file
 * globs. A folder searched by the default globs alone (no config `files`) is read with readdir
 * while no symbolic link is met (plainClaimFiles); anything else goes to the glob library
 * (./glob.ts), loaded on first use — in the CLI's bundle dist/glob.js (esbuild.js), so a run
 * answered from --cache neither compiles nor initialises it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as GlobLibrary from './glob';
import { CLAIM_FILE_GLOBS, IGNORED_FOLDERS } from '../protocol';
import { DEFAULT_GLOBS, splitOutside } from './discovery';

let loadedGlob: typeof GlobLibrary | undefined;
/** The glob library (./glob.ts), loaded on first use. */
function globLibrary(): typeof GlobLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return (loadedGlob ??= require('./glob') as typeof GlobLibrary);
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

/**
 * The default globs as name endings (`**\/*.claim.yaml` → `.claim.yaml`) and the ignored
 * folders as names (`**\/node_modules/**` → `node_modules`), or undefined when one is not of
 * that form: then the glob library searches.
 */
function plainSearch(): { endings: readonly string[]; ignored: ReadonlySet<string> } | undefined {
  const endings = CLAIM_FILE_GLOBS.map((g) => /^\*\*\/\*([\w.-]+)$/.exec(g)?.[1]);
  const ignored = IGNORED_FOLDERS.map((g) => /^\*\*\/([\w.-]+)\/\*\*$/.exec(g)?.[1]);
  if (endings.some((e) => !e) || ignored.some((i) => !i)) return undefined;
  return { endings: endings as string[], ignored: new Set(ignored as string[]) };
}

/**
 * What the default globs find below `root` (globSync(DEFAULT_GLOBS, { ignore: IGNORED_FOLDERS })),
 * read with readdir alone when the tree is plain: no entry is a symbolic link. Names starting
 * with a dot are neither matched nor entered (the globs' `dot: false`), the ignored folders
 * (node_modules, .git) are not entered.
 * Undefined when a symbolic link is met: the glob library's rules for those apply.
 */
export function plainClaimFiles(root: string): string[] | undefined {
  const search = plainSearch();
  if (!search) return undefined;
  const { endings, ignored } = search;
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
        if (!ignored.has(e.name)) folders.push(join(dir, e.name));
      } else if (e.isFile() && endings.some((end) => e.name.endsWith(end))) found.push(join(dir, e.name));
    }
  }
  return found;
}

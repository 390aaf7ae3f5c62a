/** Finds claim files: explicit files as given, folders searched for claim-file globs. */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export const DEFAULT_GLOBS = ['**/*.claim.yaml', '**/*.claim.yml'];

export interface Discovery {
  files: string[];
  /** Arguments that name nothing: usage errors (exit 2). */
  missing: string[];
}

/** `globsFor(folder)`: extra claim-file globs that apply in a folder (from its config). */
export function discoverFiles(args: string[], globsFor: (folder: string) => string[], cwd = process.cwd()): Discovery {
  const files = new Set<string>();
  const missing: string[] = [];
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
    for (const f of globSync([...DEFAULT_GLOBS, ...globsFor(abs)], { cwd: abs, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] })) files.add(f);
  }
  return { files: [...files].sort(), missing };
}

export function displayPath(abs: string, cwd = process.cwd()): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split('\\').join('/');
}

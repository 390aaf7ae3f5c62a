/**
 * Where the `--cache` file lives: `--cache-location` or `.claimlintcache`, always inside the
 * current folder (claimlint writes nothing outside the workspace).
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CACHE_FILE, notACacheFile } from './mac';

/**
 * Where the cache lives: `--cache-location` (a file, or a folder to hold `.claimlintcache`)
 * resolved against `cwd`, or `cwd/.claimlintcache`. A location outside `cwd` (after
 * resolving symlinks) is refused.
 */
export function cacheLocation(arg: string | undefined, cwd = process.cwd()): { path: string } | { error: string } {
  let path = resolve(cwd, arg ?? CACHE_FILE);
  if (arg !== undefined && (/[\\/]$/.test(arg) || (existsSync(path) && statSync(path).isDirectory()))) path = join(path, CACHE_FILE);
  let root: string;
  let parent: string;
  try {
    root = realpathSync(cwd);
    parent = realpathSync(dirname(path));
  } catch {
    return { error: `--cache-location: the folder ${dirname(path)} does not exist` };
  }
  const real = join(parent, basename(path));
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { error: '--cache-location: the cache must be inside the current folder (claimlint writes nothing outside it)' };
  }
  const notCache = notACacheFile(real);
  if (notCache) return { error: `--cache-location: ${notCache}` };
  return { path: real };
}

/**
 * Matching for the `files` globs (settings and .claimlintrc), with picomatch and the options
 * tinyglobby uses for the CLI's file discovery (posix classes such as [!0-9]), so both read
 * a glob the same way. A pattern without `/` matches the file name anywhere; paths are
 * matched with forward slashes.
 */
import picomatch from 'picomatch';

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) cache.set(pattern, (re = picomatch.makeRe(pattern.replace(/^\.\//, ''), { dot: true, posix: true })));
  return re;
}

/** Does a slash-separated relative path match the pattern? A pattern without `/` matches the file name. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const target = pattern.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return globToRegExp(pattern).test(target);
}

/**
 * A small glob matcher for the `files` setting (picomatch is not a direct dependency):
 * `**` any number of path segments, `*` any characters but `/`, `?` one character but
 * `/`, `{a,b}` alternatives (nestable), `[abc]` / `[!abc]` classes, `\` escapes.
 * Paths are matched with forward slashes.
 */

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const re = new RegExp(`^${translate(pattern.replace(/^\.\//, ''))}$`);
  cache.set(pattern, re);
  return re;
}

function translate(p: string): string {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\' && i + 1 < p.length) {
      out += escapeChar(p[i + 1]);
      i += 2;
    } else if (c === '*' && p[i + 1] === '*') {
      const atStart = i === 0 || p[i - 1] === '/';
      const atEnd = i + 2 === p.length || p[i + 2] === '/';
      if (atStart && atEnd) {
        // "**/" matches zero or more whole segments; a trailing "**" matches the rest.
        if (p[i + 2] === '/') {
          out += '(?:[^/]*/)*';
          i += 3;
        } else {
          out += '.*';
          i += 2;
        }
      } else {
        out += '[^/]*';
        i += 2;
      }
    } else if (c === '*') {
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
      } else {
        let body = p.slice(i + 1, close);
        const negate = body.startsWith('!') || body.startsWith('^');
        if (negate) body = body.slice(1);
        out += `[${negate ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close + 1;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
      i++;
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
      i++;
    } else if (c === ',' && braces > 0) {
      out += '|';
      i++;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out + ')'.repeat(braces);
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Does a slash-separated relative path match the pattern? A pattern without `/` matches the file name. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  const path = relativePath.replace(/\\/g, '/');
  const target = pattern.includes('/') ? path : path.slice(path.lastIndexOf('/') + 1);
  return globToRegExp(pattern).test(target);
}

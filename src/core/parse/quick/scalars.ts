/**
 * One-line YAML scalars as the `yaml` package resolves them with the core schema (YAML 1.2,
 * the package's default, as PARSE_OPTIONS in pipeline/unit.ts leaves it): a plain scalar's
 * tag is the first of null, bool, octal / decimal / hex int, .inf/.nan, exponent float and
 * float whose test matches (yaml/dist/schema/core), else a string; quoted scalars are
 * strings. Undefined for what the quick scanner does not read exactly (escapes in a
 * double-quoted scalar): the caller then leaves the file to the `yaml` parser.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const MAY_RESOLVE = new Set([...'~nNtTfF+-.0123456789'].map((c) => c.charCodeAt(0)));

/** A plain scalar's value (its text already trimmed), in the core schema's order of tests. */
export function plainValue(s: string): unknown {
  // Every test below needs one of these first characters (or an empty text): others are strings at once.
  if (s !== '' && !MAY_RESOLVE.has(s.charCodeAt(0))) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/**
 * A quoted scalar starting at `text[at]` (a ' or "), ending on the same line before `lineEnd`:
 * its value and the offset after the closing quote. Undefined when it does not close on the
 * line or holds a backslash escape (double-quoted).
 */
export function quotedScalar(text: string, at: number, lineEnd: number): { value: string; end: number } | undefined {
  const q = text[at];
  if (q === '"') {
    const close = text.indexOf('"', at + 1);
    if (close < 0 || close >= lineEnd) return undefined;
    const body = text.slice(at + 1, close);
    if (body.includes('\\')) return undefined;
    return { value: body, end: close + 1 };
  }
  // Single-quoted: '' is one quote.
  let value = '';
  let i = at + 1;
  for (;;) {
    const close = text.indexOf("'", i);
    if (close < 0 || close >= lineEnd) return undefined;
    value += text.slice(i, close);
    if (text[close + 1] === "'") {
      value += "'";
      i = close + 2;
      continue;
    }
    return { value, end: close + 1 };
  }
}

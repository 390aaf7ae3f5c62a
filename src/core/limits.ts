/**
 * claimlint's own input limits (docs/limits.md). Nothing may allocate or loop by a number
 * read from a file, and no parser or recursion may go deeper than these; each limit has
 * its own located diagnostic. Real claims stay far below every one of them.
 */

/** Billed units on one service line (the CMS-1500 units field holds 3 digits). */
export const MAX_UNITS = 999;
/** Minutes on a line or a visit total: the minutes of one day. */
export const MAX_MINUTES = 1440;
/** Service lines in one claim (an 837P claim holds at most 50; this leaves room). */
export const MAX_LINES_PER_CLAIM = 1000;
/** Nesting of collections ([ { or indented blocks) before the parser is allowed to run. */
export const MAX_NESTING_DEPTH = 64;
/** Aliases (*name) in one file. */
export const MAX_ALIASES = 100;
/** Bytes of one file: larger files are skipped with a warning (CLI, workspace audit, editor). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export const LIMITS_DOC = 'docs/limits.md';

/**
 * YAML syntax errors listed per file. Past the first ones, the rest are mostly what the
 * first broke (a cascade); one more finding says how many were left out. Rule findings of a
 * file that parses are never capped.
 */
export const MAX_SYNTAX_ERRORS = 1000;

/** Small wording helpers shared by messages, hovers and lenses. */

/** "1 unit", "3 units". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A service line the way billing people count them: from 1, with its code, e.g.
 * "service line 2 (97110)". The field path (lines[1]) stays in the finding's own path.
 */
export function serviceLine(index: number, code?: string): string {
  const c = code?.trim().toUpperCase();
  // Only a CPT/HCPCS-shaped code is repeated: other text in `code` could be anything a
  // person typed (a name), so the line is then named by its number alone.
  return `service line ${index + 1}${c && CODE_SHAPE.test(c) ? ` (${c})` : ''}`;
}

/** A CPT or HCPCS shape (5 digits, or a letter and 4 digits, or 4 digits and a letter) is safe to repeat; any other text is not. */
export const CODE_SHAPE = /^(\d{5}|[A-Z]\d{4}|\d{4}[A-Z])$/;

/** The same, capitalised for the start of a sentence: "Service line 2 (97110)". */
export function ServiceLine(index: number, code?: string): string {
  const s = serviceLine(index, code);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The one way a finding about a service line begins: "Service line 2 (97110): ". Every
 * line-level message starts with it; claim-level messages start with a plain sentence.
 */
export function lineLead(index: number, code?: string): string {
  return `${ServiceLine(index, code)}: `;
}

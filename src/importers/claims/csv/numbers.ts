/**
 * Numbers in a CSV export, in the file's locale: "1,234.50" (decimal point, comma groups) or
 * "1.234,50" (decimal comma, point groups), as a European spreadsheet writes them. The
 * locale comes from the mapping (`decimal: ","`), or from the file itself: the charges of a
 * file that writes "45,00" use decimal commas, those of one that writes "45.00" or
 * "1,234.50" decimal points, and a file with both is refused. A comma-delimited file uses
 * decimal points unless its cells show otherwise.
 *
 * A number that reads two ways in the file's locale is refused, never guessed: "1,234" or
 * "1.234" (one separator, then three digits) when nothing in the file or the mapping tells
 * which separator is the decimal one.
 */

export type DecimalMark = '.' | ',';

/** One separator followed by exactly three digits: a thousands group or three decimals. */
const AMBIGUOUS = /^\d{1,3}[.,]\d{3}$/;
/** Decimal comma: "45,00", "1.234,5", "0,5". */
const COMMA_EVIDENCE = /^(\d+|\d{1,3}(\.\d{3})+),(\d{1,2}|\d{4,})$/;
/** Decimal point: "45.00", "1,234.50". */
const POINT_EVIDENCE = /^(\d+|\d{1,3}(,\d{3})+)\.(\d{1,2}|\d{4,})$/;

/** Without a currency sign and spaces around it: "$1,234.50" → "1,234.50", "45,00 €" → "45,00". */
export function bareAmount(text: string): string {
  return text.trim().replace(/^[$€]\s*/, '').replace(/\s*[$€]$/, '');
}

/** The decimal mark a number shows: ',' for "45,00" or "1.234,5", '.' for "45.00" or "1,234.50", else undefined. */
export function markShown(cell: string): DecimalMark | undefined {
  const t = bareAmount(cell);
  return COMMA_EVIDENCE.test(t) ? ',' : POINT_EVIDENCE.test(t) ? '.' : undefined;
}

export type NumberReading = { value: number } | { problem: 'not-a-number' | 'ambiguous' };

/**
 * A non-negative decimal number in the given locale (undefined: unknown, so "1,234" and
 * "1.234" are ambiguous). Groups must have three digits; a currency sign is allowed.
 */
export function readNumber(text: string, mark: DecimalMark | undefined): NumberReading {
  const t = bareAmount(text);
  if (mark === undefined && AMBIGUOUS.test(t)) return { problem: 'ambiguous' };
  const candidates: DecimalMark[] = mark ? [mark] : ['.', ','];
  for (const m of candidates) {
    const group = m === '.' ? ',' : '.';
    const g = group === '.' ? '\\.' : ',';
    const d = m === '.' ? '\\.' : ',';
    const shape = new RegExp(`^(\\d+|\\d{1,3}(${g}\\d{3})+)(${d}\\d+)?$|^${d}\\d+$`);
    if (shape.test(t)) {
      const plain = t.split(group).join('').replace(m, '.');
      return { value: Number(plain.startsWith('.') ? '0' + plain : plain) };
    }
  }
  return { problem: 'not-a-number' };
}

/** Cell values as CMS writes them: codes, dates (YYYYMMDD, M/D/YYYY, Excel serials), numbers. */
import { ImportError } from './rows';

const CODE = /^[0-9A-Z]{5}$/;

/**
 * A code cell as the 5-character code: upper case, and the leading zeros a spreadsheet drops
 * from an all-digit code put back ("100" is 00100, "1999" is 01999). The only all-digit codes
 * that start with 0 are the anesthesia codes 00100–01999, so a shorter number outside that
 * range ("9711") is a cut code, not a re-saved one: undefined, as for any cell that is not a code.
 */
export function codeOf(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  if (/^\d{1,4}$/.test(t)) {
    const n = Number(t);
    return n >= 100 && n <= 1999 ? t.padStart(5, '0') : undefined;
  }
  return CODE.test(t) ? t : undefined;
}

export function isCode(text: string): boolean {
  return codeOf(text) !== undefined;
}

export function parseCode(file: string, row: number, text: string, what: string): string {
  const c = codeOf(text);
  if (c === undefined) throw new ImportError(file, row, `expected a 5-character HCPCS/CPT code in ${what}`);
  return c;
}

/** A MAC number cell: 5 digits, or 4 when a spreadsheet dropped the leading zero ("2102" is 02102). */
export function macOf(text: string): string | undefined {
  const t = text.trim();
  return /^\d{4,5}$/.test(t) ? t.padStart(5, '0') : undefined;
}

function iso(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date cell as ISO, or undefined when it is not a date. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return iso(+m[3], +m[1], +m[2]);
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(+m[1], +m[2], +m[3]);
  // Excel serial day (1900 date system): 1996 … 2099.
  if (/^\d{5}(\.0+)?$/.test(t)) {
    const serial = Math.floor(Number(t));
    if (serial >= 35065 && serial <= 73051) {
      const dt = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
      return iso(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
    }
  }
  return undefined;
}

export function requireDate(file: string, row: number, text: string, what: string): string {
  const d = parseDate(text);
  if (d === undefined) throw new ImportError(file, row, `expected a date (YYYYMMDD or MM/DD/YYYY) in ${what}`);
  return d;
}

/** A number cell; blank is `blank` (0 for RVUs). Rejects anything else. */
export function parseNumber(file: string, row: number, text: string, what: string, blank?: number): number {
  const t = text.replace(/[$,\s]/g, '');
  if (t === '' && blank !== undefined) return blank;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    // Spreadsheets store 0.87 as 0.86999999999999999: 6 significant decimals are plenty.
    return Number(Number(t).toFixed(6));
  }
  throw new ImportError(file, row, `expected a number in ${what}`);
}

/** The last day of the quarter a date falls in. */
export function quarterEnd(from: string): string {
  const y = Number(from.slice(0, 4));
  const m = Number(from.slice(5, 7));
  const endMonth = Math.ceil(m / 3) * 3;
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return `${y}-${String(endMonth).padStart(2, '0')}-${last}`;
}

export function yearEnd(from: string): string {
  return `${from.slice(0, 4)}-12-31`;
}

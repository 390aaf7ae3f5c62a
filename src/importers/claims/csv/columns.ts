/**
 * Which cells of a CSV row hold which claimlint column: the header row read against the
 * mapping (or the default names), and warnings for a column the mapping names that the
 * header lacks, and for a column the mapping leaves unread although it is plainly part of
 * a list it reads (`Mod 2` beside a mapped `Mod 1`).
 */
import { ImportError } from '../types';
import { CSV_COLUMNS, headersOf, LIST_COLUMNS, REQUIRED_COLUMNS, type CsvColumn, type CsvMapping, type ListColumn } from './mapping';

/** One cell position of a column and how messages name it: `units`, `"Qty" (units)`. */
export interface ColumnCell {
  at: number;
  name: string;
}

export interface Columns {
  /** The cells of each column found in the header (several for a list key mapped to several). */
  cells: Map<CsvColumn, ColumnCell[]>;
  /** How messages name a column as a whole. */
  name(c: CsvColumn): string;
  warnings: string[];
}

const norm = (h: string) => h.trim().toLowerCase();

function label(header: string, c: CsvColumn): string {
  return norm(header) === c ? c : `"${header}" (${c})`;
}

/** "Submitted Mod 2" → "submitted mod"; undefined without a trailing number. */
function numberedStem(header: string): string | undefined {
  const m = /^(.*?)[\s_\-#.]*\d+$/.exec(header.trim());
  return m && m[1] ? m[1].toLowerCase().replace(/[\s_\-]+/g, ' ') : undefined;
}

const KEYWORDS: Record<ListColumn, readonly string[]> = {
  modifiers: ['mod', 'mods', 'modifier', 'modifiers'],
  diagnoses: ['dx', 'diag', 'diagnosis', 'diagnoses', 'icd'],
  diagnosis_pointers: ['ptr', 'pointer', 'pointers'],
};

function words(header: string): string[] {
  return header.toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

/** Whether an unread header is plainly one more column of list key `c`, read from `read`. */
function related(header: string, c: ListColumn, read: string[]): boolean {
  const stem = numberedStem(header);
  if (stem === undefined) return false;
  if (read.some((r) => (numberedStem(r) ?? r.trim().toLowerCase().replace(/[\s_\-]+/g, ' ')) === stem)) return true;
  const w = words(stem);
  if (c === 'diagnoses' && w.some((x) => KEYWORDS.diagnosis_pointers.includes(x))) return false;
  return w.some((x) => KEYWORDS[c].includes(x));
}

/**
 * The columns of a file: throws when a required column is not in the header. `rows` (the data rows) only count how many rows an unread related
 * column holds values on.
 */
export function readColumns(header: string[], rows: string[][], mapping: CsvMapping, options: { payerType?: unknown }): Columns {
  const cells = new Map<CsvColumn, ColumnCell[]>();
  const warnings: string[] = [];
  const missingRequired: CsvColumn[] = [];
  const required = [...REQUIRED_COLUMNS, ...(options.payerType ? [] : (['payer_type'] as const))];
  for (const c of CSV_COLUMNS) {
    const names = headersOf(mapping, c);
    const found: ColumnCell[] = [];
    const absent: string[] = [];
    for (const name of names) {
      const at = header.findIndex((h) => norm(h) === norm(name));
      if (at >= 0) found.push({ at, name: label(name, c) });
      else absent.push(name);
    }
    if (found.length) cells.set(c, found);
    if (!found.length && required.includes(c)) missingRequired.push(c);
    else if (absent.length && mapping.columns?.[c] !== undefined && !(c === 'payer_type' && options.payerType)) {
      // A mapping may serve several exports, so this is not an error; but nothing is left out unsaid.
      const s = absent.length > 1 ? 's' : '';
      warnings.push(`row 1: no column${s} ${absent.map((a) => `"${a}"`).join(', ')}, which the mapping names for ${c}: ${found.length ? `only ${found.map((f) => f.name).join(', ')} read` : `${c} left out`}`);
    }
  }
  const name = (c: CsvColumn) => {
    const names = headersOf(mapping, c);
    return names.length === 1 ? label(names[0], c) : `${names.map((n) => `"${n}"`).join(', ')} (${c})`;
  };
  missingRequired.sort((a, b) => required.indexOf(a) - required.indexOf(b));
  if (missingRequired.length) {
    throw new ImportError('row 1', `no column ${missingRequired.map(name).join(', ')}${mapping.columns ? '' : ' — name the export’s columns with --map'}`);
  }
  return { cells, name, warnings: [...warnings, ...unreadRelated(header, rows, cells)] };
}

/** One warning per list key whose related columns (`Mod 2`…) are left unread. */
function unreadRelated(header: string[], rows: string[][], cells: Map<CsvColumn, ColumnCell[]>): string[] {
  const used = new Set([...cells.values()].flat().map((c) => c.at));
  const warnings: string[] = [];
  for (const c of LIST_COLUMNS) {
    const read = cells.get(c);
    if (!read) continue;
    const readHeaders = read.map((r) => header[r.at]);
    const unread = header.map((h, at) => ({ h, at })).filter(({ h, at }) => !used.has(at) && related(h, c, readHeaders));
    if (!unread.length) continue;
    const withValues = rows.filter((row) => unread.some(({ at }) => (row[at] ?? '').trim() !== '')).length;
    const all = [...read.map((r) => ({ h: header[r.at], at: r.at })), ...unread].sort((a, b) => a.at - b.at).map((x) => x.h.trim());
    const list = unread.map(({ h }) => `"${h.trim()}"`).join(', ');
    warnings.push(
      `row 1: column${unread.length > 1 ? 's' : ''} ${list} ${unread.length > 1 ? 'are' : 'is'} not read, though ${c} reads ${readHeaders.map((h) => `"${h.trim()}"`).join(', ')}` +
        ` (${withValues ? `${withValues} row${withValues > 1 ? 's have' : ' has'} values there, left out` : 'empty in this file'}); to read ${unread.length > 1 ? 'them' : 'it'}, map ${c}: [${all.join(', ')}]`,
    );
  }
  return warnings;
}

/**
 * Finding a table's header among the rows CMS puts on top (copyright notices, titles,
 * blank lines) by the header names, not by position. CMS stacks some headers over up to
 * four rows (PPRRVU: "NON-FAC" over "PE RVU"), so a column's name is read as the text of
 * one to four consecutive rows joined.
 */
import { ImportError, type Row } from './rows';

export interface ColumnSpec<K extends string> {
  key: K;
  /** What the header says, for messages: e.g. "Column 1". */
  label: string;
  /** Tested against the normalized header text (upper case, single spaces, no footnote marks). */
  match: RegExp;
  optional?: boolean;
}

export interface FoundHeader<K extends string> {
  /** Index in `rows` of the header's last row; data starts after it. */
  end: number;
  columns: Partial<Record<K, number>>;
}

const SEARCH_ROWS = 60;
const MAX_STACK = 4;

export function normalizeHeader(text: string): string {
  return text
    .toUpperCase()
    .replace(/[*†‡]+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

function stacked(rows: Row[], start: number, end: number): string[] {
  const width = Math.max(...rows.slice(start, end + 1).map((r) => r.cells.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts = [];
    for (let r = start; r <= end; r++) {
      const cell = rows[r].cells[c];
      if (cell) parts.push(cell);
    }
    out.push(normalizeHeader(parts.join(' ')));
  }
  return out;
}

function matchColumns<K extends string>(headers: string[], specs: readonly ColumnSpec<K>[]): Partial<Record<K, number>> | undefined {
  const columns: Partial<Record<K, number>> = {};
  const used = new Set<number>();
  for (const spec of specs) {
    const i = headers.findIndex((h, idx) => !used.has(idx) && h !== '' && spec.match.test(h));
    if (i < 0) {
      if (spec.optional) continue;
      return undefined;
    }
    used.add(i);
    columns[spec.key] = i;
  }
  return columns;
}

/**
 * The header: the first row (by where it ends) at which every required column is found,
 * taking the stack depth that finds the most columns. Throws an ImportError naming what
 * was expected when no such row is among the first rows of the file.
 */
export function findHeader<K extends string>(file: string, rows: Row[], specs: readonly ColumnSpec<K>[], what: string): FoundHeader<K> {
  const limit = Math.min(rows.length, SEARCH_ROWS);
  for (let end = 0; end < limit; end++) {
    if (!rows[end].cells.some((c) => c !== '')) continue;
    let best: Partial<Record<K, number>> | undefined;
    for (let depth = 1; depth <= MAX_STACK && end - depth + 1 >= 0; depth++) {
      const cols = matchColumns(stacked(rows, end - depth + 1, end), specs);
      if (cols && (!best || Object.keys(cols).length > Object.keys(best).length)) best = cols;
    }
    if (best) return { end: continuation(rows, end, best, specs[0].key), columns: best };
  }
  const names = specs.filter((s) => !s.optional).map((s) => `"${s.label}"`).join(', ');
  throw new ImportError(file, undefined, `does not look like ${what}: no header row with the columns ${names} in its first ${SEARCH_ROWS} rows`);
}

/**
 * Header text that goes on below the row where every column was found (NCCI's ".txt" puts
 * "prior to 1996", "Date", "9=not applicable" on the lines under the names): rows with an
 * empty key column and no code-like cell, directly under the header, belong to it.
 */
function continuation<K extends string>(rows: Row[], end: number, columns: Partial<Record<K, number>>, key: K): number {
  const keyCol = columns[key]!;
  let e = end;
  while (e + 1 < rows.length && e + 1 - end <= MAX_STACK) {
    const next = rows[e + 1];
    if ((next.cells[keyCol] ?? '') !== '' || next.cells.some((c) => /^[0-9A-Z]{5}$/.test(c))) break;
    if (!next.cells.some((c) => /[A-Za-z]/.test(c))) break;
    e++;
  }
  return e;
}

/** A row's cell by column key ('' when the column is absent or the row is short). */
export function cell<K extends string>(row: Row, header: FoundHeader<K>, key: K): string {
  const i = header.columns[key];
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
}

/** True when a row has at most one non-empty cell: a blank line, a note or a footnote. */
export function isNoteRow(row: Row): boolean {
  return row.cells.filter((c) => c !== '').length <= 1;
}

/**
 * CMS's PPRRVU files read independently of claimlint's importer (csv-parse; columns found by
 * their header words), so that tests can compare what claimlint shows with CMS's own figures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';

/** The codes issue 22 names, compared for every year 2022–2026. */
export const ISSUE_CODES = ['97110', '97112', '97116', '97140', '97150', '97161', '97162', '97163', '97164', '97530', '97535', '97550', '97750', '97760', '92507', '92523'] as const;

export interface CmsRow {
  status: string;
  work: number;
  pe: number;
  mp: number;
  multProc: string;
  cf: number;
}

/**
 * A PPRRVU CSV: the header row is the one whose first cell is HCPCS, a column is found by the
 * words of the (up to 5) header rows above it. Returns the global row (no modifier) of each
 * code asked for.
 */
export function readPprrvu(path: string, codes: readonly string[]): Map<string, CmsRow> {
  const text = readFileSync(path, 'latin1');
  const cells = parseCsv(text, { relax_column_count: true, relax_quotes: true }) as string[][];
  const h = cells.findIndex((r) => r[0]?.trim() === 'HCPCS');
  assert.ok(h > 0, `${path}: header row`);
  const headers = cells[h].map((_, i) => cells.slice(Math.max(0, h - 4), h + 1).map((r) => (r[i] ?? '').trim()).join(' ').replace(/\s+/g, ' ').trim().toUpperCase());
  const col = (re: RegExp) => {
    const i = headers.findIndex((x) => re.test(x));
    assert.ok(i >= 0, `${path}: column ${re}`);
    return i;
  };
  const c = { mod: col(/^MOD$/), status: col(/^STATUS CODE$/), work: col(/^WORK RVU$/), pe: col(/^NON-FAC PE RVU$/), mp: col(/^MP RVU$/), mult: col(/^MULT PROC$/), cf: col(/^CONV FACTOR$/) };
  const want = new Set(codes);
  const out = new Map<string, CmsRow>();
  for (const r of cells.slice(h + 1)) {
    const code = (r[0] ?? '').trim();
    if (!want.has(code) || (r[c.mod] ?? '').trim() !== '') continue;
    out.set(code, { status: r[c.status].trim(), work: Number(r[c.work]), pe: Number(r[c.pe]), mp: Number(r[c.mp]), multProc: r[c.mult].trim(), cf: Number(r[c.cf]) });
  }
  return out;
}

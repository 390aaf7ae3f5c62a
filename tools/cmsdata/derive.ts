/**
 * The built-in fee tables, derived from CMS's own Physician Fee Schedule files (issue 22).
 *
 * Build-time only (not shipped): `node tools/cmsdata/generate.js` reads CMS's files in place
 * from the shared folder beside the project (../shared/cms and ../shared/real-inputs/cms;
 * their SOURCES.md names repository, commit and sha256), and writes, into the built-in pack
 * folder, only the figures claimlint derives from them: per code (global row, no 26/TC
 * modifier) its status, RVU components and MULT PROC indicator; per period the conversion
 * factor. Every table records the CMS file it came from (name, release, sha256, rows read and
 * kept). No CPT descriptor is copied. GPCIs stay out of the built-in data (a locality amount
 * needs an imported pack, `claimlint data import GPCI<yyyy>.csv <yy>LOCCO.csv`): five years of
 * them would not fit the server bundle's budget.
 *
 * The periods: each release answers from its own effective date to the next release's;
 * a period no release on file covers is answered by the same year's nearest release, with
 * that period's own conversion factor, and the table's note says so (2024 January 1 –
 * March 8: RVU24B's RVUs at CF 32.7442; 2026 before July: RVU26C). Consecutive periods of one
 * file make one RVU table with a conversion-factor table per period (the core prices each
 * RVU table with every conversion factor inside its period).
 *
 * Pure: the caller reads the files (bytes by path relative to the shared folder) and writes
 * the result; test/unit/cmsData.test.ts regenerates it and expects the committed files byte
 * for byte.
 */
import { builtinTables, type CfRow, type ManifestTable, type RvuRow } from '../../src/core/packs';
import { pprrvuLayout } from '../../src/datapacks/build/layouts/pprrvu';
import { readRows } from '../../src/datapacks/build/rows';

/** The manifest fragment the built-in pack generator merges (src/datapacks/build/builtin.ts). */
export const CMS_FRAGMENT = 'cms-tables.json';

export interface RvuPeriod {
  from: string;
  to: string;
  /** Path of the PPRRVU file under the shared folder. */
  file: string;
  release: string;
  /** The conversion factor when the file's CONV FACTOR column is not the period's own. */
  cf?: { nonQp: number; source: string; confidence: 'C' | 'S' };
  /** The QP conversion factor, from the year CMS first paid two (2026). */
  qp?: { value: number; source: string };
  /** Which release answers the period, and why. */
  note: string;
}

export const RVU_PERIODS: readonly RvuPeriod[] = [
  {
    from: '2022-01-01', to: '2022-12-31', file: 'cms/rvu22a/PPRRVU22_JAN.csv', release: 'RVU22A',
    note: 'RVU22A (January 2022) answers the whole year: no later 2022 release is on file.',
  },
  {
    from: '2023-01-01', to: '2023-09-30', file: 'real-inputs/cms/PPRRVU23_JAN.trimmed.csv', release: 'RVU23A',
    note: 'RVU23A (January 2023, rows of the catalogued codes) answers until the October release: no April or July 2023 release is on file.',
  },
  {
    from: '2023-10-01', to: '2023-12-31', file: 'cms/rvu23d/PPRRVU23_OCT.csv', release: 'RVU23D',
    note: 'RVU23D (October 2023).',
  },
  {
    from: '2024-01-01', to: '2024-03-08', file: 'cms/rvu24b/PPRRVU24_APR.csv', release: 'RVU24B',
    cf: {
      nonQp: 32.7442,
      source: 'CY 2024 PFS final rule: conversion factor 32.7442 for services January 1 – March 8, 2024 (billing-rules §13.9); no RVU24A file on file to confirm it',
      confidence: 'S',
    },
    note: 'No RVU24A (January 2024) file is on file: RVU24B\'s RVUs (the same year\'s nearest release) at the January 1 – March 8 conversion factor 32.7442.',
  },
  {
    from: '2024-03-09', to: '2024-06-30', file: 'cms/rvu24b/PPRRVU24_APR.csv', release: 'RVU24B',
    note: 'RVU24B (April 2024), with the conversion factor 33.2875 in force from March 9, 2024.',
  },
  {
    from: '2024-07-01', to: '2024-12-31', file: 'cms/rvu24c/PPRRVU24_JUL.csv', release: 'RVU24C',
    note: 'RVU24C (July 2024) answers the rest of the year: no October 2024 release is on file.',
  },
  {
    from: '2025-01-01', to: '2025-09-30', file: 'real-inputs/cms/PPRRVU25_JAN1.trimmed.csv', release: 'RVU25A',
    note: 'RVU25A (January 2025, as a spreadsheet re-saved it; rows of the catalogued codes) answers until the October release.',
  },
  {
    from: '2025-10-01', to: '2025-12-31', file: 'cms/rvu25d/PPRRVU2025_Oct.csv', release: 'RVU25D',
    note: 'RVU25D (October 2025).',
  },
  {
    from: '2026-01-01', to: '2026-12-31', file: 'cms/rvu26c/PPRRVU2026_Jul_nonQPP.csv', release: 'RVU26C',
    qp: { value: 33.5675, source: 'CY 2026 PFS final rule: qualifying APM participant conversion factor 33.5675 (billing-rules §6 [S43][S44][S45])' },
    note: 'No RVU26A or RVU26B file is on file: RVU26C (July 2026, non-QP rates) answers the whole year.',
  },
];

export interface DerivedTables {
  /** Table file name → text (one row per line, as every pack table). */
  files: Map<string, string>;
  /** The manifest entries of those tables (written as cms-tables.json). */
  tables: ManifestTable[];
}

type Read = (path: string) => Uint8Array;
type Hash = (data: Uint8Array | string) => string;

/** One row per line, as the importer writes tables. */
function tableText(rows: readonly unknown[]): string {
  return rows.length ? `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[]\n';
}

function byCode(a: { code: string }, b: { code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The RVU and conversion-factor tables from CMS's files. */
export function deriveCmsTables(read: Read, sha256: Hash): DerivedTables {
  const keep = new Set(builtinTables.codes.map((c) => c.code));
  const files = new Map<string, string>();
  const tables: ManifestTable[] = [];
  const parsed = new Map<string, { rows: RvuRow[]; read: number; cf: number; bytes: Uint8Array }>();
  // Releases whose catalogued rows are identical (RVU23A and RVU23D, 24B and 24C, 25A and 25D)
  // share one file: each keeps its own manifest entry (release, period, CMS file, sha256).
  const byText = new Map<string, string>();
  const add = (meta: Omit<ManifestTable, 'file' | 'sha256' | 'rows'>, rows: unknown[]) => {
    const text = tableText(rows);
    const file = byText.get(`${meta.table}\n${text}`) ?? `${meta.table}-${meta.effective.from}.json`;
    byText.set(`${meta.table}\n${text}`, file);
    files.set(file, text);
    tables.push({ ...meta, file, sha256: sha256(text), rows: rows.length });
  };

  for (const p of RVU_PERIODS) {
    let got = parsed.get(p.file);
    if (!got) {
      const bytes = read(p.file);
      const result = pprrvuLayout.parse(p.file, readRows(p.file, bytes), (c) => keep.has(c));
      const cf = result.extra?.conversionFactor;
      if (cf === undefined) throw new Error(`${p.file}: no conversion factor in CONV FACTOR`);
      got = { rows: [...result.rows].sort(byCode), read: result.read, cf, bytes };
      parsed.set(p.file, got);
    }
    const input = { name: p.file, sha256: sha256(got.bytes), bytes: got.bytes.length, rows: got.read, kept: got.rows.length };
    const effective = { from: p.from, to: p.to };
    const run = RVU_PERIODS.filter((q) => q.file === p.file);
    const cfRow: CfRow = p.cf
      ? { nonQp: p.cf.nonQp, qp: p.qp?.value ?? p.cf.nonQp, source: p.cf.source, confidence: p.cf.confidence }
      : p.qp
        ? { nonQp: got.cf, qp: p.qp.value, source: `non-QP ${got.cf}: CONV FACTOR column of CMS's ${p.release} file; QP ${p.qp.source}`, confidence: 'C' }
        : { nonQp: got.cf, qp: got.cf };
    add({ table: 'conversion-factor', release: p.release, effective, inputs: [input], note: p.note }, [cfRow]);
    // One RVU table per file, over all of its periods (RVU24B: 2024-01-01 to 06-30, two factors).
    if (run[0] !== p) continue;
    const note = run.length === 1 ? p.note : run.map((q) => q.note).join(' ');
    add({ table: 'pfs-rvu', release: p.release, effective: { from: p.from, to: run[run.length - 1].to }, inputs: [input], note }, got.rows);
  }

  tables.sort((a, b) => (a.table + a.effective.from < b.table + b.effective.from ? -1 : 1));
  return { files, tables };
}

/** The fragment file's text: the tables' manifest entries. */
export function fragmentText(tables: readonly ManifestTable[]): string {
  return JSON.stringify(tables, null, 2) + '\n';
}

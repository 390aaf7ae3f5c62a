/**
 * `claimlint data import`, the pure part: CMS files (bytes) in, a data pack (file names and
 * their text) out. Nothing here touches the file system; the CLI reads the files, opens
 * zips, and writes the pack into a temporary folder that it renames into place, so a
 * failed import leaves nothing behind.
 *
 * The therapy filter: a code is kept when it is on the Annual Therapy Code List given in
 * the same import or in claimlint's built-in code catalogue. An NCCI pair is kept when both
 * of its codes are kept; an MUE and an RVU row when its code is kept; GPCIs are kept for
 * every locality.
 */
import { builtinTables, MANIFEST_FILE, PACK_FORMAT, PACK_VERSION, type GpciRow, type ManifestTable, type PackManifest, type TableName, type TableRows } from '../../core/packs';
import { gpciLayout } from './layouts/gpci';
import type { Layout, LayoutKind, LocalityRow, ParsedRows } from './layouts/layout';
import { localityLayout } from './layouts/locality';
import { mueLayout } from './layouts/mue';
import { ncciLayout } from './layouts/ncci';
import { pprrvuLayout } from './layouts/pprrvu';
import { therapyLayout } from './layouts/therapy';
import { ImportError, readRows, type Row } from './rows';
import { parseDate, quarterEnd, yearEnd } from './values';

export { ImportError } from './rows';
export { unzipBounded, UnzipBudget, ZIP_LIMITS } from './unzip';
export { XLSX_LIMITS } from './xlsx';

/** Most specific names first: "therapy" is tested last. */
const LAYOUTS: readonly Layout<LayoutKind, unknown>[] = [ncciLayout, mueLayout, pprrvuLayout, gpciLayout, localityLayout, therapyLayout] as Layout<LayoutKind, unknown>[];

export interface ImportInput {
  /** The file's name as the user knows it; a zip member is "archive.zip!member.txt". */
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  packName: string;
  /** "claimlint 0.1.0". */
  createdBy: string;
  /** First date of service for files whose CMS name does not tell it (YYYY-MM-DD). */
  effective?: string;
  sha256: (data: Uint8Array | string) => string;
  /**
   * The files are claimlint's own source tables (data/source, `npm run data:builtin`):
   * their "claimlint …" columns are read (./curated.ts), every row names its source, and a
   * table's period is the span of its rows' dates (open-ended when a row has no end), not
   * the period the file name tells. Release "curated".
   */
  curated?: boolean;
}

export interface ImportedPack {
  manifest: PackManifest;
  /** File name in the pack folder → text; includes the manifest. */
  files: Map<string, string>;
}

interface Parsed {
  input: ImportInput;
  layout: Layout<LayoutKind, unknown>;
  release: string;
  from: string;
  to?: string;
  qp: boolean;
  rows: Row[];
  result?: ParsedRows<unknown>;
}

function identify(input: ImportInput, rows: Row[]): Layout<LayoutKind, unknown> {
  const base = input.name.split(/[\\/!]/).pop() ?? input.name;
  const byName = LAYOUTS.find((l) => l.fileName.test(base));
  if (byName) {
    byName.header(input.name, rows);
    return byName;
  }
  for (const layout of LAYOUTS) {
    try {
      layout.header(input.name, rows);
      return layout;
    } catch {
      // not this one
    }
  }
  throw new ImportError(
    input.name,
    undefined,
    'not a CMS file claimlint imports: expected an NCCI PTP practitioner edits file, an MUE practitioner services table, a PPRRVU file, a GPCI file, a locality (LOCCO) table or the Annual Therapy Code List, with its header row',
  );
}

function period(input: ImportInput, layout: Layout<LayoutKind, unknown>, effective: string | undefined) {
  const base = input.name.split(/[\\/]/).pop() ?? input.name;
  const named = layout.period(base);
  let from = named?.from;
  let release = named?.release;
  if (from === undefined) {
    if (effective === undefined) {
      throw new ImportError(input.name, undefined, `the file name does not tell which period it covers (CMS names it like ${example(layout.kind)}); keep CMS's name or pass --effective YYYY-MM-DD`);
    }
    if (parseDate(effective) !== effective) throw new ImportError(input.name, undefined, '--effective must be a date YYYY-MM-DD');
    from = effective;
    release = `effective ${effective}`;
  }
  const to = layout.periodLength === 'quarter' ? quarterEnd(from) : yearEnd(from);
  return { from, to, release: release!, qp: named?.qp ?? false };
}

/** A curated table's period: the span of its rows' dates; open-ended when a row has no end. */
function curatedPeriod(input: ImportInput, rows: readonly unknown[]): { from: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined = '0000-01-01';
  for (const r of rows as { from?: string; to?: string }[]) {
    if (r.from === undefined) throw new ImportError(input.name, undefined, 'a curated table needs dates on every row (claimlint From, or the effective date)');
    if (from === undefined || r.from < from) from = r.from;
    if (r.to === undefined) to = undefined;
    else if (to !== undefined && r.to > to) to = r.to;
  }
  if (from === undefined) throw new ImportError(input.name, undefined, 'no rows: a curated source table has at least one');
  return to === undefined ? { from } : { from, to };
}

function example(kind: LayoutKind): string {
  return {
    'ncci-ptp': 'ccipra-v320r0-f1.txt',
    mue: 'MCR_MUE_PractitionerServices_Eff_01-01-2026.csv',
    'pfs-rvu': 'PPRRVU2026_Jan_nonQPP.csv',
    'conversion-factor': 'PPRRVU2026_Jan_nonQPP.csv',
    gpci: 'GPCI2026.csv',
    locality: '26LOCCO.csv',
    'therapy-codes': '2026 Annual Therapy Code List.xlsx',
  }[kind];
}

/**
 * An input as the manifest records it: its file name, never the folder it was read from
 * (`/home/me/RVU26C.zip!PPRRVU2026_Jan_nonQPP.csv` → `RVU26C.zip!PPRRVU2026_Jan_nonQPP.csv`;
 * a zip member keeps its path in the zip). With its sha256 that identifies the file.
 * Messages still name the file as the user gave it.
 */
export function recordedName(name: string): string {
  const bang = name.indexOf('!');
  const file = bang < 0 ? name : name.slice(0, bang);
  return (file.split(/[\\/]/).pop() ?? file) + (bang < 0 ? '' : name.slice(bang));
}

/** Rows in a fixed order so that importing the same files gives the same bytes. */
function sortRows(kind: TableName, rows: unknown[]): unknown[] {
  const key = (r: Record<string, unknown>): string =>
    kind === 'ncci-ptp' ? `${r.column1} ${r.column2} ${r.from}` : kind === 'gpci' ? `${r.mac} ${r.locality}` : String(r.code ?? '');
  return [...rows].sort((a, b) => {
    const ka = key(a as Record<string, unknown>);
    const kb = key(b as Record<string, unknown>);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** One row per line: small diffs when a quarter changes a few rows. */
export function tableText(rows: readonly unknown[]): string {
  return rows.length ? `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n` : '[]\n';
}

export function importPack(inputs: readonly ImportInput[], options: ImportOptions): ImportedPack {
  if (!inputs.length) throw new ImportError('(no files)', undefined, 'give at least one CMS file to import');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(options.packName)) {
    throw new ImportError(options.packName, undefined, 'a pack name may use letters, digits, ".", "_" and "-" (at most 64)');
  }
  const curated = options.curated === true;
  const parsed: Parsed[] = inputs.map((input) => {
    const rows = readRows(input.name, input.bytes);
    const layout = identify(input, rows);
    if (curated) {
      const base = input.name.split(/[\\/]/).pop() ?? input.name;
      // Filled in from the rows once they are parsed.
      return { input, layout, rows, release: 'curated', from: '', qp: layout.period(base)?.qp ?? /_qpp/i.test(base) };
    }
    return { input, layout, rows, ...period(input, layout, options.effective) };
  });

  // The therapy list first: it widens what the other tables keep.
  const keepCodes = new Set(builtinTables.codes.map((c) => c.code));
  const builtinCount = keepCodes.size;
  let listed = 0;
  for (const p of parsed.filter((q) => q.layout.kind === 'therapy-codes')) {
    p.result = p.layout.parse(p.input.name, p.rows, () => true, curated);
    for (const r of p.result.rows as TableRows['therapy-codes'][]) keepCodes.add(r.code);
    listed += p.result.rows.length;
  }
  const keep = (code: string) => keepCodes.has(code);
  for (const p of parsed) p.result ??= p.layout.parse(p.input.name, p.rows, keep, curated);
  if (curated) for (const p of parsed) Object.assign(p, curatedPeriod(p.input, p.result!.rows));

  // Group into tables: one per kind and period (the f1…f4 parts of a PTP release join).
  const groups = new Map<string, Parsed[]>();
  for (const p of parsed) {
    const kind = p.layout.kind === 'pfs-rvu' && p.qp ? 'pfs-rvu-qp' : p.layout.kind;
    const k = `${kind} ${p.from}`;
    const g = groups.get(k);
    if (g) {
      if (g[0].release !== p.release) {
        throw new ImportError(p.input.name, undefined, `${g[0].input.name} is release ${g[0].release} of the same table for the same period; import one release per period`);
      }
      g.push(p);
    } else groups.set(k, [p]);
  }

  const tables: { meta: Omit<ManifestTable, 'sha256' | 'file'>; rows: unknown[] }[] = [];
  const inputsOf = (g: Parsed[]) =>
    // The built-in pack's sources keep their path in the repository (data/source/…).
    g.map((p) => ({ name: curated ? p.input.name : recordedName(p.input.name), sha256: options.sha256(p.input.bytes), bytes: p.input.bytes.length, rows: p.result!.read, kept: p.result!.rows.length }));

  for (const [key, g] of groups) {
    const kind = key.split(' ')[0];
    const first = g[0];
    if (kind === 'locality') {
      const gpci = groups.get(`gpci ${first.from}`);
      if (!gpci) throw new ImportError(first.input.name, undefined, `the locality table only adds counties to GPCIs: import it with the GPCI file of ${first.from.slice(0, 4)}`);
      const counties = new Map((g.flatMap((p) => p.result!.rows) as LocalityRow[]).map((r) => [`${r.mac} ${r.locality}`, r.counties]));
      for (const row of gpci.flatMap((p) => p.result!.rows) as GpciRow[]) {
        const c = counties.get(`${row.mac} ${row.locality}`);
        if (c) row.counties = c;
      }
      continue;
    }
    if (kind === 'pfs-rvu-qp') continue;
    const rows = g.flatMap((p) => p.result!.rows);
    const effective = first.to === undefined ? { from: first.from } : { from: first.from, to: first.to };
    let tableInputs = inputsOf(g);
    if (kind === 'pfs-rvu') {
      const qpGroup = groups.get(`pfs-rvu-qp ${first.from}`);
      const nonQp = first.result!.extra?.conversionFactor;
      const qp = qpGroup?.[0].result!.extra?.conversionFactor ?? nonQp;
      if (nonQp === undefined || qp === undefined) {
        throw new ImportError(first.input.name, undefined, 'expected the conversion factor in the CONV FACTOR column');
      }
      if (qpGroup) tableInputs = [...tableInputs, ...inputsOf(qpGroup)];
      const cfSource = first.result!.extra?.cfSource;
      tables.push({ meta: { table: 'conversion-factor', rows: 1, release: first.release, effective, inputs: tableInputs }, rows: [{ nonQp, qp, ...cfSource }] });
    }
    tables.push({ meta: { table: kind as TableName, rows: rows.length, release: first.release, effective, inputs: tableInputs }, rows: sortRows(kind as TableName, rows) });
  }
  for (const [key, g] of groups) {
    if (key.startsWith('pfs-rvu-qp ') && !groups.has(`pfs-rvu ${g[0].from}`)) {
      throw new ImportError(g[0].input.name, undefined, 'a QPP relative value file is read together with the non-QPP file of the same release; import both');
    }
  }

  const files = new Map<string, string>();
  const manifestTables: ManifestTable[] = [];
  tables.sort((a, b) => (a.meta.table + a.meta.effective.from < b.meta.table + b.meta.effective.from ? -1 : 1));
  for (const t of tables) {
    const file = `${t.meta.table}-${t.meta.effective.from}.json`;
    const text = tableText(t.rows);
    files.set(file, text);
    manifestTables.push({ ...t.meta, rows: t.rows.length, file, sha256: options.sha256(text) });
  }
  const filter =
    `Codes kept: ${listed ? `the Annual Therapy Code List given (${listed} codes) and ` : ''}claimlint's built-in code catalogue (${builtinCount} codes), ${keepCodes.size} in all. ` +
    'An NCCI pair is kept when both codes are kept; an MUE or RVU row when its code is kept (RVUs of the global service only, no modifier); GPCIs for every locality.';
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    name: options.packName,
    createdBy: options.createdBy,
    filter,
    tables: manifestTables,
  };
  files.set(MANIFEST_FILE, JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, files };
}

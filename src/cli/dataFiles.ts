/**
 * The file side of `claimlint data import`: reading the CMS files (a zip as CMS ships it,
 * or the extracted file) and writing a pack folder all at once. Zips are read with fflate
 * (small, no dependencies, synchronous, also used to read .xlsx workbooks).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { ImportError as DataImportError, type ImportInput, unzipBounded, UnzipBudget } from '../datapacks/build';
import { MANIFEST_FILE } from '../core/packs';
import { FileReadError, READ_LIMITS, readBounded } from '../node/boundedRead';

/** Names of the CMS table files claimlint reads (checked against a zip member's base name). */
const TABLE_NAME = /cci-?pra|mue|pprrvu|gpci|locco|therapy/i;
const TABLE_EXT = /\.(txt|csv|xlsx)$/i;
/** When a zip holds one table in several forms (PPRRVU .csv, .txt and .xlsx), read one. */
const PREFERENCE = ['.csv', '.txt', '.xlsx'];

export interface ReadResult {
  inputs: ImportInput[];
  /** Zip members passed over, for the summary. */
  skipped: string[];
}

function isZipBytes(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export function readImportFiles(paths: readonly string[]): ReadResult | { error: string } {
  const inputs: ImportInput[] = [];
  const skipped: string[] = [];
  const budget = new UnzipBudget();
  for (const path of paths) {
    let bytes: Uint8Array;
    try {
      bytes = readBounded(path, READ_LIMITS.dataInput);
    } catch (err) {
      if (err instanceof FileReadError) return { error: `${path}: ${err.message}` };
      throw err;
    }
    if (/\.zip$/i.test(path) && isZipBytes(bytes)) {
      const r = zipMembers(path, bytes, 0, budget);
      if ('error' in r) return r;
      if (!r.inputs.length) return { error: `${path}: no CMS table inside (expected files named like ccipra…, MCR_MUE_…, PPRRVU…, GPCI…, …LOCCO…, or the therapy code list)` };
      for (const i of r.inputs) inputs.push(i);
      for (const s of r.skipped) skipped.push(s);
    } else inputs.push({ name: path, bytes });
  }
  return { inputs, skipped };
}

/** The member names of a zip, read from its directory without inflating anything. */
function memberNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      names.push(f.name);
      return false;
    },
  });
  return names;
}

function zipMembers(zipName: string, bytes: Uint8Array, depth: number, budget: UnzipBudget): ReadResult | { error: string } {
  let names: string[];
  try {
    names = memberNames(bytes);
  } catch (err) {
    return { error: `${zipName}: not a readable zip (${(err as Error).message})` };
  }
  const skipped: string[] = [];
  const nested: string[] = [];
  const chosen = new Map<string, string>();
  for (const member of names.sort()) {
    const base = member.split('/').pop() ?? member;
    if (member.endsWith('/')) continue;
    if (/\.zip$/i.test(base) && depth === 0) {
      nested.push(member);
      continue;
    }
    if (!TABLE_NAME.test(base) || !TABLE_EXT.test(base)) {
      skipped.push(`${zipName}!${member}`);
      continue;
    }
    const stem = base.replace(TABLE_EXT, '').toLowerCase();
    const ext = (TABLE_EXT.exec(base)![0] ?? '').toLowerCase();
    const prev = chosen.get(stem);
    if (prev !== undefined && PREFERENCE.indexOf(prev.slice(prev.lastIndexOf('.')).toLowerCase()) <= PREFERENCE.indexOf(ext)) {
      skipped.push(`${zipName}!${member}`);
      continue;
    }
    if (prev !== undefined) skipped.push(`${zipName}!${prev}`);
    chosen.set(stem, member);
  }
  // Only the tables and the zips inside are inflated, within the run's budget (docs/limits.md).
  const wanted = new Set([...nested, ...chosen.values()]);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipBounded(zipName, bytes, budget, (message) => new Error(message), (member) => wanted.has(member));
  } catch (err) {
    return { error: err instanceof DataImportError ? err.message : `${zipName}: not a readable zip (${(err as Error).message})` };
  }
  const inputs: ImportInput[] = [];
  for (const member of nested) {
    const inner = zipMembers(`${zipName}!${member}`, files[member], 1, budget);
    if ('error' in inner) return inner;
    for (const i of inner.inputs) inputs.push(i);
    for (const s of inner.skipped) skipped.push(s);
  }
  for (const member of chosen.values()) inputs.push({ name: `${zipName}!${member}`, bytes: files[member] });
  return { inputs, skipped };
}

/**
 * Writes the pack: every file into a temporary sibling folder, then one rename into place,
 * so a reader never sees half a pack. An existing folder is replaced only when it is a
 * pack and `force` is set.
 */
export function writePack(outDir: string, files: Map<string, string>, force: boolean): { error: string } | undefined {
  const out = resolve(outDir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) return { error: `${outDir}: exists and is not a folder` };
    const entries = readdirSync(out);
    if (entries.length && !entries.includes(MANIFEST_FILE)) return { error: `${outDir}: exists and is not a data pack; give a new or empty folder` };
    if (entries.length && !force) return { error: `${outDir}: a data pack is already there; add --force to replace it` };
  }
  const parent = dirname(out);
  const tmp = join(parent, `.${basename(out)}.tmp-${process.pid}`);
  const old = join(parent, `.${basename(out)}.old-${process.pid}`);
  try {
    mkdirSync(parent, { recursive: true });
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    for (const [name, text] of files) writeFileSync(join(tmp, name), text);
    if (existsSync(out)) renameSync(out, old);
    renameSync(tmp, out);
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(out) && existsSync(old)) renameSync(old, out);
    return { error: `${outDir}: cannot write (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  return undefined;
}

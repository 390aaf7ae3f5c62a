/**
 * A pack table's rows as the entries the rules and pricing read (NcciPair, MueEntry,
 * FeeEntry, ConversionFactor). One conversion for every pack, the built-in one included:
 * a curated row (built-in pack) keeps its own source, confidence and dates; a row imported
 * from a CMS file is sourced to that file ("NCCI PTP practitioner edits v321r0, effective
 * 2026-04-01 (pack: cms-2026q2)") and dated by its table's period.
 */
import { roundCents, rvuSum } from './cents';
import { TABLE_LABELS, type ManifestTable, type TableName, type TableRows } from './packTypes';
import type { ConversionFactor, FeeEntry, MueEntry, NcciPair } from './types';

type Meta = Pick<ManifestTable, 'release' | 'effective'> & { inputs?: ManifestTable['inputs'] };

const PFS_PARTS: Partial<Record<TableName, string>> = { 'pfs-rvu': '', 'conversion-factor': ' conversion factor', gpci: ' GPCIs' };

/**
 * "NCCI PTP practitioner edits v320r0, effective 2026-01-01 (pack: ncci-2026q1)"; a fee
 * schedule table names CMS's release and its files: "CMS PFS RVU25D (PPRRVU2025_Oct.csv),
 * effective 2025-10-01 (pack: built-in)".
 */
export function provenance(table: TableName, release: string, from: string, pack: string, inputs?: ManifestTable['inputs']): string {
  const part = PFS_PARTS[table];
  if (part === undefined) return `${TABLE_LABELS[table]} ${release}, effective ${from} (pack: ${pack})`;
  const files = inputs?.length ? ` (${inputs.map((i) => i.name.split(/[\\/!]/).pop()).join(', ')})` : '';
  return `CMS PFS ${release}${part}${files}, effective ${from} (pack: ${pack})`;
}

/** from/to without undefined-valued keys. */
function dated<T extends object>(entry: T, from: string, to: string | undefined): T & { from: string; to?: string } {
  return to === undefined ? { ...entry, from } : { ...entry, from, to };
}

export function ncciEntries(rows: readonly TableRows['ncci-ptp'][], meta: Meta, pack: string): NcciPair[] {
  return rows.map((r) => {
    const pair: NcciPair = dated(
      {
        column1: r.column1,
        column2: r.column2,
        modifierIndicator: r.modifierIndicator,
        source: r.source ?? provenance('ncci-ptp', meta.release, r.from, pack),
        confidence: r.confidence ?? 'C',
      },
      r.from,
      r.to,
    );
    if (r.indicatorConfidence) pair.indicatorConfidence = r.indicatorConfidence;
    if (r.source === undefined) pair.fromCmsFile = true;
    const note = r.note ?? r.rationale;
    if (note) pair.note = note;
    return pair;
  });
}

export function mueEntries(rows: readonly TableRows['mue'][], meta: Meta, pack: string): MueEntry[] {
  const p = meta.effective;
  return rows.map((r) => {
    const entry: MueEntry = dated(
      { code: r.code, maxUnits: r.maxUnits, source: r.source ?? provenance('mue', meta.release, p.from, pack), confidence: r.confidence ?? 'C' },
      r.from ?? p.from,
      r.from !== undefined ? r.to : p.to,
    );
    if (r.mai !== undefined) entry.mai = r.mai;
    return entry;
  });
}

export function cfEntries(rows: readonly TableRows['conversion-factor'][], meta: Meta, pack: string): ConversionFactor[] {
  const p = meta.effective;
  return rows.map((r) =>
    dated(
      { nonQp: r.nonQp, qp: r.qp, source: r.source ?? provenance('conversion-factor', meta.release, p.from, pack, meta.inputs), confidence: r.confidence ?? 'C' },
      p.from,
      p.to,
    ),
  );
}

/**
 * Fee entries of one PPRRVU table priced with its conversion factor: only codes with a
 * national amount (status A, R, T); total RVUs non-facility; amount = RVUs × non-QP CF.
 */
export function feeEntries(rows: readonly TableRows['pfs-rvu'][], cf: ConversionFactor, meta: Meta, pack: string): FeeEntry[] {
  const p = meta.effective;
  const fees: FeeEntry[] = [];
  for (const r of rows) {
    if (!['A', 'R', 'T'].includes(r.status)) continue;
    const totalRvu = rvuSum(r.workRvu, r.peNonFacility, r.mpRvu);
    // Status R with no RVUs (97545): restricted coverage, the contractor prices it; no national amount.
    if (totalRvu === 0) continue;
    const own = provenance('pfs-rvu', meta.release, p.from, pack, meta.inputs);
    const cfFromFile = cf.source === provenance('conversion-factor', meta.release, p.from, pack, meta.inputs);
    const source = r.source
      ? `RVUs: ${r.source}; CF ${cf.nonQp}: ${cf.source}; amount RVU × CF`
      : cfFromFile
        ? own
        : `${own}; CF ${cf.nonQp}: ${cf.source}`;
    const fee: FeeEntry = dated(
      {
        code: r.code,
        totalRvu,
        workRvu: r.workRvu,
        peRvu: r.peNonFacility,
        mpRvu: r.mpRvu,
        nationalAmount: roundCents(totalRvu * cf.nonQp),
        conversionFactor: cf.nonQp,
        source,
        confidence: r.confidence ?? (cfFromFile ? 'C' : cf.confidence),
        release: meta.release,
        status: r.status,
      },
      r.from ?? p.from,
      r.from !== undefined ? r.to : p.to,
    );
    if (r.multProc) fee.multProc = r.multProc;
    fees.push(fee);
  }
  return fees;
}

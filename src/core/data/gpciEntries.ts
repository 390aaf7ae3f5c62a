/** A pack's GPCI rows as the entries locality pricing reads, dated by their table's period. */
import { provenance } from './packRows';
import type { ManifestTable, TableRows } from './packTypes';
import type { Sourced } from './types';

/** A locality's GPCIs for a period. */
export interface GpciEntry extends Sourced {
  mac: string;
  locality: string;
  state: string;
  name: string;
  work: number;
  pe: number;
  mp: number;
  counties?: string;
  from: string;
  to?: string;
}

export function gpciEntries(rows: readonly TableRows['gpci'][], meta: Pick<ManifestTable, 'release' | 'effective' | 'inputs'>, pack: string): GpciEntry[] {
  const p = meta.effective;
  const source = provenance('gpci', meta.release, p.from, pack, meta.inputs);
  return rows.map((r) => ({ ...r, from: p.from, to: p.to, source, confidence: 'C' }));
}

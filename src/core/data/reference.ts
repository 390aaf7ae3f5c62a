/**
 * The reference data an audit runs on: the built-in curated tables, overlaid by the data
 * packs the config names. For each table and date of service, the pack whose effective
 * period covers the date and starts latest wins (a later pack in the list wins a tie);
 * where no pack covers a date, the built-in table answers.
 *
 * The core receives packs already read (see packLoad.ts); it never reads files.
 */
import { priceClaimLines as priceDayWith, priceLine as priceWith, type ClaimPrice, type ClaimPriceInput, type PriceLineInput, type PricedLine, type PriceLookup } from '../billing/pricing';
import { pickEffective } from './effective';
import { BUILTIN_LOADED, BUILTIN_PACK, BUILTIN_RVU_TABLES } from './builtinPack';
import { gpciEntries, type GpciEntry } from './gpciEntries';
import { type LoadedPack, type Period, type TableName, type TableRows } from './packTypes';
import { cfEntries, feeEntries, mueEntries, ncciEntries, provenance } from './packRows';
import type { AssistantDifferential, CodeInfo, ConversionFactor, FeeEntry, KxThreshold, ModifierInfo, MueEntry, NcciPair } from './types';
import type { SameDayExclusiveGroup } from './ncci';
import {
  tables as builtin,
  allCodes as builtinAllCodes,
  assistantDifferential as builtinAssistantDifferential,
  codeInfo as builtinCodeInfo,
  groupBy,
  isKnownCodeAnyDate as builtinIsKnownCodeAnyDate,
  kxThreshold as builtinKxThreshold,
  modifierInfo as builtinModifierInfo,
  sameDayGroupsFor as builtinSameDayGroupsFor,
} from './index';

/** A code only an imported therapy code list knows (ReferenceData.listedCode). */
export interface ListedCode {
  code: string;
  therapy: CodeInfo['therapy'];
  /** The list and pack it comes from, e.g. "Annual Therapy Code List 2026, effective 2026-01-01 (pack: cms-2026)". */
  source: string;
}

export type { GpciEntry } from './gpciEntries';

/** What CMS's PPRRVU says of a code for a period, whatever its status (B, I, N … included). */
export interface PfsStatusEntry {
  code: string;
  status: string;
  multProc: string;
  release: string;
  source: string;
  from: string;
  to?: string;
}

/** What one pack says about one table: shown by `data info` and used for coverage. */
export interface TableCoverage {
  table: TableName;
  pack: string;
  release: string;
  from: string;
  /** Undefined: open-ended (curated data with no end date). */
  to?: string;
  rows: number;
  /** Which release answers the period, when not the obvious one. */
  note?: string;
}

export interface PackSummary {
  name: string;
  origin: string;
  filter: string;
  tables: TableCoverage[];
}

interface Layer<T> {
  pack: string;
  release: string;
  period: { from: string; to?: string };
  entries: T[];
  /** Position in the pack list (built-in 0). */
  order: number;
}

function covers(p: { from: string; to?: string }, date: string): boolean {
  return date >= p.from && (p.to === undefined || date <= p.to);
}

function span(entries: readonly { from: string; to?: string }[]): { from: string; to?: string } {
  let from = '9999-12-31';
  let to: string | undefined = '0000-01-01';
  for (const e of entries) {
    if (e.from < from) from = e.from;
    if (e.to === undefined) to = undefined;
    else if (to !== undefined && e.to > to) to = e.to;
  }
  return { from, to };
}

function rowsOf<K extends TableName>(pack: LoadedPack, table: K): { meta: LoadedPack['tables'][number]['meta']; rows: TableRows[K][] }[] {
  return pack.tables.filter((t) => t.meta.table === table) as { meta: LoadedPack['tables'][number]['meta']; rows: TableRows[K][] }[];
}

export class ReferenceData {
  /** Changes whenever the packs do: part of the audit cache key. */
  readonly key: string;
  readonly packs: PackSummary[];
  private readonly ncci: Layer<NcciPair>[] = [];
  private readonly mue: Layer<MueEntry>[] = [];
  private readonly fees: Layer<FeeEntry>[] = [];
  private readonly cf: Layer<ConversionFactor>[] = [];
  private readonly gpci: Layer<GpciEntry>[] = [];
  private readonly rvu: Layer<PfsStatusEntry>[] = [];
  private readonly therapy: Layer<{ code: string; therapy: CodeInfo['therapy']; source: string }>[] = [];
  private readonly index = new WeakMap<object, Map<string, unknown[]>>();
  private readonly covered = new Map<TableName, { from: string; to?: string } | undefined>();

  constructor(packs: readonly LoadedPack[] = []) {
    const name = BUILTIN_PACK.name;
    const builtinSummary: PackSummary = {
      name,
      origin: 'built-in',
      filter: BUILTIN_PACK.filter,
      tables: BUILTIN_LOADED.tables.map((t) => summaryOf(t.meta, name, t.rows.length)),
    };
    const addBuiltin = <T extends { from: string; to?: string }>(table: TableName, layers: Layer<T>[], entries: readonly T[]) => {
      if (!entries.length) return;
      layers.push({ pack: name, release: 'built-in', period: span(entries), entries: [...entries], order: 0 });
    };
    addBuiltin('ncci-ptp', this.ncci, builtin.ncciPairs);
    addBuiltin('mue', this.mue, builtin.mues);
    addBuiltin('pfs-rvu', this.fees, builtin.fees);
    addBuiltin('conversion-factor', this.cf, builtin.conversionFactors);
    addBuiltin('pfs-rvu', this.rvu, BUILTIN_RVU_TABLES.flatMap((t) => statusEntries(t.rows, t.meta, name)));
    this.packs = [builtinSummary];

    packs.forEach((pack, i) => this.addPack(pack, i + 1));
    this.key = packs.map((p) => `${p.manifest.name}:${p.tables.map((t) => t.meta.sha256.slice(0, 12)).join(',')}`).join(';');
  }

  private addPack(pack: LoadedPack, order: number): void {
    const name = pack.manifest.name;
    const summary: PackSummary = { name, origin: pack.origin, filter: pack.manifest.filter, tables: pack.tables.map((t) => summaryOf(t.meta, name, t.rows.length)) };
    this.packs.push(summary);
    // A table that kept no rows answers nothing: it must not hide the built-in table for its period.
    const layer = <T>(meta: { release: string; effective: Period }, entries: T[]): Layer<T>[] =>
      entries.length ? [{ pack: name, release: meta.release, period: meta.effective, entries, order }] : [];

    for (const { meta, rows } of rowsOf(pack, 'ncci-ptp')) this.ncci.push(...layer(meta, ncciEntries(rows, meta, name)));
    for (const { meta, rows } of rowsOf(pack, 'mue')) this.mue.push(...layer(meta, mueEntries(rows, meta, name)));
    for (const { meta, rows } of rowsOf(pack, 'conversion-factor')) this.cf.push(...layer(meta, cfEntries(rows, meta, name)));
    for (const { meta, rows } of rowsOf(pack, 'pfs-rvu')) {
      const cfTable = rowsOf(pack, 'conversion-factor').find((c) => c.meta.effective.from === meta.effective.from);
      const cf = cfTable && cfEntries(cfTable.rows, cfTable.meta, name)[0];
      if (!cf) continue;
      this.fees.push(...layer(meta, feeEntries(rows, cf, meta, name)));
      this.rvu.push(...layer(meta, statusEntries(rows, meta, name)));
    }
    for (const { meta, rows } of rowsOf(pack, 'gpci')) this.gpci.push(...layer(meta, gpciEntries(rows, meta, name)));
    for (const { meta, rows } of rowsOf(pack, 'therapy-codes')) {
      this.therapy.push(...layer(meta, rows.map((r) => ({ ...r, source: provenance('therapy-codes', meta.release, meta.effective.from, name) }))));
    }
  }

  /** The layer that answers for `date`: latest-starting covering pack, else the built-in one. */
  private layerFor<T>(layers: Layer<T>[], date: string): Layer<T> | undefined {
    let best: Layer<T> | undefined;
    for (const l of layers) {
      if (!covers(l.period, date)) continue;
      if (!best || l.period.from > best.period.from || (l.period.from === best.period.from && l.order >= best.order)) best = l;
    }
    return best ?? layers.find((l) => l.order === 0);
  }

  private byKey<T extends object>(layer: Layer<T>, key: (e: T) => string): Map<string, T[]> {
    let map = this.index.get(layer.entries) as Map<string, T[]> | undefined;
    if (!map) {
      map = groupBy(layer.entries, key);
      this.index.set(layer.entries, map as Map<string, unknown[]>);
    }
    return map;
  }

  // ---- lookups ----------------------------------------------------------------------

  findNcciPair(codeA: string, codeB: string, date: string): NcciPair | undefined {
    const a = codeA.trim().toUpperCase();
    const b = codeB.trim().toUpperCase();
    if (a === b) return undefined;
    const layer = this.layerFor(this.ncci, date);
    if (!layer) return undefined;
    const map = this.byKey(layer, (p) => `${p.column1} ${p.column2}`);
    return pickEffective([...(map.get(`${a} ${b}`) ?? []), ...(map.get(`${b} ${a}`) ?? [])], date);
  }

  mueFor(code: string, date: string): MueEntry | undefined {
    const layer = this.layerFor(this.mue, date);
    return layer && pickEffective(this.byKey(layer, (m) => m.code).get(code.trim().toUpperCase()) ?? [], date);
  }

  feeFor(code: string, date: string): FeeEntry | undefined {
    const layer = this.layerFor(this.fees, date);
    return layer && pickEffective(this.byKey(layer, (f) => f.code).get(code.trim().toUpperCase()) ?? [], date);
  }

  conversionFactor(date: string): ConversionFactor | undefined {
    const layer = this.layerFor(this.cf, date);
    return layer && pickEffective(layer.entries, date);
  }

  /** GPCIs of a locality "MAC-locality" (e.g. "01112-05"), when a pack has them for the date. */
  gpciFor(locality: string, date: string): GpciEntry | undefined {
    const m = /^(\d{5})-(\d{1,2})$/.exec(locality.trim());
    if (!m) return undefined;
    const layer = this.layerFor(this.gpci, date);
    if (!layer) return undefined;
    const key = `${m[1]}-${m[2].padStart(2, '0')}`;
    return pickEffective(this.byKey(layer, (g) => `${g.mac}-${g.locality}`).get(key) ?? [], date);
  }

  /** The catalogue entry, with its always/sometimes status from an imported Therapy Code List. */
  codeInfo(code: string, date: string): CodeInfo | undefined {
    const info = builtinCodeInfo(code, date);
    if (!info) return undefined;
    const status = this.therapyStatus(info.code, date);
    return status && status.therapy !== info.therapy ? { ...info, therapy: status.therapy } : info;
  }

  /** Every code of the catalogue in force on the date, as codeInfo gives each. */
  allCodes(date: string): CodeInfo[] {
    return builtinAllCodes(date).map((c) => this.codeInfo(c.code, date) ?? c);
  }

  /** Is the code in the catalogue on any date (for "not a code" vs "not in force")? */
  isKnownCodeAnyDate(code: string): boolean {
    return builtinIsKnownCodeAnyDate(code);
  }

  // Tables no pack carries yet (modifiers, KX thresholds, the CQ/CO differential, same-day
  // groups): the built-in ones, answered here so that rules read every table through ctx.data
  // and a future pack table needs no rule change.

  modifierInfo(mod: string, date: string): ModifierInfo | undefined {
    return builtinModifierInfo(mod, date);
  }

  /** Is the modifier in the catalogue on any date? */
  isKnownModifierAnyDate(mod: string): boolean {
    return builtin.modifiers.some((e) => e.modifier === mod);
  }

  kxThreshold(date: string): KxThreshold | undefined {
    return builtinKxThreshold(date);
  }

  assistantDifferential(date: string): AssistantDifferential | undefined {
    return builtinAssistantDifferential(date);
  }

  sameDayGroupsFor(code: string, date: string): SameDayExclusiveGroup[] {
    return builtinSameDayGroupsFor(code, date);
  }

  /**
   * A code claimlint's catalogue does not know (on any date) but an imported Annual Therapy
   * Code List names for the date: its status and the list it comes from. Its imported NCCI
   * and MUE rows apply to it (the rules need only the code); its units, minutes and
   * documentation cannot be checked.
   */
  listedCode(code: string, date: string): ListedCode | undefined {
    const c = code.trim().toUpperCase();
    if (builtinIsKnownCodeAnyDate(c)) return undefined;
    const status = this.therapyStatus(c, date);
    return status && { code: c, ...status };
  }

  /** Always/sometimes therapy from an imported Annual Therapy Code List covering the date. */
  therapyStatus(code: string, date: string): { therapy: CodeInfo['therapy']; source: string } | undefined {
    const layer = this.layerFor(this.therapy, date);
    if (!layer || !covers(layer.period, date)) return undefined;
    return this.byKey(layer, (t) => t.code).get(code.trim().toUpperCase())?.[0];
  }

  /**
   * A line's allowed amount: the locality amount when `locality` ("MAC-locality") has
   * GPCIs in a pack for the date and the fee has RVU components; else the national amount,
   * and the result's source says why.
   */
  priceLine(input: PriceLineInput, locality?: string): PricedLine | undefined {
    const fee = (code: string, date: string) => this.feeFor(code, date);
    if (!locality) return priceWith(input, { fee });
    const gpci = this.gpciFor(locality, input.date);
    if (gpci) return priceWith(input, { fee, gpci });
    return priceWith(input, { fee, nationalBecause: `no data pack has GPCIs for locality ${locality} on ${input.date}` });
  }

  /**
   * Every line of one date of service priced together (MPPR, CQ/CO rate), with this data's
   * fees and, when `locality` has GPCIs for the date, locality amounts.
   */
  priceClaimLines(lines: readonly ClaimPriceInput[], date: string, options: { medicare?: boolean; phrases?: boolean } = {}, locality?: string): ClaimPrice {
    const fee = (code: string, d: string) => this.feeFor(code, d);
    const status = (code: string, d: string) => this.pfsStatus(code, d);
    let lookup: PriceLookup = { fee, status };
    if (locality) {
      const gpci = this.gpciFor(locality, date);
      lookup = gpci ? { fee, status, gpci } : { fee, status, nationalBecause: `no data pack has GPCIs for locality ${locality} on ${date}` };
    }
    return priceDayWith(lines, date, { ...options, lookup });
  }

  /**
   * What CMS's PPRRVU says of a code on a date (status and MULT PROC), whatever the status:
   * the global row of the release in force, or undefined when no table covering the date
   * lists the code.
   */
  pfsStatus(code: string, date: string): PfsStatusEntry | undefined {
    const layer = this.layerFor(this.rvu, date);
    if (!layer || !covers(layer.period, date)) return undefined;
    return pickEffective(this.byKey(layer, (r) => r.code).get(code.trim().toUpperCase()) ?? [], date);
  }

  /**
   * Per table: the first and last date of service any pack (built-in included) covers with
   * rows (a table that kept no rows covers nothing; `data info` shows it as empty).
   */
  coverage(table: TableName): { from: string; to?: string } | undefined {
    // reference-data-outdated asks for four tables on every claim: the packs are fixed once built.
    if (!this.covered.has(table)) {
      const all = this.packs.flatMap((p) => p.tables.filter((t) => t.table === table && t.rows > 0));
      this.covered.set(table, all.length ? span(all) : undefined);
    }
    const c = this.covered.get(table);
    return c && { ...c };
  }
}

function summaryOf(meta: LoadedPack['tables'][number]['meta'], pack: string, rows: number): TableCoverage {
  const out: TableCoverage = { table: meta.table, pack, release: meta.release, ...meta.effective, rows };
  if (meta.note) out.note = meta.note;
  return out;
}

/** A PPRRVU table's rows as status entries dated by the table's period (or the curated row's own dates). */
function statusEntries(rows: readonly TableRows['pfs-rvu'][], meta: LoadedPack['tables'][number]['meta'], pack: string): PfsStatusEntry[] {
  const p = meta.effective;
  const source = provenance('pfs-rvu', meta.release, p.from, pack, meta.inputs);
  return rows.map((r) => {
    const from = r.from ?? p.from;
    const to = r.from !== undefined ? r.to : p.to;
    const e: PfsStatusEntry = { code: r.code, status: r.status, multProc: r.multProc, release: meta.release, source: r.source ?? source, from };
    if (to !== undefined) e.to = to;
    return e;
  });
}

/** The built-in data alone. */
export const BUILTIN_DATA = new ReferenceData();

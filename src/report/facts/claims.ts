/**
 * The facts an audit report counts, per claim: its place in the file (document index and
 * path, the same keys the findings carry), its id, date, payer, rendering NPI and
 * discipline, its service lines, and its timed units billed against the units the minutes
 * support. Read from the pipeline's Analysis (the claims the audit parsed and validated,
 * the lines as the rules see them, the rules' own discipline pools), so no figure of the
 * report can disagree with a finding of the audit. Pure: an analysis in, plain data out.
 */
import { BUILTIN_DATA, type Analysis, type PlacedClaim, type ReferenceData } from '../../core';
import { allowedAllocations, cmsAllocation, indexLines, isAllowedAllocation, lineDisciplineOf, roundCents, timedPools, unitRuleFor, unitsForMinutes, type CodeKind, type Discipline, type IndexedLine, type TimedCode, type UnitRule } from '../../core/explain';
import { priceDay, type UnitsItem } from './money';

export interface ReportLine {
  /** Index in the claim's lines list, from 0 (messages show it from 1). */
  index: number;
  code: string;
  units: number;
  modifiers: string[];
  minutes?: number;
  /** Undefined for a code the catalogue does not know on the date of service (built-in tables and data packs). */
  kind?: CodeKind;
  /**
   * The line's discipline as the rules see it: a timed line's 8-minute pool, else its own
   * GP/GO/GN, else the claim's discipline. Undefined when none applies.
   */
  discipline?: Discipline;
  /**
   * The line's Medicare amount and the one phrase every surface shows for it ("$27.72
   * national 2026, MPPR applied as the 2nd service"): the claim's lines priced together by
   * ReferenceData.priceClaimLines, as the hover, Code Details, code lens and KX accrual price
   * them. Absent when the claim has no usable date.
   */
  price?: ReportLinePrice;
}

export interface ReportLinePrice {
  /** US dollars; 0 when the line has no amount (see `phrase`). */
  amount: number;
  phrase: string;
  /** The line has an amount for its date (false: no national amount, or Medicare does not pay it). */
  priced: boolean;
}

/** One code of a timed pool: its minutes, billed units and the units the minutes support. */
export interface TimedCodeUnits {
  code: string;
  /** The pool's discipline ('none': a pool of lines with no discipline at all). */
  discipline: Discipline | 'none';
  /** The code's lines in the pool (ReportLine.index). */
  lines: number[];
  minutes: number;
  billed: number;
  supported: number;
}

export interface ReportClaim {
  /** Index of the YAML document in the stream (Finding.document). */
  document: number;
  /** Path of the claim from the document's top key: "claim" or "claims[3]". */
  path: string;
  id?: string;
  /** Patient id: shown only when the report is asked to include it. */
  patientId?: string;
  date?: string;
  payerType?: string;
  npi?: string;
  /** Plan-of-care discipline, else the provider's. */
  discipline?: string;
  unitRule?: UnitRule;
  /** Service lines as written, usable or not (the denominator of the line error rate). */
  lineCount: number;
  /** The lines that passed the schema. */
  lines: ReportLine[];
  /** The claim passed the schema with every line usable. */
  complete: boolean;
  /**
   * Timed 15-minute codes with billed and supported units, in the unit rules' own pools (one
   * per discipline, GP, GO, GN; §13.2 of the billing rules). Undefined when the audit does
   * not count them either: a line failed the schema, a timed line has no minutes, or the
   * YAML around the claim has errors (the claim is not audited).
   */
  timed?: TimedCodeUnits[];
  /**
   * Billed minus supported amount of the claim's timed units, priced when the claims were
   * collected with the reference data and locality of the claim's file (see claimMoney).
   */
  money?: ClaimMoney;
}

export interface ClaimMoney {
  /** Billed amount minus supported amount, US dollars: > 0 overpaid, < 0 underpaid. */
  delta: number;
  /** Billed units of codes with no amount for the date. */
  unpricedUnits: number;
  /** "01112-05 (SAN FRANCISCO)" when the locality's GPCIs priced the claim; absent: national, unadjusted. */
  locality?: string;
}

/** The claims of an analysis, in file order, with the facts a report counts. */
export function collectClaims(analysis: Analysis): ReportClaim[] {
  return analysis.claims.map((placed) => claimFacts(placed, analysis));
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function claimFacts(placed: PlacedClaim, analysis: Analysis): ReportClaim {
  const raw = placed.parsed.rawFailed ? undefined : placed.raw;
  const rawLines = field(raw, 'lines');
  const facts: ReportClaim = {
    document: placed.document,
    path: placed.prefix,
    lineCount: Array.isArray(rawLines) ? rawLines.length : 0,
    lines: [],
    complete: false,
  };
  // What a report shows survives a schema error elsewhere in the claim.
  facts.id = text(field(raw, 'id'));
  facts.patientId = text(field(field(raw, 'patient'), 'id'));
  facts.npi = text(field(field(raw, 'provider'), 'npi'));
  facts.discipline = text(field(field(raw, 'plan_of_care'), 'discipline')) ?? text(field(field(raw, 'provider'), 'discipline'));
  const date = field(raw, 'date_of_service');
  facts.date = typeof date === 'string' ? date : undefined;
  facts.payerType = text(field(field(raw, 'payer'), 'type'));
  if (raw === undefined) return facts;

  const validated = placed.validated();
  const claim = validated.claim;
  if (!claim) return facts;
  const { config, data } = analysis;
  facts.date = claim.date_of_service;
  facts.unitRule = unitRuleFor(claim, config);
  facts.complete = validated.complete;
  const lines = indexLines(claim, validated.lineIndex, data);
  // The audit audits a claim only when the YAML around it is sound; the report counts the same claims.
  const pools = placed.parsed.sound ? timedPools({ claim, lines, complete: validated.complete }) : undefined;
  const poolOfLine = new Map<number, Discipline | undefined>();
  for (const pool of pools ?? []) for (const c of pool.codes) for (const l of c.lines) poolOfLine.set(l.index, pool.discipline);
  facts.lines = lines.map((l) => reportLine(l, poolOfLine.has(l.index) ? poolOfLine.get(l.index) : lineDisciplineOf(l.line, claim)));
  // The claim's lines priced together (MPPR across the day, CQ/CO, charge limit): the same call, with the
  // same lines, payer and locality, as the KX accrual (core/billing/kx.ts claimAllowed) and the hovers.
  const priced = data.priceClaimLines(
    lines.map((l) => ({ code: l.line.code, units: l.line.units, modifiers: l.line.modifiers ?? [], charge: l.line.charge, info: l.info })),
    claim.date_of_service,
    { medicare: claim.payer.type === 'medicare' },
    config.locality,
  );
  facts.lines.forEach((l, i) => {
    const p = priced.lines[i];
    l.price = { amount: p.amount, phrase: p.phrase, priced: p.unpriced === undefined };
  });
  if (pools) facts.timed = pools.flatMap((pool) => supportedUnits(pool.codes, facts.unitRule!, pool.discipline ?? 'none'));
  const money = claimMoney(facts, data, config.locality);
  if (money) facts.money = money;
  return facts;
}

function reportLine(l: IndexedLine, discipline: Discipline | undefined): ReportLine {
  const out: ReportLine = { index: l.index, code: l.line.code, units: l.line.units, modifiers: l.line.modifiers ?? [], kind: l.info?.kind };
  if (l.line.minutes !== undefined) out.minutes = l.line.minutes;
  if (discipline) out.discipline = discipline;
  return out;
}

/**
 * Billed and supported units of each code of one pool. Under the CMS rule a code's supported
 * units are the allowed split of the pool's units nearest to what was billed (so a right
 * split of the right total supports exactly what was billed: timed-units-total fires when the
 * pool's totals differ, timed-units-allocation when only the split does); under the per-code
 * rule each code's own minutes decide (timed-units-per-code).
 */
function supportedUnits(codes: readonly TimedCode[], rule: UnitRule, discipline: Discipline | 'none'): TimedCodeUnits[] {
  const supported = rule === 'per-code' ? codes.map((c) => unitsForMinutes(c.minutes)) : cmsSplitNearest(codes);
  return codes.map((c, i) => ({
    code: c.code,
    discipline,
    lines: c.lines.map((l) => l.index),
    minutes: c.minutes,
    billed: c.billedUnits,
    supported: supported[i],
  }));
}

function cmsSplitNearest(codes: readonly TimedCode[]): number[] {
  const alloc = cmsAllocation([...codes]);
  const billed = codes.map((c) => c.billedUnits);
  if (isAllowedAllocation(alloc, billed)) return billed;
  const options = allowedAllocations(alloc);
  if (!options.length) return alloc.base;
  const distance = (o: number[]) => o.reduce((s, u, i) => s + Math.abs(u - billed[i]), 0);
  // Nearest to the bill; on a tie the first in the allocation's stable order.
  return options.reduce((best, o) => (distance(o) < distance(best) ? o : best));
}

/**
 * Billed amount minus supported amount of one claim's date: every usable line as billed,
 * against the same lines with each timed code's units changed to what its minutes support
 * (the change falls on the code's last line; a removed unit is taken from the last lines).
 * Priced with `data` and, when a pack has its GPCIs for the date, `locality`.
 */
export function claimMoney(claim: ReportClaim, data: ReferenceData = BUILTIN_DATA, locality?: string): ClaimMoney | undefined {
  if (!claim.timed || !claim.date) return undefined;
  const billed: UnitsItem[] = claim.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers }));
  const supported = billed.map((b) => ({ ...b }));
  for (const c of claim.timed) {
    let delta = c.supported - c.billed;
    if (!delta) continue;
    const idx = claim.lines.flatMap((l, i) => (c.lines.includes(l.index) ? [i] : []));
    for (let k = idx.length - 1; k >= 0 && delta !== 0; k--) {
      const item = supported[idx[k]];
      if (delta > 0) {
        item.units += delta;
        delta = 0;
      } else {
        const take = Math.min(item.units, -delta);
        item.units -= take;
        delta += take;
      }
    }
  }
  const medicare = claim.payerType === 'medicare';
  const a = priceDay(billed, claim.date, data, locality, medicare);
  const b = priceDay(supported, claim.date, data, locality, medicare);
  const out: ClaimMoney = { delta: roundCents(a.amount - b.amount), unpricedUnits: a.unpricedUnits };
  if (a.locality) out.locality = a.locality;
  return out;
}

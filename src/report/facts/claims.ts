/**
 * The facts an audit report counts, per claim: its place in the file (document index and
 * path, the same keys the findings carry), its id, date, payer, rendering NPI and
 * discipline, its service lines, and its timed units billed against the units the minutes
 * support. Pure: text and config in, plain data out.
 */
import { isMap, isSeq, parseAllDocuments, type Node } from 'yaml';
import {
  allowedAllocations,
  BUILTIN_DATA,
  cmsAllocation,
  codeInfo,
  guardText,
  isAllowedAllocation,
  roundCents,
  unitRuleFor,
  unitsForMinutes,
  validateClaim,
  type ClaimLine,
  type CodeKind,
  type Discipline,
  type ReferenceData,
  type ResolvedConfig,
  type UnitRule,
} from '../../core';
import { priceDay, type UnitsItem } from './money';

export interface ReportLine {
  /** Index in the claim's lines list, from 0 (messages show it from 1). */
  index: number;
  code: string;
  units: number;
  modifiers: string[];
  minutes?: number;
  /** Undefined for a code the catalogue does not know on the date of service. */
  kind?: CodeKind;
}

/** One code of a timed pool: its minutes, billed units and the units the minutes support. */
export interface TimedCodeUnits {
  code: string;
  discipline: Discipline | 'none';
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
  /** The pool of a timed line with no therapy modifier: the claim's PT, OT or SLP discipline. */
  defaultPool: Discipline | 'none';
  unitRule?: UnitRule;
  /** Service lines as written, usable or not (the denominator of the line error rate). */
  lineCount: number;
  /** The lines that passed the schema. */
  lines: ReportLine[];
  /** The claim passed the schema with every line usable. */
  complete: boolean;
  /**
   * Timed 15-minute codes with billed and supported units, one pool per discipline (GP, GO,
   * GN; §13.2 of the billing rules). Undefined when the count cannot be trusted: a line
   * failed the schema or a timed line has no minutes.
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

const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true, logLevel: 'error' } as const;
const POOL_OF: Record<string, Discipline> = { GP: 'PT', GO: 'OT', GN: 'SLP' };

/**
 * Every claim of a claim file, in file order. A document that does not parse adds none.
 * `data` (the built-in tables overlaid by the file's data packs) and the config's
 * `locality` price each claim's money, as hovers and code lenses do.
 */
export function collectClaims(text: string, config: ResolvedConfig, data: ReferenceData = BUILTIN_DATA): ReportClaim[] {
  const out: ReportClaim[] = [];
  if (guardText(text)) return out; // over a limit of docs/limits.md: the audit reports it
  let docs;
  try {
    docs = parseAllDocuments(text, PARSE_OPTIONS as object);
  } catch {
    return out;
  }
  if (!Array.isArray(docs)) return out; // an empty stream
  docs.forEach((doc, d) => {
    const root = doc.contents as Node | null;
    if (!isMap(root)) return;
    const one = root.get('claim', true) as Node | undefined;
    if (isMap(one)) out.push(claimFacts(toJS(one, doc), d, 'claim', config, data));
    const many = root.get('claims', true) as Node | undefined;
    if (isSeq(many)) {
      many.items.forEach((item, k) => {
        if (isMap(item)) out.push(claimFacts(toJS(item as Node, doc), d, `claims[${k}]`, config, data));
      });
    }
  });
  return out;
}

function toJS(node: Node, doc: Parameters<Node['toJS']>[0]): unknown {
  try {
    return node.toJS(doc);
  } catch {
    return undefined; // an alias to a missing anchor: the audit reports it
  }
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

function field(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function claimFacts(raw: unknown, document: number, path: string, config: ResolvedConfig, data: ReferenceData): ReportClaim {
  const rawLines = field(raw, 'lines');
  const facts: ReportClaim = {
    document,
    path,
    lineCount: Array.isArray(rawLines) ? rawLines.length : 0,
    lines: [],
    complete: false,
    defaultPool: 'none',
  };
  // What a report shows survives a schema error elsewhere in the claim.
  facts.id = text(field(raw, 'id'));
  facts.patientId = text(field(field(raw, 'patient'), 'id'));
  facts.npi = text(field(field(raw, 'provider'), 'npi'));
  facts.discipline = text(field(field(raw, 'plan_of_care'), 'discipline')) ?? text(field(field(raw, 'provider'), 'discipline'));
  const date = field(raw, 'date_of_service');
  facts.date = typeof date === 'string' ? date : undefined;
  if (facts.discipline === 'PT' || facts.discipline === 'OT' || facts.discipline === 'SLP') facts.defaultPool = facts.discipline;
  facts.payerType = text(field(field(raw, 'payer'), 'type'));

  const validated = validateClaim(raw);
  const claim = validated.claim;
  if (!claim) return facts;
  facts.date = claim.date_of_service;
  facts.unitRule = unitRuleFor(claim, config);
  facts.complete = validated.complete;
  facts.lines = claim.lines.map((line, i) => reportLine(line, validated.lineIndex[i], claim.date_of_service));
  if (validated.complete) facts.timed = timedUnits(facts.lines, facts.unitRule, facts.defaultPool);
  const money = claimMoney(facts, data, config.locality);
  if (money) facts.money = money;
  return facts;
}

function reportLine(line: ClaimLine, index: number, date: string): ReportLine {
  const out: ReportLine = { index, code: line.code, units: line.units, modifiers: line.modifiers ?? [], kind: codeInfo(line.code, date)?.kind };
  if (line.minutes !== undefined) out.minutes = line.minutes;
  return out;
}

/**
 * The discipline pool of a line: its therapy modifier (the first one when there are
 * several), else the claim's discipline (a line missing GP still belongs to the PT visit).
 */
export function poolOf(line: Pick<ReportLine, 'modifiers'>, fallback: Discipline | 'none' = 'none'): Discipline | 'none' {
  for (const m of line.modifiers) if (Object.hasOwn(POOL_OF, m)) return POOL_OF[m];
  return fallback;
}

/**
 * Billed and supported units of each timed 15-minute code, pooled per discipline. Under the
 * CMS rule a code's supported units are the allowed split of the pool's units nearest to
 * what was billed (so a right split of the right total supports exactly what was billed);
 * under the per-code rule, each code's own minutes decide.
 */
export function timedUnits(lines: readonly ReportLine[], rule: UnitRule, fallback: Discipline | 'none' = 'none'): TimedCodeUnits[] | undefined {
  const pools = new Map<string, TimedCodeUnits[]>();
  for (const l of lines) {
    if (l.kind !== 'timed15') continue;
    if (l.minutes === undefined) return undefined;
    const discipline = poolOf(l, fallback);
    let pool = pools.get(discipline);
    if (!pool) pools.set(discipline, (pool = []));
    let entry = pool.find((c) => c.code === l.code);
    if (!entry) pool.push((entry = { code: l.code, discipline, minutes: 0, billed: 0, supported: 0 }));
    entry.minutes += l.minutes;
    entry.billed += l.units;
  }
  const out: TimedCodeUnits[] = [];
  for (const pool of pools.values()) {
    if (rule === 'per-code') {
      for (const c of pool) c.supported = unitsForMinutes(c.minutes);
    } else {
      const split = cmsSplitNearest(pool);
      pool.forEach((c, i) => (c.supported = split[i]));
    }
    out.push(...pool);
  }
  return out;
}

function cmsSplitNearest(pool: TimedCodeUnits[]): number[] {
  const alloc = cmsAllocation(pool);
  const billed = pool.map((c) => c.billed);
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
    const idx = claim.lines.flatMap((l, i) => (l.kind === 'timed15' && l.code === c.code && poolOf(l, claim.defaultPool) === c.discipline ? [i] : []));
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
  const a = priceDay(billed, claim.date, data, locality);
  const b = priceDay(supported, claim.date, data, locality);
  const out: ClaimMoney = { delta: roundCents(a.amount - b.amount), unpricedUnits: a.unpricedUnits };
  if (a.locality) out.locality = a.locality;
  return out;
}

/**
 * An 835's decisions joined to the audited claims (issue 27): CLP01 ↔ the claim's id (also
 * the importer's split ids CLP01-YYYY-MM-DD and CLP01-YYYY-MM-DD-n), each SVC ↔ a service
 * line by code and modifiers on its date (DTM*472, else the claim's DTM*232), taking the
 * claim's lines in order so repeated codes keep the 835's order. What matches nothing is
 * listed (`unmatched`), never dropped. The result is `claimlint remit --format json`.
 */
import type { ClaimForRemit, ClaimLineShape } from './claims';
import { isDenied, rulesForAdjustment } from './reasons';
import { summarize, type RemitSummary } from './summary';
import type { Adjustment, Remittance, RemitClaim, RemitLine } from './types';

export interface RemitInput {
  /** The 835 file, as shown to the user. */
  file: string;
  remittance: Remittance;
}

export interface AdjustmentResult extends Adjustment {
  /** Rule ids whose finding predicts this reason on this line (or claim); absent when none. */
  explainedBy?: string[];
}

export interface RemitLineResult {
  /** 1-based service line in the claim; null when no line of the claim matched. */
  line: number | null;
  code: string;
  modifiers: string[];
  charge: number;
  paid: number;
  units: number;
  adjustments: AdjustmentResult[];
  remarks: string[];
  /** Rule ids that fired on the matched line. */
  findings: string[];
  /** Rule ids whose finding (on the line or its claim) predicts one of the line's reasons. */
  explainedBy: string[];
  /** Paid 0 with a CO or PI adjustment. */
  denied: boolean;
  /** The SVC's segment number in the 835. */
  segment: number;
}

export interface RemitClaimResult {
  /** The claim's id (CLP01 itself when unmatched). */
  id: string;
  clp01: string;
  /** The claim file; null when no claim matched. */
  file: string | null;
  /** The 835 file. */
  remit: string;
  status: string;
  charge: number;
  paid: number;
  adjustments: AdjustmentResult[];
  remarks: string[];
  explainedBy: string[];
  /** Denied as a whole: paid 0 with a claim-level CO or PI adjustment. */
  denied: boolean;
  lines: RemitLineResult[];
  /** Set when CLP01 matched several claims (split by date): this entry holds some of its lines. */
  part?: { index: number; of: number };
  segment: number;
}

export interface UnmatchedResult {
  clp01: string;
  remit: string;
  /** 1-based SVC of the 835 claim that matched no line; absent: the whole claim matched no claim. */
  line?: number;
  code?: string;
  segment: number;
}

export interface ProviderAdjustmentResult {
  remit: string;
  reason: string;
  amount: number;
  segment: number;
}

export interface RemitReport {
  version: 1;
  claims: RemitClaimResult[];
  unmatched: UnmatchedResult[];
  providerAdjustments: ProviderAdjustmentResult[];
  summary: RemitSummary;
}

/** An importer's split id: the CLM01 it came from, then -YYYY-MM-DD and maybe -n. */
const SPLIT_ID = /^(.+)-\d{4}-\d{2}-\d{2}(-\d+)?$/;

/** The claims a CLP01 names: its own id, and the importer's per-date split ids. */
function candidatesOf(clp01: string, byId: Map<string, ClaimForRemit[]>, bySplitBase: Map<string, ClaimForRemit[]>): ClaimForRemit[] {
  return [...(byId.get(clp01) ?? []), ...(bySplitBase.get(clp01) ?? [])];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a.map((m) => m.toUpperCase()));
  return b.every((m) => set.has(m.toUpperCase()));
}

interface Slot {
  claim: number;
  line: ClaimLineShape;
}

/** Joins every 835 of the run to the claims; `claims` in file order. */
export function matchRemittance(remits: readonly RemitInput[], claims: readonly ClaimForRemit[]): RemitReport {
  const byId = new Map<string, ClaimForRemit[]>();
  const bySplitBase = new Map<string, ClaimForRemit[]>();
  for (const c of claims) {
    if (c.id === undefined) continue;
    push(byId, c.id, c);
    // "A-2026-03-02" and "A-2026-03-02-2" are splits of "A".
    const m = SPLIT_ID.exec(c.id);
    if (m) push(bySplitBase, m[1], c);
  }
  const out: RemitClaimResult[] = [];
  const unmatched: UnmatchedResult[] = [];
  const providerAdjustments: ProviderAdjustmentResult[] = [];
  /** Claim lines paid by an earlier SVC (of any 835 of the run) are not matched again. */
  const used = new Set<ClaimLineShape>();
  for (const { file: remit, remittance } of remits) {
    for (const p of remittance.providerAdjustments) providerAdjustments.push({ remit, reason: p.reason, amount: p.amount, segment: p.segment });
    for (const clp of remittance.claims) out.push(...matchClaim(clp, remit, candidatesOf(clp.clp01, byId, bySplitBase), used, unmatched));
  }
  return { version: 1, claims: out, unmatched, providerAdjustments, summary: summarize(out, providerAdjustments) };
}

function matchClaim(clp: RemitClaim, remit: string, candidates: ClaimForRemit[], used: Set<ClaimLineShape>, unmatched: UnmatchedResult[]): RemitClaimResult[] {
  const base = { clp01: clp.clp01, remit, status: clp.status, segment: clp.segment };
  if (!candidates.length) {
    unmatched.push({ clp01: clp.clp01, remit, segment: clp.segment });
    const lines = clp.lines.map((l) => lineResult(l, null, [], [], clp.remarks));
    return [{ id: clp.clp01, ...base, file: null, charge: clp.charge, paid: clp.paid, ...claimLevel(clp, []), lines }];
  }
  // Each SVC to the first free line of the first claim on its date with its code and
  // modifiers; failing that, its code alone (a payer may return the modifiers changed).
  const perClaim = candidates.map(() => [] as RemitLineResult[]);
  for (const [k, svc] of clp.lines.entries()) {
    const date = svc.date ?? clp.date;
    const onDate = candidates.map((c) => date === undefined || c.date === undefined || c.date === date);
    const free = (test: (l: ClaimLineShape) => boolean): Slot | undefined => {
      for (const [ci, c] of candidates.entries()) {
        if (!onDate[ci]) continue;
        const line = c.lines.find((l) => !used.has(l) && l.code.toUpperCase() === svc.code.toUpperCase() && test(l));
        if (line) return { claim: ci, line };
      }
      return undefined;
    };
    const slot = free((l) => sameModifiers(l.modifiers, svc.modifiers)) ?? free(() => true);
    if (slot) {
      used.add(slot.line);
      const c = candidates[slot.claim];
      perClaim[slot.claim].push(lineResult(svc, slot.line.index + 1, c.lineFindings.get(slot.line.index) ?? [], c.claimFindings, clp.remarks));
    } else {
      unmatched.push({ clp01: clp.clp01, remit, line: k + 1, code: svc.code, segment: svc.segment });
      const home = Math.max(0, onDate.indexOf(true));
      perClaim[home].push(lineResult(svc, null, [], [], clp.remarks));
    }
  }
  let entries = candidates.map((c, i) => ({ c, lines: perClaim[i] })).filter((e) => e.lines.length);
  if (!entries.length) entries = [{ c: candidates[0], lines: [] }];
  const split = entries.length > 1;
  return entries.map(({ c, lines }, i) => {
    const first = i === 0;
    const claimAdj = first ? clp : { adjustments: [], remarks: [], paid: clp.paid };
    return {
      id: c.id ?? clp.clp01,
      ...base,
      file: c.file,
      charge: split ? cents(lines.reduce((s, l) => s + l.charge, 0)) : clp.charge,
      paid: split ? cents(lines.reduce((s, l) => s + l.paid, 0)) : clp.paid,
      ...claimLevel(claimAdj, [...c.claimFindings, ...[...c.lineFindings.values()].flat()]),
      lines,
      ...(split ? { part: { index: i + 1, of: entries.length } } : {}),
    };
  });
}

/** Claim-level CAS and remarks, explained by any finding on the claim. */
function claimLevel(clp: Pick<RemitClaim, 'adjustments' | 'remarks' | 'paid'>, fired: readonly string[]): Pick<RemitClaimResult, 'adjustments' | 'remarks' | 'explainedBy' | 'denied'> {
  const adjustments = clp.adjustments.map((a) => explain(a, clp.remarks, fired));
  return { adjustments, remarks: [...clp.remarks], explainedBy: union(adjustments), denied: isDenied(clp) };
}

function lineResult(svc: RemitLine, line: number | null, findings: readonly string[], claimFindings: readonly string[], claimRemarks: readonly string[]): RemitLineResult {
  const remarks = [...svc.remarks, ...claimRemarks.filter((r) => !svc.remarks.includes(r))];
  const fired = [...findings, ...claimFindings];
  const adjustments = svc.adjustments.map((a) => explain(a, remarks, fired));
  return {
    line,
    code: svc.code,
    modifiers: [...svc.modifiers],
    charge: svc.charge,
    paid: svc.paid,
    units: svc.units,
    adjustments,
    remarks: [...svc.remarks],
    findings: [...findings],
    explainedBy: union(adjustments),
    denied: isDenied(svc),
    segment: svc.segment,
  };
}

function explain(adj: Adjustment, remarks: readonly string[], fired: readonly string[]): AdjustmentResult {
  const predicting = new Set(rulesForAdjustment(adj, remarks));
  const by = fired.filter((r, i) => predicting.has(r) && fired.indexOf(r) === i);
  const out: AdjustmentResult = { group: adj.group, reason: adj.reason, amount: adj.amount };
  if (adj.quantity !== undefined) out.quantity = adj.quantity;
  if (by.length) out.explainedBy = by;
  return out;
}

function union(adjustments: readonly AdjustmentResult[]): string[] {
  const out: string[] = [];
  for (const a of adjustments) for (const r of a.explainedBy ?? []) if (!out.includes(r)) out.push(r);
  return out;
}

export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

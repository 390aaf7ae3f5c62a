/**
 * The payer's decisions in figures: denied lines, how many a finding explained, what was
 * adjusted, and the denials no rule predicted grouped by reason (the to-do list for new
 * rules). Reasons no claim file can show (PR-1/2/3, 29, 27, 18, 45, 253, …) are counted
 * apart and never as missed.
 */
import { carcInfo, isPredictable, reasonLabel } from './reasons';
import type { AdjustmentResult, ProviderAdjustmentResult, RemitClaimResult, RemitLineResult } from './match';
import type { AdjustmentGroup } from './types';

export interface ReasonFigures {
  /** "CO-97". */
  reason: string;
  group: AdjustmentGroup;
  code: string;
  /** The X12 description's few words ("procedure bundled"); the code itself when not in the table. */
  short: string;
  /** Service lines with this adjustment. */
  lines: number;
  /** Denied lines with this adjustment. */
  deniedLines: number;
  /** Lines on which a finding predicted it. */
  explainedLines: number;
  /** Sum of its amounts (line and claim level). */
  amount: number;
  /** Claims with it at claim level. */
  claims: number;
  predictable: boolean;
}

export interface MissedReason {
  reason: string;
  short: string;
  /** Denied lines with this reason that no finding predicted. */
  lines: number;
  /** Claims denied as a whole (claim-level CAS) with this reason that no finding predicted. */
  claims: number;
  amount: number;
}

export interface RemitSummary {
  /** Lines paid 0 with a CO or PI adjustment. */
  deniedLines: number;
  /** Denied lines that a finding on the line (or its claim) predicted. */
  explainedLines: number;
  /** Denied lines not explained whose every CO/PI reason no claim file can show. */
  unknowableLines: number;
  /** Denied lines not explained with a reason a rule could have predicted. */
  missedLines: number;
  /** Claims denied as a whole: paid 0 with a claim-level CO or PI adjustment (often without line detail). */
  deniedClaims: number;
  /** Of those, claims a finding on the claim predicted. */
  explainedClaims: number;
  unknowableClaims: number;
  missedClaims: number;
  /** Every CAS amount, line and claim level, all groups. */
  adjustedAmount: number;
  /** Adjusted amounts of the explained denied lines. */
  explainedAmount: number;
  /** Adjusted amounts of all denied lines. */
  deniedAmount: number;
  /** Sum of the PLB provider-level adjustments (positive: withheld from the payment). */
  providerAdjustmentAmount: number;
  /** Each reason (group-CARC) seen, most lines first. */
  byReason: ReasonFigures[];
  /** The missed denied lines by their predictable CO/PI reasons, most lines first. */
  missedByReason: MissedReason[];
}

const cents = (n: number) => Math.round(n * 100) / 100;
const total = (adjustments: readonly AdjustmentResult[]) => adjustments.reduce((s, a) => s + a.amount, 0);

export function summarize(claims: readonly RemitClaimResult[], plb: readonly ProviderAdjustmentResult[]): RemitSummary {
  const s = { deniedLines: 0, explainedLines: 0, unknowableLines: 0, missedLines: 0, deniedClaims: 0, explainedClaims: 0, unknowableClaims: 0, missedClaims: 0, adjustedAmount: 0, explainedAmount: 0, deniedAmount: 0 };
  const reasons = new Map<string, ReasonFigures>();
  const missed = new Map<string, MissedReason>();
  const figures = (a: AdjustmentResult, remarks: readonly string[]): ReasonFigures => {
    const key = reasonLabel(a);
    let f = reasons.get(key);
    if (!f) {
      f = { reason: key, group: a.group, code: a.reason, short: carcInfo(a.reason)?.short ?? `CARC ${a.reason}`, lines: 0, deniedLines: 0, explainedLines: 0, amount: 0, claims: 0, predictable: isPredictable(a, remarks) };
      reasons.set(key, f);
    }
    return f;
  };
  for (const claim of claims) {
    for (const a of claim.adjustments) {
      const f = figures(a, claim.remarks);
      f.claims++;
      f.amount += a.amount;
      s.adjustedAmount += a.amount;
    }
    for (const line of claim.lines) countLine(line, claim.remarks);
    if (!claim.denied) continue;
    s.deniedClaims++;
    if (claim.explainedBy.length) s.explainedClaims++;
    else if (!miss(claim.adjustments, claim.remarks, 'claims')) s.unknowableClaims++;
    else s.missedClaims++;
  }
  /** Counts a denial no finding explained under its predictable CO/PI reasons; false when it has none. */
  function miss(adjustments: readonly AdjustmentResult[], remarks: readonly string[], unit: 'lines' | 'claims'): boolean {
    const knowable = adjustments.filter((a) => (a.group === 'CO' || a.group === 'PI') && isPredictable(a, remarks));
    const counted = new Set<string>();
    for (const a of knowable) {
      const key = reasonLabel(a);
      let m = missed.get(key);
      if (!m) missed.set(key, (m = { reason: key, short: carcInfo(a.reason)?.short ?? `CARC ${a.reason}`, lines: 0, claims: 0, amount: 0 }));
      m.amount += a.amount;
      if (!counted.has(key)) m[unit]++;
      counted.add(key);
    }
    return knowable.length > 0;
  }
  function countLine(line: RemitLineResult, claimRemarks: readonly string[]): void {
    const remarks = [...line.remarks, ...claimRemarks];
    const amount = total(line.adjustments);
    s.adjustedAmount += amount;
    const seen = new Set<string>();
    for (const a of line.adjustments) {
      const f = figures(a, remarks);
      f.amount += a.amount;
      if (seen.has(f.reason)) continue;
      seen.add(f.reason);
      f.lines++;
      if (line.denied) f.deniedLines++;
      if (a.explainedBy?.length) f.explainedLines++;
    }
    if (!line.denied) return;
    s.deniedLines++;
    s.deniedAmount += amount;
    if (line.explainedBy.length) {
      s.explainedLines++;
      s.explainedAmount += amount;
      return;
    }
    if (miss(line.adjustments, remarks, 'lines')) s.missedLines++;
    else s.unknowableLines++;
  }
  const byCount = <T extends { lines: number; claims: number; amount: number; reason: string }>(a: T, b: T) => b.lines - a.lines || b.claims - a.claims || b.amount - a.amount || (a.reason < b.reason ? -1 : 1);
  return {
    deniedLines: s.deniedLines,
    explainedLines: s.explainedLines,
    unknowableLines: s.unknowableLines,
    missedLines: s.missedLines,
    deniedClaims: s.deniedClaims,
    explainedClaims: s.explainedClaims,
    unknowableClaims: s.unknowableClaims,
    missedClaims: s.missedClaims,
    adjustedAmount: cents(s.adjustedAmount),
    explainedAmount: cents(s.explainedAmount),
    deniedAmount: cents(s.deniedAmount),
    providerAdjustmentAmount: cents(plb.reduce((t, p) => t + p.amount, 0)),
    byReason: [...reasons.values()].map((f) => ({ ...f, amount: cents(f.amount) })).sort(byCount),
    missedByReason: [...missed.values()].map((m) => ({ ...m, amount: cents(m.amount) })).sort(byCount),
  };
}

/**
 * The "Payer decisions" figures of the audit report (issue 27) from a remittance join
 * (`claimlint remit`, src/core/remit): denials by reason, amounts adjusted, the denied lines
 * claimlint explained (count, share, dollars), and the denied lines no rule predicted,
 * grouped by reason (the to-do list for new rules). Pure arithmetic; no patient value (the
 * join holds none: claim ids, codes, amounts and rule ids only).
 */
import type { RemitReport } from '../../core';

export interface PayerReason {
  /** "CO-97". */
  reason: string;
  short: string;
  lines: number;
  deniedLines: number;
  explainedLines: number;
  amount: number;
  predictable: boolean;
}

export interface MissedLine {
  claimId: string;
  /** The claim file, null when no claim matched. */
  file: string | null;
  /** 1-based service line in the claim; null when unmatched or for a claim denied as a whole. */
  line: number | null;
  /** The claim was denied as a whole (claim-level adjustment). */
  wholeClaim?: boolean;
  code: string;
  amount: number;
}

export interface MissedGroup {
  reason: string;
  short: string;
  lines: number;
  claims: number;
  amount: number;
  items: MissedLine[];
}

export interface PayerFigures {
  remits: number;
  claimPayments: number;
  lines: number;
  unmatchedClaims: number;
  unmatchedLines: number;
  deniedLines: number;
  explainedLines: number;
  /** explainedLines / deniedLines (0 when none denied). */
  explainedShare: number;
  /** explainedLines / (deniedLines − unknowableLines): of the denials a rule could predict. */
  predictableShare: number;
  unknowableLines: number;
  missedLines: number;
  deniedClaims: number;
  explainedClaims: number;
  unknowableClaims: number;
  missedClaims: number;
  adjustedAmount: number;
  deniedAmount: number;
  explainedAmount: number;
  providerAdjustmentAmount: number;
  /** Adjusted amount per group code (CO, PR, OA, PI, CR), largest first. */
  byGroup: { group: string; amount: number }[];
  /** Every reason seen, most lines first. */
  byReason: PayerReason[];
  /** Reasons with denied lines, most denied lines first. */
  denials: PayerReason[];
  missed: MissedGroup[];
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * A denied claim or line no finding explained, listed under each missed reason it carries
 * (once per reason, with that reason's adjustments summed), in the order its adjustments give.
 */
function addMissed(missed: Map<string, MissedGroup>, adjustments: readonly { group: string; reason: string; amount: number }[], item: Omit<MissedLine, 'amount'>): void {
  const amounts = new Map<string, number>();
  for (const a of adjustments) {
    const key = `${a.group}-${a.reason}`;
    if (missed.has(key)) amounts.set(key, (amounts.get(key) ?? 0) + a.amount);
  }
  for (const [key, amount] of amounts) missed.get(key)!.items.push({ ...item, amount: cents(amount) });
}

export function payerFigures(report: RemitReport): PayerFigures {
  const s = report.summary;
  const byGroup = new Map<string, number>();
  for (const c of report.claims) for (const a of [...c.adjustments, ...c.lines.flatMap((l) => l.adjustments)]) byGroup.set(a.group, (byGroup.get(a.group) ?? 0) + a.amount);
  const missed = new Map<string, MissedGroup>(s.missedByReason.map((m) => [m.reason, { ...m, items: [] }]));
  for (const c of report.claims) {
    if (c.denied && !c.explainedBy.length) addMissed(missed, c.adjustments, { claimId: c.id, file: c.file, line: null, wholeClaim: true, code: '' });
    for (const l of c.lines) {
      if (l.denied && !l.explainedBy.length) addMissed(missed, l.adjustments, { claimId: c.id, file: c.file, line: l.line, code: l.code });
    }
  }
  const byReason: PayerReason[] = s.byReason.map((r) => ({ reason: r.reason, short: r.short, lines: r.lines, deniedLines: r.deniedLines, explainedLines: r.explainedLines, amount: r.amount, predictable: r.predictable }));
  const predictable = s.deniedLines - s.unknowableLines;
  return {
    remits: new Set(report.claims.map((c) => c.remit)).size,
    claimPayments: new Set(report.claims.map((c) => `${c.remit}\u0000${c.segment}`)).size,
    lines: report.claims.reduce((n, c) => n + c.lines.length, 0),
    unmatchedClaims: report.unmatched.filter((u) => u.line === undefined).length,
    unmatchedLines: report.unmatched.filter((u) => u.line !== undefined).length,
    deniedLines: s.deniedLines,
    explainedLines: s.explainedLines,
    explainedShare: s.deniedLines ? s.explainedLines / s.deniedLines : 0,
    predictableShare: predictable > 0 ? s.explainedLines / predictable : 0,
    unknowableLines: s.unknowableLines,
    missedLines: s.missedLines,
    deniedClaims: s.deniedClaims,
    explainedClaims: s.explainedClaims,
    unknowableClaims: s.unknowableClaims,
    missedClaims: s.missedClaims,
    adjustedAmount: s.adjustedAmount,
    deniedAmount: s.deniedAmount,
    explainedAmount: s.explainedAmount,
    providerAdjustmentAmount: s.providerAdjustmentAmount,
    byGroup: [...byGroup].map(([group, amount]) => ({ group, amount: cents(amount) })).sort((a, b) => b.amount - a.amount || (a.group < b.group ? -1 : 1)),
    byReason,
    denials: byReason.filter((r) => r.deniedLines > 0).sort((a, b) => b.deniedLines - a.deniedLines || b.amount - a.amount || (a.reason < b.reason ? -1 : 1)),
    missed: [...missed.values()],
  };
}

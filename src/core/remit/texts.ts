/**
 * The payer's decision in words for billing people, one per adjustment:
 * "CO-97 $27.72 — procedure bundled (predicted by ncci-modifier-missing)". Codes, amounts and
 * rule ids only: never a patient value.
 */
import type { AdjustmentResult } from './match';
import { carcInfo, isPredictable, reasonLabel } from './reasons';

/** "$1,234.50" (negative amounts, e.g. reversals, as "-$12.00"). */
export function dollars(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const [whole, frac] = Math.abs(amount).toFixed(2).split('.');
  return `${sign}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** One adjustment: reason, amount, what it means, and the rules that predicted it (or that none can). */
export function adjustmentText(adj: AdjustmentResult, remarks: readonly string[] = []): string {
  const info = carcInfo(adj.reason);
  let text = `${reasonLabel(adj)} ${dollars(adj.amount)} — ${info?.short ?? 'reason not in claimlint\'s table'}`;
  if (adj.explainedBy?.length) text += ` (predicted by ${adj.explainedBy.join(', ')})`;
  else if (!isPredictable(adj, remarks)) text += ' (not in the claim file: no rule can predict it)';
  return text;
}

/** Every adjustment of a line (or claim), with its remark codes at the end. */
export function adjustmentTexts(item: { adjustments: readonly AdjustmentResult[]; remarks: readonly string[] }): string[] {
  return item.adjustments.map((a) => adjustmentText(a, item.remarks));
}

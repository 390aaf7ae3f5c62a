/**
 * Line pricing at the national unadjusted Medicare rate: fee per unit × units, × the
 * CQ/CO assistant rate when an assistant modifier is present, rounded to cents. No
 * locality (GPCI) adjustment and no multiple-procedure (MPPR) reduction are applied.
 */
import { pickEffective } from './effective';
import { FEES, roundCents } from './fees';
import { ASSISTANT_DIFFERENTIALS } from './assistant';

export interface PriceLineInput {
  code: string;
  units: number;
  modifiers: readonly string[];
  /** Date of service, ISO. */
  date: string;
  /** Billed charge for the whole line; Medicare allows the lower of charge and fee. */
  charge?: number;
}

export interface PricedLine {
  /** National amount per unit before the assistant reduction. */
  perUnit: number;
  /** Allowed amount for the line. */
  amount: number;
  /** 1, or e.g. 0.85 for a CQ/CO line from 2022. */
  assistantRate: number;
  source: string;
  /** True when the billed charge was lower than the fee-schedule amount and was used instead. */
  limitedByCharge?: boolean;
}

export function priceLine(input: PriceLineInput): PricedLine | undefined {
  const code = input.code.trim().toUpperCase();
  const fee = pickEffective(
    FEES.filter((f) => f.code === code),
    input.date,
  );
  if (fee === undefined) return undefined;
  const units = Number.isFinite(input.units) && input.units > 0 ? input.units : 0;
  const mods = input.modifiers.map((m) => m.trim().toUpperCase());
  const hasAssistant = mods.includes('CQ') || mods.includes('CO');
  const diff = hasAssistant ? pickEffective(ASSISTANT_DIFFERENTIALS, input.date) : undefined;
  const assistantRate = diff?.rate ?? 1;
  let source = `${code} ${fee.from.slice(0, 4)} national amount: ${fee.source}`;
  if (diff !== undefined) source += `; CQ/CO rate ${assistantRate}: ${diff.source}`;
  const result: PricedLine = {
    perUnit: fee.nationalAmount,
    amount: roundCents(fee.nationalAmount * units * assistantRate),
    assistantRate,
    source,
  };
  const charge = input.charge;
  if (charge !== undefined && Number.isFinite(charge) && charge >= 0 && charge < result.amount) {
    result.amount = roundCents(charge);
    result.limitedByCharge = true;
    result.source += '; limited to the billed charge (lower of charge and fee schedule)';
  }
  return result;
}

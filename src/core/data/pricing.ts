/**
 * Line pricing: fee per unit × units, × the CQ/CO assistant rate when an assistant
 * modifier is present, rounded to cents. The fee is the national unadjusted amount, or the
 * locality amount when GPCIs for the configured locality are given and the fee carries its
 * RVU components: (work × work GPCI + PE × PE GPCI + MP × MP GPCI) × conversion factor.
 * No multiple-procedure (MPPR) reduction is applied here.
 */
import { pickEffective } from './effective';
import { FEES, roundCents } from './fees';
import { ASSISTANT_DIFFERENTIALS } from './assistant';
import type { FeeEntry } from './types';

/** A locality's GPCIs, for a locality amount. */
export interface LocalityGpci {
  mac: string;
  locality: string;
  name: string;
  work: number;
  pe: number;
  mp: number;
  source: string;
}

export interface PriceLookup {
  /** The fee in force (default: the built-in fee table). */
  fee?: (code: string, date: string) => FeeEntry | undefined;
  /** GPCIs of the configured locality, when a data pack has them for the date. */
  gpci?: LocalityGpci;
  /** Why the amount stays national although a locality is configured. */
  nationalBecause?: string;
}

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
  /** "national" (unadjusted) or the locality whose GPCIs adjusted the amount. */
  basis: 'national' | { mac: string; locality: string; name: string };
}

export function priceLine(input: PriceLineInput, lookup: PriceLookup = {}): PricedLine | undefined {
  const code = input.code.trim().toUpperCase();
  const fee = lookup.fee
    ? lookup.fee(code, input.date)
    : pickEffective(
        FEES.filter((f) => f.code === code),
        input.date,
      );
  if (fee === undefined) return undefined;
  const units = Number.isFinite(input.units) && input.units > 0 ? input.units : 0;
  const mods = input.modifiers.map((m) => m.trim().toUpperCase());
  const hasAssistant = mods.includes('CQ') || mods.includes('CO');
  const diff = hasAssistant ? pickEffective(ASSISTANT_DIFFERENTIALS, input.date) : undefined;
  const assistantRate = diff?.rate ?? 1;
  const g = lookup.gpci;
  const local =
    g && fee.workRvu !== undefined && fee.peRvu !== undefined && fee.mpRvu !== undefined && fee.conversionFactor !== undefined
      ? roundCents((fee.workRvu * g.work + fee.peRvu * g.pe + fee.mpRvu * g.mp) * fee.conversionFactor)
      : undefined;
  let source =
    local !== undefined && g
      ? `${code} ${fee.from.slice(0, 4)} amount for locality ${g.mac}-${g.locality} (${g.name}): RVUs ${fee.source}; GPCIs ${g.source}`
      : `${code} ${fee.from.slice(0, 4)} national amount: ${fee.source}`;
  if (local === undefined && g) source += `; national because the fee has no RVU components for a locality amount`;
  else if (local === undefined && lookup.nationalBecause) source += `; national because ${lookup.nationalBecause}`;
  if (diff !== undefined) source += `; CQ/CO rate ${assistantRate}: ${diff.source}`;
  const perUnit = local ?? fee.nationalAmount;
  const result: PricedLine = {
    perUnit,
    amount: roundCents(perUnit * units * assistantRate),
    assistantRate,
    source,
    basis: local !== undefined && g ? { mac: g.mac, locality: g.locality, name: g.name } : 'national',
  };
  const charge = input.charge;
  if (charge !== undefined && Number.isFinite(charge) && charge >= 0 && charge < result.amount) {
    result.amount = roundCents(charge);
    result.limitedByCharge = true;
    result.source += '; limited to the billed charge (lower of charge and fee schedule)';
  }
  return result;
}

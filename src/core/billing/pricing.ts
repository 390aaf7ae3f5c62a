/**
 * Line pricing: fee per unit × units, × the CQ/CO assistant rate when an assistant
 * modifier is present, rounded to cents. The fee is the national unadjusted amount, or the
 * locality amount when GPCIs for the configured locality are given and the fee carries its
 * RVU components: (work × work GPCI + PE × PE GPCI + MP × MP GPCI) × conversion factor.
 * No multiple-procedure (MPPR) reduction is applied in `priceLine`.
 *
 * `priceClaimLines` prices every line of one date of service together, with the multiple
 * procedure payment reduction (MPPR, Pub 100-04 ch. 5 §10.7, billing-rules §13.9): the unit
 * with the highest practice expense (PE) among the day's therapy units is paid in full,
 * every other such unit with 50% of its PE (work and malpractice in full); CQ/CO lines at
 * the assistant rate (85% from 2022; both are multiplications, so order does not matter).
 * Arithmetic per line, no loop sized by units. KX accrual, the code lens and the audit
 * report (issue 15) use it.
 */
import { pickEffective } from '../data/effective';
import { FEES, roundCents } from '../data/fees';
import { ASSISTANT_DIFFERENTIALS } from '../data/assistant';
import type { CodeInfo, FeeEntry } from '../data/types';
import { pfsStatusMeaning } from '../data/pfsStatusText';
import { linePhrase } from './pricePhrase';

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
  /** What CMS's PPRRVU in force says of a code: its status and release (every status, not only payable ones). */
  status?: (code: string, date: string) => { status: string; release: string } | undefined;
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

/** Wording shown wherever an amount is: what it is and what it is not. */
export const NATIONAL_UNADJUSTED = 'national, unadjusted Medicare amount (no locality adjustment)';

function feeOf(code: string, date: string): FeeEntry | undefined {
  const c = code.trim().toUpperCase();
  return pickEffective(
    FEES.filter((f) => f.code === c),
    date,
  );
}

function assistantRateFor(modifiers: readonly string[], date: string): { rate: number; source?: string } {
  const mods = modifiers.map((m) => m.trim().toUpperCase());
  if (!mods.includes('CQ') && !mods.includes('CO')) return { rate: 1 };
  const diff = pickEffective(ASSISTANT_DIFFERENTIALS, date);
  return diff ? { rate: diff.rate, source: diff.source } : { rate: 1 };
}

function validUnits(units: number): number {
  return Number.isFinite(units) && units > 0 ? Math.floor(units) : 0;
}

// ---- a whole date of service, with MPPR ---------------------------------------------

export interface ClaimPriceInput {
  code: string;
  units: number;
  modifiers: readonly string[];
  charge?: number;
  /**
   * The line's catalogue entry: MPPR applies to "always therapy" codes, and to
   * "sometimes therapy" codes billed with GP/GO/GN (under a therapy plan of care).
   */
  info?: Pick<CodeInfo, 'therapy' | 'pfsStatus' | 'medicare'>;
}

export interface ClaimLinePrice {
  /** Index into the input array. */
  index: number;
  code: string;
  units: number;
  /** Allowed amount for the line, US dollars (0 when unpriced). */
  amount: number;
  /** Amount of a unit paid in full / with half its PE, after the CQ/CO rate. */
  fullUnit: number;
  reducedUnit: number;
  /** Units paid in full (0 or 1: the day's highest-PE unit) and with the reduction. */
  fullUnits: number;
  reducedUnits: number;
  assistantRate: number;
  /** True when the line is subject to MPPR. */
  mppr: boolean;
  limitedByCharge?: boolean;
  /** Why the line has no amount: no national rate for the code and date, or Medicare does not pay it. */
  unpriced?: string;
  /**
   * Medicare does not pay the code at all on this date (CMS status B, N, I …, or a code
   * Medicare replaces with another): its allowed amount is 0, whatever its charge.
   */
  notPayable?: boolean;
  source?: string;
  /** CMS's release the RVUs come from ("RVU26C"), when the fee names one. */
  release?: string;
  /**
   * For an MPPR line, its place among the day's MPPR services by practice expense (1: the
   * one whose first unit is paid in full).
   */
  mpprRank?: number;
  /** The PPRRVU MULT PROC indicator of the fee, when known ("5": therapy MPPR; "0": none). */
  multProc?: string;
  /** One short phrase for every surface: "$27.72 national 2026, MPPR applied as the 2nd service". */
  phrase: string;
}

export interface ClaimPrice {
  /** Sum of the priced lines, US dollars. */
  total: number;
  lines: ClaimLinePrice[];
  /** Billed lines (units > 0) without an amount. */
  unpricedLines: number;
  /** The MPPR, assistant rate and "national, unadjusted" caveats in words. */
  basis: string;
  /** Set when the configured locality's GPCIs adjusted the amounts. */
  locality?: { mac: string; locality: string; name: string };
}

const THERAPY_MODS = new Set(['GP', 'GO', 'GN']);

/** Medicare pays nothing for the code on the date: CMS's status in force says so, else the catalogue. */
function notPaid(code: string, date: string, info: ClaimPriceInput['info'], lookup: PriceLookup): boolean {
  if (info?.medicare && 'replacedBy' in info.medicare) return true;
  const cms = lookup.status?.(code, date);
  if (cms) return !pfsStatusMeaning(cms.status).payable;
  return info?.medicare !== undefined;
}

/** Why a line has no amount, from CMS's status code in force when there is one, else the catalogue. */
function unpricedReason(code: string, date: string, info: ClaimPriceInput['info'], medicare: boolean, lookup: PriceLookup): string | undefined {
  if (medicare && info?.medicare && 'replacedBy' in info.medicare) return `not paid by Medicare (billed as ${info.medicare.replacedBy})`;
  const cms = lookup.status?.(code, date);
  if (cms) {
    const m = pfsStatusMeaning(cms.status);
    if (!m.payable) return `${m.short} under Medicare (status ${cms.status}, CMS PFS ${cms.release}) for ${date.slice(0, 4)}: ${m.meaning}`;
    if (cms.status === 'C') return `contractor-priced (status ${cms.status}, CMS PFS ${cms.release}): ${m.meaning}`;
    return undefined;
  }
  if (medicare && info?.medicare && 'status' in info.medicare) return 'Medicare status B: bundled, never paid separately';
  if (medicare && info?.medicare && 'replacedBy' in info.medicare) return `not paid by Medicare (billed as ${info.medicare.replacedBy})`;
  if (info?.pfsStatus === 'R') return 'Medicare status R: restricted coverage, no national rate (priced by the contractor)';
  if (info?.pfsStatus === 'C') return 'priced by the contractor: no national rate';
  if (info?.pfsStatus === 'I') return 'not valid for Medicare: no national rate';
  return undefined;
}

/**
 * Price every line of one date of service. `medicare` makes Medicare-only non-payment
 * (status B, codes Medicare replaces) count 0; other payers are priced at the national
 * amount as an estimate.
 */
export function priceClaimLines(
  lines: readonly ClaimPriceInput[],
  date: string,
  /** `phrases: false`: the lines' phrases stay empty (a caller that reads only the amounts, claimAllowed, skips writing them). */
  options: { medicare?: boolean; lookup?: PriceLookup; phrases?: boolean } = {},
): ClaimPrice {
  const medicare = options.medicare ?? true;
  const lookup = options.lookup ?? {};
  const g = lookup.gpci;
  const out: ClaimLinePrice[] = [];
  let top = -1;
  let topPe = -1;
  lines.forEach((l, index) => {
    const units = validUnits(l.units);
    const code = l.code.trim().toUpperCase();
    const reason = unpricedReason(code, date, l.info, medicare, lookup);
    const fee = reason ? undefined : lookup.fee ? lookup.fee(code, date) : feeOf(code, date);
    // Each line's object is written out whole, keys in one order (no spread of a common base):
    // a copy of a base whose number fields then changed from 0 to cents was read slowly by V8
    // (a claim's 2–3 lines priced in 28 µs instead of 8).
    if (!fee) {
      const unpriced = reason ?? `no national amount for ${date.slice(0, 4)} in claimlint's data`;
      const line: ClaimLinePrice = { index, code, units, amount: 0, fullUnit: 0, reducedUnit: 0, fullUnits: 0, reducedUnits: 0, assistantRate: 1, mppr: false, phrase: '', unpriced };
      if (medicare && notPaid(code, date, l.info, lookup)) line.notPayable = true;
      out.push(line);
      return;
    }
    const { rate, source: rateSource } = assistantRateFor(l.modifiers, date);
    const mods = l.modifiers.map((m) => m.trim().toUpperCase());
    // CMS's MULT PROC indicator decides when the fee carries it (5: the therapy MPPR; 0: none, e.g.
    // 97550); a "sometimes therapy" code is reduced only when billed as therapy (GP/GO/GN).
    const asTherapy = l.info?.therapy !== 'sometimes' || mods.some((m) => THERAPY_MODS.has(m));
    const mppr =
      fee.multProc !== undefined
        ? fee.multProc === '5' && asTherapy
        : l.info?.therapy === 'always' || (l.info?.therapy === 'sometimes' && mods.some((m) => THERAPY_MODS.has(m)));
    const cf = fee.conversionFactor ?? fee.nationalAmount / fee.totalRvu;
    const pe = fee.peRvu ?? 0;
    // A locality amount when the configured locality's GPCIs and the fee's RVU parts are known.
    const parts = g && fee.workRvu !== undefined && fee.peRvu !== undefined && fee.mpRvu !== undefined && fee.conversionFactor !== undefined;
    const w = parts ? fee.workRvu! * g!.work : undefined;
    const m = parts ? fee.mpRvu! * g!.mp : undefined;
    const p = parts ? fee.peRvu! * g!.pe : undefined;
    const fullBase = parts ? (w! + p! + m!) * cf : fee.nationalAmount;
    const full = roundCents(fullBase * rate);
    const reduced = mppr && pe > 0 ? roundCents((parts ? w! + p! / 2 + m! : fee.totalRvu - pe / 2) * cf * rate) : full;
    let source = `${fee.code}: ${fee.source}`;
    if (rateSource !== undefined) source += `; CQ/CO rate ${rate}: ${rateSource}`;
    const priced: ClaimLinePrice = { index, code, units, amount: 0, fullUnit: full, reducedUnit: reduced, fullUnits: 0, reducedUnits: 0, assistantRate: rate, mppr, phrase: '', source };
    if (fee.release !== undefined) priced.release = fee.release;
    if (fee.multProc !== undefined) priced.multProc = fee.multProc;
    out.push(priced);
    if (mppr && units > 0 && pe > topPe) {
      topPe = pe;
      top = index;
    }
  });
  for (const p of out) {
    if (p.unpriced !== undefined || p.units === 0) continue;
    if (!p.mppr) {
      p.fullUnits = p.units;
    } else {
      p.fullUnits = p.index === top ? 1 : 0;
      p.reducedUnits = p.units - p.fullUnits;
    }
    p.amount = roundCents(p.fullUnits * p.fullUnit + p.reducedUnits * p.reducedUnit);
    const charge = lines[p.index].charge;
    if (charge !== undefined && Number.isFinite(charge) && charge >= 0 && charge < p.amount) {
      p.amount = roundCents(charge);
      p.limitedByCharge = true;
    }
  }
  // Each MPPR line's place among the day's MPPR services: 1st the line whose first unit is paid in full
  // (highest practice expense), then the others in line order.
  const ranked = out.filter((p) => p.mppr && p.unpriced === undefined && p.units > 0).sort((a, b) => (a.index === top ? -1 : b.index === top ? 1 : a.index - b.index));
  ranked.forEach((p, i) => (p.mpprRank = i + 1));
  const basisWord = g ? `locality ${g.mac}-${g.locality}` : 'national';
  if (options.phrases !== false) for (const p of out) p.phrase = linePhrase(p, date, basisWord);
  const total = roundCents(out.reduce((s, p) => s + p.amount, 0));
  const unpricedLines = out.filter((p) => p.unpriced !== undefined && p.units > 0).length;
  const basis =
    `${NATIONAL_UNADJUSTED}; multiple procedure payment reduction applied (the day's highest practice-expense unit in full, ` +
    'the practice expense of every other therapy unit at 50%); CQ/CO lines at the assistant rate; never more than a line\'s charge';
  if (g) return { total, lines: out, unpricedLines, basis: basis.replace(NATIONAL_UNADJUSTED, `amount for locality ${g.mac}-${g.locality} (${g.name})`), locality: { mac: g.mac, locality: g.locality, name: g.name } };
  return { total, lines: out, unpricedLines, basis };
}

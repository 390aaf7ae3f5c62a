/**
 * Which discipline (PT, OT, SLP) a line belongs to, for the per-discipline 8-minute pools
 * and the one-per-date rule of untimed codes (billing-rules §13.2, §13.3): its single
 * GP/GO/GN modifier, else the claim's discipline (plan of care, or a PT/OT/SLP provider).
 */
import type { Discipline } from '../data/types';
import type { Claim, ClaimLine } from '../model/claim';

const BY_MODIFIER: Record<string, Discipline> = { GP: 'PT', GO: 'OT', GN: 'SLP' };

/** The discipline the claim names, if any. */
export function claimDisciplineOf(claim: Pick<Claim, 'plan_of_care' | 'provider'>): Discipline | undefined {
  if (claim.plan_of_care) return claim.plan_of_care.discipline;
  const d = claim.provider?.discipline;
  return d === 'PT' || d === 'OT' || d === 'SLP' ? d : undefined;
}

/** The line's own discipline from its modifiers: one of GP/GO/GN, else undefined. */
export function modifierDiscipline(line: Pick<ClaimLine, 'modifiers'>): Discipline | undefined {
  const found = new Set((line.modifiers ?? []).map((m) => (Object.hasOwn(BY_MODIFIER, m) ? BY_MODIFIER[m] : undefined)).filter((d) => d !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/** The line's discipline: its own therapy modifier, else the claim's. */
export function lineDisciplineOf(line: Pick<ClaimLine, 'modifiers'>, claim: Pick<Claim, 'plan_of_care' | 'provider'>): Discipline | undefined {
  return modifierDiscipline(line) ?? claimDisciplineOf(claim);
}

export const DISCIPLINE_LABEL: Record<Discipline, string> = { PT: 'PT (GP)', OT: 'OT (GO)', SLP: 'SLP (GN)' };

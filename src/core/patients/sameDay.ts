/** A patient's claims grouped by date of service (two or more claims on one date). */
import type { Discipline } from '../data/types';
import { DISCIPLINE_LABEL } from '../billing/discipline';
import type { PatientClaim } from './types';

/** Dates with claims on two or more claims, each with its claims in order. */
export function sameDayClaims(claims: readonly PatientClaim[]): PatientClaim[][] {
  const byDate = new Map<string, PatientClaim[]>();
  for (const c of claims) {
    const list = byDate.get(c.date);
    if (list) list.push(c);
    else byDate.set(c.date, [c]);
  }
  return [...byDate.values()].filter((l) => l.length > 1);
}

/** "PT (GP)", or "no-discipline" for a pool with none. */
export function poolLabel(d: Discipline | undefined): string {
  return d ? DISCIPLINE_LABEL[d] : 'no-discipline';
}

/**
 * A file's findings: the per-claim audit's and the patient index's, in text order. A
 * cross-claim finding is left out when its per-claim twin rule already reports the same
 * path (the same fact from the claim alone), so nothing is said twice.
 */
import { RULES_BY_ID } from '../rules';
import type { LocatedFinding } from '../types';
import { combineFindings } from './combine';
import type { PatientFinding } from './types';

/** The cross-claim findings a file keeps beside its own (those whose twin did not say it already). */
export function crossFindingsToKeep(own: readonly LocatedFinding[], cross: readonly PatientFinding[]): PatientFinding[] {
  if (!cross.length) return [];
  // Only own findings of a twin rule can leave a cross-claim finding out.
  const twins = new Set<string>();
  for (const f of cross) {
    const twin = RULES_BY_ID.get(f.rule)?.twin;
    if (twin) twins.add(twin);
  }
  if (!twins.size) return [...cross];
  const said = new Set<string>();
  for (const f of own) if (twins.has(f.rule)) said.add(`${f.rule}\u0000${f.document}\u0000${f.path}`);
  return cross.filter((f) => {
    const twin = RULES_BY_ID.get(f.rule)?.twin;
    return !twin || !said.has(`${twin}\u0000${f.document}\u0000${f.path}`);
  });
}

export function mergePatientFindings(own: readonly LocatedFinding[], cross: readonly PatientFinding[]): LocatedFinding[] {
  return combineFindings(own, crossFindingsToKeep(own, cross));
}

/**
 * A file's findings: the per-claim audit's and the patient index's, in text order. A
 * cross-claim finding is left out when its per-claim twin rule already reports the same
 * path (the same fact from the claim alone), so nothing is said twice.
 */
import { RULES_BY_ID } from '../rules';
import type { LocatedFinding } from '../types';
import type { PatientFinding } from './types';

export function mergePatientFindings(own: readonly LocatedFinding[], cross: readonly PatientFinding[]): LocatedFinding[] {
  if (!cross.length) return [...own];
  const said = new Set(own.map((f) => `${f.rule}\u0000${f.document}\u0000${f.path}`));
  const kept = cross.filter((f) => {
    const twin = RULES_BY_ID.get(f.rule)?.twin;
    return !twin || !said.has(`${twin}\u0000${f.document}\u0000${f.path}`);
  });
  return [...own, ...kept].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

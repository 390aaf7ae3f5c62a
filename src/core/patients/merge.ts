/**
 * A file's findings: the per-claim audit's and the patient index's, in text order. A
 * cross-claim finding is left out when its per-claim twin rule already reports the same
 * path (the same fact from the claim alone), so nothing is said twice.
 */
import { RULES_BY_ID } from '../rules';
import type { LocatedFinding } from '../types';
import { combineFindings } from './combine';
import type { PatientFinding } from './types';

/**
 * What an analysis knows of its own findings (src/core/pipeline/analysis.ts): they are in text
 * order, and its findings of one rule are found without a look at every finding.
 */
export interface OwnFindings {
  readonly findings: readonly LocatedFinding[];
  findingsOfRule(rule: string): readonly LocatedFinding[];
}

/** The cross-claim findings a file keeps beside its own (those whose twin did not say it already). */
export function crossFindingsToKeep(own: readonly LocatedFinding[] | OwnFindings, cross: readonly PatientFinding[]): PatientFinding[] {
  if (!cross.length) return [];
  // Only own findings of a twin rule can leave a cross-claim finding out.
  const twins = new Set<string>();
  for (const f of cross) {
    const twin = RULES_BY_ID.get(f.rule)?.twin;
    if (twin) twins.add(twin);
  }
  if (!twins.size) return [...cross];
  const said = new Set<string>();
  const say = (f: LocatedFinding): void => void said.add(`${f.rule}\u0000${f.document}\u0000${f.path}`);
  if (Array.isArray(own)) {
    for (const f of own as readonly LocatedFinding[]) if (twins.has(f.rule)) say(f);
  } else for (const twin of twins) for (const f of (own as OwnFindings).findingsOfRule(twin)) say(f);
  return cross.filter((f) => {
    const twin = RULES_BY_ID.get(f.rule)?.twin;
    return !twin || !said.has(`${twin}\u0000${f.document}\u0000${f.path}`);
  });
}

/** `own`: a file's findings, or an analysis (the same findings, known in text order and indexed by rule). */
export function mergePatientFindings(own: readonly LocatedFinding[] | OwnFindings, cross: readonly PatientFinding[]): LocatedFinding[] {
  const list = Array.isArray(own) ? (own as readonly LocatedFinding[]) : (own as OwnFindings).findings;
  return combineFindings(list, crossFindingsToKeep(own, cross), !Array.isArray(own));
}

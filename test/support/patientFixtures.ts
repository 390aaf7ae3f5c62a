/** Multi-file patient fixtures (test/fixtures/patients/<rule-id>/*.claim.yaml), audited together through the core. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from './paths';
import { analyze, AuditCache, fileClaims, mergePatientFindings, PatientIndex, type Analysis, type LocatedFinding, type PatientScope, type ResolvedConfig } from '../../src/core';

export const PATIENT_FIXTURES = join(FIXTURES, 'patients');

export function scenarios(): string[] {
  return existsSync(PATIENT_FIXTURES) ? readdirSync(PATIENT_FIXTURES).sort() : [];
}

export function scenarioFiles(name: string): { name: string; text: string }[] {
  const dir = join(PATIENT_FIXTURES, name);
  return readdirSync(dir)
    .filter((f) => /\.claim\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

export interface AuditedSet {
  index: PatientIndex;
  analyses: Map<string, Analysis>;
  findings: Map<string, LocatedFinding[]>;
}

/** Audit files together as the CLI does: per-claim findings merged with the patient index's. */
export function auditTogether(files: { name: string; text: string }[], options: { scope?: PatientScope; config?: ResolvedConfig } = {}): AuditedSet {
  const index = new PatientIndex({ scope: options.scope });
  const cache = new AuditCache();
  const analyses = new Map<string, Analysis>();
  for (const f of files) {
    const a = analyze(f.text, { cache, config: options.config });
    analyses.set(f.name, a);
    index.setFile(fileClaims(a, f.name), a.config);
  }
  const findings = new Map<string, LocatedFinding[]>();
  for (const f of files) findings.set(f.name, mergePatientFindings(analyses.get(f.name)!.findings, index.findings(f.name)));
  return { index, analyses, findings };
}

/**
 * The claim files of a `claimlint remit` run, audited as `claimlint` audits them: each file
 * under its own config and data packs, one pipeline run for its findings and its report
 * facts, then the checks across a patient's claims over every file of the run. What the
 * remittance join needs (claimsForRemit) and what the HTML report needs (FileAudit).
 */
import { isUtf8 } from 'node:buffer';
import { AuditCache, analyze, claimsForRemit, combineFindings, crossFindingsToKeep, fileClaims, PatientIndex, type ClaimForRemit, type FilePatientClaims, type LocatedFinding, type ResolvedConfig } from '../../core';
import { PackStore } from '../../datapacks/store/packStore';
import { decodeClaimBytes, displayPath, readClaimBytes } from '../../node/discovery';
import { collectClaims, type ReportClaim } from '../../report';
import { ConfigResolver } from '../config';
import { schemaConfigReader } from '../configReader';

export interface AuditedFile {
  path: string;
  findings: LocatedFinding[];
  claims: ReportClaim[];
}

export interface AuditedClaims {
  files: AuditedFile[];
  claims: ClaimForRemit[];
  /** Problems said on stderr (config, data pack, unreadable file): the run exits 2. */
  errors: string[];
  warnings: string[];
}

export function auditClaimFiles(files: readonly string[], configPath: string | undefined): AuditedClaims {
  const configs = new ConfigResolver(configPath, schemaConfigReader);
  const packs = new PackStore();
  const cache = new AuditCache();
  const errors: string[] = [];
  const warnings: string[] = [];
  const done: { path: string; own: LocatedFinding[]; claims: ReportClaim[]; patients: FilePatientClaims; config: ResolvedConfig }[] = [];
  for (const file of files) {
    const shown = displayPath(file);
    const cfg = configs.forFile(file);
    if ('error' in cfg) {
      errors.push(displayPath(cfg.error));
      continue;
    }
    const data = packs.dataFor(cfg.config.data);
    if (data.errors.length) {
      for (const e of data.errors) errors.push(`data pack ${e}`);
      continue;
    }
    let read: ReturnType<typeof readClaimBytes>;
    try {
      read = readClaimBytes(file);
    } catch (err) {
      errors.push(`${shown}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    if ('skip' in read) {
      warnings.push(`${shown}: ${read.skip}`);
      continue;
    }
    if (!isUtf8(read.bytes)) warnings.push(`${shown}: bytes that are not valid UTF-8 were read as U+FFFD`);
    const analysis = analyze(decodeClaimBytes(read.bytes).text, { config: cfg.config, cache, data: data.data });
    done.push({ path: shown, own: analysis.findings, claims: collectClaims(analysis), patients: fileClaims(analysis, shown), config: cfg.config });
  }
  // The checks across a patient's claims, over every file of the run (as --patient-scope run).
  const index = new PatientIndex({ scope: 'all' });
  for (const d of done) index.setFile(d.patients, d.config);
  const out: AuditedFile[] = done.map((d) => ({ path: d.path, claims: d.claims, findings: combineFindings(d.own, crossFindingsToKeep(d.own, index.findings(d.path))) }));
  return { files: out, claims: out.flatMap((f) => claimsForRemit(f.path, f.claims, f.findings)), errors, warnings };
}

/** What the CLI knows about one audited file, shared by all formatters. */
import { preferredFix, type LocatedFinding } from '../core/lite';
import type { PatientSummary, ReportClaim } from '../report';

export interface FileReport {
  /** Relative to the working directory, with forward slashes. */
  path: string;
  findings: LocatedFinding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** Number of fixes written back by --fix. */
  fixesApplied: number;
  /** The file's claims, for the HTML report (collected only for --format html). */
  claims?: ReportClaim[];
}

export function fileReport(path: string, findings: LocatedFinding[], fixesApplied = 0): FileReport {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
    else if (f.severity === 'info') infoCount++;
  }
  return { path, findings, errorCount, warningCount, infoCount, fixesApplied };
}

export function isFixable(f: LocatedFinding): boolean {
  return !!preferredFix(f);
}

/** What went wrong outside the reports (said on stderr): the summary must not claim success. */
export interface RunOutcome {
  /** Files found but not audited (their config, data pack or bytes could not be read). */
  notAudited: number;
  /** Errors said on stderr: missing paths, invalid configs, unreadable files. */
  errorsAbove: number;
  /** The per-patient view of the checks across claims (--format html only). */
  patients?: PatientSummary[];
}

export type Formatter = (reports: FileReport[], outcome?: RunOutcome) => string;

/** A formatter that can also give its text in pieces (text, or its UTF-8), to be written as they are made (their concatenation is its string). */
export type StreamingFormatter = Formatter & { chunks(reports: FileReport[], outcome?: RunOutcome): Iterable<string | Buffer> };

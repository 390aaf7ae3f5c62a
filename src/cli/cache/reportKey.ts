/**
 * The key a run's report is remembered under in the --cache (ResultCache.report): everything
 * the report is made of. The formatter (its name, and whether it paints: stylish colours a
 * terminal unless NO_COLOR is set), --quiet, the patient scope, what went wrong besides the
 * findings (the counts the summaries print), and every file reported, in order: its path,
 * its name in the report, the SHA-256 of its content and its config key. A file's own
 * findings and its claims depend only on its content and config (what its entry is keyed
 * by), and the checks across claims read only the claims and configs of the run's files, in
 * this order (../patients.ts): the same key is the same report, byte for byte. The claimlint
 * build is the whole cache's key (./keys.ts buildId).
 */
import type { RunOutcome } from '../report';
import { sha256 } from './keys';

export interface ReportInputs {
  format: string;
  color: boolean;
  quiet: boolean;
  scope: string;
  outcome: RunOutcome;
  /** Each file reported, in order: path, name in the report, SHA-256 of its content, SHA-256 of its config key. */
  files: readonly (readonly [file: string, shown: string, content: string, config: string])[];
}

export function reportKey(r: ReportInputs): string {
  const { notAudited, errorsAbove } = r.outcome;
  return sha256(JSON.stringify(['report-1', r.format, r.color, r.quiet, r.scope, notAudited, errorsAbove, r.files]));
}

/**
 * The code catalog: every code the auditor knows, assembled from the family files.
 *
 * `confidence` on a code entry is the report's tag for its timing (timed / untimed) and
 * description. Whether a code is "always" or "sometimes" therapy has its own, usually
 * weaker, evidence: see `therapyStatus()`. The CMS Annual Therapy Code List itself was not
 * retrieved (billing-rules §4.1, §12 item 6).
 */
import type { CodeInfo, Sourced } from './types';
import { TIMED_CODES } from './codes-timed';
import { UNTIMED_CODES } from './codes-untimed';
import { SLP_CODES } from './codes-slp';
import { OTHER_CODES } from './codes-other';
import { ADDED_CODES } from './codes-added';

export { DATA_BASELINE } from './codes-timed';

export const CODES: readonly CodeInfo[] = [...TIMED_CODES, ...UNTIMED_CODES, ...SLP_CODES, ...OTHER_CODES, ...ADDED_CODES];

/** Default evidence for "always therapy" on 97xxx / 92xxx treatment codes. */
const ALWAYS_DEFAULT: Sourced = {
  source: 'CR 10176 / Transmittal 3814 [S23][S24][S26]; code-level 2026 Therapy Code List not retrieved',
  confidence: 'S',
};

/** Default evidence for codes marked "sometimes" here. */
const SOMETIMES_DEFAULT: Sourced = {
  source: 'assigned here; not checked against the CMS Therapy Code List',
  confidence: 'U',
};

const EVAL_STATUS: Sourced = { source: 'Provider Magazine [S27], CR 10176 [S23]', confidence: 'C' };
const GN_LOCKED_STATUS: Sourced = { source: 'CR 10176 [S23][S27]', confidence: 'C' };

/** Codes whose therapy status has evidence other than the defaults. */
const THERAPY_STATUS_OVERRIDES: Record<string, Sourced> = {
  ...Object.fromEntries(['97161', '97162', '97163', '97164', '97165', '97166', '97167', '97168'].map((c) => [c, EVAL_STATUS])),
  ...Object.fromEntries(['92521', '92522', '92523', '92524', '92597', '92607'].map((c) => [c, GN_LOCKED_STATUS])),
  '97597': { source: 'secondary mention, billing-rules §4.1 ("when part of therapy plan")', confidence: 'S' },
  '97129': { source: 'brief: 97xxx treatment code; CMS status for 97129/97130 not retrieved', confidence: 'U' },
  '97130': { source: 'brief: 97xxx treatment code; CMS status for 97129/97130 not retrieved', confidence: 'U' },
  G0283: { source: 'follows 97014, which it replaces; CMS status not retrieved', confidence: 'U' },
  ...Object.fromEntries(['97550', '97551', '97552'].map((c) => [c, { source: 'HHS/CMS CY 2024 therapy code list update (billing-rules §13.8)', confidence: 'C' as const }])),
  ...Object.fromEntries(
    ['98975', '98976', '98977', '98978', '98980', '98981'].map((c) => [c, { source: 'CMS CY 2022 PFS final rule: RTM codes are "sometimes therapy" (secondary restatements)', confidence: 'S' as const }]),
  ),
};

/** Whether a code is always or sometimes therapy, with the evidence for that status. */
export function therapyStatus(code: string): (Sourced & { therapy: CodeInfo['therapy'] }) | undefined {
  const entry = CODES.find((c) => c.code === code.trim().toUpperCase());
  if (entry === undefined) return undefined;
  const sourced = THERAPY_STATUS_OVERRIDES[entry.code] ?? (entry.therapy === 'always' ? ALWAYS_DEFAULT : SOMETIMES_DEFAULT);
  return { therapy: entry.therapy, ...sourced };
}

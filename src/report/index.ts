/**
 * The audit report's engine side: claim facts and findings read from the audit (facts/),
 * money estimates, and the summary figures (figures/). The HTML page (html/) is its own
 * bundle and imports figures/ directly, never this entry (which loads the engine).
 */
export { claimMoney, collectClaims, type ClaimMoney, type ReportClaim, type ReportLine, type ReportLinePrice, type TimedCodeUnits } from './facts/claims';
export { priceDay, type DayPrice, type UnitsItem } from './facts/money';
export { reportFindings } from './facts/findings';
export {
  CATEGORY_ORDER,
  MONEY_BASIS,
  localityBasis,
  computeFigures,
  lineOf,
  within,
  type AuditFigures,
  type ClaimRow,
  type Count,
  type FileAudit,
  type ReportFinding,
} from './figures/figures';
export { payerFigures, type MissedGroup, type MissedLine, type PayerFigures, type PayerReason } from './figures/payer';
export { patientSummaries, type PatientBucketYear, type PatientProgress, type PatientSummary, type PatientVisit } from './facts/patients';

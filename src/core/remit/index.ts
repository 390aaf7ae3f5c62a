/** What the payer said (issue 27): the 835 remittance model, its reason table, and its join to the audit. */
export { ADJUSTMENT_GROUPS, type Adjustment, type AdjustmentGroup, type ProviderAdjustment, type Remittance, type RemitClaim, type RemitLine } from './types';
export { carcInfo, groupName, isDenied, isPredictable, rarcInfo, reasonLabel, REASON_TABLE, rulesForAdjustment, type ReasonInfo, type ReasonTable } from './reasons';
export { claimsForRemit, type ClaimForRemit, type ClaimLineShape, type ClaimShape } from './claims';
export {
  cents,
  matchRemittance,
  type AdjustmentResult,
  type ProviderAdjustmentResult,
  type RemitClaimResult,
  type RemitInput,
  type RemitLineResult,
  type RemitReport,
  type UnmatchedResult,
} from './match';
export { summarize, type MissedReason, type ReasonFigures, type RemitSummary } from './summary';
export { adjustmentText, adjustmentTexts, dollars } from './texts';

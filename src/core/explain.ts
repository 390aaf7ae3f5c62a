/**
 * The core's entry for what the editor (hover, code lens, completion, the visit summary) and
 * the audit report explain: reference lookups (codes, modifiers, fees, KX), billing arithmetic
 * (the 8-minute rule, discipline pools, pricing), field guidance, and the claim lines indexed
 * with their code information. The rules use the same functions, so an explanation cannot
 * disagree with a finding. The audit API itself is ./index.ts.
 */
export { allCodes, assistantDifferential, citation, codeInfo, feeFor, kxThreshold, modifierInfo, priceClaimLines, priceLine, roundCents, type ClaimLinePrice, type CodeInfo, type Discipline } from './data';
export type { CodeKind } from './data/types';
export { pfsStatusMeaning } from './data/pfsStatusText';
export { allowedAllocations, cmsAllocation, describeTotal, isAllowedAllocation, unitsForMinutes } from './billing/eightMinute';
export { DISCIPLINE_LABEL, lineDisciplineOf } from './billing/discipline';
export { poolLines, timedPools, type TimedCode, type TimedPool } from './billing/disciplinePools';
export { fieldGuidance, type GuidanceField } from './documentation/guidance';
export { indexLines, unitRuleFor } from './pipeline/auditClaim';
export type { IndexedLine } from './types';
export type { UnitRule } from './model/claim';

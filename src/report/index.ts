/** The audit report's pure core: claim facts, money estimates and summary figures. */
export { collectClaims, type ClaimMoney, type ReportClaim, type ReportLine, type TimedCodeUnits } from './facts/claims';
export { priceDay, type DayPrice, type UnitsItem } from './facts/money';
export {
  CATEGORY_ORDER,
  MONEY_BASIS,
  claimMoney,
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

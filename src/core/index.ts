/**
 * The core's one public entry: the CLI, the language server and the docs generator import
 * the engine from here and from nowhere else (a lint rule keeps it so; see
 * eslint.config.mjs). Pure: no `vscode`, no LSP types, no file system.
 */

// The pipeline and the engine
export { analyze, Analysis, type AnalyzeOptions, type NodeAt, type PlacedClaim, type PlacedUnit, type TextChange } from './pipeline/analysis';
export type { ParsedClaim, ParsedUnit } from './pipeline/unit';
export { auditUnitText, cutUnits, findingsOfUnits, type DocumentCut, type UnitCut, type UnitSummary } from './pipeline/parallel';
export { AuditCache, DEFAULT_CACHE_BYTES } from './pipeline/cache';
export { audit, applyFixes, fixAll, fixKeepsYaml, preferredFix, type AuditOptions, type AuditResult, type FixResult } from './engine';
export { indexLines, unitRuleFor } from './pipeline/auditClaim';
export { validateClaim, type ValidatedClaim } from './pipeline/validate';
export { LineIndex } from './parse/lines';
export { guardText } from './parse/guard';
export * as LIMITS from './limits';
export type { SourceEntry, SourceMap } from './parse/sourceMap';

// Across a patient's claims (issue 23)
export { fileClaims, claimFacts } from './patients/facts';
export { PatientIndex, placeOf, type ClaimAccrual, type PatientScope } from './patients/patientIndex';
export { crossFindingsToKeep, mergePatientFindings } from './patients/merge';
export { combineFindings } from './patients/combine';
export { accrue, accrualText, type BucketAccrual, type ClaimYear } from './patients/accrual';
export { treatmentDays, episodes, type TreatmentDay, type Episode } from './patients/visits';
export type { FactLine, FilePatientClaims, PatientClaim, PatientFinding, RelatedLocation, Place } from './patients/types';

// Config
export { configKey, configSchema, resolveConfig, type Config, type ResolvedConfig } from './config/schema';
export { defaultSettings, settingsSchema, settingsToConfig, type Settings } from './config/settings';
export { CONFIG_FILE_NAMES, loadNearestConfig, parseConfig, type ConfigHost, type ConfigLoad, type ConfigWarning } from './config/lookup';
export { countErrors, formatConfigProblem, type ConfigProblem } from './config/problemText';
export { checkRuleSettings, rulesJsonSchema, type RuleSettingProblem } from './config/ruleSettings';
export { forPayer } from './config/optionSchemas';

// Rules, findings, the claim format
export { ALL_RULES, RULES_BY_ID, docsUrl } from './rules';
export type { Finding, Fix, IndexedLine, LocatedFinding, Position, Rule, RuleCategory, RuleMeta, Severity, Span, TextEdit } from './types';
export { claimSchema, payerTypes, type Claim, type ClaimLine, type PayerType, type UnitRule } from './model/claim';

// Reference data and arithmetic the editor explains
export { allCodes, assistantDifferential, citation, codeInfo, feeFor, kxThreshold, modifierInfo, priceClaimLines, priceLine, roundCents, type ClaimLinePrice, type CodeInfo, type Discipline } from './data';
export type { CodeKind } from './data/types';
export { allowedAllocations, cmsAllocation, describeTotal, isAllowedAllocation, unitsForMinutes } from './billing/eightMinute';
export { DISCIPLINE_LABEL, lineDisciplineOf } from './billing/discipline';
export { poolLines, timedPools, type TimedCode, type TimedPool } from './billing/disciplinePools';
export { fieldGuidance, type GuidanceField } from './documentation/guidance';
export { plural } from './text';
export { linkSources, sourceAnchor, sourceKeys, sourceRefs, SOURCES_URL, type SourceRef } from './sources';
export { own } from './own';


// Data packs: tables imported from CMS's files, overlaid on the built-in data
export { BUILTIN_DATA, ReferenceData, type GpciEntry, type PackSummary, type TableCoverage } from './data/reference';
export { loadPack, PackError } from './data/packLoad';
export { BUILTIN_LOADED } from './data/builtinPack';
export { pfsStatusMeaning } from './data/pfsStatusText';
export {
  MANIFEST_FILE,
  PACK_FORMAT,
  PACK_VERSION,
  TABLE_LABELS,
  manifestTableSchema,
  tableNames,
  type CfRow,
  type GpciRow,
  type MueRow,
  type NcciRow,
  type RvuRow,
  type TherapyRow,
  type LoadedPack,
  type ManifestTable,
  type PackManifest,
  type TableName,
  type TableRows,
} from './data/packTypes';
export { tables as builtinTables, therapyStatus } from './data';

// What the payer said: 835 remittance joined to the audit (issue 27)
export * from './remit';

/**
 * The core's main entry: the audit API. Text and config in, analysis and findings out; the
 * rules and their citations; the claim format; the reference data an audit reads; checks
 * across a patient's claims. Pure: no `vscode`, no LSP types, no file system.
 *
 * The core has four more entries, one per purpose, and nothing else of it is imported from
 * outside (a lint rule keeps it so; see eslint.config.mjs):
 * - ./lite.ts      the CLI's front: what a run answered from `--cache` needs, no engine;
 * - ./parallel.ts  worker-thread plumbing: cut a file into units, audit a unit's text, merge;
 * - ./explain.ts   reference lookups and billing arithmetic the editor and the report explain;
 * - ./packs.ts     the data-pack format, reader and built-in tables (pack build and store).
 */

// The pipeline and the engine
export { analyze, type AnalyzeOptions } from './pipeline/analyze';
export { Analysis, type NodeAt, type PlacedClaim, type PlacedUnit, type TextChange } from './pipeline/analysis';
export { shownAs } from './pipeline/place';
export type { ParsedClaim, ParsedUnit } from './pipeline/unit';
export { auditInUnits } from './pipeline/parallel';
export { AuditCache, DEFAULT_CACHE_BYTES } from './pipeline/cache';
export { audit, applyFixes, fixAll, fixKeepsYaml, preferredFix, type AuditOptions, type AuditResult, type FixResult } from './engine';
export { validateClaim, type ValidatedClaim } from './pipeline/validate';
export { guardText } from './parse/guard';
export * as LIMITS from './limits';
export type { SourceEntry, SourceMap } from './parse/sourceMap';

// Across a patient's claims (issue 23)
export { adoptFileClaims, fileClaims, claimFacts } from './patients/facts';
export { quickFileClaims } from './patients/quickClaims';
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

// Rules, findings, their citations, the claim format
export { ALL_RULES, RULES_BY_ID, docsUrl } from './rules';
export { optionsOf } from './rules/applies';
export { progressReportDue } from './rules/documentation/progressReportDue';
export type { Finding, Fix, LocatedFinding, Position, Rule, RuleCategory, RuleMeta, Severity, Span, TextEdit } from './types';
export { claimSchema, payerTypes, type Claim, type ClaimLine, type PayerType } from './model/claim';
export { linkSources, sourceAnchor, sourceKeys, sourceRefs, SOURCES_URL, type SourceRef } from './sources';

// The reference data an audit reads: the built-in tables, or those overlaid by data packs
export { BUILTIN_DATA, ReferenceData } from './data/reference';

// Words
export { plural } from './text';
export { own } from './own';

// What the payer said: 835 remittance joined to the audit (issue 27)
export * from './remit';

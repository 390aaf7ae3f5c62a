/**
 * The core's second entry, for the CLI's front (src/cli/main.ts): what a run answered from
 * `--cache` needs — find the config file, key a resolved config, read the limits, tell a
 * fixable finding — and nothing that loads the engine (no rules, no zod schemas, no YAML
 * parser, no fee tables or data pack). Everything here is also exported by ./index.ts.
 * test/unit/cliFront.test.ts keeps the CLI's front bundle free of the engine.
 */
export { CONFIG_FILE_NAMES, findConfigFile, type ConfigHost } from './config/find';
export { configKey } from './config/key';
export { preferredFix } from './fixes/preferred';
export { docsUrl } from './rules/docs';
export * as LIMITS from './limits';
export type { ConfigLoad, ConfigWarning } from './config/lookup';
export { countErrors, formatConfigProblem, type ConfigProblem } from './config/problemText';
export type { Config, ResolvedConfig } from './config/schema';
export type { Finding, Fix, LocatedFinding, Position, Severity, Span, TextEdit } from './types';
export type { Analysis } from './pipeline/analysis';
export type { FilePatientClaims, PatientFinding, RelatedLocation } from './patients/types';
export { combineFindings } from './patients/combine';

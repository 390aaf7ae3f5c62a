/**
 * The part of the CLI that audits (see ./lazyEngine.ts): everything here loads the core's
 * engine. dist/cliEngine.js in the bundle.
 */
export { analyze, audit, auditInUnits, AuditCache, crossFindingsToKeep, fileClaims, fixAll, PatientIndex } from '../core';
export { collectClaims, patientSummaries } from '../report';
export { PackStore } from '../datapacks/store/packStore';
export { AuditPool } from '../node/auditPool';
export { schemaConfigReader } from './configReader';
export { makeSarifFormatter } from './formatters/sarif';
export { generatedAt, makeHtmlFormatter } from './formatters/html';
export { dataCommand } from './commands/data';
export { importCommand } from './commands/import';
export { remitCommand } from './commands/remit';

/**
 * The core's entry for data packs (src/datapacks build and store, `claimlint data`, the
 * build-time tools): the pack format, the pack reader, and the built-in tables a pack is
 * built from or overlaid on. The reference data an audit reads (`ReferenceData`,
 * `BUILTIN_DATA`) is in the audit API, ./index.ts.
 */
export { type GpciEntry, type PackSummary, type TableCoverage } from './data/reference';
export { loadPack, PackError } from './data/packLoad';
export { BUILTIN_LOADED } from './data/builtinPack';
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

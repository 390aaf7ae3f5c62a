/**
 * A claim file's record in the language server's workspace index: what is kept of a file
 * between edits (never its text, never its parse) — the core's FilePatientClaims, made from
 * the pipeline's Analysis of the file: on a worker thread for a file read from disk, on the
 * server's thread for an open document. One function makes it, so both give the same record.
 */
import { analyze, fileClaims, quickFileClaims, type Analysis, type FilePatientClaims, type ReferenceData, type ResolvedConfig } from '../core';

/** Plain data (structured-clone safe): a worker sends it back as is. `file` is the index's key (the URI), `label` how messages name it. */
export type FileRecord = FilePatientClaims;

export function recordOf(analysis: Analysis, key: string, label: string): FileRecord {
  return fileClaims(analysis, key, label);
}

/**
 * A file's record from its text (a file read from disk), nothing cached: through the quick
 * scanner when the whole file is in its subset (the same record, several times faster:
 * core/patients/quickClaims.ts), else one pipeline run.
 */
export function recordOfText(text: string, config: ResolvedConfig, data: ReferenceData | undefined, key: string, label: string): FileRecord {
  return quickFileClaims(text, config, data, key, label) ?? recordOfAnalysis(text, config, data, key, label);
}

/** The record through the full pipeline (the `yaml` parser), whatever the text. */
export function recordOfAnalysis(text: string, config: ResolvedConfig, data: ReferenceData | undefined, key: string, label: string): FileRecord {
  return recordOf(analyze(text, { config, data }), key, label);
}

/**
 * `claimlint import`: claims from the files practices actually have — the X12 837P sent to
 * the payer, a FHIR R4 export, an EHR's CSV — as claim YAML (format v1). Pure: the CLI and
 * the VS Code command read and write the files.
 */
import { LIMITS, type PayerType } from '../../core';
import type { PatientIdPolicy } from './patientId';
import { importCsv } from './csv/importCsv';
import { importFhir } from './fhir/importFhir';
import { HEADER_837, import837 } from './x12/import837';
import { ImportError, type ImportFormat, type ImportResult } from './types';

export { ImportError, type ImportFormat, type ImportResult, type ImportedClaim } from './types';
export { patientIdModes, type PatientIdMode, type PatientIdPolicy } from './patientId';
export { Reader837 } from './x12/import837';
export { looksLike835, read835, Remittance835, type Read835Result } from './x12/read835';
/**
 * The language server shows the payer's decisions in the editor (src/server/payerDecisions.ts)
 * from this lazily loaded bundle (dist/importers.js): the 835 reader above and the core's join,
 * texts and reason table, so dist/server.js carries none of the table.
 */
export { adjustmentTexts, carcInfo, claimsForRemit, dollars, groupName, isPredictable, matchRemittance, rarcInfo, reasonLabel, rulesForAdjustment } from '../../core';
export { readMapping as readCsvMapping } from './csv/mapping';
export { toClaimYaml, yamlClaimItem, yamlHead } from './yaml';

/** Bytes of one input read whole (FHIR, CSV, and any input of the VS Code command): the claim-file limit. */
export const MAX_IMPORT_TEXT_BYTES = LIMITS.MAX_FILE_BYTES;

export const importFormats: readonly ImportFormat[] = ['837p', 'fhir', 'csv'];
export const FORMAT_NAMES: Record<ImportFormat, string> = { '837p': 'X12 837P', fhir: 'FHIR R4', csv: 'CSV' };

/** What an input left out (ImportResult.skipped), by the input's name. */
export interface SkippedIn {
  name: string;
  items: readonly string[];
}

/**
 * The comment at the top of an imported file: where it came from, what the sources lack,
 * patient.id, and what was left out of it (located, never values).
 */
export function importComments(sources: { name: string; format: ImportFormat }[], mode: PatientIdPolicy['mode'], skipped: readonly SkippedIn[] = []): string[] {
  const oneLine = (t: string) => t.replace(/[\r\n]/g, ' ');
  const left = skipped.filter((s) => s.items.length);
  return [
    `Imported by claimlint import from ${sources.map((s) => `${oneLine(s.name)} (${FORMAT_NAMES[s.format]})`).join(', ')}.`,
    ...(sources.some((s) => s.format === '837p') ? HEADER_837 : []),
    mode === 'hash' ? 'patient.id is a salted hash of the member id (docs/import.md).' : mode === 'member' ? 'patient.id is the member id.' : 'patient.id is left out.',
    ...(left.length
      ? [
          'Left out: what claimlint cannot represent (everything else was imported; docs/import.md):',
          ...left.flatMap((s) => s.items.map((item) => `  ${oneLine(s.name)}: ${oneLine(item)}`)),
        ]
      : []),
  ];
}

export interface ImportOptions {
  patientId: PatientIdPolicy;
  /** FHIR: payer.type for every claim, instead of reading it from Coverage. */
  payerType?: PayerType;
  /** CSV: the parsed mapping file (columns renamed for another EHR's export). */
  csvMapping?: unknown;
}

/**
 * The format of a text by its content: an ISA envelope is an 837, JSON (an object or a
 * list) is FHIR. Otherwise the file's name decides (.json FHIR; .837, .x12, .edi an 837),
 * and anything else is CSV. Only the start of the text is needed.
 */
export function detectFormat(start: string, name = ''): ImportFormat {
  const t = start.replace(/^[\uFEFF\s]+/, '');
  if (t.startsWith('ISA')) return '837p';
  if (t.startsWith('{') || t.startsWith('[')) return 'fhir';
  if (/\.json$/i.test(name)) return 'fhir';
  if (/\.(837p?|x12|edi)$/i.test(name)) return '837p';
  return 'csv';
}

/** Imports a whole text of the given format; throws ImportError on malformed input. */
export function importText(text: string, format: ImportFormat, options: ImportOptions): ImportResult {
  if (!text.replace(/^\uFEFF/, '').trim()) throw new ImportError('', `the file is empty (no ${FORMAT_NAMES[format]} content)`);
  switch (format) {
    case '837p':
      return import837(text, options);
    case 'fhir':
      return importFhir(text, options);
    case 'csv':
      return importCsv(text, options);
  }
}

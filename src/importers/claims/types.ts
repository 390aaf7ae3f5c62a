/**
 * What the importers produce: claims in the shape of the claim format v1
 * (../../shared/design/claim-format.md, src/core/model/claim.ts), ready for the YAML writer.
 * Importers are pure: text (or chunks of it) in, claims out; files are the adapters' business.
 */
import type { PayerType } from '../../core';

export type ProviderDiscipline = 'PT' | 'OT' | 'SLP' | 'physician' | 'other';
export type PlanDiscipline = 'PT' | 'OT' | 'SLP';

export interface ImportedLine {
  code: string;
  modifiers?: string[];
  units: number;
  minutes?: number;
  assistant_minutes?: number;
  charge?: number;
  diagnosis_pointers?: number[];
}

export interface ImportedClaim {
  id: string;
  date_of_service: string;
  payer: { type: PayerType; name?: string };
  patient?: { id: string };
  provider?: { npi?: string; discipline?: ProviderDiscipline };
  plan_of_care?: { discipline: PlanDiscipline; start_date?: string; certified_date?: string; cert_through?: string };
  diagnoses?: string[];
  visit?: { total_timed_minutes?: number; total_treatment_minutes?: number };
  lines: ImportedLine[];
}

export type ImportFormat = '837p' | 'fhir' | 'csv';

export interface ImportResult {
  format: ImportFormat;
  claims: ImportedClaim[];
  /** Lines for the comment at the top of the written file (what the source could not carry). */
  header: string[];
  /** Things the user should know that did not stop the import; located, never values. */
  warnings: string[];
  /**
   * What the input holds but claimlint cannot represent, left out of the output (a service
   * line in minutes, a prior-authorization request): located, never values. The CLI writes
   * them into the output's header comment and on stderr, so nothing is lost silently.
   */
  skipped: string[];
}

/**
 * Unreadable or malformed input. `where` locates it without quoting data: "segment 42 (SV1),
 * element SV104" for an 837, a JSON path for FHIR, "row 3, column units" for CSV.
 */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(where ? `${where}: ${problem}` : problem);
    this.name = 'ImportError';
  }
}

/**
 * The patient layer's plain data: one claim's facts as the cross-claim rules read them
 * (structured-clone safe, so a worker thread or the CLI's --cache can carry them), the
 * findings those rules give, and the context a cross-claim rule runs in.
 */
import type { ResolvedConfig } from '../config/schema';
import type { CodeKind, Discipline, KxBucket, KxThreshold } from '../data/types';
import type { PayerType, UnitRule } from '../model/claim';
import type { LocatedFinding, Position, Span } from '../types';
import type { ClaimYear } from './accrual';

/** Where a path of a claim is in its file. */
export interface Place {
  span: Span;
  range: { start: Position; end: Position };
}

/** One service line as the cross-claim rules read it. */
export interface FactLine {
  /** Index in the claim's lines list, from 0. */
  index: number;
  code: string;
  units: number;
  minutes?: number;
  modifiers: string[];
  /** Undefined for a code the catalogue does not know on the date. */
  kind?: CodeKind;
  evaluation: boolean;
  /** Reported per body area or test (not one unit per date). */
  perArea: boolean;
  /** The line's discipline: its GP/GO/GN, else the claim's. */
  discipline?: Discipline;
  /** The line's 8-minute pool discipline (a line without a modifier joins the claim's or the only one). */
  pool?: Discipline;
  /** The KX bucket the line's allowed amount counts in, when it counts. */
  bucket?: KxBucket;
  /** Allowed amount of the line (the one pricing function: MPPR, CQ/CO rate, charge cap). */
  allowed: number;
}

/** One claim of a file, as plain data: what the cross-claim rules need and where its fields are. */
export interface PatientClaim {
  /** The caller's file key (a URI, a display path): echoed in results, never read. */
  file: string;
  /** How messages name the file (FilePatientClaims.label, else the key). */
  fileLabel: string;
  /** The claim's index among the file's claims (Analysis.claims order). */
  index: number;
  document: number;
  /** Path of the claim in its document: claim or claims[3]. */
  prefix: string;
  id?: string;
  /**
   * The grouping key: patient.id, or what the caller made of it (the CLI keeps a hash).
   * Never shown anywhere.
   */
  patient?: string;
  date: string;
  payerType: PayerType;
  unitRule: UnitRule;
  /** Every line passed the schema. */
  complete: boolean;
  /** The claim's discipline: plan_of_care.discipline, else provider.discipline when PT/OT/SLP. */
  discipline?: Discipline;
  ytd?: { pt_slp?: number; ot?: number };
  plan?: {
    discipline: Discipline;
    start_date?: string;
    certified_date?: string;
    cert_through?: string;
    treatment_days_since_progress_report?: number;
  };
  progressReport: boolean;
  lines: FactLine[];
  /** The KX thresholds of the claim's year, when known. */
  kx?: Pick<KxThreshold, 'pt_slp' | 'ot' | 'reviewThreshold'>;
  /**
   * Where the paths the cross-claim rules point at are (relative to the claim, e.g.
   * lines[1].modifiers; a missing path at its nearest parent), kept compact because an editor
   * holds every claim of a workspace: read them with placeOf(claim, path). `spans`: a
   * [start, end) pair of file offsets per path of placePaths(claim), in that order;
   * `lineStarts`: the file offsets of the lines the claim spans, the first being `firstLine`.
   */
  spans: number[];
  firstLine: number;
  lineStarts: number[];
}

/** A claims file for the patient index. */
export interface FilePatientClaims {
  file: string;
  /** How messages name the file (a workspace-relative path); the file key when absent. */
  label?: string;
  /** All claims of the file, audited or not (the count "other claims" is judged by). */
  claimCount: number;
  claims: PatientClaim[];
  /** Lines of the file holding `claimlint-` directives (0-based line, text). */
  directives: { line: number; text: string }[];
}

/** Another claim a finding depends on. */
export interface RelatedLocation {
  file: string;
  claimId?: string;
  /** File-level field path, e.g. claims[2].date_of_service. */
  path: string;
  span: Span;
  range: { start: Position; end: Position };
  message: string;
}

/** A cross-claim finding: a located finding (no fixes) with the claims it depends on. */
export interface PatientFinding extends LocatedFinding {
  related: RelatedLocation[];
}

/** What a cross-claim rule reports: a claim, a path relative to it, and the other claims it depends on. */
export interface PatientReport {
  claim: PatientClaim;
  path: string;
  message: string;
  related?: { claim: PatientClaim; path: string; message: string }[];
}

/** One patient's claims (or one file's claims, for file-level rules), in date order. */
export interface PatientContext {
  /** Claims in date order (then file key, then place in the file). */
  claims: readonly PatientClaim[];
  /** True for the file-level pass (claims of one file, patients mixed); false for one patient's claims. */
  fileLevel: boolean;
  /** The config of the claim's file: rule options come from it. */
  configOf(claim: PatientClaim): ResolvedConfig;
  /** The claim's total claim count in its file (file-level rules). */
  claimCountOf(file: string): number;
  /** The year's accrued allowed amounts at each claim whose payer the KX rules apply to (computed once per group). */
  accrual(): Map<PatientClaim, ClaimYear>;
}

/**
 * What a cross-claim rule's checkPatient sees: the group, and the running rule's options and
 * payer types as the engine reads them (rules/applies.ts) — under the config of each claim's
 * file, since one patient's claims may sit under different configs. Rules never write their
 * own id as a string.
 */
export interface PatientRuleContext<O extends object = object> extends PatientContext {
  /** The rule's options for this claim: its defaults overlaid by its file's configured ones, typed. */
  options(claim: PatientClaim): O;
  /** Whether the rule applies to this claim's payer type (its payerTypes, or its payerTypes option). */
  applies(claim: PatientClaim): boolean;
}

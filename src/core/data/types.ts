/**
 * Shapes of the effective-dated reference data. Every entry names its source and how sure
 * we are of it (the confidence tags of ../shared/domain/billing-rules.md), so that a
 * reviewer can correct a value without touching rule code.
 */

/** C confirmed, S secondary only, D derived here from confirmed rules, U unconfirmed. */
export type Confidence = 'C' | 'S' | 'D' | 'U';

export interface Sourced {
  /** Short citation, e.g. "CMS Pub 100-04 ch.5 §20.2 via FCSO [S1]". */
  source: string;
  confidence: Confidence;
}

/** Inclusive ISO date range; `to` open-ended when absent. */
export interface Effective {
  from: string;
  to?: string;
}

export type Discipline = 'PT' | 'OT' | 'SLP';
export type TherapyModifier = 'GP' | 'GO' | 'GN';

/**
 * timed15: billed in 15-minute units (8-minute rule);
 * untimed: service-based, 1 unit per date of service;
 * timed-other: timed in hours/half-hours etc. (ASHA 51% rule), not the 15-minute table.
 */
export type CodeKind = 'timed15' | 'untimed' | 'timed-other';

export interface CodeInfo extends Sourced, Effective {
  code: string;
  kind: CodeKind;
  /** Plain-language description written by us (never the AMA descriptor). */
  description: string;
  /** Short label for lists, e.g. "Therapeutic activities". */
  short: string;
  /** "always" therapy codes need GP/GO/GN on every line; "sometimes" only under a plan of care. */
  therapy: 'always' | 'sometimes';
  /** Discipline-locked codes (CR 10176): the only therapy modifier allowed. */
  lockedTo?: TherapyModifier;
  /** One-on-one constant attendance: documentation needs the full set of fields. */
  oneOnOne?: boolean;
  /** An evaluation or re-evaluation: assistants (PTA/OTA) may not furnish it. */
  evaluation?: boolean;
  /**
   * Reported per body area or per test: units come from the areas, capped by the MUE,
   * not by the one-per-date rule of untimed codes.
   */
  perArea?: boolean;
  /** Add-on code (e.g. 97130) that needs its primary code on the claim. */
  addOnTo?: string[];
  /** Medicare handling that makes the code non-payable. */
  medicare?: { status: 'bundled' } | { replacedBy: string };
  /** For timed-other codes: minutes per unit (e.g. 60) — 51% of it is needed for a unit. */
  unitMinutes?: number;
  /**
   * For timed-other codes whose descriptor demands the whole period (remote treatment
   * management: "20 minutes"), the share of `unitMinutes` needed for a unit (1 = all).
   */
  minShare?: number;
  /** The code is reported once per date (e.g. 97545 "initial 2 hours"); more time goes to its add-on. */
  oncePerDay?: boolean;
  /**
   * Medicare Physician Fee Schedule status when it is not "A" (active, priced):
   * R = restricted coverage, no national rate (the contractor prices it); C = priced by
   * the contractor (unlisted codes); I = not valid for Medicare.
   */
  pfsStatus?: 'R' | 'C' | 'I';
  /** Plain-language notes for hover (e.g. exercise vs activity). */
  notes?: string[];
}

/**
 * A code as the TypeScript catalogue (codes-*.ts) writes it: everything but its
 * always/sometimes therapy status, which comes from the built-in pack's Annual Therapy Code
 * List table (data/source/Annual_Therapy_Code_List_curated.csv; see codes.ts).
 */
export type CatalogueEntry = Omit<CodeInfo, 'therapy'>;

export interface ModifierInfo extends Sourced, Effective {
  modifier: string;
  description: string;
  group: 'therapy' | 'assistant' | 'threshold' | 'distinct' | 'other';
  /** When the modifier is required, in plain words (hover). */
  whenRequired?: string;
}

export interface FeeEntry extends Sourced, Effective {
  code: string;
  /** Total RVUs (non-facility; equal to facility for therapy codes in the sources). */
  totalRvu: number;
  /** Practice-expense RVU (MPPR halves it on all but the day's highest-PE unit). */
  peRvu?: number;
  /** National unadjusted amount, non-QP, US dollars, rounded to cents. */
  nationalAmount: number;
  /** Work and malpractice RVUs, when the source gives them (imported PPRRVU): with the
   * practice-expense RVU they allow a locality (GPCI) amount. */
  workRvu?: number;
  mpRvu?: number;
  /** PPRRVU MULT PROC indicator ("5": therapy multiple-procedure reduction). */
  multProc?: string;
  /** The conversion factor the amount was computed with. */
  conversionFactor?: number;
  /** CMS's release the RVUs come from ("RVU25D"), or "curated". */
  release?: string;
  /** PPRRVU status code (A, R, T: a national amount). */
  status?: string;
}

export interface ConversionFactor extends Sourced, Effective {
  nonQp: number;
  qp: number;
}

export type KxBucket = 'pt_slp' | 'ot';

export interface KxThreshold extends Sourced, Effective {
  /** Same amount for both buckets in every year so far, kept per bucket anyway. */
  pt_slp: number;
  ot: number;
  /** Targeted medical review threshold (info finding). */
  reviewThreshold: number;
}

/** NCCI procedure-to-procedure edit: column-2 code is denied when billed with column-1. */
export interface NcciPair extends Sourced, Effective {
  column1: string;
  column2: string;
  /** 0 = no modifier bypasses; 1 = 59/X{EPSU} may bypass; 9 = not applicable. */
  modifierIndicator: 0 | 1 | 9;
  /**
   * How sure the modifier indicator is, when less sure than the pair itself (e.g. the
   * 97750-with-evaluation pair: the pair is reported, its indicator was not found).
   */
  indicatorConfidence?: Confidence;
  note?: string;
  /** True when the pair comes from CMS's own PTP file (an imported pack), not a curated table. */
  fromCmsFile?: boolean;
}

/** Medically unlikely edit: max units per date of service. */
export interface MueEntry extends Sourced, Effective {
  code: string;
  maxUnits: number;
  /** MUE adjudication indicator when known: 1 line, 2 date (policy), 3 date (clinical). */
  mai?: 1 | 2 | 3;
}

/** Assistant (CQ/CO) payment differential. */
export interface AssistantDifferential extends Sourced, Effective {
  /** Fraction of the amount paid for CQ/CO lines, e.g. 0.85. */
  rate: number;
  /** De minimis share of a unit above which the modifier is required, e.g. 0.10. */
  deMinimis: number;
}

/**
 * The remittance model: what an 835 (X12 005010X221A1, the electronic remittance advice)
 * says per claim and per service line, and nothing about the patient (NM1*QC and NM1*IL are
 * never read). Amounts in US dollars as the 835 gives them.
 */

/** CAS01: CO contractual, PR patient responsibility, OA other, PI payer initiated, CR correction/reversal. */
export type AdjustmentGroup = 'CO' | 'PR' | 'OA' | 'PI' | 'CR';
export const ADJUSTMENT_GROUPS: readonly AdjustmentGroup[] = ['CO', 'CR', 'OA', 'PI', 'PR'];

/** One reason of a CAS segment: group, CARC and amount (a CAS holds up to six). */
export interface Adjustment {
  group: AdjustmentGroup;
  /** Claim adjustment reason code (CARC), e.g. "97", "B15". */
  reason: string;
  amount: number;
  /** The adjusted quantity (units), when the 835 gives it. */
  quantity?: number;
}

/** Loop 2110: one SVC service line and its CAS, DTM*472 and LQ*HE. */
export interface RemitLine {
  /** The procedure code billed: SVC06 when the payer changed it, else SVC01 (HC qualifier). */
  code: string;
  modifiers: string[];
  /** SVC01 when the payer adjudicated another code than the one billed (SVC06 given). */
  paidCode?: string;
  charge: number;
  paid: number;
  /** Units paid (SVC05; 1 when absent, as X12 says). */
  units: number;
  /** Units billed (SVC07), when given. */
  billedUnits?: number;
  /** ISO date of service (DTM*472 or DTM*150), when given. */
  date?: string;
  adjustments: Adjustment[];
  /** Remittance advice remark codes (LQ*HE). */
  remarks: string[];
  /** 1-based segment number of the SVC in its file (messages name it, never values). */
  segment: number;
}

/** Loop 2100: one CLP claim payment. */
export interface RemitClaim {
  /** CLP01, the patient control number: the claim's id as the provider sent it (CLM01). */
  clp01: string;
  /** CLP02 claim status: 1 primary, 2 secondary, 3 tertiary, 4 denied, 19–21 forwarded, 22 reversal, 23, 25. */
  status: string;
  charge: number;
  paid: number;
  /** Claim-level CAS. */
  adjustments: Adjustment[];
  /** Claim-level remark codes (MOA03–MOA07, MIA). */
  remarks: string[];
  /** ISO claim statement date (DTM*232), when given: the date of lines without their own. */
  date?: string;
  lines: RemitLine[];
  segment: number;
}

/** A PLB provider-level adjustment (not tied to a claim): reason code (PLB03-1 …) and amount. */
export interface ProviderAdjustment {
  reason: string;
  amount: number;
  segment: number;
}

export interface Remittance {
  claims: RemitClaim[];
  providerAdjustments: ProviderAdjustment[];
}

/**
 * Plan-of-care date arithmetic shared by certification-late and certification-expired.
 *
 * The claim format records one certification: the signature date and the end of the
 * certified period, plus the episode's first treatment. It does not say whether that
 * certification is the initial one or a recertification, so we read it:
 * a certification signed more than `recertificationAfterDays` after the first treatment
 * AND reaching past the initial 90-day window (or with no end date) is a
 * recertification. An initial certification is due within 30 days and cannot reach
 * past 90 days, so a late signature that still ends inside the window is a late initial
 * certification (BPM ch. 15 §220.1.3 [S65]; billing-rules §7).
 */
import type { Claim } from '../model/claim';
import { dayCountOption, optionsSchema, payerTypesOption } from '../config/optionSchemas';

const DAY_MS = 86_400_000;

/** Whole calendar days from `a` to `b` (ISO dates; negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export interface CertificationOptions {
  /** Days after the first treatment within which the initial plan must be certified. */
  certifyWithinDays: number;
  /** Longest certified period, in days from its start (the first treatment for the initial one). */
  maxPeriodDays: number;
  /** A signature later than this (and a period past the initial window) reads as a recertification. */
  recertificationAfterDays: number;
}

export const CERTIFICATION_DEFAULTS: CertificationOptions = {
  certifyWithinDays: 30,
  maxPeriodDays: 90,
  recertificationAfterDays: 60,
};

export const CERTIFICATION_OPTIONS = optionsSchema({
  certifyWithinDays: dayCountOption.describe('Days after the first treatment within which the initial plan must be certified (default 30).'),
  maxPeriodDays: dayCountOption.describe('Longest certified period, in days from its start (default 90).'),
  recertificationAfterDays: dayCountOption.describe('A signature later than this many days (and a period past the initial window) reads as a recertification (default 60).'),
  payerTypes: payerTypesOption,
});

export interface CertificationReading {
  start: string;
  certified?: string;
  through?: string;
  /** certified_date - start_date, when signed. */
  signedAfter?: number;
  recertification: boolean;
}

/** The plan's dates, or undefined without a plan or its start (the engine applies the rules' payer types). */
export function readCertification(claim: Claim, opts: CertificationOptions): CertificationReading | undefined {
  const poc = claim.plan_of_care;
  if (!poc?.start_date) return undefined;
  const start = poc.start_date;
  const signedAfter = poc.certified_date ? daysBetween(start, poc.certified_date) : undefined;
  const reachesPast = poc.cert_through === undefined || daysBetween(start, poc.cert_through) > opts.maxPeriodDays;
  const recertification = signedAfter !== undefined && signedAfter > opts.recertificationAfterDays && reachesPast;
  return { start, certified: poc.certified_date, through: poc.cert_through, signedAfter, recertification };
}


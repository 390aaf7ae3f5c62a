/**
 * What CMS's PPRRVU STATUS CODE says about payment, in plain words (the status codes of
 * CMS's PFS Relative Value File documentation, RVUPUF). A, R and T carry a national amount
 * (R and T with conditions); every other status gets its own verdict, e.g. "97010 is bundled
 * under Medicare (status B) for 2026".
 */
export interface PfsStatusMeaning {
  /** Paid under the fee schedule (with its RVUs) when covered. */
  payable: boolean;
  /** Short verdict for a sentence: "<code> is <short> under Medicare". */
  short: string;
  /** What it means for the claim line. */
  meaning: string;
}

export const PFS_STATUS: Readonly<Record<string, PfsStatusMeaning>> = {
  A: { payable: true, short: 'active', meaning: 'paid separately under the fee schedule when covered' },
  R: { payable: true, short: 'restricted', meaning: 'special coverage instructions apply; when covered it is paid by its RVUs' },
  T: { payable: true, short: 'paid only alone', meaning: 'paid only when no other fee-schedule service is billed on the same date' },
  B: { payable: false, short: 'bundled', meaning: 'its payment is always included in the other services of the day, so it is never paid separately and not billable to the patient' },
  C: { payable: true, short: 'contractor-priced', meaning: 'the Medicare contractor sets the amount; there is no national amount' },
  N: { payable: false, short: 'not covered', meaning: 'Medicare does not cover the service' },
  I: { payable: false, short: 'not valid', meaning: 'the code is not valid for Medicare, which uses another code for the service' },
  G: { payable: false, short: 'not valid', meaning: 'the code is not valid for Medicare, which uses another code for the service' },
  E: { payable: false, short: 'excluded by regulation', meaning: 'excluded from the fee schedule by regulation' },
  X: { payable: false, short: 'excluded by statute', meaning: 'excluded from Medicare payment by statute' },
  P: { payable: false, short: 'bundled or excluded', meaning: 'no separate payment (bundled when incident to another service, excluded otherwise)' },
  D: { payable: false, short: 'deleted', meaning: 'the code was deleted (grace period only)' },
  F: { payable: false, short: 'deleted', meaning: 'the code was deleted' },
  J: { payable: false, short: 'an anesthesia code', meaning: 'paid under the anesthesia rules, not with RVUs' },
  M: { payable: false, short: 'a measurement code', meaning: 'reported for quality measurement, not paid' },
};

/** The meaning of a status code (an unknown one: not paid under the fee schedule). */
export function pfsStatusMeaning(status: string): PfsStatusMeaning {
  return PFS_STATUS[status] ?? { payable: false, short: `status ${status}`, meaning: 'not paid under the fee schedule' };
}

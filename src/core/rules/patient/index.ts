import type { Rule } from '../../types';
import { certificationExpiredAcrossVisits } from './certificationExpiredAcrossVisits';
import { certificationLateAcrossVisits } from './certificationLateAcrossVisits';
import { kxAccrualMissing } from './kxAccrualMissing';
import { kxAccrualPremature } from './kxAccrualPremature';
import { patientIdMissing } from './patientIdMissing';
import { planDatesChanged } from './planDatesChanged';
import { progressDaysMismatch } from './progressDaysMismatch';
import { progressReportMissing } from './progressReportMissing';
import { reviewThresholdAccrual } from './reviewThresholdAccrual';
import { unitsAcrossClaims } from './unitsAcrossClaims';
import { untimedDuplicateAcrossClaims } from './untimedDuplicateAcrossClaims';
import { ytdAllowedMismatch } from './ytdAllowedMismatch';

/** Checks across a patient's claims (issue 23), run by the patient index (src/core/patients). */
export const patientRules: Rule[] = [
  kxAccrualMissing,
  kxAccrualPremature,
  ytdAllowedMismatch,
  reviewThresholdAccrual,
  unitsAcrossClaims,
  untimedDuplicateAcrossClaims,
  progressReportMissing,
  progressDaysMismatch,
  certificationLateAcrossVisits,
  certificationExpiredAcrossVisits,
  planDatesChanged,
  patientIdMissing,
];

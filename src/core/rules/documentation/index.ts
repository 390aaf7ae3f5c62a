import type { Rule } from '../../types';
import { certificationExpired } from './certificationExpired';
import { certificationLate } from './certificationLate';
import { documentationMissing } from './documentationMissing';
import { documentationUnskilled } from './documentationUnskilled';
import { documentationWeak } from './documentationWeak';
import { exerciseVsActivity } from './exerciseVsActivity';
import { goalNotMeasurable } from './goalNotMeasurable';
import { progressReportDue } from './progressReportDue';

/** Documentation-strength and plan-of-care rules (issue 4). */
export const documentationRules: Rule[] = [
  documentationMissing,
  documentationWeak,
  documentationUnskilled,
  goalNotMeasurable,
  exerciseVsActivity,
  certificationLate,
  certificationExpired,
  progressReportDue,
];

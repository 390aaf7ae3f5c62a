import { money } from '../../billing/kx';
import { accruedClaims, describeBefore, earlierInBucket } from '../../patients/accrual';
import { claimName } from '../../patients/names';
import { lineLead } from '../../text';
import { defineRule } from '../applies';
import { tables } from '../../data';
import { KX_ACCRUAL_OPTIONS } from './kxAccrualMissing';

/** The review threshold of the latest year in the data (fixed until 2028, when it is to be indexed). */
const REVIEW = money(tables.kxThresholds.reduce((a, b) => (b.from > a.from ? b : a)).reviewThreshold);

export const reviewThresholdAccrual = defineRule({
  id: 'review-threshold-accrual',
  description: `The claim whose lines take the patient's accrued allowed amounts for the year past the ${REVIEW} targeted medical review threshold`,
  category: 'modifiers',
  defaultSeverity: 'info',
  fixable: false,
  payerTypes: ['medicare'],
  options: KX_ACCRUAL_OPTIONS,
  twin: 'kx-review-threshold',
  rationale:
    `Above ${REVIEW} a year per bucket (PT+SLP, OT) Medicare may select therapy claims for targeted medical review (fixed until 2028, when it is to ` +
    `be indexed). Across a patient's claims the accrual is known (the earliest claim's patient.ytd_allowed as the baseline plus every earlier ` +
    'claim, priced as everywhere else), so the crossing is placed on the one claim that crosses it — the accrual before it is at or below the ' +
    'threshold and with it above — on its first line of the bucket, and the message names that claim. Nothing on the claim is wrong: this is a ' +
    'note that the documentation from this visit on should be ready for review. A crossing by the year\'s earliest claim is kx-review-threshold\'s. ' +
    'Option payerTypes (default ["medicare"]).',
  source: 'BBA 2018; NGS [S37], policy-rag [S4 q13]; billing-rules §4.3, §13.11',
  checkPatient(ctx, report) {
    for (const { claim: c, year: y } of accruedClaims(ctx)) {
      for (const b of Object.values(y.buckets)) {
        if (!b.billed || !(b.before <= b.review && b.after > b.review)) continue;
        const first = c.lines.find((l) => l.bucket === b.bucket)!;
        report({
          claim: c,
          path: `lines[${first.index}].code`,
          message:
            `${lineLead(first.index, first.code)}this claim, ${claimName(c)}, takes the patient's ${b.label} allowed amounts past the ${money(b.review)} targeted ` +
            `medical review threshold (${describeBefore(y, b.bucket)} before this visit + this claim ${money(b.thisClaim)} = ${money(b.after)}); this and later claims may be selected for review.`,
          related: earlierInBucket(y, b.bucket),
        });
      }
    }
  },
});

import { defineRule } from '../applies';
import { BUCKET_LABEL, describeTotal, kxPicture, money } from '../../billing/kx';
import { KX_OPTIONS, KX_PAYER_TYPES } from './kxModifierMissing';
import { tables } from '../../data';
import { lineLead } from '../../text';

/** The review threshold of the latest year in the data (fixed until 2028, when it is to be indexed). */
const REVIEW = money(tables.kxThresholds.reduce((a, b) => (b.from > a.from ? b : a)).reviewThreshold);

export const kxReviewThreshold = defineRule({
  id: 'kx-review-threshold',
  description: `The year's allowed amounts in a therapy bucket pass the ${REVIEW} targeted medical review threshold`,
  category: 'modifiers',
  defaultSeverity: 'info',
  fixable: false,
  payerTypes: KX_PAYER_TYPES,
  options: KX_OPTIONS,
  rationale:
    `Above ${REVIEW} a year per bucket (PT+SLP, OT) Medicare may select therapy claims for targeted medical review; not every claim is ` +
    'reviewed. The amount is fixed until 2028, when it is to be indexed. Nothing on the claim is wrong: this is a note that the ' +
    'documentation of this visit should be ready for review. It is a rule of its own, not part of kx-modifier-missing, because a ' +
    'rule has one severity and this is information, not an error. Option payerTypes (default ["medicare"]).',
  source: 'BBA 2018; NGS [S37], policy-rag [S4 q13]; billing-rules §4.3',
  check(ctx, report) {
    const picture = kxPicture(ctx);
    for (const b of picture?.buckets ?? []) {
      const review = picture!.threshold.reviewThreshold;
      if (!(b.total > review)) continue;
      const first = b.lines[0];
      const path = b.ytd !== undefined ? `patient.ytd_allowed.${b.bucket}` : `lines[${first.index}].code`;
      // Without a year-to-date amount the finding sits on the bucket's first line, and says so first.
      const lead = b.ytd !== undefined ? '' : lineLead(first.index, first.line.code);
      report({
        path,
        message: `${lead}${BUCKET_LABEL[b.bucket]} allowed amounts pass the ${money(review)} targeted medical review threshold (${describeTotal(b)}); the claim may be selected for review.`,
      });
    }
  },
});

import { defineRule } from '../applies';
import { optionsSchema, payerTypesOption, shareOption } from '../../config/optionSchemas';
import type { Fix } from '../../types';
import { BUCKET_LABEL, describeTotal, kxPicture, money } from '../../billing/kx';
import { modifiersOf, modPath, removeModifiersFix } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

const DEFAULTS = { belowShare: 0.5 };

export const kxModifierPremature = defineRule({
  id: 'kx-modifier-premature',
  description: 'KX on a therapy line while the year\'s allowed amounts are far below the KX threshold',
  category: 'modifiers',
  defaultSeverity: 'warning',
  fixable: true,
  defaults: DEFAULTS,
  payerTypes: ['medicare'],
  options: optionsSchema({ belowShare: shareOption.describe('Share of the KX threshold below which KX is premature (default 0.5).'), payerTypes: payerTypesOption }),
  rationale:
    'KX attests that therapy above the yearly threshold is medically necessary. CMS calls adding it to early, low-cost services when ' +
    'nothing suggests the threshold will be passed abusive (Pub 100-04 ch. 5 §10.3.3). The rule fires only when patient.ytd_allowed ' +
    'for the bucket is given and, with this claim, stays below a share of the threshold: option belowShare, default 0.5 (half). ' +
    'Removing KX is offered but not applied by fix-all, since the auditor may know of further care already scheduled.',
  source: 'CMS Pub 100-04 ch. 5 §10.3.3 via policy-rag [S4 q12]; thresholds NGS [S37], Noridian [S38], [S40][S41]; billing-rules §4.3',
  check(ctx, report) {
    const opts = ctx.options;
    const picture = kxPicture(ctx);
    for (const b of picture?.buckets ?? []) {
      if (b.ytd === undefined || !(b.total < opts.belowShare * b.threshold)) continue;
      for (const l of b.lines) {
        const at = modifiersOf(l).indexOf('KX');
        if (at < 0) continue;
        const fix: Fix | undefined = removeModifiersFix(ctx, l, [at], false);
        report({
          path: modPath(l, at),
          message:
            `${lineLead(l.index, l.line.code)}KX is premature: ${BUCKET_LABEL[b.bucket]} allowed amounts (${describeTotal(b)}) are below ` +
            `${Math.round(opts.belowShare * 100)}% of the ${picture!.year} KX threshold of ${money(b.threshold)}.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

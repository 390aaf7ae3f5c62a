import { defineRule } from '../applies';
import { optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import { tables } from '../../data';

const KX_THRESHOLDS = tables.kxThresholds.filter((t) => t.from >= '2024-01-01');
import type { Fix } from '../../types';
import type { PayerType } from '../../model/claim';
import { BUCKET_LABEL, describeTotal, kxPicture, money } from '../../billing/kx';
import { addModifierFix, modifiersMisspelled, modifiersOf, modsPath } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

/** Payer types the KX rules check by default (the payerTypes option replaces them). */
export const KX_PAYER_TYPES: readonly PayerType[] = ['medicare'];
export const KX_OPTIONS = optionsSchema({ payerTypes: payerTypesOption });

export const kxModifierMissing = defineRule({
  id: 'kx-modifier-missing',
  description: "Therapy lines without KX once the year's allowed amounts in their bucket pass the KX threshold",
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  payerTypes: KX_PAYER_TYPES,
  options: KX_OPTIONS,
  rationale:
    'Medicare Part B therapy has a yearly KX threshold per bucket — PT and SLP together, OT alone (' +
    KX_THRESHOLDS.map((t) => `${money(t.pt_slp)} in ${t.from.slice(0, 4)}`).join(', ') +
    '). Once a patient\'s allowed amounts for the year pass it, each therapy line of that bucket must carry KX, attesting ' +
    'that the care is medically necessary and documented; lines without it are denied. The bucket follows the line\'s GP/GN (PT+SLP) ' +
    'or GO (OT). The total is patient.ytd_allowed for the bucket plus this claim\'s lines priced from the fee schedule as national, ' +
    'unadjusted amounts, with the multiple procedure payment reduction (the day\'s highest practice-expense unit in full, the ' +
    'practice expense of every other therapy unit at 50%), CQ/CO lines at the assistant rate, and never more than the line\'s charge; ' +
    'a line whose code has no national amount counts at its charge, or 0 without one. ' +
    'Option payerTypes (default ["medicare"]) lists the payer types checked.',
  source: 'BBA 2018; NGS [S37], Noridian [S38] (2022–2024); 2025 [S40] and 2026 [S41] amounts secondary; billing-rules §4.3',
  check(ctx, report) {
    const picture = kxPicture(ctx);
    for (const b of picture?.buckets ?? []) {
      if (!(b.total > b.threshold)) continue;
      for (const l of b.lines) {
        if (modifiersOf(l).includes('KX')) continue;
        if (modifiersMisspelled(ctx, l)) continue;
        const fix: Fix | undefined = addModifierFix(ctx, l, 'KX', true);
        report({
          path: modsPath(l),
          message:
            `${lineLead(l.index, l.line.code)}needs KX: ${BUCKET_LABEL[b.bucket]} allowed amounts pass the ${picture!.year} KX threshold ` +
            `of ${money(b.threshold)} (${describeTotal(b)}).`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

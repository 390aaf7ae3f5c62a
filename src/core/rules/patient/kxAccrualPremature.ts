import { optionsSchema, payerTypesOption, shareOption } from '../../config/optionSchemas';
import { money } from '../../billing/kx';
import { accruedClaims, describeBefore, earlierInBucket } from '../../patients/accrual';
import { lineLead } from '../../text';
import { defineRule } from '../applies';

const DEFAULTS = { belowShare: 1 };

export const kxAccrualPremature = defineRule({
  id: 'kx-accrual-premature',
  description: "KX on a therapy line while the patient's accrued allowed amounts for the year, over all their claims, have not passed the KX threshold",
  category: 'modifiers',
  defaultSeverity: 'warning',
  fixable: false,
  defaults: DEFAULTS,
  payerTypes: ['medicare'],
  options: optionsSchema({
    belowShare: shareOption.describe('Share of the KX threshold the accrual with this claim must stay at or below for KX to be premature (default 1: the threshold itself).'),
    payerTypes: payerTypesOption,
  }),
  twin: 'kx-modifier-premature',
  rationale:
    'KX attests that therapy above the yearly threshold is medically necessary; CMS calls adding it to services below the threshold, when nothing ' +
    'suggests it will be passed, abusive (Pub 100-04 ch. 5 §10.3.3). Across a patient\'s claims the accrual is known (see kx-accrual-missing: the ' +
    'earliest claim\'s patient.ytd_allowed as the baseline plus every earlier claim, priced as everywhere else): KX is premature while the accrual ' +
    'with this claim has not passed the threshold (KX applies strictly above it). Option belowShare (default 1) lowers the line: 0.5 flags KX only ' +
    'below half the threshold, as kx-modifier-premature does for one claim. Only claims with an earlier claim of the year are judged; when ' +
    'kx-modifier-premature already reports the modifier this rule stays quiet. Option payerTypes (default ["medicare"]).',
  source: 'CMS Pub 100-04 ch. 5 §10.3.3 via policy-rag [S4 q12]; thresholds NGS [S37], Noridian [S38], [S40][S41]; billing-rules §4.3, §13.11',
  checkPatient(ctx, report) {
    for (const { claim: c, year: y, options: opts } of accruedClaims(ctx)) {
      for (const b of Object.values(y.buckets)) {
        if (!b.billed || b.after > opts.belowShare * b.threshold) continue;
        for (const l of c.lines) {
          const at = l.modifiers.indexOf('KX');
          if (l.bucket !== b.bucket || at < 0) continue;
          const share = opts.belowShare === 1 ? '' : `${Math.round(opts.belowShare * 100)}% of `;
          report({
            claim: c,
            path: `lines[${l.index}].modifiers[${at}]`,
            message:
              `${lineLead(l.index, l.code)}KX is premature: the patient's ${b.label} allowed amounts with this claim (${describeBefore(y, b.bucket)} before this visit ` +
              `+ this claim ${money(b.thisClaim)} = ${money(b.after)}) have not passed ${share}the ${y.year} KX threshold of ${money(b.threshold)}.`,
            related: earlierInBucket(y, b.bucket),
          });
        }
      }
    }
  },
});

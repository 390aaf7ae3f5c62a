import { optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import { money } from '../../billing/kx';
import { accruedClaims, describeBefore, earlierInBucket } from '../../patients/accrual';
import { claimName } from '../../patients/names';
import { lineLead } from '../../text';
import { defineRule } from '../applies';


export const KX_ACCRUAL_OPTIONS = optionsSchema({ payerTypes: payerTypesOption });

export const kxAccrualMissing = defineRule({
  id: 'kx-accrual-missing',
  description: "Therapy lines without KX once the patient's accrued allowed amounts for the year, over all their claims, pass the KX threshold",
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: false,
  payerTypes: ['medicare'],
  options: KX_ACCRUAL_OPTIONS,
  twin: 'kx-modifier-missing',
  rationale:
    'The KX threshold is per patient and calendar year, per bucket (PT and SLP together, OT alone), so a visit is judged by everything allowed ' +
    'for the patient earlier in the year, not by one claim. The accrual is the earliest claim of the year\'s patient.ytd_allowed for the bucket ' +
    '(the baseline, when given) plus every earlier claim of the same patient.id in the files audited together, each priced exactly as ' +
    'kx-modifier-missing prices one claim (national amounts with the multiple procedure payment reduction, CQ/CO lines at the assistant rate, never ' +
    'more than a line\'s charge), in date order. Once the accrual with this claim passes the threshold, every line of the bucket needs KX. ' +
    'Only claims with an earlier claim of the year are judged here; a claim on its own is kx-modifier-missing\'s, and when that rule already ' +
    'reports a line this one stays quiet. Claims without patient.id are not grouped. The finding points at the earlier claims. ' +
    'Option payerTypes (default ["medicare"]): the payers whose claims accrue and are judged.',
  source: 'BBA 2018; NGS [S37], Noridian [S38] (2022–2024); 2025 [S40] and 2026 [S41] amounts secondary; MPPR Pub 100-04 ch. 5 §10.7; billing-rules §4.3, §13.9, §13.11',
  checkPatient(ctx, report) {
    for (const { claim: c, year: y } of accruedClaims(ctx)) {
      for (const b of Object.values(y.buckets)) {
        if (!b.billed || !(b.after > b.threshold)) continue;
        const related = earlierInBucket(y, b.bucket);
        for (const l of c.lines) {
          if (l.bucket !== b.bucket || l.modifiers.includes('KX')) continue;
          report({
            claim: c,
            path: `lines[${l.index}].modifiers`,
            message:
              `${lineLead(l.index, l.code)}needs KX: the patient's ${b.label} allowed amounts pass the ${y.year} KX threshold of ${money(b.threshold)} ` +
              `(${describeBefore(y, b.bucket)} before this visit + this claim ${money(b.thisClaim)} = ${money(b.after)}; latest earlier: ${related.length ? claimName(related[related.length - 1].claim) : 'none'}).`,
            related,
          });
        }
      }
    }
  },
});

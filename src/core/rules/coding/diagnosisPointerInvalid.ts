import type { Rule } from '../../types';
import { lineLead } from '../../text';

export const diagnosisPointerInvalid: Rule = {
  id: 'diagnosis-pointer-invalid',
  description: "A line's diagnosis pointer outside the claim's diagnosis list",
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'Each line points, by position from 1, at the diagnoses that justify it (CMS-1500 item 24E, 837P SV107). A pointer past the end ' +
    'of the list, or any pointer when the claim lists no diagnoses, leaves the service without a diagnosis, and the claim is rejected.',
  source: 'CMS-1500 / 837P diagnosis pointer; claim format (lines point into diagnoses from 1)',
  check(ctx, report) {
    const count = ctx.claim.diagnoses?.length ?? 0;
    for (const l of ctx.lines) {
      const pointers = l.line.diagnosis_pointers ?? [];
      if (pointers.length > 0 && count === 0) {
        report({ path: `lines[${l.index}].diagnosis_pointers`, message: `${lineLead(l.index, l.line.code)}has diagnosis pointers but the claim lists no diagnoses.` });
        continue;
      }
      pointers.forEach((p, k) => {
        if (p >= 1 && p <= count) return;
        report({
          path: `lines[${l.index}].diagnosis_pointers[${k}]`,
          message: `${lineLead(l.index, l.line.code)}diagnosis pointer ${k + 1} is ${p}, but the claim lists ${count} diagnos${count === 1 ? 'is' : 'es'} (pointers run 1 to ${count}).`,
        });
      });
    }
  },
};

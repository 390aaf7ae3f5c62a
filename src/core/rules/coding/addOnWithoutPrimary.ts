import type { Rule } from '../../types';
import { lineLead } from '../../text';

export const addOnWithoutPrimary: Rule = {
  id: 'add-on-without-primary',
  description: 'An add-on code billed without its primary code on the same date',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'An add-on code describes time or work beyond a primary service and is paid only when that primary service is billed by the ' +
    'same provider on the same date: 97130 with 97129 (cognitive intervention), 97546 with 97545 (work hardening), 92608 with 92607 ' +
    'and 92618 with 92605 (device evaluations), 92627 with 92626, 96121 with 96116, 97551 with 97550 (caregiver training), 97598 ' +
    'with 97597 (debridement), 98981 with 98980 (remote treatment management). The catalogue\'s addOnTo field names each ' +
    'primary. A primary line with 0 units is documented, not billed, so it does not count.',
  source: 'NCCI add-on code edits (billing-rules §13.6); CPT add-on convention; src/core/data (addOnTo)',
  check(ctx, report) {
    const billed = new Set(ctx.lines.filter((l) => l.info && l.line.units > 0).map((l) => l.info!.code));
    for (const l of ctx.lines) {
      const primaries = l.info?.addOnTo;
      if (!primaries?.length || l.line.units <= 0) continue;
      if (primaries.some((p) => billed.has(p))) continue;
      const want = primaries.join(' or ');
      report({
        path: `lines[${l.index}].code`,
        message: `${lineLead(l.index, l.info!.code)}the code is an add-on, paid only with its primary code ${want} on the same date; no line bills ${want}.`,
      });
    }
  },
};

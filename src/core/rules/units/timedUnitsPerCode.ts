import type { Rule } from '../../types';
import { unitsForMinutes } from '../../billing/eightMinute';
import { setCodeUnits, unitsPath } from '../../billing/unitFixes';
import { plural } from '../../text';
import { codeLead, timedCodes } from '../../billing/disciplinePools';

export const timedUnitsPerCode: Rule = {
  id: 'timed-units-per-code',
  description: "Per-code payers (AMA 'rule of eights'): a code's units differ from its own minutes' units",
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Many commercial payers apply the 8-minute threshold to each timed code on its own: every code needs 8 of its own minutes for a unit, and minutes are not pooled across codes.',
  source: 'CPT time rule (midpoint), WebPT "8-Minute Rule vs. the Rule of 8s" [S13]; payer contracts decide',
  check(ctx, report) {
    if (ctx.unitRule !== 'per-code') return;
    for (const c of timedCodes(ctx) ?? []) {
      const want = unitsForMinutes(c.minutes);
      if (c.billedUnits === want) continue;
      const edits = setCodeUnits(ctx, c, want);
      report({
        path: unitsPath(c),
        message: `${codeLead(c)}${plural(c.minutes, 'minute')} support${c.minutes === 1 ? 's' : ''} ${plural(want, 'unit')} under the per-code rule ("rule of eights"); ${c.billedUnits} billed.`,
        fixes: edits ? [{ id: `units:${c.code}=${want}`, title: `Bill ${plural(want, 'unit')} of ${c.code}`, edits, preferred: true }] : [],
      });
    }
  },
};

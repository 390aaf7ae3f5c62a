import type { Rule } from '../../types';
import { allowedAllocations, cmsAllocation, describeTotal } from '../../billing/eightMinute';
import { allocationFix, describeAllocation, setCodeUnits, unitsPath } from '../../billing/unitFixes';
import { plural } from '../../text';
import { codeLead, poolOwner, timedPools } from '../../billing/disciplinePools';

export const timedUnitsTotal: Rule = {
  id: 'timed-units-total',
  description: "Billed units of timed codes differ from the units the visit's total timed minutes support (CMS 8-minute rule)",
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Medicare counts 15-minute timed units from the total timed minutes of the visit: 8–22 minutes = 1 unit, 23–37 = 2, 38–52 = 3, and so on. ' +
    'The total is per discipline: when one date has timed lines under more than one of GP, GO and GN, each discipline\'s lines form their own ' +
    'pool with its own total and units (a line without a therapy modifier joins the claim\'s discipline). Billing more is an overpayment; ' +
    'billing fewer leaves money unclaimed.',
  source: 'CMS Pub 100-04 ch. 5 §20.2 C (via FCSO, NGS, ChiroCode); per-discipline total: PhysicalTherapy.com (2018), billing-rules §13.2',
  check(ctx, report) {
    if (ctx.unitRule !== 'cms') return;
    for (const pool of timedPools(ctx) ?? []) {
      const codes = pool.codes;
      if (!codes.length) continue;
      const alloc = cmsAllocation(codes);
      const billed = codes.reduce((s, c) => s + c.billedUnits, 0);
      if (billed === alloc.totalUnits) continue;
      const total = `${poolOwner(pool)} ${describeTotal(alloc.totalMinutes)}; ${billed} billed in all`;
      const options = allowedAllocations(alloc);
      if (options.length === 1) {
        codes.forEach((c, i) => {
          const want = options[0][i];
          if (c.billedUnits === want) return;
          const edits = setCodeUnits(ctx, c, want);
          report({
            path: unitsPath(c),
            message: `${codeLead(c)}${plural(c.minutes, 'minute')} support${c.minutes === 1 ? 's' : ''} ${plural(want, 'unit')}, ${c.billedUnits} billed: ${total}.`,
            fixes: edits ? [{ id: `units:${c.code}=${want}`, title: `Bill ${plural(want, 'unit')} of ${c.code}`, edits, preferred: true }] : [],
          });
        });
        continue;
      }
      // Ties: several splits are equally right; offer each, prefer none.
      const target = codes.find((c, i) => !options.some((o) => o[i] === c.billedUnits)) ?? codes[0];
      report({
        path: unitsPath(target),
        message: `${codeLead(target)}${total}. Equal leftover minutes allow ${options.length} splits: ${options.map((o) => describeAllocation(codes, o)).join('; or ')}.`,
        fixes: options.map((o) => allocationFix(ctx, codes, o, false)).filter((f) => !!f),
      });
    }
  },
};

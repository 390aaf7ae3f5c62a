import type { Rule } from '../../types';
import { allowedAllocations, cmsAllocation, isAllowedAllocation } from '../../billing/eightMinute';
import { allocationFix, describeAllocation, unitsPath } from '../../billing/unitFixes';
import { codeLead, poolOwner, timedPools } from '../../billing/disciplinePools';

export const timedUnitsAllocation: Rule = {
  id: 'timed-units-allocation',
  description: 'The total of timed units is right but its split across codes is not one CMS allows',
  category: 'units',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Each code keeps the full 15-minute units of its own minutes; the remaining units go to the codes with the most leftover minutes. Where leftovers tie, either code may take the unit (CMS examples 2 and 5), and any such split is accepted. Each discipline (GP, GO, GN) is its own pool.',
  source: 'CMS Pub 100-04 ch. 5 §20.2 C examples 1–4 (via FindACode, FCSO, policy-rag gold answers)',
  check(ctx, report) {
    if (ctx.unitRule !== 'cms') return;
    for (const pool of timedPools(ctx) ?? []) {
      const codes = pool.codes;
      if (codes.length < 2) continue;
      const alloc = cmsAllocation(codes);
      const billed = codes.map((c) => c.billedUnits);
      if (billed.reduce((s, b) => s + b, 0) !== alloc.totalUnits || isAllowedAllocation(alloc, billed)) continue;
      const options = allowedAllocations(alloc);
      if (!options.length) continue;
      const distance = (o: number[]): number => o.reduce((s, u, i) => s + Math.abs(u - billed[i]), 0);
      options.sort((a, b) => distance(a) - distance(b));
      const minutes = codes.map((c) => `${c.code} ${c.minutes} min`).join(', ');
      const allowed = options.map((o) => describeAllocation(codes, o)).join('; or ');
      const unique = options.length === 1;
      const targets = codes.filter((c, i) => c.billedUnits !== options[0][i]);
      const fixes = options.map((o) => allocationFix(ctx, codes, o, unique)).filter((f) => !!f);
      for (const [k, c] of targets.entries()) {
        report({
          path: unitsPath(c),
          message: `${codeLead(c)}${describeAllocation(codes, billed)} is not a split CMS allows for ${minutes}${pool.several ? ` (${poolOwner(pool).replace(/^the /, '')})` : ''}: each code keeps its full 15-minute units and the rest go to the largest leftover minutes. Allowed: ${allowed}.`,
          // One finding carries the fixes so that fix-all applies the split once.
          fixes: k === 0 ? fixes : [],
        });
      }
    }
  },
};

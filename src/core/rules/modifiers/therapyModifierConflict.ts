import type { Fix, Rule } from '../../types';
import { claimDiscipline, modsPath, removeModifiersFix, THERAPY_MOD_FOR, therapyModifiers } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

export const therapyModifierConflict: Rule = {
  id: 'therapy-modifier-conflict',
  description: 'More than one of GP/GO/GN on a line',
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'A service is furnished under one plan of care, so a line carries exactly one of GP, GO and GN. Two of them make the line ' +
    'ambiguous for the KX bucket and the discipline edits, and Medicare contractors return such lines. Keep the one that matches ' +
    "the plan of care (or the code's locked discipline) and remove the other.",
  source: 'Ovid FAQ on always-therapy modifier enforcement [S26]; CR 10176 [S23][S24]; billing-rules §4.1',
  check(ctx, report) {
    const cd = claimDiscipline(ctx.claim);
    const planMod = cd ? THERAPY_MOD_FOR[cd.discipline] : undefined;
    for (const l of ctx.lines) {
      const mods = therapyModifiers(l);
      if (l.line.units <= 0 || mods.length < 2) continue;
      const distinct = [...new Set(mods.map((m) => m.mod))];
      const target = distinct.length === 1 ? distinct[0] : (l.info?.lockedTo ?? planMod);
      const keepers = target && distinct.includes(target) ? [target] : distinct;
      // One fix per modifier that could stay: remove every other therapy modifier.
      const fixes = keepers.map((keep): Fix | undefined => {
        const keepAt = mods.find((m) => m.mod === keep)!.at;
        const drop = mods.filter((m) => m.at !== keepAt).map((m) => m.at);
        const fix = removeModifiersFix(ctx, l, drop, keepers.length === 1);
        return fix && { ...fix, id: `keep-${keep}`, title: `${fix.title} (keep ${keep})` };
      });
      const hint = keepers.length === 1 ? `; keep ${keepers[0]}` : target ? `; none is ${target}, which the claim needs` : '';
      report({
        path: modsPath(l),
        message: `${lineLead(l.index, l.line.code)}has ${mods.map((m) => m.mod).join(' and ')}, but a line takes exactly one of GP/GO/GN${hint}.`,
        fixes: fixes.filter((f): f is Fix => !!f),
      });
    }
  },
};

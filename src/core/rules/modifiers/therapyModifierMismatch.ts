import type { Fix, Rule } from '../../types';
import { claimDiscipline, modPath, replaceModifierFix, THERAPY_MOD_FOR, therapyModifiers } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

export const therapyModifierMismatch: Rule = {
  id: 'therapy-modifier-mismatch',
  description: "GP/GO/GN disagrees with the plan of care's discipline or with a discipline-locked code",
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'The therapy modifier names the plan of care the service was given under: GP for PT, GO for OT, GN for SLP. A modifier from another ' +
    'discipline sends the line to the wrong KX bucket and misstates who planned the care. Some codes are locked to one discipline: ' +
    'PT evaluations 97161–97164 take only GP, OT evaluations 97165–97168 only GO, and 92521–92524, 92597 and 92607 only GN. ' +
    'Without a plan of care on the claim, the provider\'s PT/OT/SLP discipline stands in for it.',
  source: 'CR 10176 [S23][S27]; WPS therapy modifiers [S25]; billing-rules §4.1',
  check(ctx, report) {
    const cd = claimDiscipline(ctx.claim);
    const planMod = cd ? THERAPY_MOD_FOR[cd.discipline] : undefined;
    for (const l of ctx.lines) {
      const mods = therapyModifiers(l);
      if (!l.info || l.line.units <= 0 || mods.length !== 1) continue; // none: -missing; several: -conflict
      const { mod, at } = mods[0];
      const lock = l.info.lockedTo;
      const fixes: (Fix | undefined)[] = [];
      let message: string;
      if (lock && mod !== lock) {
        message = `${lineLead(l.index, l.line.code)}the code is billed only with ${lock}, not ${mod}.`;
        fixes.push(replaceModifierFix(ctx, l, at, lock, !planMod || planMod === lock));
      } else if (planMod && mod !== planMod) {
        if (lock) {
          // The modifier fits the code; the code does not fit the plan. Nothing safe to change.
          message = `${lineLead(l.index, l.line.code)}the code takes only ${lock}, but ${cd!.field} is ${cd!.discipline} (${planMod}); check the code or the plan of care.`;
        } else {
          message = `${lineLead(l.index, l.line.code)}${mod} does not match ${cd!.field} ${cd!.discipline}, which needs ${planMod}.`;
          fixes.push(replaceModifierFix(ctx, l, at, planMod, true));
        }
      } else continue;
      report({ path: modPath(l, at), message, fixes: fixes.filter((f): f is Fix => !!f) });
    }
  },
};

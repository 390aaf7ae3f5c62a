import type { Fix, Rule } from '../../types';
import { addModifierFix, claimDiscipline, modifiersMisspelled, modsPath, THERAPY_MOD_FOR, therapyModifiers } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

export const therapyModifierMissing: Rule = {
  id: 'therapy-modifier-missing',
  description: 'An always-therapy code (or any therapy code under a plan of care) without GP, GO or GN',
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'GP, GO and GN say under which plan of care (PT, OT or SLP) a service was given, and route its allowed amount to the right KX threshold. ' +
    '"Always therapy" codes need one on every line whoever furnishes them; since January 2018 Medicare contractors return professional claims without it. ' +
    '"Sometimes therapy" codes need one only when given under a therapy plan of care. The modifier follows the plan of care ' +
    '(PT → GP, OT → GO, SLP → GN; without a plan, the provider\'s discipline), except that discipline-locked codes take only their own modifier.',
  source: 'CR 10176 / Transmittal 3814 [S23][S24][S26]; WPS therapy modifiers [S25]; billing-rules §4.1',
  check(ctx, report) {
    const cd = claimDiscipline(ctx.claim);
    const planMod = cd ? THERAPY_MOD_FOR[cd.discipline] : undefined;
    for (const l of ctx.lines) {
      if (!l.info || l.line.units <= 0) continue;
      const required = l.info.therapy === 'always' || ctx.claim.plan_of_care !== undefined;
      if (!required || therapyModifiers(l).length > 0) continue;
      if (modifiersMisspelled(ctx, l)) continue;
      const lock = l.info.lockedTo;
      const target = lock ?? planMod;
      const fixes: (Fix | undefined)[] = [];
      let why: string;
      if (target) {
        // A locked code that disagrees with the plan is a coding question, not a missing modifier.
        const preferred = !lock || !planMod || lock === planMod;
        fixes.push(addModifierFix(ctx, l, target, preferred));
        why = lock ? `the code is billed only with ${lock}` : `${cd!.field} is ${cd!.discipline}, so ${target}`;
        if (lock && planMod && lock !== planMod) why += `, although ${cd!.field} is ${cd!.discipline}`;
      } else {
        fixes.push(...(['GP', 'GO', 'GN'] as const).map((m) => addModifierFix(ctx, l, m, false)));
        why = 'no plan of care or PT/OT/SLP provider discipline says which';
      }
      const kind = l.info.therapy === 'always' ? 'an always-therapy code' : 'a code billed under a plan of care';
      report({
        path: modsPath(l),
        message: `${lineLead(l.index, l.line.code)}${kind} needs one of GP/GO/GN; ${why}.`,
        fixes: fixes.filter((f): f is Fix => !!f),
      });
    }
  },
};

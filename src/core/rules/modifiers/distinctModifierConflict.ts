import type { Fix, Rule } from '../../types';
import { modifiersOf, modPath, removeModifiersFix } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

const X_MODS = ['XE', 'XS', 'XP', 'XU'];

export const distinctModifierConflict: Rule = {
  id: 'distinct-modifier-conflict',
  description: '59 together with an X{EPSU} modifier on one line',
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'XE (separate encounter), XS (separate structure), XP (separate practitioner) and XU (unusual non-overlapping service) are the ' +
    'narrower forms of 59, introduced in 2015. 59 is for when none of them describes the case, so a line carries either 59 or an ' +
    'X modifier, never both. Keep the more descriptive X modifier and remove 59.',
  source: 'CMS X{EPSU} modifiers (2015) via Xifin, ICD10monitor [S61]; NCCI policy via policy-rag [S4 q34]; billing-rules §4.4',
  check(ctx, report) {
    for (const l of ctx.lines) {
      const mods = modifiersOf(l);
      const at = mods.indexOf('59');
      const xs = mods.filter((m) => X_MODS.includes(m));
      if (at < 0 || xs.length === 0) continue;
      const fix: Fix | undefined = removeModifiersFix(ctx, l, [at], true);
      report({
        path: modPath(l, at),
        message: `${lineLead(l.index, l.line.code)}has 59 and ${xs.join(', ')}; report the X modifier alone, not with 59.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

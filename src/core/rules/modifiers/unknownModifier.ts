import type { Rule } from '../../types';
import { modifiersOf, modPath } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

export const unknownModifier: Rule = {
  id: 'unknown-modifier',
  description: 'A modifier not in the reference data for the date of service',
  category: 'modifiers',
  defaultSeverity: 'warning',
  fixable: false,
  rationale:
    'A modifier that does not exist (a typo such as GQ for GP, or CQ before 2020) is rejected by the payer or silently ignored, and ' +
    'the checks that depend on it cannot run. claimlint knows the modifiers that matter on outpatient therapy claims — GP/GO/GN, ' +
    'CQ/CO, KX, 59 and XE/XS/XP/XU, and a few others such as 52, 76, GA and 95 — so a real modifier outside that list is reported ' +
    'too; hence the default severity is warning.',
  source: 'claimlint reference data (src/core/data/modifiers.ts), from the HCPCS Level II and CPT modifier lists; billing-rules §4',
  check(ctx, report) {
    for (const l of ctx.lines) {
      modifiersOf(l).forEach((mod, at) => {
        if (ctx.data.modifierInfo(mod, ctx.date)) return;
        const known = ctx.data.isKnownModifierAnyDate(mod);
        report({
          path: modPath(l, at),
          message: known
            ? `${lineLead(l.index, l.line.code)}${mod} is not in effect on the date of service.`
            : `${lineLead(l.index, l.line.code)}${mod} is not a modifier claimlint knows.`,
        });
      });
    }
  },
};

import { defineRule } from '../applies';
import { ASSISTANT_PAYER_TYPES, ASSISTANT_RULE_OPTIONS, assistantCodes, hasAssistantModifier, lineSupportsAssistant } from '../../billing/assistantCqCo';
import type { Fix } from '../../types';
import { addModifierFix, ASSISTANT_MOD_FOR, lineDiscipline, modifiersMisspelled, modsPath } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';
import { ASSISTANT_RATE, DE_MINIMIS, FINAL_UNIT_METHOD, RATE_FROM } from '../../billing/assistantCqCoText';

export const assistantModifierMissing = defineRule({
  id: 'assistant-modifier-missing',
  description: `Units an assistant furnished (beyond the ${DE_MINIMIS} de minimis share) billed without CQ/CO`,
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  payerTypes: ASSISTANT_PAYER_TYPES,
  options: ASSISTANT_RULE_OPTIONS,
  rationale:
    `Services a physical therapist assistant or occupational therapy assistant furnished in whole or in part (more than ${DE_MINIMIS} of the ` +
    `service, counting only the minutes the assistant worked on their own) carry CQ or CO, and since ${RATE_FROM} Medicare pays those lines at ${ASSISTANT_RATE}. ` +
    `Under the CY 2022 rules the check is per unit: full 15-minute units go to whoever furnished them; ${FINAL_UNIT_METHOD} (billing-rules §13.1); ` +
    'and when two units remain with 9–14 minutes each, one is billed with CQ/CO and one without. ' +
    `Untimed services carry CQ/CO when the assistant furnished more than ${DE_MINIMIS} of their minutes. A code whose units split between ` +
    'therapist and assistant is billed on two lines, [GP] and [GP, CQ]. Without the modifier the service is overpaid. ' +
    'Only codes whose lines state assistant_minutes are judged. Option payerTypes (default ["medicare", "medicare-advantage"]).',
  source: 'SSA §1834(v), CMS CQ/CO billing examples [S28]; CY 2022 final-unit method billing-rules §13.1; APTA Maryland, MediClaim (de minimis per unit) [S29][S31]; CY 2022 PFS final rule per TherapyComply, PT Management, WebPT [S30][S33][S36]',
  check(ctx, report) {
    for (const c of assistantCodes(ctx)) {
      if (c.assistantUnits >= c.need.min) continue;
      const plain = c.lines.filter((l) => !hasAssistantModifier(l));
      if (plain.some((l) => modifiersMisspelled(ctx, l))) continue;
      const mod = plain.length ? ASSISTANT_MOD_FOR[lineDiscipline(plain[0], ctx.claim) ?? 'SLP'] : undefined;
      if (!mod) continue; // SLP or unknown discipline: no assistant modifier to add
      // Lines that could take the modifier whole: the count lands in range and the line has the assistant's minutes.
      const fits = plain.filter((l) => {
        const after = c.assistantUnits + l.line.units;
        return after >= c.need.min && after <= c.need.max && lineSupportsAssistant(l, c.deMinimis);
      });
      const at = fits[0] ?? plain[0];
      const fixes = fits.map((l) => addModifierFix(ctx, l, mod, fits.length === 1));
      const split = fits.length
        ? ''
        : ` Bill ${c.need.min} of them on a separate line with ${mod} and the rest without it.`;
      report({
        path: modsPath(at),
        message:
          `${lineLead(at.index, at.line.code)}${c.code} has ${c.units} billed unit${c.units === 1 ? '' : 's'}, of which ${c.need.min} must carry ${mod} ` +
          `(${c.need.why}); ${c.assistantUnits} do.${split}`,
        fixes: fixes.filter((f): f is Fix => !!f),
      });
    }
  },
});

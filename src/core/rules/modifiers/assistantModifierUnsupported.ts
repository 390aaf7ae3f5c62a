import { defineRule } from '../applies';
import { ASSISTANT_PAYER_TYPES, ASSISTANT_RULE_OPTIONS, assistantCodes, lineSupportsAssistant } from '../../billing/assistantCqCo';
import type { Fix, IndexedLine } from '../../types';
import { modifiersOf, modPath, removeModifiersFix } from '../../billing/therapyModifiers';
import { lineLead } from '../../text';
import { ASSISTANT_RATE, DE_MINIMIS, FINAL_UNIT_METHOD, RATE_FROM } from '../../billing/assistantCqCoText';

export const assistantModifierUnsupported = defineRule({
  id: 'assistant-modifier-unsupported',
  description: "CQ/CO on a line whose assistant minutes do not reach the de minimis share, or on more units than the assistant's minutes earn",
  category: 'modifiers',
  defaultSeverity: 'warning',
  fixable: true,
  payerTypes: ASSISTANT_PAYER_TYPES,
  options: ASSISTANT_RULE_OPTIONS,
  rationale:
    `CQ and CO cut the payment of a line to ${ASSISTANT_RATE} (from ${RATE_FROM}), so they belong only on units the assistant furnished: more than ${DE_MINIMIS} ` +
    'of the unit in minutes the assistant worked on their own. Time the therapist spent treating together with the assistant counts ' +
    `as the therapist's. Under the CY 2022 per-unit rules ${FINAL_UNIT_METHOD} (billing-rules §13.1), so CQ/CO on ` +
    'a unit the therapist furnished undercharges the claim and misreports who gave the care. Only codes whose lines state ' +
    'assistant_minutes are judged. Option payerTypes (default ["medicare", "medicare-advantage"]).',
  source: 'CMS CQ/CO billing examples [S28]; CY 2022 final-unit method billing-rules §13.1; APTA Maryland, MediClaim (de minimis per unit) [S29][S31]; CY 2022 rules per TherapyComply, PT Management [S30][S36]',
  check(ctx, report) {
    for (const c of assistantCodes(ctx)) {
      // A line whose own assistant minutes fall short: removing CQ/CO there is always right.
      const flagged = new Map<IndexedLine, { why: string; preferred: boolean }>();
      for (const l of c.assistantLines) {
        if (lineSupportsAssistant(l, c.deMinimis)) continue;
        const a = l.line.assistant_minutes ?? 0;
        const why =
          a === 0
            ? 'the line states no assistant minutes'
            : `its ${a} assistant minute${a === 1 ? ' does' : 's do'} not exceed ${Math.round(c.deMinimis * 100)}% of its ${l.line.minutes ?? 0} minutes`;
        flagged.set(l, { why, preferred: true });
      }
      // Too many CQ/CO units for the code: preferred only when dropping one line's modifier lands in range.
      if (c.assistantUnits > c.need.max && flagged.size === 0) {
        const fit = c.assistantLines.find((l) => c.assistantUnits - l.line.units >= c.need.min && c.assistantUnits - l.line.units <= c.need.max);
        const why = `${c.code} has ${c.assistantUnits} unit${c.assistantUnits === 1 ? '' : 's'} with CQ/CO but ${c.need.max === c.need.min ? '' : 'at most '}${c.need.max} may carry it (${c.need.why})`;
        const split = fit ? '' : '; split the units over a line with it and a line without';
        flagged.set(fit ?? c.assistantLines[0], { why: why + split, preferred: !!fit });
      }
      for (const [l, { why, preferred }] of flagged) {
        const ats = modifiersOf(l).flatMap((m, i) => (m === 'CQ' || m === 'CO' ? [i] : []));
        const fix: Fix | undefined = removeModifiersFix(ctx, l, ats, preferred);
        report({
          path: modPath(l, ats[0]),
          message: `${lineLead(l.index, l.line.code)}${modifiersOf(l)[ats[0]]} is not supported: ${why}.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

import type { Fix, Rule } from '../../types';
import { lineLead } from '../../text';
import { DE_MINIMIS } from '../../billing/assistantCqCoText';
import { modifiersOf, modPath, removeModifiersFix } from '../../billing/therapyModifiers';

export const assistantOnEvaluation: Rule = {
  id: 'assistant-on-evaluation',
  description: 'CQ/CO or assistant minutes on an evaluation or re-evaluation, which assistants may not furnish',
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'Physical and occupational therapist assistants may not furnish evaluations or re-evaluations: the therapist evaluates and ' +
    'establishes or revises the plan of care. CQ/CO on an evaluation (97161–97168, and the SLP evaluation codes the catalogue ' +
    'marks as evaluations) or assistant_minutes above 0 on one says an assistant furnished part of it, which makes it not ' +
    `billable as therapy, so the de minimis (${DE_MINIMIS}) question does not arise there. Removing the modifier only corrects the claim ` +
    'when the therapist in fact furnished the whole evaluation, so that fix is offered, never applied automatically.',
  source: 'Medicare Benefit Policy Manual (Pub 100-02) ch. 15 §230.1 (PT) and §230.2 (OT); billing-rules §13.5',
  check(ctx, report) {
    for (const l of ctx.lines) {
      if (!l.info?.evaluation) continue;
      const mods = modifiersOf(l);
      const ats = mods.flatMap((m, i) => (m === 'CQ' || m === 'CO' ? [i] : []));
      const where = lineLead(l.index, l.info.code);
      if (ats.length) {
        const fix: Fix | undefined = removeModifiersFix(ctx, l, ats, false);
        report({
          path: modPath(l, ats[0]),
          message: `${where}the code is an evaluation and carries ${ats.map((a) => mods[a]).join(', ')}: assistants may not furnish evaluations or re-evaluations.`,
          fixes: fix ? [fix] : [],
        });
      } else if ((l.line.assistant_minutes ?? 0) > 0) {
        report({
          path: `lines[${l.index}].assistant_minutes`,
          message: `${where}the code is an evaluation with ${l.line.assistant_minutes} assistant minutes: assistants may not furnish evaluations or re-evaluations.`,
        });
      }
    }
  },
};

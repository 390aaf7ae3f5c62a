import type { Fix, Rule } from '../../types';
import {
  ASSISTANT_MOD_FOR,
  claimDiscipline,
  DISCIPLINE_OF,
  modifiersOf,
  modPath,
  removeModifiersFix,
  replaceModifierFix,
  therapyModifiers,
} from '../../billing/therapyModifiers';
import { lineLead } from '../../text';

export const assistantModifierMismatch: Rule = {
  id: 'assistant-modifier-mismatch',
  description: 'CQ with GO, CO with GP, or CQ/CO on a speech-language pathology line',
  category: 'modifiers',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'CQ marks services furnished in whole or in part by a physical therapist assistant and goes with GP; CO marks an occupational ' +
    'therapy assistant and goes with GO. CQ on an OT line or CO on a PT line names the wrong kind of assistant. There is no assistant ' +
    'modifier for speech-language pathology, so CQ/CO on a GN line or under an SLP plan of care is always wrong.',
  source: 'CMS CQ/CO definitions [S28]; CQ with GP, CO with GO [S31][S34]; no SLPA modifier [S-web biologyinsights]; billing-rules §4.2',
  check(ctx, report) {
    const claimDisc = claimDiscipline(ctx.claim)?.discipline;
    for (const l of ctx.lines) {
      if (l.line.units <= 0) continue;
      const therapy = therapyModifiers(l);
      const lineDisc = therapy.length === 1 ? DISCIPLINE_OF[therapy[0].mod] : undefined;
      const disc = lineDisc ?? (therapy.length === 0 ? claimDisc : undefined);
      if (!disc) continue;
      // When the line's GP/GO disagrees with the plan, therapy-modifier-mismatch fixes that first.
      const settled = !lineDisc || !claimDisc || lineDisc === claimDisc;
      const fitting = ASSISTANT_MOD_FOR[disc];
      const where = lineDisc ? `the line's ${therapy[0].mod}` : `the claim's ${disc} discipline`;
      modifiersOf(l).forEach((mod, at) => {
        if ((mod !== 'CQ' && mod !== 'CO') || mod === fitting) return;
        const fixes: (Fix | undefined)[] = [];
        let message: string;
        if (!fitting) {
          message = `${lineLead(l.index, l.line.code)}${mod} does not go with ${where}: there is no assistant modifier for speech-language pathology.`;
          fixes.push(removeModifiersFix(ctx, l, [at], false));
        } else {
          message = `${lineLead(l.index, l.line.code)}${mod} does not go with ${where}; ${fitting} does.`;
          if (!modifiersOf(l).includes(fitting)) fixes.push(replaceModifierFix(ctx, l, at, fitting, settled));
          else fixes.push(removeModifiersFix(ctx, l, [at], settled));
        }
        report({ path: modPath(l, at), message, fixes: fixes.filter((f): f is Fix => !!f) });
      });
    }
  },
};

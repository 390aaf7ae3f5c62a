import type { Rule } from '../../types';
import { lineLead, serviceLine } from '../../text';

export const timedCodeSplitLines: Rule = {
  id: 'timed-code-split-lines',
  description: 'One timed code on several lines with the same modifiers',
  category: 'units',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    "Report each timed code on a single line per date of service, with all its units. A second line of the same code is right only when its units carry different modifiers (a therapist's unit and an assistant's CQ/CO unit).",
  source: 'FCSO (MAC) claim rejection since 19 April 2021 [S1]; claimlint claim format',
  check(ctx, report) {
    const first = new Map<string, number>();
    for (const l of ctx.lines) {
      if (l.info?.kind !== 'timed15') continue;
      const key = `${l.line.code}|${[...(l.line.modifiers ?? [])].sort().join(',')}`;
      const at = first.get(key);
      if (at === undefined) first.set(key, l.index);
      else
        report({
          path: `lines[${l.index}].code`,
          message: `${lineLead(l.index, l.line.code)}the code is already on ${serviceLine(at)} with the same modifiers; bill a timed code's units on one line.`,
        });
    }
  },
};

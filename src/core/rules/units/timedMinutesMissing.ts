import type { Rule } from '../../types';
import { lineLead } from '../../text';

export const timedMinutesMissing: Rule = {
  id: 'timed-minutes-missing',
  description: 'A timed code with no minutes',
  category: 'units',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    "Timed codes are billed by the minute. Without a line's minutes the visit's units cannot be checked, and the treatment note must support the billed units with timed minutes.",
  source: 'CMS Pub 100-04 ch. 5 §20.2 C; BPM Pub 100-02 ch. 15 §220.3',
  check(ctx, report) {
    for (const l of ctx.lines) {
      const kind = l.info?.kind;
      if ((kind === 'timed15' || kind === 'timed-other') && l.line.minutes === undefined) {
        report({
          path: `lines[${l.index}].minutes`,
          message: `${lineLead(l.index, l.line.code)}a timed code needs its minutes; add them so its units can be checked.`,
        });
      }
    }
  },
};

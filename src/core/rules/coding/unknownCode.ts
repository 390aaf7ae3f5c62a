import type { Rule } from '../../types';
import { unknownKey } from '../../unknownText';
import { CODE_SHAPE, lineLead } from '../../text';

export const unknownCode: Rule = {
  id: 'unknown-code',
  description: 'A code not in the reference data for the date of service',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    "A code that does not exist on the date of service (a typo, a deleted code such as 97532, or a code outside therapy) cannot be checked for units or modifiers and will be rejected.",
  source: 'claimlint reference data (src/core/data), from the billing-rules billing-rules §3',
  check(ctx, report) {
    for (const l of ctx.lines) {
      // Known to an imported Annual Therapy Code List: not unknown (its hover says what is checked).
      if (l.info || l.listed) continue;
      const known = ctx.data.isKnownCodeAnyDate(l.line.code);
      report({
        path: `lines[${l.index}].code`,
        message: known
          ? `${lineLead(l.index, l.line.code)}the code is not valid for this date of service (deleted or not yet in effect).`
          : CODE_SHAPE.test(l.line.code)
            ? `${lineLead(l.index, l.line.code)}the code is not in claimlint's therapy reference data.`
            : `${lineLead(l.index)}${unknownKey(l.line.code, [], 'code')}, not in claimlint's therapy reference data.`,
      });
    }
  },
};

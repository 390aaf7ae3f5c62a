import { isKnownCodeAnyDate } from '../../data';
import type { Rule } from '../../types';

export const unknownCode: Rule = {
  id: 'unknown-code',
  description: 'A code not in the reference data for the date of service',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    "A code that does not exist on the date of service (a typo, a deleted code such as 97532, or a code outside therapy) cannot be checked for units or modifiers and will be rejected.",
  source: 'claimlint reference data (src/core/data), from the billing-rules report §3',
  check(ctx, report) {
    for (const l of ctx.lines) {
      if (l.info) continue;
      const known = isKnownCodeAnyDate(l.line.code);
      report({
        path: `lines[${l.index}].code`,
        message: known
          ? `${l.line.code} is not a valid code for this date of service (deleted or not yet in effect).`
          : `${l.line.code} is not a code in claimlint's therapy reference data.`,
      });
    }
  },
};

import { isScalar, type Scalar } from 'yaml';
import { forPayer, optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import { ruleOptions } from '../../config/schema';
import type { ClaimContext, Fix, IndexedLine, Rule } from '../../types';
import { lineLead } from '../../text';

const DEFAULTS = { payerTypes: ['medicare'] as string[] };

export const codeNotPayable: Rule = {
  id: 'code-not-payable',
  description: 'A code Medicare never pays separately (97010, status B) or replaces with another (97014 → G0283)',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: true,
  options: optionsSchema({ payerTypes: payerTypesOption }),
  rationale:
    'Hot and cold packs (97010) have Medicare status B: their payment is always bundled into the other services of the day, so the ' +
    'line is never paid and cannot be billed to the patient. Medicare does not use 97014 (unattended electrical stimulation); it ' +
    'pays the same service as G0283. Option payerTypes (default ["medicare"]) lists the payer types checked.',
  source: 'Palmetto GBA (status B) [S22], ImmediCare [S47]; WebPT (G0283) [S18]; billing-rules §3, §5.2',
  check(ctx, report) {
    const opts = ruleOptions(ctx.config, 'code-not-payable', DEFAULTS);
    if (!forPayer(opts.payerTypes, ctx.claim.payer.type)) return;
    for (const l of ctx.lines) {
      const status = l.info?.medicare;
      if (!status || l.line.units <= 0) continue;
      const path = `lines[${l.index}].code`;
      if ('status' in status) {
        report({ path, message: `${lineLead(l.index, l.line.code)}Medicare bundles the code (status B) into the day's other services; it is never paid separately.` });
        continue;
      }
      const to = status.replacedBy;
      const edits = ctx.fix.setValue(path, codeText(ctx, l, to));
      const fix: Fix = { id: `replace-code-${to}`, title: `Replace ${l.line.code} with ${to}`, edits, preferred: true };
      report({ path, message: `${lineLead(l.index, l.line.code)}Medicare does not pay ${l.line.code}; the same service is billed as ${to}.`, fixes: edits.length ? [fix] : [] });
    }
  },
};

/** The new code quoted the way this line's code is, or, if that one is a bare number, the way the claim's other codes are. */
function codeText(ctx: ClaimContext, l: IndexedLine, code: string): string {
  const style = (x: IndexedLine) => {
    const node = ctx.src.get(`lines[${x.index}].code`)?.node;
    return isScalar(node) ? (node as Scalar).type : undefined;
  };
  const own = style(l);
  const type = own === 'QUOTE_DOUBLE' || own === 'QUOTE_SINGLE' ? own : ctx.lines.map(style).find((t) => t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE');
  if (type === 'QUOTE_DOUBLE') return `"${code}"`;
  if (type === 'QUOTE_SINGLE') return `'${code}'`;
  return code;
}

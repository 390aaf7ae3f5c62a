import { defineRule } from '../applies';
import { optionsSchema, payerTypesOption } from '../../config/optionSchemas';
import type { ClaimContext, Fix, IndexedLine } from '../../types';
import { lineLead } from '../../text';
import { pfsStatusMeaning } from '../../data/pfsStatusText';

export const codeNotPayable = defineRule({
  id: 'code-not-payable',
  description: "A code Medicare does not pay: CMS's PPRRVU status in force (B bundled, N not covered, I not valid, …) or a code Medicare replaces with another (97014 → G0283)",
  category: 'coding',
  defaultSeverity: 'error',
  fixable: true,
  payerTypes: ['medicare'],
  options: optionsSchema({ payerTypes: payerTypesOption }),
  rationale:
    'CMS\'s PFS relative value file (PPRRVU) gives every code a status for the period: A, R and T are paid under the fee schedule; ' +
    'every other status is not, and each is named in plain words: B bundled (hot and cold packs, 97010: always included in the day\'s ' +
    'other services, never paid separately and not billable to the patient), N not covered (the athletic-training evaluations ' +
    '97169–97172), I not valid for Medicare, E and X excluded, and so on. The status is read from the CMS release in force on the ' +
    'date of service (the built-in tables from CMS\'s files for 2022–2026, or an imported pack), not from a hand list; C ' +
    '(contractor-priced) is payable and not reported. Medicare does not use 97014 (unattended electrical stimulation); it pays ' +
    'the same service as G0283. Option payerTypes (default ["medicare"]) lists the payer types checked.',
  source: 'CMS PFS relative value files (PPRRVU STATUS CODE; see docs/sources.md), Palmetto GBA (status B) [S22], ImmediCare [S47]; WebPT (G0283) [S18]; billing-rules §3, §5.2',
  check(ctx, report) {
    for (const l of ctx.lines) {
      if (l.line.units <= 0) continue;
      const status = l.info?.medicare;
      const path = `lines[${l.index}].code`;
      if (!status || !('replacedBy' in status)) {
        // CMS's status in force decides; the catalogue's "bundled" only where no CMS release covers the date.
        const cms = ctx.data.pfsStatus(l.line.code, ctx.date);
        const code = l.line.code.trim().toUpperCase();
        if (cms) {
          const m = pfsStatusMeaning(cms.status);
          if (!m.payable) {
            report({ path, message: `${lineLead(l.index, l.line.code)}${code} is ${m.short} under Medicare (status ${cms.status}, CMS PFS ${cms.release}) for ${ctx.date.slice(0, 4)}: ${m.meaning}.` });
          }
        } else if (status && 'status' in status) {
          report({ path, message: `${lineLead(l.index, l.line.code)}Medicare bundles the code (status B) into the day's other services; it is never paid separately.` });
        }
        continue;
      }
      const to = status.replacedBy;
      const edits = ctx.fix.setValue(path, codeText(ctx, l, to));
      const fix: Fix = { id: `replace-code-${to}`, title: `Replace ${l.line.code} with ${to}`, edits, preferred: true };
      report({ path, message: `${lineLead(l.index, l.line.code)}Medicare does not pay ${l.line.code}; the same service is billed as ${to}.`, fixes: edits.length ? [fix] : [] });
    }
  },
});

/** The new code quoted the way this line's code is, or, if that one is a bare number, the way the claim's other codes are. */
function codeText(ctx: ClaimContext, l: IndexedLine, code: string): string {
  const style = (x: IndexedLine) => {
    const entry = ctx.src.get(`lines[${x.index}].code`);
    return entry?.kind === 'scalar' ? entry.style : undefined;
  };
  const own = style(l);
  const type = own === 'QUOTE_DOUBLE' || own === 'QUOTE_SINGLE' ? own : ctx.lines.map(style).find((t) => t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE');
  if (type === 'QUOTE_DOUBLE') return `"${code}"`;
  if (type === 'QUOTE_SINGLE') return `'${code}'`;
  return code;
}

import type { Rule } from '../../types';
import { groupEdits, pairEdits, pairEvidence } from '../../billing/ncci';
import { lineLead, serviceLine } from '../../text';

export const ncciPairDenied: Rule = {
  id: 'ncci-pair-denied',
  description: 'A code that an NCCI edit denies whatever the modifier: a pair with indicator 0, or a second evaluation on one date',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'Some NCCI procedure-to-procedure pairs have modifier indicator 0: the column-2 code is never paid with the column-1 code on the ' +
    'same date, and 59 or X{EPSU} does not change that (for example multilayer compression with manual therapy in 2018–2021). NCCI ' +
    'policy also allows only one PT evaluation or re-evaluation code (97161–97164) per date of service; the same is applied here to ' +
    'OT evaluations (97165–97168). The denied line should come off the claim, or the codes be corrected.',
  source: 'NCCI PTP mechanics [S50]; NCCI Policy Manual ch. XI via policy-rag [S4 q37–q39]; AHCA/NCAL [S56]; pairs and groups in src/core/data/ncci.ts',
  check(ctx, report) {
    for (const edit of pairEdits(ctx)) {
      if (edit.pair.modifierIndicator !== 0) continue;
      for (const l of edit.column2) {
        report({
          path: `lines[${l.index}].code`,
          message:
            `${lineLead(l.index, l.line.code)}denied with ${edit.pair.column1} (${serviceLine(edit.column1.index)}) on one date: ` +
            `the NCCI pair has modifier indicator 0, so no modifier bypasses it${pairEvidence(edit.pair)}.`,
        });
      }
    }
    for (const edit of groupEdits(ctx)) {
      for (const l of edit.extra) {
        report({
          path: `lines[${l.index}].code`,
          message: `${lineLead(l.index, l.line.code)}repeats ${edit.first.line.code} (${serviceLine(edit.first.index)}): ${edit.group.description}`,
        });
      }
    }
  },
};

import type { Fix, IndexedLine, Rule } from '../../types';
import { lineLead, serviceLine } from '../../text';
import { addModifierFix, modifiersMisspelled, modsPath } from '../../billing/therapyModifiers';
import { hasDistinctModifier, pairEdits, pairEvidence, type PairEdit } from '../../billing/ncci';

const BYPASS = ['XE', 'XS', 'XP', 'XU', '59'];

export const ncciModifierMissing: Rule = {
  id: 'ncci-modifier-missing',
  description: 'The column-2 code of an NCCI pair that a modifier may bypass, billed without 59 or X{EPSU}',
  category: 'coding',
  defaultSeverity: 'error',
  fixable: true,
  rationale:
    'When both codes of an NCCI procedure-to-procedure pair are billed on one date, only the column-1 code is paid. If the pair\'s ' +
    'modifier indicator is 1, the column-2 code is paid too when the services were truly distinct and its line says so with XE ' +
    '(separate encounter), XS (separate structure), XP (separate practitioner), XU (unusual non-overlapping service) or, when none ' +
    'fits, 59. Examples: 97140 with a PT evaluation (97161–97163) since 2020, 97530 after 97140 in separate 15-minute blocks. ' +
    'Which modifier is right depends on the facts, so none is applied automatically — and none should be added only to get past the edit.',
  source: 'NCCI PTP mechanics, APTA [S49][S50]; Casamba, Elite CME [S51][S52]; WebPT on CMS Example 9 [S55]; pairs in src/core/data/ncci.ts; billing-rules §5',
  check(ctx, report) {
    // One finding per column-2 line, naming every column-1 code it pairs with.
    const byLine = new Map<IndexedLine, PairEdit[]>();
    for (const edit of pairEdits(ctx)) {
      if (edit.pair.modifierIndicator !== 1) continue;
      for (const l of edit.column2) {
        if (hasDistinctModifier(l) || modifiersMisspelled(ctx, l)) continue;
        byLine.set(l, [...(byLine.get(l) ?? []), edit]);
      }
    }
    for (const [l, edits] of byLine) {
      const where = serviceLine(l.index, l.line.code);
      const fixes = BYPASS.map((m) => addModifierFix(ctx, l, m, false, `Add ${m} to ${where}`));
      const pairs = edits.map((e) => `${e.pair.column1}/${e.pair.column2}`).join(' and ');
      const column1 = edits.map((e) => serviceLine(e.column1.index, e.column1.line.code)).join(' and ');
      const unconfirmed = edits.some((e) => e.pair.indicatorConfidence === 'U') ? " The pair's modifier indicator is unconfirmed (no source settles it)." : '';
      const evidence = edits.map((e) => pairEvidence(e.pair)).find((t) => t !== '') ?? '';
      report({
        path: modsPath(l),
        message:
          `${lineLead(l.index, l.line.code)}column 2 of the NCCI pair${edits.length > 1 ? 's' : ''} ${pairs}, whose column 1 ${edits.length > 1 ? 'codes are' : 'is'} ${column1}; ` +
          `denied unless this column-2 line carries 59 or XE/XS/XP/XU; add one only if the services were distinct${evidence}.${misplaced(edits)}${unconfirmed}`,
        fixes: fixes.filter((f): f is Fix => !!f),
      });
    }
  },
};

/** A distinct-procedure modifier put on the column-1 line instead: it bypasses nothing there. */
function misplaced(edits: PairEdit[]): string {
  const on = edits.filter((e) => hasDistinctModifier(e.column1));
  if (!on.length) return '';
  const where = [...new Set(on.map((e) => `${distinctOn(e.column1)} on ${serviceLine(e.column1.index, e.column1.line.code)}`))].join(' and ');
  return ` ${where} does not bypass the edit: the modifier belongs on the column-2 line.`;
}

function distinctOn(l: IndexedLine): string {
  return (l.line.modifiers ?? []).filter((m) => BYPASS.includes(m)).join('/');
}

import type { MueEntry } from '../../data';
import type { IndexedLine, Rule } from '../../types';
import { lineLead, serviceLine } from '../../text';

const MAI_TEXT: Record<1 | 2 | 3, string> = {
  1: 'MAI 1: per claim line',
  2: 'MAI 2: per date of service, a policy limit that cannot be overridden',
  3: 'MAI 3: per date of service, a clinical benchmark; more may be paid after review with records',
};

export const unitsExceedMue: Rule = {
  id: 'units-exceed-mue',
  description: "Units of a code over its medically unlikely edit (MUE) for the date of service",
  category: 'coding',
  defaultSeverity: 'error',
  fixable: false,
  rationale:
    'A medically unlikely edit is the most units of a code one provider would report for one patient on one date. Units above it ' +
    'are denied: per line for MUE adjudication indicator (MAI) 1, per date for MAI 2 (a policy limit) and MAI 3 (a clinical ' +
    'benchmark, payable on appeal with records). The units of a code on all its lines are added up unless the MAI is 1. ' +
    'A service-based code with an MUE of 1 is left to untimed-units, which reports the same thing. ' +
    'The values are in effective-dated data so the quarterly CMS file can replace them; several are from secondary sources.',
  source: 'NCCI MUE mechanics via policy-rag [S4 q31–q33]; values payerready [S46], functionalpathways [S59], [S58]; src/core/data/mue.ts; billing-rules §5.3',
  check(ctx, report) {
    const byCode = new Map<string, IndexedLine[]>();
    for (const l of ctx.lines) {
      // A code only an imported therapy code list knows has its imported MUE too.
      const known = l.info ?? l.listed;
      if (!known || l.line.units <= 0) continue;
      byCode.set(known.code, [...(byCode.get(known.code) ?? []), l]);
    }
    for (const [code, lines] of byCode) {
      const mue = ctx.data.mueFor(code, ctx.date);
      // untimed-units already holds service-based codes to 1 unit per date, and
      // timed-units-51-percent the once-per-date codes timed in longer periods (97545).
      const info = lines[0].info;
      if (!mue || (info && (info.kind === 'untimed' || (info.kind === 'timed-other' && info.oncePerDay)) && mue.maxUnits <= 1)) continue;
      const groups = mue.mai === 1 ? lines.map((l) => [l]) : [lines];
      for (const group of groups) {
        const units = group.reduce((s, l) => s + l.line.units, 0);
        if (units <= mue.maxUnits) continue;
        const where = group.length > 1 ? ` on ${group.map((l) => serviceLine(l.index)).join(' + ')}` : '';
        report({
          path: `lines[${group[0].index}].units`,
          message: `${lineLead(group[0].index, code)}${units} units${where}, over the medically unlikely edit of ${mue.maxUnits} (${describe(mue)}).`,
        });
      }
    }
  },
};

function describe(mue: MueEntry): string {
  return mue.mai ? MAI_TEXT[mue.mai] : 'per date of service';
}

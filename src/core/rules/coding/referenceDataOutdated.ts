import { KX_THRESHOLDS } from '../../data/kx';
import { TABLE_LABELS, type TableName } from '../../data/packTypes';
import type { Rule } from '../../types';
import { kxModifierMissing } from '../modifiers/kxModifierMissing';
import { appliesToPayer } from '../applies';

/** The dated tables an audit relies on, and what goes unchecked past their end. */
const CHECKED: { table: TableName; unchecked: string }[] = [
  { table: 'pfs-rvu', unchecked: 'fee amounts' },
  { table: 'conversion-factor', unchecked: 'fee amounts' },
  { table: 'ncci-ptp', unchecked: 'NCCI pair edits' },
  { table: 'mue', unchecked: 'MUE unit limits' },
];

/** The first and last dates of service the KX thresholds cover (built-in only: no pack carries them). */
function kxSpan(): { from?: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined;
  for (const t of KX_THRESHOLDS) {
    if (from === undefined || t.from < from) from = t.from;
    if (t.to !== undefined && (to === undefined || t.to > to)) to = t.to;
  }
  return { from, to };
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const referenceDataOutdated: Rule = {
  id: 'reference-data-outdated',
  description: "The date of service lies outside the reference data's coverage (before its first or after its last covered date): some checks could not be made",
  category: 'coding',
  defaultSeverity: 'warning',
  fixable: false,
  rationale:
    'Fees, KX thresholds, NCCI edits and MUEs are published per period. When a date of service lies before the first or after ' +
    'the last date a table covers (the coverage `claimlint data info` prints, the built-in tables overlaid by the configured data ' +
    'packs), the checks that need that table cannot be made: a clean result would be a silent pass, and a fee would silently count as nothing. ' +
    'The claim gets one warning naming each table, the dates it covers and what went unchecked. A data pack whose effective ' +
    'period covers the date silences the ' +
    'part that pack answers. KX thresholds are curated per calendar year and are named only for the payer types the KX rules ' +
    'check (option payerTypes of kx-modifier-missing).',
  source: 'billing-rules §13 (Corrections, 2026-11); issue 9 item 11; coverage as shown by `claimlint data info`',
  check(ctx, report) {
    const date = ctx.date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    // Grouped by the covered dates named: "covered through 2026-12-31" / "covered from 2022-01-01".
    const groups = new Map<string, { tables: string[]; unchecked: Set<string>; before: boolean }>();
    const add = (bound: string, before: boolean, table: string, unchecked: string) => {
      const key = `${before ? 'from' : 'through'} ${bound}`;
      const group = groups.get(key) ?? { tables: [], unchecked: new Set<string>(), before };
      group.tables.push(table);
      group.unchecked.add(unchecked);
      groups.set(key, group);
    };
    for (const { table, unchecked } of CHECKED) {
      const cov = ctx.data.coverage(table);
      if (cov === undefined) continue;
      if (date < cov.from) add(cov.from, true, TABLE_LABELS[table], unchecked);
      else if (cov.to !== undefined && date > cov.to) add(cov.to, false, TABLE_LABELS[table], unchecked);
    }
    const kxCov = kxSpan();
    // The KX thresholds matter where the KX rules apply (their payer types, as configured).
    if (appliesToPayer(kxModifierMissing, ctx.config, ctx.claim.payer.type)) {
      if (kxCov.from !== undefined && date < kxCov.from) add(kxCov.from, true, 'KX thresholds', 'KX modifier findings');
      else if (kxCov.to !== undefined && date > kxCov.to) add(kxCov.to, false, 'KX thresholds', 'KX modifier findings');
    }
    if (groups.size === 0) return;
    const entries = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const parts = entries.map(([key, g]) => `${list(g.tables)}: covered ${key}`);
    const unchecked = [...new Set(entries.flatMap(([, g]) => [...g.unchecked]))];
    const where = entries.every(([, g]) => g.before) ? 'before' : entries.every(([, g]) => !g.before) ? 'past' : 'outside';
    report({
      path: 'date_of_service',
      message:
        `The date of service is ${where} the reference data (${parts.join('; ')}), so ${list(unchecked)} could not be checked ` +
        '(a data pack covering the date adds them; see "claimlint data info").',
    });
  },
};

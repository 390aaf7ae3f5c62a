import { ruleOptions } from '../../config/schema';
import { KX_THRESHOLDS } from '../../data/kx';
import { TABLE_LABELS, type TableName } from '../../data/packTypes';
import type { Rule } from '../../types';
import { KX_DEFAULTS } from '../modifiers/kxModifierMissing';
import { forPayer } from '../../config/optionSchemas';

/** The dated tables an audit relies on, and what goes unchecked past their end. */
const CHECKED: { table: TableName; unchecked: string }[] = [
  { table: 'pfs-rvu', unchecked: 'fee amounts' },
  { table: 'conversion-factor', unchecked: 'fee amounts' },
  { table: 'ncci-ptp', unchecked: 'NCCI pair edits' },
  { table: 'mue', unchecked: 'MUE unit limits' },
];

/** The last date of service the KX thresholds cover (built-in only: no pack carries them). */
function kxLastDate(): string | undefined {
  let last: string | undefined;
  for (const t of KX_THRESHOLDS) if (t.to !== undefined && (last === undefined || t.to > last)) last = t.to;
  return last;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const referenceDataOutdated: Rule = {
  id: 'reference-data-outdated',
  description: "The date of service lies past the reference data's coverage: some checks could not be made",
  category: 'coding',
  defaultSeverity: 'warning',
  fixable: false,
  rationale:
    'Fees, KX thresholds, NCCI edits and MUEs are published per period. When a date of service lies after the last date a table ' +
    'covers (the coverage `claimlint data info` prints, the built-in tables overlaid by the configured data packs), the checks ' +
    'that need that table cannot be made, and a clean result would be a silent pass. The claim gets one warning naming each ' +
    'table, the last date it covers and what went unchecked. A data pack whose effective period covers the date silences the ' +
    'part that pack answers. KX thresholds are curated per calendar year and are named only for the payer types the KX rules ' +
    'check (option payerTypes of kx-modifier-missing).',
  source: 'billing-rules §13 (Corrections, 2026-11); issue 9 item 11; coverage as shown by `claimlint data info`',
  check(ctx, report) {
    const date = ctx.date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const byEnd = new Map<string, { tables: string[]; unchecked: Set<string> }>();
    const add = (end: string, table: string, unchecked: string) => {
      const group = byEnd.get(end) ?? { tables: [], unchecked: new Set<string>() };
      group.tables.push(table);
      group.unchecked.add(unchecked);
      byEnd.set(end, group);
    };
    for (const { table, unchecked } of CHECKED) {
      const cov = ctx.data.coverage(table);
      if (cov?.to !== undefined && date > cov.to) add(cov.to, TABLE_LABELS[table], unchecked);
    }
    const kx = ruleOptions(ctx.config, 'kx-modifier-missing', KX_DEFAULTS);
    const kxEnd = kxLastDate();
    if (forPayer(kx.payerTypes, ctx.claim.payer.type) && kxEnd !== undefined && date > kxEnd) add(kxEnd, 'KX thresholds', 'KX modifier findings');
    if (byEnd.size === 0) return;
    const parts = [...byEnd.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([end, g]) => `${list(g.tables)}: covered through ${end}`);
    const unchecked = [...new Set([...byEnd.values()].flatMap((g) => [...g.unchecked]))];
    report({
      path: 'date_of_service',
      message:
        `The date of service is past the reference data (${parts.join('; ')}), so ${list(unchecked)} could not be checked ` +
        '(a data pack covering the date adds them; see "claimlint data info").',
    });
  },
};

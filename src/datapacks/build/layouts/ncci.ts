/**
 * NCCI procedure-to-procedure edits, practitioner table (files ccipra-v<ver>r<rev>-f<n>,
 * as tab-delimited .txt or .xlsx): Column 1, Column 2, "*=in existence prior to 1996",
 * Effective Date, Deletion Date ("*=no data"), Modifier (0 not allowed, 1 allowed,
 * 9 not applicable), PTP Edit Rationale. Deleted edits stay in the file with their
 * deletion date; they are kept (claims from before the deletion still need them). The
 * deletion date is the last day an edit applies (see NcciRow.to).
 */
import type { NcciRow } from '../../../core/packs';
import { cell, findHeader, isNoteRow, type ColumnSpec } from '../header';
import { ImportError, type Row } from '../rows';
import { parseCode, parseDate, requireDate } from '../values';
import { CURATED_SPECS, curatedNcci, curatedSource, type CuratedKey } from '../curated';
import type { Layout } from './layout';

const SPECS: readonly ColumnSpec<'c1' | 'c2' | 'prior' | 'eff' | 'del' | 'mod' | 'why' | CuratedKey>[] = [
  { key: 'c1', label: 'Column 1', match: /^COLUMN ?1\b/ },
  { key: 'c2', label: 'Column 2', match: /^COLUMN ?2\b/ },
  { key: 'prior', label: '*=in existence prior to 1996', match: /PRIOR TO 1996|IN EXISTENCE/, optional: true },
  { key: 'eff', label: 'Effective Date', match: /^EFFECTIVE\b/ },
  { key: 'del', label: 'Deletion Date', match: /^DELETION\b/ },
  { key: 'mod', label: 'Modifier 0=not allowed 1=allowed 9=not applicable', match: /^MODIFIER\b/ },
  { key: 'why', label: 'PTP Edit Rationale', match: /RATIONALE/, optional: true },
  ...CURATED_SPECS,
];

export const ncciLayout: Layout<'ncci-ptp'> = {
  kind: 'ncci-ptp',
  what: 'an NCCI PTP practitioner edits file',
  fileName: /cci-?pra|ptp.*practitioner|practitioner.*ptp/i,
  period(name) {
    const m = /v(\d{2})(\d)r(\d+)/i.exec(name);
    if (!m) return undefined;
    const year = 1994 + Number(m[1]);
    const quarter = Number(m[2]);
    if (quarter > 3) return undefined;
    const month = quarter * 3 + 1;
    return { release: `v${m[1]}${m[2]}r${m[3]}`, from: `${year}-${String(month).padStart(2, '0')}-01` };
  },
  periodLength: 'quarter',
  header: (file, rows) => findHeader(file, rows, SPECS, ncciLayout.what),
  parse(file, rows: Row[], keep, curated) {
    const h = findHeader(file, rows, SPECS, ncciLayout.what);
    const out: NcciRow[] = [];
    let read = 0;
    for (const row of rows.slice(h.end + 1)) {
      const c1 = cell(row, h, 'c1');
      if (c1 === '' && isNoteRow(row)) continue;
      read++;
      const column1 = parseCode(file, row.n, c1, 'Column 1');
      const column2 = parseCode(file, row.n, cell(row, h, 'c2'), 'Column 2');
      if (!keep(column1) || !keep(column2)) continue;
      const from = requireDate(file, row.n, cell(row, h, 'eff'), 'Effective Date');
      const del = cell(row, h, 'del');
      let to: string | undefined;
      if (del !== '' && del !== '*') {
        const d = parseDate(del);
        if (d === undefined) throw new ImportError(file, row.n, 'expected a date or "*" in Deletion Date');
        // The deletion date is the last day the edit applies, as CMS's own file writes it: effective
        // dates on a quarter's first day, deletion dates on a quarter's last day [S81]. An edit whose
        // deletion date equals its effective date carries indicator 9 and never applies [S79].
        to = d;
      }
      const mod = cell(row, h, 'mod');
      if (mod !== '0' && mod !== '1' && mod !== '9') throw new ImportError(file, row.n, 'expected 0, 1 or 9 in Modifier');
      const entry: NcciRow = { column1, column2, from, modifierIndicator: Number(mod) as 0 | 1 | 9 };
      if (to !== undefined) entry.to = to;
      if (cell(row, h, 'prior') === '*') entry.before1996 = true;
      const why = cell(row, h, 'why');
      if (why) entry.rationale = why.slice(0, 200);
      if (curated) Object.assign(entry, curatedSource(file, row, h), curatedNcci(file, row, h));
      out.push(entry);
    }
    return { rows: out, read };
  },
};

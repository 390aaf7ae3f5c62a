/**
 * The locality table (<yy>LOCCO.csv/.xlsx in the RVU zip): "Medicare Adminstrative
 * Contractor" (sic), "Locality Number", "State", "Fee Schedule Area", "Counties". It only
 * adds the counties to the GPCI rows of the same year, so a user can find their locality.
 */
import { cell, findHeader, type ColumnSpec } from '../header';
import { ImportError } from '../rows';
import { macOf } from '../values';
import type { Layout, LocalityRow } from './layout';

const SPECS: readonly ColumnSpec<'mac' | 'loc' | 'area' | 'counties'>[] = [
  { key: 'mac', label: 'Medicare Administrative Contractor', match: /CONTRACTOR|^MAC$|^CARRIER$/ },
  { key: 'loc', label: 'Locality Number', match: /^LOCALITY( NUMBER)?$/ },
  { key: 'area', label: 'Fee Schedule Area', match: /FEE SCHEDULE AREA/ },
  { key: 'counties', label: 'Counties', match: /^COUNTIES$/ },
];

export const localityLayout: Layout<'locality'> = {
  kind: 'locality',
  what: 'a locality (LOCCO) table',
  fileName: /locco/i,
  period(name) {
    const m = /(\d{2})locco/i.exec(name);
    return m ? { release: `20${m[1]}`, from: `20${m[1]}-01-01` } : undefined;
  },
  periodLength: 'year',
  header: (file, rows) => findHeader(file, rows, SPECS, localityLayout.what),
  parse(file, rows) {
    const h = findHeader(file, rows, SPECS, localityLayout.what);
    const out: LocalityRow[] = [];
    let mac = '';
    for (const row of rows.slice(h.end + 1)) {
      const loc = cell(row, h, 'loc');
      if (loc === '') continue;
      // The MAC is printed on the first row of its block only.
      const m = cell(row, h, 'mac');
      if (m !== '') {
        const parsed = macOf(m);
        if (parsed === undefined) throw new ImportError(file, row.n, 'expected a MAC number (5 digits, or 4 with the leading zero dropped) in Medicare Administrative Contractor');
        mac = parsed;
      } else if (mac === '') throw new ImportError(file, row.n, 'expected a MAC number in Medicare Administrative Contractor (a blank cell continues the block above, and there is none)');
      if (!/^\d{1,2}$/.test(loc)) throw new ImportError(file, row.n, 'expected a locality number in Locality Number');
      out.push({ mac, locality: loc.padStart(2, '0'), counties: cell(row, h, 'counties').slice(0, 2000) });
    }
    return { rows: out, read: out.length };
  },
};

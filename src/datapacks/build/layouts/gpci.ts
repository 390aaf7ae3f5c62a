/**
 * GPCIs by locality (GPCI<yyyy>.csv/.xlsx in the RVU zip): "Medicare Administrative
 * Contractor (MAC)", "State", "Locality Number", "Locality Name", "<yyyy> PW GPCI (with
 * 1.0 Floor)", "<yyyy> PE GPCI", "<yyyy> MP GPCI"; footnotes below the data. Where a
 * year also prints the work GPCI without the floor, the floored one (the one paid) is used.
 * GPCIs are kept for every locality: the table is small and a practice picks one.
 */
import type { GpciRow } from '../../../core/packs';
import { cell, findHeader, type ColumnSpec } from '../header';
import { ImportError } from '../rows';
import { macOf, parseNumber } from '../values';
import type { Layout } from './layout';

const SPECS: readonly ColumnSpec<'mac' | 'state' | 'loc' | 'name' | 'work' | 'pe' | 'mp'>[] = [
  { key: 'mac', label: 'Medicare Administrative Contractor (MAC)', match: /CONTRACTOR|^MAC$|^CARRIER$/ },
  { key: 'state', label: 'State', match: /^STATE$/ },
  { key: 'loc', label: 'Locality Number', match: /^LOCALITY( NUMBER)?$/ },
  { key: 'name', label: 'Locality Name', match: /^LOCALITY NAME$/ },
  { key: 'work', label: 'PW GPCI (with 1.0 Floor)', match: /^(\d{4} )?(PW|WORK) GPCI(?!.*WITHOUT)/ },
  { key: 'pe', label: 'PE GPCI', match: /^(\d{4} )?PE GPCI/ },
  { key: 'mp', label: 'MP GPCI', match: /^(\d{4} )?MP GPCI/ },
];

export const gpciLayout: Layout<'gpci'> = {
  kind: 'gpci',
  what: 'a GPCI by locality file',
  fileName: /gpci/i,
  period(name) {
    const m = /gpci[_ -]?(\d{4})/i.exec(name);
    return m ? { release: m[1], from: `${m[1]}-01-01` } : undefined;
  },
  periodLength: 'year',
  header: (file, rows) => findHeader(file, rows, SPECS, gpciLayout.what),
  parse(file, rows) {
    const h = findHeader(file, rows, SPECS, gpciLayout.what);
    const out: GpciRow[] = [];
    for (const row of rows.slice(h.end + 1)) {
      const loc = cell(row, h, 'loc');
      // Footnotes and blank lines have no locality number.
      if (loc === '') continue;
      if (!/^\d{1,2}$/.test(loc)) throw new ImportError(file, row.n, 'expected a locality number (1–2 digits) in Locality Number');
      const mac = macOf(cell(row, h, 'mac'));
      if (mac === undefined) throw new ImportError(file, row.n, 'expected a MAC number (5 digits, or 4 with the leading zero dropped) in Medicare Administrative Contractor');
      const g = (key: 'work' | 'pe' | 'mp', label: string) => {
        const v = parseNumber(file, row.n, cell(row, h, key), label);
        if (v <= 0 || v > 10) throw new ImportError(file, row.n, `expected a GPCI between 0 and 10 in ${label}`);
        return v;
      };
      out.push({
        mac,
        locality: loc.padStart(2, '0'),
        state: cell(row, h, 'state').slice(0, 4),
        name: cell(row, h, 'name').replace(/\*+$/, '').trim().slice(0, 120),
        work: g('work', 'PW GPCI'),
        pe: g('pe', 'PE GPCI'),
        mp: g('mp', 'MP GPCI'),
      });
    }
    if (!out.length) throw new ImportError(file, undefined, 'no locality rows under the GPCI header');
    return { rows: out, read: out.length };
  },
};

/**
 * PFS national relative value file (PPRRVU<yy>_<MON>[_QPP|_nonQPP], .csv/.xlsx/.txt in the
 * RVU<yy><A-D> zip): HCPCS, MOD, STATUS CODE, WORK RVU, NON-FAC PE RVU, FACILITY PE RVU,
 * MP RVU, MULT PROC, CONV FACTOR, under several copyright rows and a header stacked over
 * up to four rows. Only the global service (no modifier) of each code is kept.
 */
import type { RvuRow } from '../../../core/packs';
import { cell, findHeader, isNoteRow, type ColumnSpec } from '../header';
import { ImportError } from '../rows';
import { codeOf, parseNumber } from '../values';
import { CURATED_SPECS, curatedCf, curatedDates, curatedSource, type CuratedKey } from '../curated';
import type { Layout } from './layout';

type Key = 'code' | 'mod' | 'status' | 'work' | 'peNf' | 'peF' | 'mp' | 'mult' | 'cf' | CuratedKey;
const SPECS: readonly ColumnSpec<Key>[] = [
  { key: 'code', label: 'HCPCS', match: /^HCPCS( CODE)?$/ },
  { key: 'mod', label: 'MOD', match: /^MOD(IFIER)?$/, optional: true },
  { key: 'status', label: 'STATUS CODE', match: /^STATUS( CODE)?$/ },
  { key: 'work', label: 'WORK RVU', match: /^WORK RVUS?$/ },
  { key: 'peNf', label: 'NON-FAC PE RVU', match: /^(TRANSITIONED |FULLY IMPLEMENTED )?NON-FAC(ILITY)? PE RVUS?$/ },
  { key: 'peF', label: 'FACILITY PE RVU', match: /^(TRANSITIONED |FULLY IMPLEMENTED )?FACILITY PE RVUS?$/ },
  { key: 'mp', label: 'MP RVU', match: /^(MP|MALPRACTICE) RVUS?$/ },
  { key: 'mult', label: 'MULT PROC', match: /^MULT(IPLE)? PROC/ },
  { key: 'cf', label: 'CONV FACTOR', match: /^CONV(ERSION)? FACTOR$/ },
  ...CURATED_SPECS,
];

const MONTHS: Record<string, string> = { JAN: '01', APR: '04', JUL: '07', OCT: '10' };
/** CMS names a year's releases A (January), B (April), C (July), D (October): RVU25D. */
const RELEASE_LETTER: Record<string, string> = { JAN: 'A', APR: 'B', JUL: 'C', OCT: 'D' };

export const pprrvuLayout: Layout<'pfs-rvu'> = {
  kind: 'pfs-rvu',
  what: 'a PFS relative value file (PPRRVU)',
  fileName: /pprrvu/i,
  period(name) {
    const m = /pprrvu(\d{4}|\d{2})[_ -]?(jan|apr|jul|oct)/i.exec(name);
    if (!m) return undefined;
    const year = m[1].length === 2 ? `20${m[1]}` : m[1];
    const mon = m[2].toUpperCase();
    const qp = /_qpp/i.test(name) && !/nonqpp/i.test(name);
    return { release: `RVU${year.slice(2)}${RELEASE_LETTER[mon]}${qp ? ' QPP' : ''}`, from: `${year}-${MONTHS[mon]}-01`, qp };
  },
  periodLength: 'year',
  header: (file, rows) => findHeader(file, rows, SPECS, pprrvuLayout.what),
  parse(file, rows, keep, curated) {
    const h = findHeader(file, rows, SPECS, pprrvuLayout.what);
    const out: RvuRow[] = [];
    const factors = new Set<number>();
    const cfSources = new Map<string, { source: string; confidence: 'C' | 'S' | 'D' | 'U' }>();
    let read = 0;
    for (const row of rows.slice(h.end + 1)) {
      const text = cell(row, h, 'code');
      if (text === '' && isNoteRow(row)) continue;
      const code = codeOf(text);
      if (code === undefined) throw new ImportError(file, row.n, 'expected a 5-character HCPCS code in HCPCS');
      read++;
      const cfText = cell(row, h, 'cf');
      if (cfText !== '') {
        const cf = parseNumber(file, row.n, cfText, 'CONV FACTOR');
        if (cf > 0) factors.add(cf);
      }
      const cfSource = curated ? curatedCf(file, row, h) : undefined;
      if (cfSource) cfSources.set(`${cfSource.source} (${cfSource.confidence})`, cfSource);
      if (cell(row, h, 'mod') !== '' || !keep(code)) continue;
      const num = (key: Key, label: string) => parseNumber(file, row.n, cell(row, h, key).replace(/^NA$/i, ''), label, 0);
      const entry: RvuRow = {
        code,
        status: cell(row, h, 'status').toUpperCase().slice(0, 2),
        workRvu: num('work', 'WORK RVU'),
        peNonFacility: num('peNf', 'NON-FAC PE RVU'),
        peFacility: num('peF', 'FACILITY PE RVU'),
        mpRvu: num('mp', 'MP RVU'),
        multProc: cell(row, h, 'mult').slice(0, 2),
      };
      if (curated) Object.assign(entry, curatedDates(file, row, h), curatedSource(file, row, h));
      out.push(entry);
    }
    if (factors.size > 1) {
      throw new ImportError(file, undefined, `expected one conversion factor in CONV FACTOR, found ${[...factors].sort().join(', ')}`);
    }
    if (cfSources.size > 1) throw new ImportError(file, undefined, `expected one citation in claimlint CF Source, found ${cfSources.size}`);
    if (curated && factors.size && !cfSources.size) throw new ImportError(file, undefined, 'expected the conversion factor\'s citation in claimlint CF Source');
    const extra = factors.size ? { conversionFactor: [...factors][0], ...(cfSources.size ? { cfSource: [...cfSources.values()][0] } : {}) } : undefined;
    return { rows: out, read, extra };
  },
};

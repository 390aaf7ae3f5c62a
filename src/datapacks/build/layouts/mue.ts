/**
 * MUE practitioner services table (MCR_MUE_PractitionerServices_Eff_<MM-DD-YYYY>, .csv or
 * .xlsx): "HCPCS/CPT Code", "Practitioner Services MUE Values", "MUE Adjudication
 * Indicator" ("1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit:
 * Clinical"), "MUE Rationale". The hospital and DME tables name their value column
 * differently and are rejected.
 */
import type { MueRow } from '../../../core/packs';
import { cell, findHeader, isNoteRow, type ColumnSpec } from '../header';
import { ImportError } from '../rows';
import { parseCode } from '../values';
import { CURATED_SPECS, curatedDates, curatedSource, type CuratedKey } from '../curated';
import type { Layout } from './layout';

const SPECS: readonly ColumnSpec<'code' | 'value' | 'mai' | 'why' | CuratedKey>[] = [
  { key: 'code', label: 'HCPCS/CPT Code', match: /^(HCPCS|CPT)\b.*CODE|^HCPCS$/ },
  { key: 'value', label: 'Practitioner Services MUE Values', match: /^PRACTITIONER SERVICES MUE VALUES?$/ },
  { key: 'mai', label: 'MUE Adjudication Indicator', match: /ADJUDICATION INDICATOR/ },
  { key: 'why', label: 'MUE Rationale', match: /RATIONALE/, optional: true },
  ...CURATED_SPECS,
];

export const mueLayout: Layout<'mue'> = {
  kind: 'mue',
  what: 'an MUE practitioner services table',
  fileName: /mue/i,
  period(name) {
    let m = /eff[_ -]?(\d{2})[-_](\d{2})[-_](\d{4})/i.exec(name);
    if (m) return { release: `${m[3]}-${m[1]}-${m[2]}`, from: `${m[3]}-${m[1]}-${m[2]}` };
    m = /(\d{4})[-_ ]?q([1-4])/i.exec(name);
    if (m) return { release: `${m[1]} Q${m[2]}`, from: `${m[1]}-${String((+m[2] - 1) * 3 + 1).padStart(2, '0')}-01` };
    return undefined;
  },
  periodLength: 'quarter',
  header: (file, rows) => findHeader(file, rows, SPECS, mueLayout.what),
  parse(file, rows, keep, curated) {
    const h = findHeader(file, rows, SPECS, mueLayout.what);
    const out: MueRow[] = [];
    let read = 0;
    for (const row of rows.slice(h.end + 1)) {
      const raw = cell(row, h, 'code');
      if (raw === '' && isNoteRow(row)) continue;
      read++;
      const code = parseCode(file, row.n, raw, 'HCPCS/CPT Code');
      if (!keep(code)) continue;
      const value = cell(row, h, 'value');
      if (!/^\d{1,6}$/.test(value)) throw new ImportError(file, row.n, 'expected a whole number in Practitioner Services MUE Values');
      const maiText = cell(row, h, 'mai');
      const mai = /^([123])\b/.exec(maiText);
      // A curated row may leave the indicator blank when no source gives it.
      if (!mai && !(curated && maiText === '')) throw new ImportError(file, row.n, 'expected 1, 2 or 3 at the start of MUE Adjudication Indicator');
      const entry: MueRow = { code, maxUnits: Number(value) };
      if (mai) entry.mai = Number(mai[1]) as 1 | 2 | 3;
      const why = cell(row, h, 'why');
      if (why) entry.rationale = why.slice(0, 200);
      if (curated) Object.assign(entry, curatedDates(file, row, h), curatedSource(file, row, h));
      out.push(entry);
    }
    return { rows: out, read };
  },
};

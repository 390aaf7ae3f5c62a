/**
 * CMS Annual Therapy Code List (the Annual Therapy Update's code list, .xlsx or text):
 * a code column ("CPT/HCPCS Code", "HCPCS", "Code") and a therapy-status column whose
 * values read "Always Therapy" or "Sometimes Therapy". Rows whose status reads as a
 * removal ("Deleted", "Removed", "Not therapy") are skipped. The whole list is kept: it is
 * what defines "therapy-related" for the other tables. In a curated import (the built-in
 * pack's data/source table) the "claimlint …" columns give each row its dates and source.
 */
import type { TherapyRow } from '../../../core/packs';
import { cell, findHeader, isNoteRow, type ColumnSpec } from '../header';
import { ImportError } from '../rows';
import { parseCode } from '../values';
import { CURATED_SPECS, curatedDates, curatedSource, type CuratedKey } from '../curated';
import type { Layout } from './layout';

const SPECS: readonly ColumnSpec<'code' | 'status' | CuratedKey>[] = [
  { key: 'code', label: 'CPT/HCPCS Code', match: /^((CPT|HCPCS)(\/(CPT|HCPCS))?( CODE)?S?|CODE)$/ },
  { key: 'status', label: 'Therapy Status (Always / Sometimes Therapy)', match: /ALWAYS|SOMETIMES|THERAPY (STATUS|DESIGNATION|TYPE|CODE TYPE)|^DESIGNATION$/ },
  ...CURATED_SPECS,
];

export const therapyLayout: Layout<'therapy-codes'> = {
  kind: 'therapy-codes',
  what: 'an Annual Therapy Code List',
  fileName: /therapy/i,
  period(name) {
    const m = /(20\d{2})/.exec(name);
    return m ? { release: m[1], from: `${m[1]}-01-01` } : undefined;
  },
  periodLength: 'year',
  header: (file, rows) => findHeader(file, rows, SPECS, therapyLayout.what),
  parse(file, rows, _keep, curated) {
    const h = findHeader(file, rows, SPECS, therapyLayout.what);
    const out: TherapyRow[] = [];
    let read = 0;
    for (const row of rows.slice(h.end + 1)) {
      const raw = cell(row, h, 'code');
      if (isNoteRow(row) && !/^[0-9A-Z]{5}$/i.test(raw)) continue;
      read++;
      const code = parseCode(file, row.n, raw, 'CPT/HCPCS Code');
      const status = cell(row, h, 'status').toUpperCase();
      let entry: TherapyRow;
      if (/ALWAYS/.test(status)) entry = { code, therapy: 'always' };
      else if (/SOMETIMES/.test(status)) entry = { code, therapy: 'sometimes' };
      else if (/DELET|REMOV|NOT THERAPY/.test(status)) continue;
      else throw new ImportError(file, row.n, 'expected "Always Therapy" or "Sometimes Therapy" in the therapy status column');
      // claimlint's own source table (data/source): the row's dates, source and confidence.
      if (curated) Object.assign(entry, curatedDates(file, row, h), curatedSource(file, row, h));
      out.push(entry);
    }
    if (!out.length) throw new ImportError(file, undefined, 'no therapy codes under the header');
    return { rows: out, read };
  },
};

/** The CSV importer (src/importers/claims/csv): the default layout and a mapping for another export. */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { audit } from '../../src/core/engine';
import { detectFormat, ImportError, importText, readCsvMapping, toClaimYaml, type ImportedClaim } from '../../src/importers/claims';
import { CLAIM_LEVEL_COLUMNS, CSV_COLUMNS, LINE_COLUMNS } from '../../src/importers/claims/csv/mapping';

const HASH = { patientId: { mode: 'hash' as const } };

export const DEFAULT_CSV = [
  'claim_id,date_of_service,payer_type,payer_name,patient_id,npi,discipline,plan_discipline,plan_start_date,plan_certified_date,plan_cert_through,diagnoses,total_timed_minutes,total_treatment_minutes,code,modifiers,units,minutes,assistant_minutes,charge,diagnosis_pointers',
  'V-100,2026-03-02,medicare,Medicare Part B,MRN-55,1234567893,PT,PT,2026-02-16,2026-02-20,2026-05-15,"M25661 R26.2",47,47,97110,GP,2,32,0,80.00,"1,2"',
  'V-100,2026-03-02,,,,,,,,,,,,,97140,"GP 59",1,15,,40,A',
  'V-100,03/05/2026,medicare,Medicare Part B,MRN-55,1234567893,PT,PT,2026-02-16,2026-02-20,2026-05-15,M25661,,,97530,GP,1,20,,"$1,20.00",1',
  'V-200,2026-03-02,commercial,Acme Health,MRN-77,1245319599,,,,,,F82,,,97530,GO,2,30,,150,1',
].join('\r\n');

function run(text: string, options: Parameters<typeof importText>[2] = HASH): ImportedClaim[] {
  assert.equal(detectFormat(text), 'csv');
  const claims = importText(text, 'csv', options).claims;
  const yaml = toClaimYaml(claims, []);
  assert.deepEqual(audit(yaml).findings.filter((f) => f.rule === 'claim-schema' || f.rule === 'yaml-syntax'), [], yaml);
  assert.deepEqual(parse(yaml).claims.length, claims.length);
  return claims;
}

function failure(text: string, options: Parameters<typeof importText>[2] = HASH): ImportError {
  try {
    importText(text, 'csv', options);
  } catch (err) {
    assert.ok(err instanceof ImportError, String(err));
    for (const v of ['MRN-55', 'M25661', '1234567893']) assert.ok(!err.message.includes(v), err.message);
    return err;
  }
  assert.fail('expected an ImportError');
}

describe('import CSV', () => {
  it('the default layout: rows grouped by claim and date, minutes carried, claim columns from the first row', () => {
    const claims = run(DEFAULT_CSV);
    assert.deepEqual(
      claims.map((c) => [c.id, c.date_of_service]),
      [
        ['V-100-2026-03-02', '2026-03-02'],
        ['V-100-2026-03-05', '2026-03-05'],
        ['V-200', '2026-03-02'],
      ],
    );
    const [a, b, c] = claims;
    assert.deepEqual(a.payer, { type: 'medicare', name: 'Medicare Part B' });
    assert.deepEqual(a.provider, { npi: '1234567893', discipline: 'PT' });
    assert.deepEqual(a.plan_of_care, { discipline: 'PT', start_date: '2026-02-16', certified_date: '2026-02-20', cert_through: '2026-05-15' });
    assert.deepEqual(a.diagnoses, ['M25.661', 'R26.2']);
    assert.deepEqual(a.visit, { total_timed_minutes: 47, total_treatment_minutes: 47 });
    assert.deepEqual(a.lines, [
      { code: '97110', modifiers: ['GP'], units: 2, minutes: 32, assistant_minutes: 0, charge: 80, diagnosis_pointers: [1, 2] },
      { code: '97140', modifiers: ['GP', '59'], units: 1, minutes: 15, charge: 40, diagnosis_pointers: [1] },
    ]);
    assert.deepEqual(b.lines, [{ code: '97530', modifiers: ['GP'], units: 1, minutes: 20, charge: 120, diagnosis_pointers: [1] }]);
    assert.equal(b.patient!.id, a.patient!.id);
    assert.notEqual(c.patient!.id, a.patient!.id);
    // No discipline column: from GO.
    assert.deepEqual(c.provider, { npi: '1245319599', discipline: 'OT' });
    assert.ok(!JSON.stringify(claims).includes('MRN-55'));
  });

  it('an audit of the imported minutes finds what is wrong with them, not schema problems', () => {
    // 47 timed minutes support 3 units: 3 billed on V-100 on March 2 — clean on units.
    const yaml = toClaimYaml(run(DEFAULT_CSV), []);
    const rules = new Set(audit(yaml).findings.map((f) => f.rule));
    assert.ok(!rules.has('timed-minutes-missing'));
    assert.ok(!rules.has('timed-units-total'));
  });

  it('--map: another export’s headers, delimiter and words', () => {
    const text = ['Encounter;DOS;Plan;CPT;Mods;Qty;Mins;Rendering NPI;Dx;Ptr', 'E1;3/2/2026;Medicare Part B;97110;GP;2;30;1234567893;M25661;A', 'E1;3/2/2026;Medicare Part B;97112;GP;1;10;1234567893;M25661;A'].join('\n');
    const mapping = readCsvMapping({
      columns: { claim_id: 'Encounter', date_of_service: 'DOS', payer_type: 'Plan', code: 'CPT', modifiers: 'Mods', units: 'Qty', minutes: 'Mins', npi: 'Rendering NPI', diagnoses: 'Dx', diagnosis_pointers: 'Ptr' },
      values: { payer_type: { 'Medicare Part B': 'medicare' } },
    });
    const [a] = run(text, { ...HASH, csvMapping: mapping });
    assert.deepEqual(a, {
      id: 'E1',
      date_of_service: '2026-03-02',
      payer: { type: 'medicare' },
      provider: { npi: '1234567893', discipline: 'PT' },
      diagnoses: ['M25.661'],
      lines: [
        { code: '97110', modifiers: ['GP'], units: 2, minutes: 30, diagnosis_pointers: [1] },
        { code: '97112', modifiers: ['GP'], units: 1, minutes: 10, diagnosis_pointers: [1] },
      ],
    });
    // Without the map the columns are not found, and the error says how to fix it.
    assert.match(failure(text).message, /^row 1: no column claim_id, date_of_service, code, units, payer_type — name the export’s columns with --map$/);
    // --payer-type instead of a payer column.
    const noPayer = text.replace(/;Medicare Part B/g, '').replace('Plan;', '');
    assert.equal(run(noPayer, { ...HASH, payerType: 'medicaid', csvMapping: mapping })[0].payer.type, 'medicaid');
  });

  it('names row and column of bad cells, never their values', () => {
    const rows = DEFAULT_CSV.split('\r\n');
    const withRow = (n: number, from: string, to: string) => rows.map((r, i) => (i === n - 1 ? r.replace(from, to) : r)).join('\n');
    assert.equal(failure(withRow(2, ',2,32,0,', ',2.5,32,0,')).where, 'row 2, column units');
    assert.equal(failure(withRow(3, '97140,"GP 59"', '97140,"GP 5X9"')).where, 'row 3, column modifiers');
    assert.equal(failure(withRow(4, '03/05/2026', '2026-02-30')).where, 'row 4, column date_of_service');
    assert.equal(failure(withRow(2, 'medicare,Medicare', 'medicair,Medicare')).where, 'row 2, column payer_type');
    assert.equal(failure(withRow(3, ',,,,,,,,,,,,,97140', ',commercial,,,,,,,,,,,,97140')).message, 'row 3, column payer_type: differs from row 2 of the same claim');
    assert.equal(failure(withRow(5, '150,1', '150,0')).where, 'row 5, column diagnosis_pointers');
    assert.match(failure(DEFAULT_CSV + '\n"V-300,2026-03-02').message, /^line \d+: a quoted cell is not closed properly$/);
    assert.match(failure(DEFAULT_CSV + '\nV-300,2026-03-02').message, /^line 6: a row has more or fewer cells than the header$/);
  });

  it('every claim-level column (one list in mapping.ts) must agree across the rows of a claim; line columns may differ', () => {
    const header = DEFAULT_CSV.split('\r\n')[0].split(',');
    assert.deepEqual(header, [...CSV_COLUMNS], 'the default layout is the column list');
    assert.deepEqual([...CSV_COLUMNS].sort(), ['claim_id', 'date_of_service', ...CLAIM_LEVEL_COLUMNS, ...LINE_COLUMNS].sort(), 'key, claim-level and line columns partition the columns');
    // Two rows of one claim, the second repeating every cell of the first except one.
    const first = ['V-1', '2026-03-02', 'medicare', 'Medicare Part B', 'MRN-1', '1234567893', 'PT', 'PT', '2026-02-16', '2026-02-20', '2026-05-15', 'M25661', '47', '47', '97110', 'GP', '2', '32', '0', '80', '1'];
    const alt: Record<string, string> = { payer_type: 'commercial', payer_name: 'Other', patient_id: 'MRN-2', npi: '1245319599', discipline: 'OT', plan_discipline: 'OT', plan_start_date: '2026-02-17', plan_certified_date: '2026-02-21', plan_cert_through: '2026-05-16', diagnoses: 'R26.2', total_timed_minutes: '48', total_treatment_minutes: '48' };
    for (const col of CLAIM_LEVEL_COLUMNS) {
      const second = [...first];
      second[CSV_COLUMNS.indexOf(col)] = alt[col];
      const text = [header.join(','), first.join(','), second.join(',')].join('\n');
      assert.equal(failure(text).message, `row 3, column ${col}: differs from row 2 of the same claim`, col);
    }
    const line = [...first];
    line[CSV_COLUMNS.indexOf('code')] = '97140';
    assert.equal(run([header.join(','), first.join(','), line.join(',')].join('\n'))[0].lines.length, 2, 'a line column differs freely');
  });

  it('the mapping file is validated with its key path', () => {
    assert.throws(() => readCsvMapping({ columns: { cpt: 'CPT' } }), /mapping columns: unknown key cpt \(columns are: claim_id, /);
    assert.throws(() => readCsvMapping({ colums: {} }), /unknown key colums/);
    assert.throws(() => readCsvMapping({ values: { payer_type: { X: 'medicare-b' } } }), /mapping values\.payer_type\.X/);
  });
});

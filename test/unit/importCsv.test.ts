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
  'V-100,03/05/2026,medicare,Medicare Part B,MRN-55,1234567893,PT,PT,2026-02-16,2026-02-20,2026-05-15,M25661,,,97530,GP,1,20,,"$1,200.00",1',
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
    assert.deepEqual(b.lines, [{ code: '97530', modifiers: ['GP'], units: 1, minutes: 20, charge: 1200, diagnosis_pointers: [1] }]);
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

  describe('several columns per list key (issue 24 item 1)', () => {
    const header = 'Encounter,DOS,Plan,CPT,Mod 1,Mod 2,Mod 3,Mod 4,Qty,Diag 1,Diag 2,Diag 3,Diag 4';
    const text = [header, 'E1,03/02/2026,MCR,97110,GP,KX,,,2,M25561,R262,,', 'E1,03/02/2026,MCR,97140,GP,59,XU,KX,1,R262,,,', 'E1,03/02/2026,MCR,97530,GP,,,,1,M6281,M25561,,'].join('\n');
    const columns = { claim_id: 'Encounter', date_of_service: 'DOS', payer_type: 'Plan', code: 'CPT', units: 'Qty' };
    const values = { payer_type: { MCR: 'medicare' as const } };

    it('modifiers from Mod 1…Mod 4, in column order; diagnoses from Diag 1…4 per line, pointed to by each line', () => {
      const mapping = readCsvMapping({ columns: { ...columns, modifiers: ['Mod 1', 'Mod 2', 'Mod 3', 'Mod 4'], diagnoses: ['Diag 1', 'Diag 2', 'Diag 3', 'Diag 4'] }, values });
      const result = importText(text, 'csv', { ...HASH, csvMapping: mapping });
      assert.deepEqual(result.warnings, []);
      const [a] = run(text, { ...HASH, csvMapping: mapping });
      assert.deepEqual(a.diagnoses, ['M25.561', 'R26.2', 'M62.81']);
      assert.deepEqual(a.lines, [
        { code: '97110', modifiers: ['GP', 'KX'], units: 2, diagnosis_pointers: [1, 2] },
        { code: '97140', modifiers: ['GP', '59', 'XU', 'KX'], units: 1, diagnosis_pointers: [2] },
        { code: '97530', modifiers: ['GP'], units: 1, diagnosis_pointers: [3, 1] },
      ]);
    });

    it('pointers from several columns; with a pointer column the diagnoses are the claim’s and must agree across rows', () => {
      const t = ['id,date,payer,code,units,Dx 1,Dx 2,Ptr 1,Ptr 2', 'A,2026-03-02,medicare,97110,1,M25561,R262,1,B', 'A,2026-03-02,medicare,97112,1,M25561,R262,B,'].join('\n');
      const mapping = readCsvMapping({ columns: { claim_id: 'id', date_of_service: 'date', payer_type: 'payer', diagnoses: ['Dx 1', 'Dx 2'], diagnosis_pointers: ['Ptr 1', 'Ptr 2'] } });
      const [a] = run(t, { ...HASH, csvMapping: mapping });
      assert.deepEqual(a.diagnoses, ['M25.561', 'R26.2']);
      assert.deepEqual(a.lines.map((l) => l.diagnosis_pointers), [[1, 2], [2]]);
      assert.equal(failure(t.replace('97112,1,M25561,R262', '97112,1,M25561,M6281'), { ...HASH, csvMapping: mapping }).message, 'row 3, column "Dx 1", "Dx 2" (diagnoses): differs from row 2 of the same claim');
    });

    it('a bad cell is named by its own column; more than 4 modifiers is refused', () => {
      const mapping = readCsvMapping({ columns: { ...columns, modifiers: ['Mod 1', 'Mod 2', 'Mod 3', 'Mod 4'] }, values });
      assert.equal(failure(text.replace('GP,59,XU', 'GP,5X9,XU'), { ...HASH, csvMapping: mapping }).where, 'row 3, column "Mod 2" (modifiers)');
      assert.equal(failure(text.replace('GP,59,XU,KX', 'GP,59,XU,"KX GA"'), { ...HASH, csvMapping: mapping }).message, 'row 3, column "Mod 4" (modifiers): more than 4 modifiers');
    });

    it('warns when a related column is left unread (Mod 2 beside a mapped Mod 1), and when a mapped column is absent', () => {
      const mapping = readCsvMapping({ columns: { ...columns, modifiers: 'Mod 1', diagnoses: ['Diag 1', 'Diag 2'] }, values });
      const r = importText(text, 'csv', { ...HASH, csvMapping: mapping });
      assert.deepEqual(r.warnings, [
        'row 1: columns "Mod 2", "Mod 3", "Mod 4" are not read, though modifiers reads "Mod 1" (2 rows have values there, left out); to read them, map modifiers: [Mod 1, Mod 2, Mod 3, Mod 4]',
        'row 1: columns "Diag 3", "Diag 4" are not read, though diagnoses reads "Diag 1", "Diag 2" (empty in this file); to read them, map diagnoses: [Diag 1, Diag 2, Diag 3, Diag 4]',
      ]);
      // No number and another stem, but plainly a modifier column: "Modifier 2" beside the default "modifiers".
      const own = importText('claim_id,date_of_service,payer_type,code,units,modifiers,Modifier 2\nA,2026-03-02,medicare,97110,1,GP,KX', 'csv', HASH);
      assert.match(own.warnings.join('\n'), /column "Modifier 2" is not read, though modifiers reads "modifiers" \(1 row has values there, left out\)/);
      const absent = readCsvMapping({ columns: { ...columns, modifiers: ['Mod 1', 'Mod 5'] }, values });
      assert.match(importText(text, 'csv', { ...HASH, csvMapping: absent }).warnings[0], /^row 1: no column "Mod 5", which the mapping names for modifiers: only "Mod 1" \(modifiers\) read$/);
    });

    it('only list keys take several columns; the mapping says so with its path', () => {
      assert.throws(() => readCsvMapping({ columns: { units: ['Qty', 'Units'] } }), /^ImportError: mapping columns\.units: one column only: several columns are read for modifiers, diagnoses, diagnosis_pointers$/);
      assert.throws(() => readCsvMapping({ columns: { modifiers: ['Mod 1', 'mod 1'] } }), /mapping columns\.modifiers: a column is named twice/);
      assert.throws(() => readCsvMapping({ columns: { modifiers: [] } }), /mapping columns\.modifiers: at least one column name/);
      assert.throws(() => readCsvMapping({ columns: { modifiers: 3 } }), /mapping columns\.modifiers: a column name, or a list of column names for a list key/);
    });
  });

  describe('decimal commas (issue 24 item 2)', () => {
    const semi = (...charges: string[]) => ['claim_id;date_of_service;payer_type;code;units;charge', ...charges.map((c, i) => `V1;2026-03-10;commercial;9711${i};1;${c}`)].join('\n');

    it('a semicolon file writing 45,00 is read with decimal commas: 45,00 → 45, 1.234,50 → 1234.5', () => {
      assert.deepEqual(run(semi('45,00', '1.234,50', '7'))[0].lines.map((l) => l.charge), [45, 1234.5, 7]);
      // A comma-delimited file with quoted US amounts keeps its decimal point.
      const comma = 'claim_id,date_of_service,payer_type,code,units,charge\nV1,2026-03-10,commercial,97110,1,"$1,234.50"\nV1,2026-03-10,commercial,97112,1,"1,234"';
      assert.deepEqual(run(comma)[0].lines.map((l) => l.charge), [1234.5, 1234]);
    });

    it('the mapping’s decimal option decides; a number that reads two ways is refused, never guessed', () => {
      assert.deepEqual(run(semi('1.234', '12'), { ...HASH, csvMapping: readCsvMapping({ decimal: ',' }) })[0].lines.map((l) => l.charge), [1234, 12]);
      const ambiguous = failure(semi('1.234', '12'));
      assert.equal(ambiguous.where, 'row 2, column charge');
      assert.match(ambiguous.problem, /^reads two ways .*decimal: ","/);
      assert.equal(failure(semi('1,234')).where, 'row 2, column charge');
      // Comma decimals elsewhere in the file settle it: 1.234 is then one thousand two hundred thirty-four.
      assert.deepEqual(run(semi('1.234', '2,50'))[0].lines.map((l) => l.charge), [1234, 2.5]);
      // With decimal: "." a decimal comma is not an amount; three decimals are not cents.
      assert.match(failure(semi('45,00'), { ...HASH, csvMapping: readCsvMapping({ decimal: '.' }) }).message, /^row 2, column charge: not an amount in dollars$/);
      assert.match(failure(semi('1.234'), { ...HASH, csvMapping: readCsvMapping({ decimal: '.' }) }).message, /more than two decimals/);
      assert.throws(() => readCsvMapping({ decimal: ';' }), /mapping decimal/);
    });

    it('a file writing both 45,00 and 45.00 is refused, naming a cell of each', () => {
      assert.equal(failure(semi('45,00', '7', '45.00')).message, 'row 4, column charge: writes a decimal point (45.00) while row 2, column charge writes a decimal comma (45,00); set the mapping’s decimal: "," or decimal: "."');
    });

    it('a European export writes its dates D.M.YYYY: read day first', () => {
      const t = 'claim_id;date_of_service;payer_type;code;units;charge\nV1;02.03.2026;commercial;97110;1;45,00\nV2;31.12.2026;commercial;97110;1;45,00';
      assert.deepEqual(run(t).map((c) => c.date_of_service), ['2026-03-02', '2026-12-31']);
      assert.equal(failure(t.replace('31.12.2026', '12.31.2026')).message, 'row 3, column date_of_service: not a date (YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY)');
    });

    it('a misplaced group separator is not an amount (1,20.00 was read as 120)', () => {
      const t = 'claim_id,date_of_service,payer_type,code,units,charge\nV1,2026-03-10,commercial,97110,1,"1,20.00"';
      assert.equal(failure(t).message, 'row 2, column charge: not an amount in dollars');
    });
  });
});

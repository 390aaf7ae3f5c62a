/**
 * `claimlint import` on the CSV exports of ../shared/real-inputs/csv (Tebra/Kareo procedure
 * columns, a payer's claim-line columns, a semicolon file with decimal commas), through the
 * real binary. The expected values were read off the files by hand.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNoneOf, importReal, realInput, scratch } from '../support/realInputs';

const TEBRA_MAP = `columns:
  claim_id: Encounter ID
  date_of_service: From
  payer_type: Insurance
  patient_id: Patient ID
  npi: Provider NPI
  code: Procedure
  modifiers: [Mod 1, Mod 2, Mod 3, Mod 4]
  units: Units
  charge: Total Charge
  diagnoses: [Diag 1, Diag 2, Diag 3, Diag 4]
values:
  payer_type: { Medicare Part B: medicare }
`;

const PAYER_MAP = `columns:
  claim_id: Clm ID
  date_of_service: DOS From
  code: Submitted CPT
  modifiers: [Submitted Mod 1, Submitted Mod 2, Submitted Mod 3, Submitted Mod 4]
  units: Sub Quantity
  charge: Submitted Charge Amt
  npi: Rend NPI
  diagnoses: [Principal Dx, Dx Code 1, Dx Code 2, Dx Code 3, Dx Code 4]
`;

describe('claimlint import: real CSV exports (../shared/real-inputs/csv)', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  before(function () {
    if (!realInput('csv')) this.skip();
  });
  beforeEach(() => (s = scratch()));
  afterEach(() => s.done());

  it('Tebra procedures export with Mod 1–4 and Diag 1–4 mapped: every modifier, per-line diagnoses, no patient id', () => {
    const csv = realInput('csv', 'tebra-procedures-export.csv')!;
    const r = importReal(s.dir, [csv], ['--map', s.write('tebra-full.yaml', TEBRA_MAP)]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'no warning: every related column is read');
    const [a, b] = r.claims;
    assert.equal(r.claims.length, 2);
    assert.equal(a.id, 'E10231');
    assert.equal(a.date_of_service, '2026-03-10');
    assert.deepEqual(a.payer, { type: 'medicare' });
    assert.deepEqual(a.provider, { npi: '1234567893', discipline: 'PT' });
    assert.deepEqual(a.diagnoses, ['M25.561', 'M62.81']);
    assert.deepEqual(a.lines, [
      { code: '97110', modifiers: ['GP'], units: 2, charge: 90, diagnosis_pointers: [1, 2] },
      { code: '97140', modifiers: ['GP', '59'], units: 1, charge: 40, diagnosis_pointers: [1, 2] },
      { code: '97530', modifiers: ['GP'], units: 1, charge: 50, diagnosis_pointers: [1, 2] },
    ]);
    assert.equal(b.id, 'E10232');
    assert.equal(b.date_of_service, '2026-03-12');
    assert.deepEqual(b.diagnoses, ['M25.561']);
    assert.deepEqual(b.lines, [{ code: '97110', modifiers: ['GP', 'KX'], units: 3, charge: 135, diagnosis_pointers: [1] }]);
    // One patient, hashed: the same id on both claims, the export's Patient ID nowhere.
    assert.match(a.patient!.id, /^P-[0-9a-f]{16}$/);
    assert.equal(b.patient!.id, a.patient!.id);
    assertNoneOf(['PA-88211'], r.yaml, r.stdout, r.stderr);
  });

  it('the shipped one-column mapping imports with warnings naming Mod 2–4 and Diag 2–4 (59 and KX were lost with exit 0 and no word)', () => {
    const csv = realInput('csv', 'tebra-procedures-export.csv')!;
    const one = importReal(s.dir, [csv], ['--map', realInput('csv', 'tebra-map.yaml')!]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stderr, /tebra-procedures-export\.csv: row 1: columns "Mod 2", "Mod 3", "Mod 4" are not read, though modifiers reads "Mod 1" \(2 rows have values there, left out\); to read them, map modifiers: \[Mod 1, Mod 2, Mod 3, Mod 4\]/);
    assert.match(one.stderr, /columns "Diag 2", "Diag 3", "Diag 4" are not read, though diagnoses reads "Diag 1" \(3 rows have values there, left out\)/);
    assert.deepEqual(one.claims.flatMap((c) => c.lines.map((l) => l.modifiers)), [['GP'], ['GP'], ['GP'], ['GP']]);
    assertNoneOf(['PA-88211'], one.stderr);
  });

  it('payer claim lines with Submitted Mod 1–4 and Dx Code columns: CQ and 59 kept, M62.81 only on the line that carries it', () => {
    const csv = realInput('csv', 'payer-claim-lines.csv')!;
    const r = importReal(s.dir, [csv], ['--map', s.write('payer-full.yaml', PAYER_MAP), '--payer-type', 'commercial']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.date_of_service, c.payer.type, c.provider?.npi, c.diagnoses]),
      [
        ['C2026-0411', '2026-04-02', 'commercial', '1234567893', ['M54.50', 'M62.81']],
        ['C2026-0419', '2026-04-09', 'commercial', '1234567893', ['M54.50']],
      ],
    );
    assert.deepEqual(r.claims[0].lines, [
      { code: '97161', modifiers: ['GP'], units: 1, charge: 150, diagnosis_pointers: [1] },
      { code: '97110', modifiers: ['GP'], units: 2, charge: 90, diagnosis_pointers: [1, 2] },
      { code: '97140', modifiers: ['GP', '59'], units: 1, charge: 40, diagnosis_pointers: [1] },
    ]);
    assert.deepEqual(r.claims[1].lines, [{ code: '97110', modifiers: ['GP', 'CQ'], units: 2, charge: 90, diagnosis_pointers: [1] }]);

    // The shipped mapping (one modifier column, the principal diagnosis only) imports, with warnings naming what it leaves out.
    const shipped = importReal(s.dir, [csv], ['--map', realInput('csv', 'payer-map.yaml')!, '--payer-type', 'commercial']);
    assert.equal(shipped.code, 0, shipped.stderr);
    assert.match(shipped.stderr, /columns "Submitted Mod 2", "Submitted Mod 3", "Submitted Mod 4" are not read, though modifiers reads "Submitted Mod 1"/);
    assert.match(shipped.stderr, /columns "Dx Code 1", "Dx Code 2", "Dx Code 3", "Dx Code 4" are not read, though diagnoses reads "Principal Dx"/);
  });

  it('semicolons and decimal commas: 45,00 is 45 and 1.234,50 is 1234.50 (they were read as 4500 and 1.2345)', () => {
    const csv = realInput('csv', 'semicolon-decimal-comma.csv')!;
    const r = importReal(s.dir, [csv]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.claims, [
      {
        id: 'V1',
        date_of_service: '2026-03-10',
        payer: { type: 'commercial' },
        provider: { discipline: 'PT' },
        lines: [
          { code: '97110', modifiers: ['GP'], units: 1, minutes: 15, charge: 45 },
          { code: '97530', modifiers: ['GP'], units: 1, minutes: 15, charge: 1234.5 },
        ],
      },
    ]);
    // decimal: "." in the mapping contradicts the file: refused, located, nothing written.
    const wrong = importReal(s.dir, [csv], ['--map', s.write('dot.yaml', 'decimal: "."\n')]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /semicolon-decimal-comma\.csv: row 2, column charge: not an amount in dollars; nothing written/);
    assert.equal(wrong.yaml, '');
    assert.equal(readFileSync(csv, 'utf8').includes('45,00'), true, 'the input is read in place, untouched');
    assert.ok(join(csv).includes('real-inputs'));
  });
});

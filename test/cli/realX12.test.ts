/**
 * `claimlint import` on the real 837 files of ../shared/real-inputs/x12 (a payer's Medicaid
 * test file, a clearinghouse batch, a payer mock-up with anesthesia lines, an HIN test file,
 * the TR3's examples, an 837I), through the real binary. Expected values were read off the
 * segments by hand; the names, birth dates, addresses and member ids of the files are
 * checked to appear nowhere in what the import writes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../support/cli';
import { assertNoneOf, importReal, realInput, scratch } from '../support/realInputs';

const x12 = (name: string) => realInput('x12', name)!;

describe('claimlint import: real 837 files (../shared/real-inputs/x12)', function () {
  this.timeout(60_000);
  let s: ReturnType<typeof scratch>;
  before(function () {
    if (!realInput('x12')) this.skip();
  });
  beforeEach(() => (s = scratch()));
  afterEach(() => s.done());

  it('the clearinghouse batch: five transactions, non-sequential HLs, 2310B rendering NPIs', () => {
    const r = importReal(s.dir, [x12('db-CHPW_Claimdata.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.date_of_service, c.payer.type, c.payer.name, c.provider?.npi, c.diagnoses]),
      [
        ['1805080AV3648339', '2018-04-28', 'commercial', 'COMMUNITY HEALTH PLAN OF WASHINGTON', '1112223338', ['F11.20']],
        ['1805080AV3648347', '2018-04-26', 'commercial', 'COMMUNITY HEALTH PLAN OF WASHINGTON', '1112223346', ['F15.20', 'F12.20']],
        ['1805080AV3648340', '2018-04-27', 'commercial', 'COMMUNITY HEALTH PLAN OF WASHINGTON', '1112223346', ['F10.20', 'F12.20']],
        ['1805080AV3648353', '2018-04-27', 'commercial', 'COMMUNITY HEALTH PLAN OF WASHINGTON', '1112223346', ['F25.1']],
        ['1805080AV3648355', '2018-04-27', 'commercial', 'COMMUNITY HEALTH PLAN OF WASHINGTON', '1112223338', ['F10.20', 'F11.20']],
      ],
    );
    assert.deepEqual(
      r.claims.map((c) => c.lines),
      [
        [{ code: 'H0003', units: 1, charge: 20, diagnosis_pointers: [1] }],
        [{ code: '96153', modifiers: ['HF'], units: 6, charge: 50.1, diagnosis_pointers: [1, 2] }],
        [{ code: 'T1017', modifiers: ['HF'], units: 1, charge: 11.64, diagnosis_pointers: [1, 2] }],
        [{ code: '90853', units: 120, charge: 234, diagnosis_pointers: [1] }],
        [{ code: 'H0003', units: 1, charge: 20, diagnosis_pointers: [1, 2] }],
      ],
    );
    // Two subscribers: claims 1, 3, 5 are one patient, 2 and 4 the other.
    const ids = r.claims.map((c) => c.patient!.id);
    assert.deepEqual([ids[0] === ids[2], ids[2] === ids[4], ids[1] === ids[3], ids[0] === ids[1]], [true, true, true, false]);
    assertNoneOf(['987321', '765123', 'SUBSCRIBER*', 'JOHN', 'SUSAN', '19881225', '1988-12-25', '19881031', '1988-10-31', '987 65TH PL', '765 43RD ST'], r.yaml, r.stdout, r.stderr);
  });

  it('the payer test file: RD8 single days split one CLM into two dated claims, modifiers HO and HQ, Medicaid', () => {
    const r = importReal(s.dir, [x12('db-CC_837P_EDI.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const line = { code: 'H0004', modifiers: ['HO', 'HQ'], units: 12, charge: 300, diagnosis_pointers: [1, 2] };
    assert.deepEqual(
      r.claims.map((c) => ({ ...c, patient: undefined })),
      [
        { id: 'TD-R192ICE00094-2018-06-25', date_of_service: '2018-06-25', payer: { type: 'medicaid', name: 'CENTENE' }, patient: undefined, provider: { npi: '9999999999' }, diagnoses: ['F34.1', 'F43.10'], lines: [line] },
        { id: 'TD-R192ICE00094-2018-06-29', date_of_service: '2018-06-29', payer: { type: 'medicaid', name: 'CENTENE' }, patient: undefined, provider: { npi: '9999999999' }, diagnoses: ['F34.1', 'F43.10'], lines: [line] },
      ],
    );
    assert.equal(r.claims[0].patient!.id, r.claims[1].patient!.id);
    assertNoneOf(['U0000000001', '19960215', '1996-02-15', 'ELGIN', '601200001'], r.yaml, r.stdout, r.stderr);
  });

  it('the HIN test file: a six-day RD8 range is imported on its first date, with a located warning', () => {
    const r = importReal(s.dir, [x12('uhin-837.edi')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /uhin-837\.edi: segment 25 \(DTP\), element DTP03: a service line spans several dates; it is imported on its first date/);
    assert.equal(r.claims.length, 1);
    const [c] = r.claims;
    assert.deepEqual([c.id, c.date_of_service, c.payer, c.provider, c.diagnoses, c.lines], ['1606', '2024-08-15', { type: 'commercial', name: 'FLORIDA DIRECT UHIN PAYER' }, { npi: '1245319599' }, ['R69'], [{ code: '90834', units: 1, charge: 2, diagnosis_pointers: [1] }]]);
    assertNoneOf(['MARQUARDT', 'RALPH', '601239742', '19461111', '1946-11-11', '57018 ABBOTT', 'JOSEPHLAND'], r.yaml, r.stdout, r.stderr);
  });

  it('the anesthesia mock-up: the MJ lines are left out and listed with their segments (header and stderr); the one line in units is kept', () => {
    const r = importReal(s.dir, [x12('db-Molina_Mock_UP_837P_File.txt')]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.claims, [
      {
        id: 'ABC111114',
        date_of_service: '2018-07-13',
        payer: { type: 'medicaid', name: 'ABCHYI OL POI' },
        patient: r.claims[0].patient,
        provider: { npi: '1122334456', discipline: 'physician' },
        diagnoses: ['Q42.3', 'G89.18'],
        lines: [{ code: '62322', modifiers: ['59'], units: 1, charge: 738, diagnosis_pointers: [2] }],
      },
    ]);
    const left = [39, 74, 108, 132].map((n) => `segment ${n} (SV1), element SV103: service line 1 of the claim at segment`);
    for (const l of left) {
      assert.ok(r.header.some((h) => h.includes(l)), `header lists ${l}`);
      assert.ok(r.stderr.includes(`db-Molina_Mock_UP_837P_File.txt: left out: ${l}`), `stderr lists ${l}`);
    }
    assert.equal(r.header.filter((h) => h.includes('and the claim with it (no other line)')).length, 3, 'three claims had only anesthesia lines');
    assert.match(r.stdout, /1 claim written to .*; 4 left out \(claimlint cannot represent them\), listed in its header comment/);
    // Without -o the header comment on standard output lists them the same way, before the claims.
    const out = runCli(['import', x12('db-Molina_Mock_UP_837P_File.txt')], s.dir);
    assert.equal(out.code, 0);
    assert.equal(out.stdout, r.yaml, 'standard output holds what -o writes');
    // The trailer's control number differs from ISA13 (the counts match): a warning, not a refusal.
    assert.match(r.stderr, /segment 142 \(IEA\), element IEA02: IEA02 does not match the control number in ISA13/);
    assertNoneOf(['ABCDEFGH', 'IJKLMNOP', '111111100', '11111117', '111111111', '111111112', '19650101', '19760101', '20180409', '20180504', 'ADDRESS'], r.yaml, r.stdout, r.stderr);
  });

  it('the TR3 dependant example (with ICD-10 codes put in): 2000C patient, two dates, DMG02 keys the dependant but is never written', () => {
    const original = readFileSync(x12('lfh-demo.example1.837'), 'utf8');
    assert.ok(original.includes('HI*BK:0340*BF:V7389'));
    const icd10 = s.write('example1-icd10.837', original.replace('HI*BK:0340*BF:V7389', 'HI*ABK:J020*ABF:Z1159'));
    const r = importReal(s.dir, [icd10]);
    assert.equal(r.code, 0, r.stderr);
    const base = { payer: { type: 'commercial', name: 'KEY INSURANCE COMPANY' }, provider: { npi: '1912301953' }, diagnoses: ['J02.0', 'Z11.59'] };
    assert.deepEqual(
      r.claims.map((c) => ({ ...c, patient: undefined })),
      [
        { id: '26463774-2006-10-03', date_of_service: '2006-10-03', ...base, patient: undefined, lines: [{ code: '99213', units: 1, charge: 40, diagnosis_pointers: [1] }, { code: '87070', units: 1, charge: 15, diagnosis_pointers: [1] }] },
        { id: '26463774-2006-10-10', date_of_service: '2006-10-10', ...base, patient: undefined, lines: [{ code: '99214', units: 1, charge: 35, diagnosis_pointers: [2] }, { code: '86663', units: 1, charge: 10, diagnosis_pointers: [2] }] },
      ],
    );
    const phi = ['SMITH', 'JANE', '19730501', '1973-05-01', '236 N MAIN', '33413'];
    assertNoneOf([...phi, 'JS00111223333'], r.yaml, r.stdout, r.stderr);

    // --patient-id member: the subscriber's member id, then -D and 8 hex digits for the dependant.
    const member = (text: string) => importReal(s.dir, [s.write('variant.837', text)], ['--patient-id', 'member']).claims[0].patient!.id;
    const m = importReal(s.dir, [icd10], ['--patient-id', 'member']);
    const id = m.claims[0].patient!.id;
    assert.match(id, /^JS00111223333-D[0-9a-f]{8}$/);
    assertNoneOf(phi, m.yaml, m.stdout, m.stderr);
    const text = readFileSync(icd10, 'utf8');
    // The key is the birth date (DMG02), not the sex (DMG03): another sex keeps the id, another birth date does not.
    assert.equal(member(text.replace('DMG*D8*19730501*M', 'DMG*D8*19730501*F')), id);
    assert.notEqual(member(text.replace('DMG*D8*19730501*M', 'DMG*D8*19730502*M')), id);
    // A sibling on the same policy (another first name) is another patient.
    assert.notEqual(member(text.replace('NM1*QC*1*SMITH*TED', 'NM1*QC*1*SMITH*ANN')), id);
  });

  it('the unmodified TR3 example (ICD-9): its one claim is left out, located, and with nothing left the import stops (exit 2)', () => {
    const r = importReal(s.dir, [x12('lfh-demo.example1.837')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lfh-demo\.example1\.837: left out: segment 29 \(HI\), element HI01-1: the claim at segment 27 \(CLM\) has ICD-9-CM diagnoses \(BK\)/);
    assert.match(r.stderr, /no claims left to import \(1 left out, listed above\); nothing written/);
    assert.equal(r.yaml, '');
  });

  it('malformed X12 still stops with exit 2: composites split by ">" while ISA16 is ":" are named as a separator mismatch', () => {
    const r = importReal(s.dir, [x12('lfh-demo.example6.837')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lfh-demo\.example6\.837: segment 21 \(CLM\), element CLM05: the component separator does not match ISA16: this composite is split by ">", but ISA16 declares ":"; nothing written/);
    assert.ok(!/qualifier/.test(r.stderr));
    assert.equal(r.yaml, '');
    const cut = s.write('cut.txt', readFileSync(x12('db-CHPW_Claimdata.txt'), 'utf8').slice(0, 3000));
    const c = importReal(s.dir, [cut]);
    assert.equal(c.code, 2);
    assert.match(c.stderr, /cut short|ends inside/);
  });

  it('an 837I is refused as institutional', () => {
    const r = importReal(s.dir, [x12('db-CC_837I_EDI.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /element ST03: an institutional 837I: claimlint imports professional claims/);
  });
});

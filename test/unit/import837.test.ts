/** The X12 837P importer (src/importers/claims/x12) on files built from the IG's loop structure. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { audit } from '../../src/core/engine';
import { documentSchema } from '../../src/core/model/claim';
import { ImportError, importText, toClaimYaml, type ImportedClaim } from '../../src/importers/claims';
import { Reader837 } from '../../src/importers/claims/x12/import837';
import { tokenize } from '../../src/importers/claims/x12/tokenizer';
import { billingProvider, interchange, line, patient, recode, STANDARD, subscriber } from '../support/x12';
import { EXAMPLES, ROOT } from '../support/paths';

const HASH = { patientId: { mode: 'hash' as const } };
const MEMBER = '1EG4TE5MK73';

/** Medicare patient, rendering PT in 2310B, two dates of service on one CLM. */
const SPLIT_BODY = [
  ...billingProvider(1, '1679576722', '261QR0400X'),
  ...subscriber(2, 1, 'MB', MEMBER, 'MEDICARE PART B'),
  'CLM*PCN-1001*360***11:B:1*Y*A*Y*Y',
  'DTP*431*D8*20260110',
  'HI*ABK:M25661*ABF:R262*ABF:Z9181',
  'NM1*82*1*SMITH*ALEX****XX*1234567893',
  'PRV*PE*PXC*225100000X',
  ...line(1, '97110', ['GP'], '80.00', '2', '1:2', '20260302'),
  ...line(2, '97140', ['GP', '59'], '40', '1', '1', '20260302'),
  ...line(3, '97530', ['GP', 'KX'], '120.5', '3', '2:3', '20260305'),
  ...line(4, '97164', ['GP'], '0', '1', '1', '20260305'),
];

function only(claims: ImportedClaim[], id: string): ImportedClaim {
  const c = claims.find((x) => x.id === id);
  assert.ok(c, `claim ${id} among ${claims.map((x) => x.id).join(', ')}`);
  return c;
}

function assertAuditsClean(claims: ImportedClaim[]): string {
  const yaml = toClaimYaml(claims, ['test']);
  const schema = audit(yaml).findings.filter((f) => f.rule === 'claim-schema' || f.rule === 'yaml-syntax');
  assert.deepEqual(schema, [], yaml);
  assert.ok(documentSchema.safeParse(parse(yaml)).success);
  return yaml;
}

describe('import 837P: claims', () => {
  it('splits a CLM by date of service (DTP*472) and maps SV1, HI, SBR, NM1 and PRV', () => {
    const r = importText(interchange(1, [[SPLIT_BODY]]), '837p', HASH);
    assert.equal(r.format, '837p');
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.date_of_service]),
      [
        ['PCN-1001-2026-03-02', '2026-03-02'],
        ['PCN-1001-2026-03-05', '2026-03-05'],
      ],
    );
    const first = r.claims[0];
    assert.deepEqual(first.payer, { type: 'medicare', name: 'MEDICARE PART B' });
    assert.deepEqual(first.provider, { npi: '1234567893', discipline: 'PT' });
    assert.deepEqual(first.diagnoses, ['M25.661', 'R26.2', 'Z91.81']);
    assert.deepEqual(first.lines, [
      { code: '97110', modifiers: ['GP'], units: 2, charge: 80, diagnosis_pointers: [1, 2] },
      { code: '97140', modifiers: ['GP', '59'], units: 1, charge: 40, diagnosis_pointers: [1] },
    ]);
    assert.deepEqual(r.claims[1].lines, [
      { code: '97530', modifiers: ['GP', 'KX'], units: 3, charge: 120.5, diagnosis_pointers: [2, 3] },
      { code: '97164', modifiers: ['GP'], units: 1, charge: 0, diagnosis_pointers: [1] },
    ]);
    // Minutes are not in an 837: none invented, and the header says so.
    assert.ok(r.claims.every((c) => c.lines.every((l) => l.minutes === undefined)));
    assert.match(r.header.join(' '), /no minutes/);
    // One patient: one stable id on both claims, not the member id.
    assert.match(first.patient!.id, /^P-[0-9a-f]{16}$/);
    assert.equal(r.claims[1].patient!.id, first.patient!.id);
    assert.ok(!JSON.stringify(r.claims).includes(MEMBER));
    assert.ok(!JSON.stringify(r.claims).includes('DOE'));
    assertAuditsClean(r.claims);
  });

  it('the README example (examples/import/riverside.837) and its e2e copy import as documented', () => {
    const text = readFileSync(join(EXAMPLES, 'import', 'riverside.837'), 'utf8');
    assert.equal(readFileSync(join(ROOT, 'test', 'integration', 'workspace', 'import', 'riverside.837'), 'utf8'), text);
    const r = importText(text, '837p', HASH);
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.payer.type, c.provider?.discipline, c.lines.length]),
      [
        ['RT-24031-2026-03-02', 'medicare', 'PT', 2],
        ['RT-24031-2026-03-05', 'medicare', 'PT', 2],
        ['RT-24032', 'commercial', 'OT', 1],
      ],
    );
    const yaml = assertAuditsClean(r.claims);
    assert.deepEqual(
      audit(yaml).findings.filter((f) => f.severity === 'error').map((f) => f.rule),
      ['timed-minutes-missing', 'timed-minutes-missing', 'timed-minutes-missing', 'timed-minutes-missing'],
    );
  });

  it('keeps CLM01 as the id when all lines share one date', () => {
    const body = [...billingProvider(1, '1679576722'), ...subscriber(2, 1, 'MB', MEMBER, 'MEDICARE'), 'CLM*PCN-7*80***11:B:1*Y*A*Y*Y', 'HI*ABK:M1711', ...line(1, '97110', ['GP'], '80', '2', '1', '20260302')];
    const r = importText(interchange(1, [[body]]), '837p', HASH);
    assert.deepEqual(
      r.claims.map((c) => c.id),
      ['PCN-7'],
    );
    // No 2310B: the billing provider renders; no taxonomy: the discipline from GP.
    assert.deepEqual(r.claims[0].provider, { npi: '1679576722', discipline: 'PT' });
  });

  it('reads several envelopes with their own separators, CRLF, dependants and payer types', () => {
    const a = interchange(1, [[SPLIT_BODY]]);
    const ot = [
      ...billingProvider(1, '1245319599', '225X00000X'),
      ...subscriber(2, 1, 'CI', 'XYZ123456', 'ACME HEALTH PLAN', true),
      ...patient(3, 2, 'DOE', 'SAM', '20150402'),
      'CLM*OT-1*75***11:B:1*Y*A*Y*Y',
      'HI*ABK:F82',
      ...line(1, '97530', ['GO'], '75', '1', '1', '20260303'),
      ...patient(4, 2, 'DOE', 'KIM', '20170911'),
      'CLM*OT-2*75***11:B:1*Y*A*Y*Y',
      'HI*ABK:F82',
      ...line(1, '97530', ['GO'], '75', '1', '1', '20260303'),
    ];
    const slp = [
      ...billingProvider(1, '1003000126'),
      ...subscriber(2, 1, '16', 'MA998877', 'SUNRISE MEDICARE ADVANTAGE'),
      'CLM*SLP-1*150***11:B:1*Y*A*Y*Y',
      'HI*ABK:R1310',
      ...line(1, '92507', ['GN'], '150', '1', '1', '20260304'),
      ...subscriber(3, 1, 'MC', 'MCD445566', 'STATE MEDICAID'),
      'CLM*SLP-2*150***11:B:1*Y*A*Y*Y',
      'HI*ABK:R1310',
      ...line(1, '92507', ['GN'], '150', '1', '1', '20260304'),
    ];
    // Second interchange: element |, repetition {, component >, terminator ' with CRLF;
    // two groups, the second with two transactions.
    const b = interchange(2, [[ot], [slp, slp.map((s) => s.replace(/SLP-(\d)/, 'SLP-X$1'))]], { element: '|', repetition: '{', component: '>', segment: "'", eol: '\r\n' });
    assert.ok(b.includes("SV1|HC>97530>GO|75|UN|1|||1'\r\n"));
    const r = importText(a + b, '837p', HASH);
    assert.deepEqual(
      r.claims.map((c) => c.id),
      ['PCN-1001-2026-03-02', 'PCN-1001-2026-03-05', 'OT-1', 'OT-2', 'SLP-1', 'SLP-2', 'SLP-X1', 'SLP-X2'],
    );
    const ot1 = only(r.claims, 'OT-1');
    assert.deepEqual(ot1.payer, { type: 'commercial', name: 'ACME HEALTH PLAN' });
    assert.deepEqual(ot1.provider, { npi: '1245319599', discipline: 'OT' });
    assert.deepEqual(ot1.diagnoses, ['F82']);
    assert.deepEqual(ot1.lines, [{ code: '97530', modifiers: ['GO'], units: 1, charge: 75, diagnosis_pointers: [1] }]);
    // Two dependants of one subscriber are two patients; neither is the subscriber.
    const ids = new Set(['PCN-1001-2026-03-02', 'OT-1', 'OT-2'].map((id) => only(r.claims, id).patient!.id));
    assert.equal(ids.size, 3);
    assert.equal(only(r.claims, 'SLP-1').payer.type, 'medicare-advantage');
    assert.equal(only(r.claims, 'SLP-2').payer.type, 'medicaid');
    assert.equal(only(r.claims, 'SLP-2').payer.name, 'STATE MEDICAID');
    assert.deepEqual(only(r.claims, 'SLP-1').provider, { npi: '1003000126', discipline: 'SLP' });
    assertAuditsClean(r.claims);
  });

  it('honours a line-feed segment terminator and a file without line breaks', () => {
    const lf = interchange(1, [[SPLIT_BODY]], { ...STANDARD, segment: '\n', eol: '' });
    const flat = interchange(1, [[SPLIT_BODY]], { ...STANDARD, eol: '' });
    const crlfTerm = interchange(1, [[SPLIT_BODY]], { ...STANDARD, segment: '\n', eol: '' }).replace(/\n/g, '\r\n');
    const base = importText(interchange(1, [[SPLIT_BODY]]), '837p', HASH).claims;
    for (const text of [lf, flat, crlfTerm]) assert.deepEqual(importText(text, '837p', HASH).claims, base);
  });

  it('skips other payers (2320/2330) and splits lines of another rendering provider (2420A)', () => {
    const body = [
      ...billingProvider(1, '1679576722'),
      ...subscriber(2, 1, 'MB', MEMBER, 'MEDICARE'),
      'CLM*PCN-9*160***11:B:1*Y*A*Y*Y',
      'HI*ABK:M1711',
      'NM1*82*1*SMITH*ALEX****XX*1234567893',
      'PRV*PE*PXC*225100000X',
      'SBR*S*18*******CI',
      'NM1*IL*1*DOE*JANE****MI*OTHER999',
      'NM1*PR*2*SECONDARY PLAN*****PI*99999',
      'NM1*82*1******XX*1111111111',
      ...line(1, '97110', ['GP'], '80', '2', '1', '20260302'),
      ...line(2, '97535', ['GO'], '80', '2', '1', '20260302'),
      'NM1*82*1*LEE*ROBIN****XX*1245319599',
      'PRV*PE*PXC*225X00000X',
    ];
    const r = importText(interchange(1, [[body]]), '837p', HASH);
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.payer.name, c.provider]),
      [
        ['PCN-9-2026-03-02', 'MEDICARE', { npi: '1234567893', discipline: 'PT' }],
        ['PCN-9-2026-03-02-2', 'MEDICARE', { npi: '1245319599', discipline: 'OT' }],
      ],
    );
    assertAuditsClean(r.claims);
  });

  it('patient id: member keeps the member id, none leaves it out, the salt changes the hash', () => {
    const text = interchange(1, [[SPLIT_BODY]]);
    assert.equal(importText(text, '837p', { patientId: { mode: 'member' } }).claims[0].patient!.id, MEMBER);
    assert.equal(importText(text, '837p', { patientId: { mode: 'none' } }).claims[0].patient, undefined);
    const a = importText(text, '837p', HASH).claims[0].patient!.id;
    assert.equal(importText(text, '837p', HASH).claims[0].patient!.id, a, 'stable across runs');
    assert.notEqual(importText(text, '837p', { patientId: { mode: 'hash', salt: 'practice-secret' } }).claims[0].patient!.id, a);
  });

  it('streams: chunks of any size (CRLF and separators split across them) give the same claims', () => {
    const text = interchange(1, [[SPLIT_BODY]], { ...STANDARD, eol: '\r\n' }) + interchange(2, [[SPLIT_BODY]], { element: '|', repetition: '{', component: '>', segment: "'", eol: '\r\n' });
    const whole = importText(text, '837p', HASH).claims;
    for (const size of [1, 7, 105, 106, 4096]) {
      const reader = new Reader837(HASH);
      const got: ImportedClaim[] = [];
      for (let i = 0; i < text.length; i += size) got.push(...reader.push(text.slice(i, i + size)));
      got.push(...reader.end());
      assert.deepEqual(got, whole, `chunk size ${size}`);
    }
  });
});

describe('import 837P: malformed input', () => {
  const good = interchange(1, [[SPLIT_BODY]]);

  function failure(text: string): ImportError {
    try {
      importText(text, '837p', HASH);
    } catch (err) {
      assert.ok(err instanceof ImportError, String(err));
      // Located, never quoting data.
      for (const value of [MEMBER, 'DOE', 'JANE', '1234567893', 'M25661', 'PCN-1001']) assert.ok(!err.message.includes(value), err.message);
      return err;
    }
    assert.fail('expected an ImportError');
  }

  it('names segment and element', () => {
    assert.equal(failure(good.replace('SV1*HC:97110:GP*80.00*UN*2', 'SV1*HC:97110:GP*80.00*UN*-2')).where, 'segment 27 (SV1), element SV104');
    assert.equal(failure(good.replace('DTP*472*D8*20260302', 'DTP*472*D8*20260231')).where, 'segment 28 (DTP), element DTP03');
    assert.equal(failure(good.replace('SV1*HC:97110:GP*80.00*UN', 'SV1*HC:97110:GP*80.00*F2')).where, 'segment 27 (SV1), element SV103');
    assert.equal(failure(good.replace('SV1*HC:97110', 'SV1*XX:97110')).where, 'segment 27 (SV1), element SV101-1');
    assert.match(failure(good.replace('SBR*P*18*GRP01******MB', 'SBR*P*18*GRP01******')).where, /element SBR09/);
    // A repetition separator where 837P allows none.
    assert.equal(failure(good.replace('SV1*HC:97110:GP*80.00', 'SV1*HC:97110:GP*80.00^90')).where, 'segment 27 (SV1), element SV102');
  });

  it('rejects a line without its service date', () => {
    const e = failure(good.replace('DTP*472*D8*20260302~\nLX*2', 'LX*2').replace(/SE\*(\d+)/, (_, n) => `SE*${Number(n) - 1}`));
    assert.match(e.message, /service line 1 has no service date \(DTP\*472\)/);
  });

  it('rejects cut, joined or foreign files', () => {
    assert.match(failure(good.slice(0, good.indexOf('GE*'))).message, /ends inside an interchange|cut short/);
    assert.match(failure(good.slice(0, good.length - 12)).message, /terminator|cut short/);
    assert.match(failure(good.replace(/SE\*\d+/, 'SE*5')).where, /element SE01/);
    assert.match(failure(good.replace('GE*1', 'GE*2')).where, /element GE01/);
    // A control number that differs is a warning: the counts say nothing was cut or joined.
    const mismatched = importText(good.replace(/IEA\*1\*0+1/, 'IEA*1*000000009'), '837p', HASH);
    assert.equal(mismatched.claims.length, 2);
    assert.deepEqual(mismatched.warnings, [`segment ${good.split('~').length - 1} (IEA), element IEA02: IEA02 does not match the control number in ISA13 (segment 1); the counts match, so the claims were imported`]);
    assert.match(failure('hello, world').message, /not an X12 file/);
    assert.match(failure('').message, /^the file is empty/);
    assert.match(failure(good.replace('005010X222A1~\nBHT', '005010X223A2~\nBHT')).message, /837I/);
    assert.match(failure(good.replace('ST*837', 'ST*835')).message, /not an 837/);
    assert.match(failure(good.replace('ISA*00*          ', 'ISA*00*         ')).message, /fixed widths/);
    assert.match(failure(good.replace('LX*1', 'L X*1')).message, /not an X12 segment/);
    assert.match(failure(good.replace(/IEA[^~]*~\n$/, '') + good).message, /previous one ended/);
  });

  it('the tokenizer reports separators that are not distinct', () => {
    const bad = recode(interchange(1, [[SPLIT_BODY]]), { element: '*', repetition: ':', component: ':', segment: '~', eol: '\n' });
    assert.throws(() => tokenize(bad), /must be distinct/);
  });
});

describe('import 837P: what claimlint cannot represent is left out and listed, the rest kept (issue 24 item 4)', () => {
  const good = interchange(1, [[SPLIT_BODY]]);
  const run = (text: string) => importText(text, '837p', HASH);

  it('a line in anesthesia minutes (SV103 MJ) is left out with its segment; the claim keeps its other lines', () => {
    const r = run(good.replace('SV1*HC:97110:GP*80.00*UN*2', 'SV1*HC:00400:AA*80.00*MJ*45'));
    assert.deepEqual(r.skipped, ['segment 27 (SV1), element SV103: service line 1 of the claim at segment 21 (CLM) is billed in minutes (MJ, anesthesia time); claimlint audits billed units (UN): the line is left out']);
    assert.deepEqual(only(r.claims, 'PCN-1001-2026-03-02').lines.map((l) => l.code), ['97140']);
    assert.deepEqual(only(r.claims, 'PCN-1001-2026-03-05').lines.map((l) => l.code), ['97530', '97164']);
    assertAuditsClean(r.claims);
  });

  it('fractional units and another code set (SV101-1 IV, ER, WK) are left out the same way', () => {
    const r = run(good.replace('SV1*HC:97110:GP*80.00*UN*2', 'SV1*HC:97110:GP*80.00*UN*2.5').replace('SV1*HC:97140', 'SV1*IV:S9490'));
    assert.deepEqual(r.skipped, [
      'segment 27 (SV1), element SV104: service line 1 of the claim at segment 21 (CLM) bills a fractional number of units; claimlint audits whole units: the line is left out',
      'segment 30 (SV1), element SV101-1: service line 2 of the claim at segment 21 (CLM) is coded in the Home Infusion EDI Coalition (HIEC) code set (IV); claimlint reads HCPCS/CPT (HC): the line is left out',
    ]);
    // March 2 lost both its lines: only March 5 is left, and the claim is no longer split.
    assert.deepEqual(
      r.claims.map((c) => [c.id, c.lines.map((l) => l.code)]),
      [['PCN-1001', ['97530', '97164']]],
    );
  });

  it('a claim whose every line is left out is left out; a claim with ICD-9 diagnoses too; the other claims stay', () => {
    const mj = (t: string) => t.replace(/SV1\*HC:(\d+)(:[A-Z0-9]+)*\*([\d.]+)\*UN/g, 'SV1*HC:$1*$3*MJ');
    const second = SPLIT_BODY.map((x) => x.replace('PCN-1001', 'PCN-2002'));
    const r = run(interchange(1, [[SPLIT_BODY.map(mj), second]]));
    assert.equal(r.skipped.length, 4);
    assert.match(r.skipped[0], /^segment 27 \(SV1\), element SV103: service line 1 of the claim at segment 21 \(CLM\) is billed in minutes .*: the line is left out, and the claim with it \(no other line\)$/);
    assert.deepEqual(r.claims.map((c) => c.id), ['PCN-2002-2026-03-02', 'PCN-2002-2026-03-05']);
    const icd9 = run(interchange(1, [[SPLIT_BODY.map((x) => x.replace('HI*ABK:M25661', 'HI*BK:7194')), second]]));
    assert.deepEqual(icd9.skipped, ['segment 23 (HI), element HI01-1: the claim at segment 21 (CLM) has ICD-9-CM diagnoses (BK); claimlint reads ICD-10-CM (ABK/ABF): the claim is left out']);
    assert.deepEqual(icd9.claims.map((c) => c.id), ['PCN-2002-2026-03-02', 'PCN-2002-2026-03-05']);
    // Nothing quoted: no codes of the skipped lines, no member, no claim number.
    for (const v of [MEMBER, 'PCN-1001', '7194', '97110']) assert.ok(!r.skipped.concat(icd9.skipped).join(' ').includes(v), v);
  });

  it('streaming reports the same lines left out', () => {
    const text = good.replace('SV1*HC:97110:GP*80.00*UN*2', 'SV1*HC:00400*80.00*MJ*45');
    const reader = new Reader837(HASH);
    for (let i = 0; i < text.length; i += 50) reader.push(text.slice(i, i + 50));
    reader.end();
    assert.deepEqual(reader.skipped, run(text).skipped);
  });
});

describe('import 837P: a component separator other than ISA16 (issue 24 item 5)', () => {
  const good = interchange(1, [[SPLIT_BODY]]);
  it('is named as such in SV101, HI, CLM05 and SV107, not blamed on the qualifier', () => {
    const cases: [string, string, string][] = [
      ['SV1*HC:97110:GP*80.00*UN*2***1:2', 'SV1*HC>97110>GP*80.00*UN*2***1:2', 'segment 27 (SV1), element SV101'],
      ['HI*ABK:M25661*ABF:R262*ABF:Z9181', 'HI*ABK>M25661*ABF>R262*ABF>Z9181', 'segment 23 (HI), element HI01'],
      ['CLM*PCN-1001*360***11:B:1', 'CLM*PCN-1001*360***11>B>1', 'segment 21 (CLM), element CLM05'],
      ['SV1*HC:97110:GP*80.00*UN*2***1:2', 'SV1*HC:97110:GP*80.00*UN*2***1>2', 'segment 27 (SV1), element SV107'],
    ];
    for (const [from, to, where] of cases) {
      assert.ok(good.includes(from), from);
      let err: unknown;
      try {
        importText(good.replace(from, to), '837p', HASH);
      } catch (e) {
        err = e;
      }
      assert.ok(err instanceof ImportError, to);
      assert.equal(err.where, where);
      assert.equal(err.problem, 'the component separator does not match ISA16: this composite is split by ">", but ISA16 declares ":"');
    }
  });
});

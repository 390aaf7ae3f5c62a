/**
 * Issue 27 core: the 835 reader (src/importers/claims/x12/read835.ts) on files built from the
 * 005010X221A1 structure, and the join to claims (src/core/remit): split ids, repeated
 * codes in the 835's order, unmatched claims and lines, explained vs unknowable denials.
 */
import assert from 'node:assert/strict';
import { claimsForRemit, matchRemittance, adjustmentTexts, carcInfo, rarcInfo, REASON_TABLE, ALL_RULES, type ClaimForRemit, type Remittance } from '../../src/core';
import { ImportError, looksLike835, read835 } from '../../src/importers/claims';
import { seededRandom } from '../support/seeded';
import { interchange835, SENTINELS, type Clp } from '../support/x835';

const PAID: Clp = {
  id: 'PCN-1',
  charge: '200',
  paid: '150',
  date: '20260302',
  lines: [
    { code: '97110', mods: ['GP'], charge: '100', paid: '80', units: '2', date: '20260302', cas: [['CO', '45', '20']] },
    { code: '97140', mods: ['GP', '59'], charge: '100', paid: '70', date: '20260302', cas: [['CO', '45', '25'], ['PR', '2', '5']] },
  ],
};

function failure(text: string): ImportError {
  try {
    read835(text);
  } catch (err) {
    assert.ok(err instanceof ImportError, String(err));
    for (const s of SENTINELS) assert.ok(!err.message.includes(s), err.message);
    return err;
  }
  assert.fail('expected an ImportError');
}

describe('835 reader (005010X221A1)', () => {
  it('reads claims, lines, CAS (claim and line level), dates, remarks and PLB; never the NM1*QC/IL names', () => {
    const text = interchange835(1, [
      {
        claims: [PAID, { id: 'PCN-2', status: '4', charge: '50', paid: '0', cas: [['CO', '29', '50']], lines: [] }],
        plb: [['WO', '12.5'], ['L6', '-3.10']],
      },
    ]);
    assert.ok(looksLike835(text));
    const { remittance, warnings } = read835(text);
    assert.deepEqual(warnings, []);
    assert.equal(remittance.claims.length, 2);
    const [a, b] = remittance.claims;
    assert.equal(a.clp01, 'PCN-1');
    assert.equal(a.date, '2026-03-02');
    assert.deepEqual(a.lines.map((l) => [l.code, l.modifiers, l.charge, l.paid, l.units, l.date]), [
      ['97110', ['GP'], 100, 80, 2, '2026-03-02'],
      ['97140', ['GP', '59'], 100, 70, 1, '2026-03-02'],
    ]);
    assert.deepEqual(a.lines[1].adjustments, [
      { group: 'CO', reason: '45', amount: 25 },
      { group: 'PR', reason: '2', amount: 5 },
    ]);
    assert.deepEqual(b.adjustments, [{ group: 'CO', reason: '29', amount: 50 }]);
    assert.equal(b.status, '4');
    assert.deepEqual(remittance.providerAdjustments.map((p) => [p.reason, p.amount]), [['WO', 12.5], ['L6', -3.1]]);
    const json = JSON.stringify(remittance);
    for (const s of SENTINELS) assert.ok(!json.includes(s), s);
  });

  it('reads interchanges with different separators in one file, each by its own ISA', () => {
    const first = interchange835(1, [{ claims: [PAID] }]);
    const second = interchange835(2, [{ claims: [{ ...PAID, id: 'PCN-9' }] }], { element: '|', repetition: '~', component: '>', segment: '\n', eol: '' });
    const { remittance } = read835(first + second);
    assert.deepEqual(remittance.claims.map((c) => c.clp01), ['PCN-1', 'PCN-9']);
    assert.deepEqual(remittance.claims[1].lines[1].modifiers, ['GP', '59']);
    assert.ok(looksLike835(second));
  });

  it('is not fooled by an 837 (detection and ST01)', () => {
    const text = interchange835(1, [{ claims: [PAID] }]).replace('ST*835*', 'ST*837*');
    assert.equal(looksLike835(text), false);
    assert.match(failure(text).message, /segment \d+ \(ST\), element ST01: not an 835/);
  });

  it('refuses malformed files with the segment and element, never the value', () => {
    const good = interchange835(1, [{ claims: [PAID] }]);
    assert.match(failure(good.replace('SVC*HC:97110:GP*100*80', 'SVC*HC:97110:GP*100*EIGHTY')).message, /^segment \d+ \(SVC\), element SVC03: the line payment \(SVC03\) is not an amount$/);
    assert.match(failure(good.replace('CAS*CO*45*20', 'CAS*XX*45*20')).message, /\(CAS\), element CAS01/);
    assert.match(failure(good.replace('CAS*CO*45*20', 'CAS*CO*45*ZZQPATIENTLAST')).message, /\(CAS\), element CAS03/);
    assert.match(failure(good.replace(/SE\*(\d+)\*/, (_m, n) => `SE*${Number(n) + 1}*`)).message, /\(SE\), element SE01/);
    assert.match(failure(good.replace('CLP*PCN-1*1*200*150', 'CLP**1*200*150')).message, /\(CLP\), element CLP01/);
    assert.match(failure(good.replace('DTM*472*20260302', 'DTM*472*20261302')).message, /\(DTM\), element DTM02: not a real date/);
    assert.match(failure(good.slice(0, good.indexOf('IEA'))).message, /IEA|cut short/);
  });
});

describe('835 reader on mutated files (seeded)', () => {
  it('300 mutations of a valid 835: a remittance or a located ImportError, never another error or a patient value', () => {
    const good = interchange835(1, [{ claims: [PAID, { id: 'PCN-2', status: '4', charge: '50', paid: '0', cas: [['CO', '29', '50']], lines: [] }], plb: [['WO', '12.5']] }]);
    const rnd = seededRandom(835);
    const alphabet = ['*', '~', ':', '^', '\n', 'ISA', 'CLP*', 'SVC*HC:', 'CAS*', 'SE*', 'IEA*', '9', 'A', '', '-', '.'];
    let read = 0;
    for (let n = 0; n < 300; n++) {
      let text = good;
      for (let k = 0; k <= rnd(3); k++) {
        const at = rnd(text.length);
        const op = rnd(3);
        const piece = alphabet[rnd(alphabet.length)];
        text = op === 0 ? text.slice(0, at) + text.slice(at + 1 + rnd(8)) : op === 1 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + piece + text.slice(at + 1);
      }
      try {
        const r = read835(text);
        read++;
        const json = JSON.stringify(r);
        for (const s of SENTINELS) assert.ok(!json.includes(s), `${s} in the model (mutation ${n})`);
      } catch (err) {
        assert.ok(err instanceof ImportError, `mutation ${n}: ${String(err)}`);
        for (const s of SENTINELS) assert.ok(!err.message.includes(s), `${s} in "${err.message}"`);
      }
    }
    assert.ok(read > 0, 'some mutations still read');
  });
});

function claim(file: string, id: string, date: string, lines: [string, string[]][], findings: { rule: string; path: string }[] = []): ClaimForRemit[] {
  return claimsForRemit(
    file,
    [{ document: 0, path: 'claims[0]', id, date, lines: lines.map(([code, modifiers], index) => ({ index, code, modifiers })) }],
    findings.map((f) => ({ ...f, document: 0 })),
  );
}

describe('835 ↔ claims (src/core/remit)', () => {
  const remit = (clps: Clp[]): Remittance => read835(interchange835(1, [{ claims: clps }])).remittance;

  it('matches CLP01 and lines, explains a predicted denial, never counts an unknowable one as missed', () => {
    const r = remit([
      {
        id: 'A',
        charge: '300',
        paid: '80',
        lines: [
          { code: '97110', mods: ['GP'], charge: '100', paid: '80', date: '20260302', cas: [['CO', '45', '20']] },
          { code: '97140', mods: ['GP'], charge: '27.72', paid: '0', date: '20260302', cas: [['CO', '97', '27.72']] },
          { code: '97530', mods: ['GP'], charge: '172.28', paid: '0', date: '20260302', cas: [['CO', '29', '172.28']] },
        ],
      },
    ]);
    const claims = claim('a.claim.yaml', 'A', '2026-03-02', [['97110', ['GP']], ['97140', ['GP']], ['97530', ['GP']]], [{ rule: 'ncci-modifier-missing', path: 'claims[0].lines[1].modifiers' }]);
    const out = matchRemittance([{ file: 'r.835', remittance: r }], claims);
    assert.equal(out.version, 1);
    assert.deepEqual(out.unmatched, []);
    const lines = out.claims[0].lines;
    assert.deepEqual(lines.map((l) => [l.line, l.denied, l.explainedBy]), [
      [1, false, []],
      [2, true, ['ncci-modifier-missing']],
      [3, true, []],
    ]);
    assert.deepEqual(adjustmentTexts(lines[1]), ['CO-97 $27.72 — procedure bundled (predicted by ncci-modifier-missing)']);
    assert.match(adjustmentTexts(lines[2])[0], /^CO-29 \$172\.28 — timely filing \(not in the claim file/);
    const s = out.summary;
    assert.deepEqual([s.deniedLines, s.explainedLines, s.unknowableLines, s.missedLines], [2, 1, 1, 0]);
    assert.equal(s.adjustedAmount, 220);
    assert.equal(s.explainedAmount, 27.72);
    assert.deepEqual(s.missedByReason, []);
  });

  it('a denial a rule could predict but none did is missed, grouped by reason', () => {
    const r = remit([{ id: 'A', charge: '100', paid: '0', lines: [{ code: '97110', mods: ['GP'], charge: '100', paid: '0', date: '20260302', cas: [['CO', '151', '100']] }] }]);
    const out = matchRemittance([{ file: 'r.835', remittance: r }], claim('a', 'A', '2026-03-02', [['97110', ['GP']]]));
    assert.deepEqual(out.summary.missedByReason, [{ reason: 'CO-151', short: 'too many services', lines: 1, claims: 0, amount: 100 }]);
    assert.equal(out.summary.missedLines, 1);
  });

  it('a reason not in the table is a denial no rule predicted (listed), PR-1 on a paid-0 line is not a denial', () => {
    const r = remit([
      {
        id: 'A',
        charge: '200',
        paid: '0',
        lines: [
          { code: '97110', mods: ['GP'], charge: '100', paid: '0', date: '20260302', cas: [['CO', 'P99', '100']] },
          { code: '97112', mods: ['GP'], charge: '100', paid: '0', date: '20260302', cas: [['PR', '1', '100']] },
        ],
      },
    ]);
    const out = matchRemittance([{ file: 'r.835', remittance: r }], claim('a', 'A', '2026-03-02', [['97110', ['GP']], ['97112', ['GP']]]));
    assert.deepEqual(out.claims[0].lines.map((l) => l.denied), [true, false]);
    assert.deepEqual(out.summary.missedByReason.map((m) => [m.reason, m.short]), [['CO-P99', 'CARC P99']]);
    assert.match(adjustmentTexts(out.claims[0].lines[0])[0], /^CO-P99 \$100\.00 — reason not in claimlint's table$/);
  });

  it('split ids CLP01-YYYY-MM-DD, repeated codes in the 835 order, unmatched lines and claims listed', () => {
    const r = remit([
      {
        id: 'PCN',
        charge: '400',
        paid: '300',
        lines: [
          { code: '97110', mods: ['GP'], charge: '100', paid: '100', date: '20260305' },
          { code: '97110', mods: ['GP'], charge: '100', paid: '60', date: '20260302', cas: [['CO', '45', '40']] },
          { code: '97110', mods: ['GP'], charge: '100', paid: '40', date: '20260302', cas: [['CO', '45', '60']] },
          { code: '97035', charge: '100', paid: '100', date: '20260302' },
        ],
      },
      { id: 'NOPE', charge: '10', paid: '10', lines: [{ code: '97110', charge: '10', paid: '10' }] },
    ]);
    const claims = [
      ...claim('a', 'PCN-2026-03-02', '2026-03-02', [['97110', ['GP']], ['97110', ['GP']]], [{ rule: 'timed-units-total', path: 'claims[0].lines[0].units' }]),
      ...claim('b', 'PCN-2026-03-05', '2026-03-05', [['97110', ['GP']]]),
    ];
    const out = matchRemittance([{ file: 'r.835', remittance: r }], claims);
    assert.deepEqual(out.claims.map((c) => [c.id, c.file, c.part, c.lines.map((l) => [l.line, l.paid])]), [
      ['PCN-2026-03-02', 'a', { index: 1, of: 2 }, [[1, 60], [2, 40], [null, 100]]],
      ['PCN-2026-03-05', 'b', { index: 2, of: 2 }, [[1, 100]]],
      ['NOPE', null, undefined, [[null, 10]]],
    ]);
    assert.deepEqual(out.claims[0].lines[0].findings, ['timed-units-total']);
    assert.deepEqual(out.unmatched.map((u) => [u.clp01, u.line, u.code]), [['PCN', 4, '97035'], ['NOPE', undefined, undefined]]);
  });

  it('claim-level CAS is kept on the claim and explained by a finding on the claim', () => {
    const r = remit([{ id: 'A', charge: '100', paid: '0', status: '4', cas: [['CO', 'B7', '100']], lines: [{ code: '97110', mods: ['GP'], charge: '100', paid: '100', date: '20260302' }] }]);
    const out = matchRemittance([{ file: 'r', remittance: r }], claim('a', 'A', '2026-03-02', [['97110', ['GP']]], [{ rule: 'certification-expired', path: 'claims[0].plan_of_care.cert_through' }]));
    assert.deepEqual(out.claims[0].adjustments, [{ group: 'CO', reason: 'B7', amount: 100, explainedBy: ['certification-expired'] }]);
    assert.deepEqual(out.claims[0].explainedBy, ['certification-expired']);
    assert.equal(out.claims[0].denied, true);
    assert.deepEqual([out.summary.deniedClaims, out.summary.explainedClaims, out.summary.deniedLines], [1, 1, 0]);
  });

  it('claims denied as a whole without line detail: unpredictable vs missed, by reason', () => {
    const r = remit([
      { id: 'A', status: '4', charge: '100', paid: '0', cas: [['CO', '29', '100']], lines: [] },
      { id: 'B', status: '4', charge: '80', paid: '0', cas: [['CO', '151', '80']], lines: [] },
      { id: 'C', status: '1', charge: '80', paid: '60', cas: [['CO', '45', '20']], lines: [] },
    ]);
    const claims = [...claim('a', 'A', '2026-03-02', [['97110', ['GP']]]), ...claim('a', 'B', '2026-03-02', [['97110', ['GP']]]), ...claim('a', 'C', '2026-03-02', [['97110', ['GP']]])];
    const out = matchRemittance([{ file: 'r', remittance: r }], claims);
    assert.deepEqual(out.claims.map((c) => c.denied), [true, true, false]);
    const s = out.summary;
    assert.deepEqual([s.deniedClaims, s.explainedClaims, s.unknowableClaims, s.missedClaims], [3 - 1, 0, 1, 1]);
    assert.deepEqual(s.missedByReason, [{ reason: 'CO-151', short: 'too many services', lines: 0, claims: 1, amount: 80 }]);
  });

  it('CARC 16 is explained through its remark codes', () => {
    const r = remit([{ id: 'A', charge: '100', paid: '0', lines: [{ code: '97110', charge: '100', paid: '0', date: '20260302', cas: [['CO', '16', '100']], remarks: ['N822'] }] }]);
    const out = matchRemittance([{ file: 'r', remittance: r }], claim('a', 'A', '2026-03-02', [['97110', []]], [{ rule: 'therapy-modifier-missing', path: 'claims[0].lines[0].modifiers' }]));
    assert.deepEqual(out.claims[0].lines[0].explainedBy, ['therapy-modifier-missing']);
  });
});

describe('CARC/RARC table (src/core/data/remit/reasons.json)', () => {
  const ids = new Set(ALL_RULES.map((r) => r.id));
  it('maps only to real rule ids, with a description, a reason and a source for every code', () => {
    for (const e of [...REASON_TABLE.carc, ...REASON_TABLE.rarc]) {
      for (const r of e.rules ?? []) assert.ok(ids.has(r), `${e.code} → ${r} is not a rule`);
      assert.ok(e.description && e.why && e.short && e.source, e.code);
    }
  });
  it('has the issue’s mappings and unknowables', () => {
    assert.ok(carcInfo('4')!.rules!.includes('therapy-modifier-missing'));
    for (const c of ['97', '236']) assert.ok(carcInfo(c)!.rules!.includes('ncci-modifier-missing'), c);
    assert.ok(carcInfo('151')!.rules!.includes('units-exceed-mue') && carcInfo('151')!.rules!.includes('timed-units-total'));
    assert.ok(carcInfo('119')!.rules!.includes('kx-modifier-missing'));
    for (const c of ['50', '56']) assert.ok(carcInfo(c)!.rules!.includes('documentation-missing'), c);
    for (const c of ['96', '204']) assert.ok(carcInfo(c)!.rules!.includes('code-not-payable'), c);
    assert.ok(carcInfo('16')!.remarks && rarcInfo('N822')!.rules!.includes('therapy-modifier-missing'));
    for (const c of ['29', '27', '18', '45', '253', '1', '2', '3']) assert.equal(carcInfo(c)!.predictable, false, c);
  });
});

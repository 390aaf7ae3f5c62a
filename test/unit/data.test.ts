import assert from 'node:assert/strict';
import { isEffective, pickEffective, rangesOverlap } from '../../src/core/data/effective';
import { roundCents } from '../../src/core/data/fees';
import { BUILTIN_DATA } from '../../src/core/data/reference';
import {
  allCodes,
  allModifiers,
  assistantDifferential,
  codeInfo,
  codeInfoAnyDate,
  conversionFactor,
  priceClaimLines,
  feeFor,
  findNcciPair,
  isKnownCodeAnyDate,
  kxBucketFor,
  kxThreshold,
  modifierInfo,
  mueFor,
  ncciPairs,
  priceLine,
  sameDayExclusiveGroups,
  sameDayGroupsFor,
  tables,
  therapyStatus,
} from '../../src/core/data/index';
import type { Effective, Sourced } from '../../src/core/data/types';

const CONFIDENCES = new Set(['C', 'S', 'D', 'U']);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkSourced(name: string, entries: readonly (Sourced & Effective)[]): void {
  for (const e of entries) {
    const label = `${name} ${JSON.stringify(e).slice(0, 80)}`;
    assert.ok(typeof e.source === 'string' && e.source.trim().length > 0, `${label}: empty source`);
    assert.ok(CONFIDENCES.has(e.confidence), `${label}: bad confidence ${e.confidence}`);
    assert.match(e.from, ISO, `${label}: bad from`);
    if (e.to !== undefined) {
      assert.match(e.to, ISO, `${label}: bad to`);
      assert.ok(e.from <= e.to, `${label}: from after to`);
    }
  }
}

function checkNoOverlap<T extends Effective>(name: string, entries: readonly T[], key: (e: T) => string): void {
  const byKey = new Map<string, T[]>();
  for (const e of entries) byKey.set(key(e), [...(byKey.get(key(e)) ?? []), e]);
  for (const [k, list] of byKey) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        assert.ok(!rangesOverlap(list[i], list[j]), `${name} ${k}: overlapping ranges ${list[i].from}..${list[i].to} / ${list[j].from}..${list[j].to}`);
      }
    }
  }
}

describe('core/data', () => {
  it('roundCents: the cents of 12 significant digits rounded to a whole cent, for amounts of every size, sign and near every half cent', () => {
    const reference = (x: number) => Math.round(Number((x * 100).toPrecision(12))) / 100;
    const samples = [2980.95 / 100, 1.005, 1.015, 0.285, -1.005, -0.125, 8.675, 1e7 + 0.005, 123456.785, 0, -0, 5e-324, 1e12 + 0.005, -1e12 - 0.005, Number.NaN, Infinity];
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 200_000; i++) {
      const scale = 10 ** Math.floor(random() * 14 - 3);
      const base = Math.round(random() * 1e6) / 1000;
      // Amounts that are whole half cents in decimal (their binary form just below or above) and arbitrary ones.
      samples.push(i % 2 ? (base + 0.005) * (random() < 0.5 ? -1 : 1) : (random() - 0.5) * scale, base * 33.4009, (base / 7) * 0.85);
    }
    for (const x of samples) assert.equal(Object.is(roundCents(x), reference(x)) || roundCents(x) === reference(x), true, `roundCents(${x}) = ${roundCents(x)}, not ${reference(x)}`);
    assert.equal(roundCents(1.005), 1.01);
    assert.equal(roundCents(29.8095), 29.81);
  });

  describe('effective dating', () => {
    const entries = [
      { from: '2020-01-01', to: '2020-12-31', v: 'a' },
      { from: '2021-01-01', v: 'b' },
      { from: '2021-06-01', to: '2021-06-30', v: 'c' },
    ];

    it('isEffective is inclusive at both ends and open without `to`', () => {
      assert.equal(isEffective(entries[0], '2020-01-01'), true);
      assert.equal(isEffective(entries[0], '2020-12-31'), true);
      assert.equal(isEffective(entries[0], '2019-12-31'), false);
      assert.equal(isEffective(entries[0], '2021-01-01'), false);
      assert.equal(isEffective(entries[1], '2099-01-01'), true);
      assert.equal(isEffective(entries[0], '2020-12-31T23:59:00Z'), true);
    });

    it('pickEffective picks by date and the latest `from` wins', () => {
      assert.equal(pickEffective(entries, '2020-05-05')?.v, 'a');
      assert.equal(pickEffective(entries, '2021-05-05')?.v, 'b');
      assert.equal(pickEffective(entries, '2021-06-15')?.v, 'c');
      assert.equal(pickEffective(entries, '2019-01-01'), undefined);
    });

    it('KX threshold 2025 vs 2026 = 2410 vs 2480, review 3000', () => {
      assert.equal(kxThreshold('2025-07-01')?.pt_slp, 2410);
      assert.equal(kxThreshold('2025-12-31')?.ot, 2410);
      assert.equal(kxThreshold('2026-01-01')?.pt_slp, 2480);
      assert.equal(kxThreshold('2026-03-15')?.reviewThreshold, 3000);
      assert.equal(kxThreshold('2024-02-01')?.confidence, 'C');
      assert.equal(kxThreshold('2026-02-01')?.confidence, 'S');
      assert.equal(kxThreshold('2020-06-01'), undefined);
    });
  });

  describe('table hygiene', () => {
    it('every entry has a non-empty source, a valid confidence and ISO dates', () => {
      checkSourced('code', tables.codes);
      checkSourced('modifier', tables.modifiers);
      checkSourced('fee', tables.fees);
      checkSourced('cf', tables.conversionFactors);
      checkSourced('kx', tables.kxThresholds);
      checkSourced('ncci', tables.ncciPairs);
      checkSourced('sameDay', tables.sameDayExclusiveGroups);
      checkSourced('mue', tables.mues);
      checkSourced('assistant', tables.assistantDifferentials);
    });

    it('no overlapping effective ranges for the same key', () => {
      checkNoOverlap('code', tables.codes, (c) => c.code);
      checkNoOverlap('modifier', tables.modifiers, (m) => m.modifier);
      checkNoOverlap('fee', tables.fees, (f) => f.code);
      checkNoOverlap('cf', tables.conversionFactors, () => 'cf');
      checkNoOverlap('kx', tables.kxThresholds, () => 'kx');
      checkNoOverlap('ncci', tables.ncciPairs, (p) => [p.column1, p.column2].sort().join('/'));
      checkNoOverlap('sameDay', tables.sameDayExclusiveGroups, (g) => g.id);
      checkNoOverlap('mue', tables.mues, (m) => m.code);
      checkNoOverlap('assistant', tables.assistantDifferentials, () => 'assistant');
    });

    it('descriptions are ours: present, short, and free of AMA descriptor phrases', () => {
      const banned = [/each 15 minutes/i, /1 or more areas/i, /one or more areas, each/i, /list separately/i, /direct \(one-on-one\)/i, /requiring these components/i, /typically, \d+ minutes/i, /\(eg,/i];
      for (const c of tables.codes) {
        assert.ok(c.description.trim().length > 0, `${c.code}: empty description`);
        assert.ok(c.description.length <= 200, `${c.code}: description over 200 chars`);
        assert.ok(c.short.trim().length > 0 && c.short.length <= 60, `${c.code}: bad short label`);
        for (const re of banned) assert.doesNotMatch(c.description, re, `${c.code}: AMA-style phrase`);
        for (const n of c.notes ?? []) assert.ok(n.trim().length > 0, `${c.code}: empty note`);
      }
      for (const m of tables.modifiers) {
        assert.ok(m.description.trim().length > 0 && m.description.length <= 200, `${m.modifier}: bad description`);
      }
    });

    it('referenced codes exist and timed-other codes have unitMinutes', () => {
      for (const c of tables.codes) {
        for (const a of c.addOnTo ?? []) assert.ok(isKnownCodeAnyDate(a), `${c.code} add-on to unknown ${a}`);
        if (c.medicare && 'replacedBy' in c.medicare) assert.ok(isKnownCodeAnyDate(c.medicare.replacedBy));
        if (c.kind === 'timed-other') assert.ok((c.unitMinutes ?? 0) > 0, `${c.code}: timed-other without unitMinutes`);
        else assert.equal(c.unitMinutes, undefined, `${c.code}: unitMinutes on ${c.kind}`);
      }
      const referenced = [
        ...tables.ncciPairs.flatMap((p) => [p.column1, p.column2]),
        ...tables.mues.map((m) => m.code),
        ...tables.fees.map((f) => f.code),
        ...tables.sameDayExclusiveGroups.flatMap((g) => [...g.codes]),
      ];
      for (const code of referenced) assert.ok(isKnownCodeAnyDate(code), `unknown code ${code}`);
    });

    it('every pair code is in the catalog on the last day the pair is in force', () => {
      for (const p of tables.ncciPairs) {
        const day = p.to ?? '2026-06-30';
        assert.ok(codeInfo(p.column1, day), `${p.column1} not in force on ${day}`);
        assert.ok(codeInfo(p.column2, day), `${p.column2} not in force on ${day}`);
      }
    });
  });

  describe('codes', () => {
    it('covers the timed, untimed and timed-other families of report §3', () => {
      const d = '2026-03-01';
      for (const c of ['97032', '97033', '97035', '97110', '97112', '97116', '97129', '97130', '97140', '97530', '97535', '97750', '97760', '97763']) {
        assert.equal(codeInfo(c, d)?.kind, 'timed15', c);
      }
      for (const c of ['97161', '97164', '97165', '97168', '97150', '97010', '97012', '97014', 'G0283', '92507', '92526', '92610', '92521']) {
        assert.equal(codeInfo(c, d)?.kind, 'untimed', c);
      }
      for (const [c, min] of [['92607', 60], ['92608', 30], ['92626', 60], ['92627', 15], ['96105', 60], ['96125', 60], ['97545', 120], ['97546', 60]] as const) {
        assert.equal(codeInfo(c, d)?.kind, 'timed-other', c);
        assert.equal(codeInfo(c, d)?.unitMinutes, min, c);
      }
      assert.ok(allCodes(d).length >= 60);
    });

    it('97014 is replaced by G0283 and 97010 is bundled for Medicare', () => {
      assert.deepEqual(codeInfo('97014', '2026-01-10')?.medicare, { replacedBy: 'G0283' });
      assert.deepEqual(codeInfo('97010', '2026-01-10')?.medicare, { status: 'bundled' });
      assert.equal(codeInfo('G0283', '2026-01-10')?.medicare, undefined);
    });

    it('discipline locks follow CR 10176', () => {
      for (const c of ['97161', '97162', '97163', '97164']) assert.equal(codeInfo(c, '2026-01-10')?.lockedTo, 'GP', c);
      for (const c of ['97165', '97166', '97167', '97168']) assert.equal(codeInfo(c, '2026-01-10')?.lockedTo, 'GO', c);
      for (const c of ['92521', '92522', '92523', '92524', '92597', '92607']) assert.equal(codeInfo(c, '2026-01-10')?.lockedTo, 'GN', c);
      for (const c of ['97110', '97530', '92507', '97150']) assert.equal(codeInfo(c, '2026-01-10')?.lockedTo, undefined, c);
    });

    it('add-on codes name their primary code', () => {
      assert.deepEqual(codeInfo('97130', '2026-01-10')?.addOnTo, ['97129']);
      assert.deepEqual(codeInfo('92608', '2026-01-10')?.addOnTo, ['92607']);
      assert.deepEqual(codeInfo('92627', '2026-01-10')?.addOnTo, ['92626']);
      assert.deepEqual(codeInfo('97546', '2026-01-10')?.addOnTo, ['97545']);
    });

    it('one-on-one flags: individual timed codes yes, group/supervised/evaluations no', () => {
      for (const c of ['97110', '97112', '97116', '97140', '97530', '97535', '97032', '97035']) assert.equal(codeInfo(c, '2026-01-10')?.oneOnOne, true, c);
      for (const c of ['97150', '97010', '97012', 'G0283', '97161', '97168']) assert.equal(codeInfo(c, '2026-01-10')?.oneOnOne, false, c);
    });

    it('therapy status: core codes always, side codes sometimes, with evidence', () => {
      assert.equal(codeInfo('97110', '2026-01-10')?.therapy, 'always');
      for (const c of ['97597', '29581', '95851', '97169']) assert.equal(codeInfo(c, '2026-01-10')?.therapy, 'sometimes', c);
      assert.equal(therapyStatus('97161')?.confidence, 'C');
      assert.ok(therapyStatus('97110')?.source);
      assert.equal(therapyStatus('99999'), undefined);
    });

    it('97110 and 97530 carry the exercise-vs-activity hover notes', () => {
      assert.match((codeInfo('97110', '2026-01-10')?.notes ?? []).join(' '), /97530/);
      assert.match((codeInfo('97530', '2026-01-10')?.notes ?? []).join(' '), /97110/);
    });

    it('effective dates: new, old and deleted codes', () => {
      assert.ok(codeInfo('97161', '2017-06-01'));
      assert.equal(codeInfo('97129', '2019-12-31'), undefined);
      assert.ok(codeInfo('97129', '2020-01-01'));
      assert.ok(codeInfo('97763', '2018-01-01'));
      assert.equal(codeInfo('97532', '2018-01-01'), undefined);
      assert.ok(codeInfo('97532', '2017-12-31'));
      assert.ok(isKnownCodeAnyDate('97532'));
      assert.equal(codeInfoAnyDate('97532')?.to, '2017-12-31');
      assert.equal(codeInfo('97127', '2021-01-01'), undefined);
      assert.equal(isKnownCodeAnyDate('12345'), false);
      assert.equal(codeInfo(' 97110 ', '2026-01-10')?.code, '97110');
      assert.equal(codeInfo('g0283', '2026-01-10')?.code, 'G0283');
    });
  });

  describe('modifiers', () => {
    it('therapy, assistant, threshold and distinct modifiers with whenRequired', () => {
      for (const m of ['GP', 'GO', 'GN', 'CQ', 'CO', 'KX', '59', 'XE', 'XS', 'XP', 'XU']) {
        const info = modifierInfo(m, '2026-01-10');
        assert.ok(info, m);
        assert.ok(info.whenRequired && info.whenRequired.length > 0, `${m}: whenRequired`);
      }
      assert.equal(modifierInfo('gp', '2026-01-10')?.group, 'therapy');
      assert.equal(modifierInfo('CQ', '2026-01-10')?.group, 'assistant');
      assert.equal(modifierInfo('CQ', '2019-12-31'), undefined);
      assert.equal(modifierInfo('XU', '2014-12-31'), undefined);
      assert.ok(modifierInfo('XU', '2015-01-01'));
      assert.match(modifierInfo('52', '2026-01-10')?.whenRequired ?? '', /8 minutes/);
      assert.ok(allModifiers('2026-01-10').length >= 15);
    });
  });

  describe('fees and pricing', () => {
    it('nationalAmount equals round(totalRvu × CF, 2) for every fee', () => {
      for (const f of tables.fees) {
        const cf = conversionFactor(f.from);
        assert.ok(cf, `no CF for ${f.code} ${f.from}`);
        assert.equal(f.nationalAmount, roundCents(f.totalRvu * cf.nonQp), f.code);
        assert.equal(f.nationalAmount, Math.round(f.totalRvu * cf.nonQp * 100) / 100, f.code);
      }
    });

    it('2026 amounts match the report table', () => {
      const expected: Record<string, number> = { '97530': 35.07, '97110': 29.06, '97112': 32.73, '97140': 27.72, '97150': 18.04 };
      for (const [code, amt] of Object.entries(expected)) assert.equal(feeFor(code, '2026-05-01')?.nationalAmount, amt, code);
      assert.equal(feeFor('97530', '2027-01-01'), undefined);
    });

    it('every catalogued code CMS\'s file lists as payable is priced for every day of 2022-2026, and the others are not (issue 22)', () => {
      for (const day of ['2022-01-01', '2023-09-30', '2023-10-01', '2024-01-01', '2024-03-08', '2024-03-09', '2024-12-31', '2025-06-30', '2025-10-01', '2026-01-01', '2026-12-31']) {
        for (const c of allCodes(day)) {
          const cms = BUILTIN_DATA.pfsStatus(c.code, day);
          if (!cms || !['A', 'R', 'T'].includes(cms.status)) {
            assert.equal(feeFor(c.code, day), undefined, `${c.code} on ${day}: CMS's file lists no payable row, so no fee`);
            continue;
          }
          const fee = feeFor(c.code, day);
          if (cms.status === 'R' && !fee) continue;
          assert.ok(fee, `${c.code} has no fee on ${day}`);
          assert.equal(fee.release, cms.release, `${c.code} on ${day}: the fee and the status come from one release`);
          assert.ok(fee.peRvu !== undefined && fee.workRvu !== undefined && fee.mpRvu !== undefined, c.code);
          assert.ok(['C', 'S', 'D', 'U'].includes(fee.confidence) && fee.source.length > 10, c.code);
        }
      }
    });

    it('2024 has two conversion-factor periods; 2025 and 2026 one each', () => {
      assert.equal(conversionFactor('2024-03-08')?.nonQp, 32.7442);
      assert.equal(conversionFactor('2024-03-09')?.nonQp, 33.2875);
      const before = feeFor('97530', '2024-03-08')!;
      const after = feeFor('97530', '2024-03-09')!;
      assert.equal(before.totalRvu, after.totalRvu);
      assert.equal(before.nationalAmount, roundCents(before.totalRvu * 32.7442));
      assert.equal(after.nationalAmount, roundCents(after.totalRvu * 33.2875));
      assert.equal(feeFor('97530', '2025-05-05')?.nationalAmount, roundCents(1.07 * 32.3465)); // RVU25A: 0.44 + 0.62 + 0.01
    });

    it('priceClaimLines: MPPR — 4 × 97530 in 2026 is 35.07 + 3 × 25.05 = 110.22, not 140.28 (billing-rules §13.9)', () => {
      const info = codeInfo('97530', '2026-03-02');
      const p = priceClaimLines([{ code: '97530', units: 4, modifiers: ['GP'], info }], '2026-03-02');
      assert.equal(p.lines[0].fullUnits, 1);
      assert.equal(p.lines[0].reducedUnits, 3);
      assert.equal(p.lines[0].reducedUnit, 25.05); // (0.44 + 0.60 / 2 + 0.01) × 33.4009
      assert.equal(p.total, 110.22);
      assert.match(p.basis, /national, unadjusted/);
    });

    it('priceClaimLines: the highest-PE unit of the day is paid in full, wherever it is; CQ/CO at 85%', () => {
      const d = '2026-03-02';
      const lines = [
        { code: '97110', units: 2, modifiers: ['GP'], info: codeInfo('97110', d) }, // PE 0.41
        { code: '97530', units: 1, modifiers: ['GP', 'CQ'], info: codeInfo('97530', d) }, // PE 0.60: the full unit
      ];
      const p = priceClaimLines(lines, d);
      assert.deepEqual([p.lines[0].fullUnits, p.lines[0].reducedUnits], [0, 2]);
      assert.deepEqual([p.lines[1].fullUnits, p.lines[1].reducedUnits], [1, 0]);
      assert.equal(p.lines[0].amount, 2 * roundCents((0.45 + 0.41 / 2 + 0.01) * 33.4009));
      assert.equal(p.lines[1].amount, roundCents(35.07 * 0.85));
      assert.equal(p.total, roundCents(p.lines[0].amount + p.lines[1].amount));
    });

    it('priceClaimLines: every line, priced or not, has its keys in one order (the JSON readers see), the optional ones after', () => {
      const d = '2026-03-02';
      const p = priceClaimLines(
        [
          { code: '97530', units: 2, modifiers: ['GP', 'CQ'], charge: 20, info: codeInfo('97530', d) },
          { code: '97110', units: 1, modifiers: ['GP'], info: codeInfo('97110', d) },
          { code: '99999', units: 1, modifiers: [] },
        ],
        d,
      );
      const common = ['index', 'code', 'units', 'amount', 'fullUnit', 'reducedUnit', 'fullUnits', 'reducedUnits', 'assistantRate', 'mppr', 'phrase'];
      assert.deepEqual(Object.keys(p.lines[0]), [...common, 'source', 'release', 'multProc', 'limitedByCharge', 'mpprRank']);
      assert.deepEqual(Object.keys(p.lines[1]), [...common, 'source', 'release', 'multProc', 'mpprRank']);
      assert.deepEqual(Object.keys(p.lines[2]), [...common, 'unpriced']);
      assert.equal(p.lines[0].amount, 20, 'capped by the charge');
      assert.ok(p.lines.every((l) => typeof l.phrase === 'string' && l.phrase.length > 0));
    });

    it('priceClaimLines: bundled, restricted and unknown codes are unpriced with a reason; a huge unit count is arithmetic', () => {
      const d = '2026-03-02';
      const p = priceClaimLines(
        [
          { code: '97010', units: 1, modifiers: ['GP'], info: codeInfo('97010', d) },
          { code: '97545', units: 1, modifiers: ['GP'], info: codeInfo('97545', d) },
          { code: '99999', units: 1, modifiers: [] },
          { code: '97110', units: 1e9, modifiers: ['GP'], info: codeInfo('97110', d) },
        ],
        d,
      );
      assert.match(p.lines[0].unpriced!, /status B/);
      assert.match(p.lines[1].unpriced!, /status R/);
      assert.match(p.lines[2].unpriced!, /no national amount/);
      assert.equal(p.unpricedLines, 3);
      assert.equal(p.lines[3].fullUnits + p.lines[3].reducedUnits, 1e9);
    });

    it('conversion factors 2025 and 2026', () => {
      assert.equal(conversionFactor('2025-06-01')?.nonQp, 32.3465);
      assert.equal(conversionFactor('2026-06-01')?.nonQp, 33.4009);
      assert.equal(conversionFactor('2026-06-01')?.qp, 33.5675);
    });

    it('priceLine: CQ line at 85% in 2026 → 29.81', () => {
      const p = priceLine({ code: '97530', units: 1, modifiers: ['GP', 'CQ'], date: '2026-02-02' });
      assert.ok(p);
      assert.equal(p.perUnit, 35.07);
      assert.equal(p.assistantRate, 0.85);
      assert.equal(p.amount, 29.81);
      assert.ok(p.source.length > 0);
    });

    it('priceLine: plain units, charge cap, unknown fee', () => {
      assert.equal(priceLine({ code: '97110', units: 3, modifiers: ['GP'], date: '2026-02-02' })?.amount, 87.18);
      assert.equal(priceLine({ code: '97110', units: 2, modifiers: ['GO', 'CO'], date: '2026-02-02' })?.amount, 49.4);
      const capped = priceLine({ code: '97140', units: 2, modifiers: ['GP'], date: '2026-02-02', charge: 40 });
      assert.equal(capped?.amount, 40);
      assert.equal(capped?.limitedByCharge, true);
      assert.equal(priceLine({ code: '97545', units: 1, modifiers: ['GP'], date: '2026-02-02' }), undefined); // status R
      assert.equal(priceLine({ code: '97530', units: 1, modifiers: ['GP'], date: '2027-02-02' }), undefined);
    });
  });

  describe('assistant differential', () => {
    it('1.0 in 2020–2021, 0.85 from 2022, de minimis 10%', () => {
      assert.equal(assistantDifferential('2021-12-31')?.rate, 1);
      assert.equal(assistantDifferential('2022-01-01')?.rate, 0.85);
      assert.equal(assistantDifferential('2026-07-01')?.rate, 0.85);
      assert.equal(assistantDifferential('2026-07-01')?.deMinimis, 0.1);
      assert.equal(assistantDifferential('2019-06-01'), undefined);
    });
  });

  describe('KX buckets', () => {
    it('GP/GN → pt_slp, GO → ot, falls back to discipline', () => {
      assert.equal(kxBucketFor(['GP', 'KX']), 'pt_slp');
      assert.equal(kxBucketFor(['gn']), 'pt_slp');
      assert.equal(kxBucketFor(['CO', 'GO']), 'ot');
      assert.equal(kxBucketFor([], 'OT'), 'ot');
      assert.equal(kxBucketFor(['59'], 'SLP'), 'pt_slp');
      assert.equal(kxBucketFor([]), undefined);
    });
  });

  describe('NCCI', () => {
    it('97140 with a PT evaluation: evaluation column 1, indicator 1, from 2020', () => {
      const p = findNcciPair('97140', '97161', '2026-01-10');
      assert.ok(p);
      assert.equal(p.column1, '97161');
      assert.equal(p.column2, '97140');
      assert.equal(p.modifierIndicator, 1);
      assert.deepEqual(findNcciPair('97161', '97140', '2026-01-10'), p);
      assert.equal(findNcciPair('97140', '97161', '2019-12-31'), undefined);
    });

    it('97530/97150 with initial evaluations: hard edit only in Q1 2020', () => {
      const early = findNcciPair('97163', '97530', '2020-02-01');
      assert.equal(early?.modifierIndicator, 0);
      assert.equal(early?.column1, '97530');
      assert.equal(findNcciPair('97163', '97530', '2020-04-01'), undefined);
      assert.equal(findNcciPair('97150', '97166', '2026-01-10'), undefined);
    });

    it('97164 is column 2 to 97530 and 97150', () => {
      const p = findNcciPair('97164', '97530', '2026-01-10');
      assert.equal(p?.column1, '97530');
      assert.equal(p?.column2, '97164');
      assert.equal(p?.modifierIndicator, 1);
    });

    it('97140 / 97530 and 97150 / individual codes', () => {
      assert.equal(findNcciPair('97530', '97140', '2026-01-10')?.column1, '97140');
      assert.equal(findNcciPair('97110', '97150', '2026-01-10')?.column1, '97150');
      assert.equal(findNcciPair('97110', '97140', '2026-01-10'), undefined);
    });

    it('97140 with compression: indicator 0 until 2021, 1 from 2022', () => {
      assert.equal(findNcciPair('97140', '29581', '2019-05-01')?.modifierIndicator, 0);
      assert.equal(findNcciPair('97140', '29581', '2021-12-31')?.modifierIndicator, 0);
      assert.equal(findNcciPair('97140', '29584', '2022-01-01')?.modifierIndicator, 1);
    });

    it('97750 pairs with evaluations are marked unconfirmed', () => {
      const p = findNcciPair('97750', '97165', '2026-01-10');
      assert.equal(p?.indicatorConfidence, 'U');
      assert.equal(p?.column2, '97750');
      assert.ok(ncciPairs('2026-01-10').length > 20);
    });

    it('one PT and one OT evaluation per date', () => {
      assert.equal(sameDayExclusiveGroups.length, 2);
      assert.deepEqual(sameDayGroupsFor('97164', '2026-01-10').map((g) => g.id), ['pt-evaluation']);
      assert.deepEqual(sameDayGroupsFor('97166', '2026-01-10').map((g) => g.id), ['ot-evaluation']);
      assert.equal(sameDayGroupsFor('97110', '2026-01-10').length, 0);
    });
  });

  describe('MUE', () => {
    it('values and MAIs from report §5.3', () => {
      assert.equal(mueFor('97110', '2026-01-10')?.maxUnits, 6);
      assert.equal(mueFor('97530', '2026-01-10')?.maxUnits, 6);
      assert.equal(mueFor('97112', '2026-01-10')?.maxUnits, 4);
      assert.equal(mueFor('97750', '2026-01-10')?.maxUnits, 8);
      assert.deepEqual([mueFor('97032', '2026-01-10')?.maxUnits, mueFor('97032', '2026-01-10')?.mai], [4, 3]);
      assert.deepEqual([mueFor('97035', '2026-01-10')?.maxUnits, mueFor('97035', '2026-01-10')?.mai], [2, 3]);
      for (const c of ['97012', '97018', '97022', '97024', '92507']) assert.equal(mueFor(c, '2026-01-10')?.mai, 3, c);
      for (const c of ['92526', '92610']) assert.equal(mueFor(c, '2026-01-10')?.mai, 2, c);
      for (const c of ['97161', '97164', '97165', '97168']) {
        assert.equal(mueFor(c, '2026-01-10')?.maxUnits, 1, c);
        assert.equal(mueFor(c, '2026-01-10')?.confidence, 'D', c);
      }
      assert.equal(mueFor('97140', '2026-01-10'), undefined);
    });
  });
});

/**
 * The CMS 8-minute rule (Pub 100-04 ch. 5 §20.2 C): the unit table's edges and the worked
 * examples of section 2.3 of the billing rules, as accepted and rejected allocations.
 */
import assert from 'node:assert/strict';
import {
  allowedAllocations,
  cmsAllocation,
  isAllowedAllocation,
  minuteRangeForUnits,
  perCodeUnits,
  unitsForMinutes,
} from '../../src/core/billing/eightMinute';
import { unitsForLongCode } from '../../src/core/rules/units/timedUnits51Percent';

const visit = (...minutes: number[]) => cmsAllocation(minutes.map((m, i) => ({ code: `c${i}`, minutes: m })));

describe('8-minute rule: unit table', () => {
  const table: [number, number][] = [
    [0, 0], [7, 0], [8, 1], [22, 1], [23, 2], [37, 2], [38, 3], [52, 3], [53, 4], [67, 4],
    [68, 5], [82, 5], [83, 6], [97, 6], [98, 7], [112, 7], [113, 8], [127, 8], [128, 9],
  ];
  for (const [minutes, units] of table) {
    it(`${minutes} minutes → ${units} units`, () => assert.equal(unitsForMinutes(minutes), units));
  }
  it('follows the pattern beyond two hours: (15n − 7) … (15n + 7) → n', () => {
    for (let n = 1; n <= 40; n++) {
      const [lo, hi] = minuteRangeForUnits(n);
      assert.equal(unitsForMinutes(lo), n);
      assert.equal(unitsForMinutes(hi), n);
      assert.equal(unitsForMinutes(lo - 1), n - 1);
      assert.equal(unitsForMinutes(hi + 1), n + 1);
    }
  });
});

describe('8-minute rule: CMS worked examples', () => {
  it('Ex. 1: 24 min 97112 + 23 min 97110 = 47 → 2 + 1, and not 1 + 2', () => {
    const a = visit(24, 23);
    assert.equal(a.totalUnits, 3);
    assert.ok(isAllowedAllocation(a, [2, 1]));
    assert.ok(!isAllowedAllocation(a, [1, 2]));
    assert.ok(!isAllowedAllocation(a, [3, 0]));
    assert.deepEqual(allowedAllocations(a), [[2, 1]]);
  });

  it('Ex. 2: 20 + 20 = 40 → 2 + 1 or 1 + 2 (a tie goes either way), never 3 + 0', () => {
    const a = visit(20, 20);
    assert.equal(a.totalUnits, 3);
    assert.ok(isAllowedAllocation(a, [2, 1]));
    assert.ok(isAllowedAllocation(a, [1, 2]));
    assert.ok(!isAllowedAllocation(a, [3, 0]));
    assert.ok(!isAllowedAllocation(a, [0, 3]));
    assert.deepEqual(allowedAllocations(a), [[2, 1], [1, 2]]);
  });

  it('Ex. 3: 33 min 97110 + 7 min 97140 = 40 → 2 + 1 (the 7 minutes beat the 3 left over)', () => {
    const a = visit(33, 7);
    assert.equal(a.totalUnits, 3);
    assert.ok(isAllowedAllocation(a, [2, 1]));
    assert.ok(!isAllowedAllocation(a, [3, 0]));
    assert.deepEqual(allowedAllocations(a), [[2, 1]]);
  });

  it('Ex. 4: 18 + 13 + 10 + 8 = 49 → 1 + 1 + 1 + 0 (97035 documented, not billed)', () => {
    const a = visit(18, 13, 10, 8);
    assert.equal(a.totalUnits, 3);
    assert.ok(isAllowedAllocation(a, [1, 1, 1, 0]));
    assert.ok(!isAllowedAllocation(a, [1, 1, 0, 1]));
    assert.ok(!isAllowedAllocation(a, [2, 1, 0, 0]));
    assert.deepEqual(allowedAllocations(a), [[1, 1, 1, 0]]);
  });

  it('Ex. 5: 7 + 7 + 7 = 21 → 1 unit of any one code', () => {
    const a = visit(7, 7, 7);
    assert.equal(a.totalUnits, 1);
    for (const alloc of [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) assert.ok(isAllowedAllocation(a, alloc));
    assert.ok(!isAllowedAllocation(a, [1, 1, 0]));
    assert.equal(allowedAllocations(a).length, 3);
  });

  it('60 minutes of 97530 alone → 4 units', () => {
    const a = visit(60);
    assert.deepEqual(allowedAllocations(a), [[4]]);
    assert.ok(!isAllowedAllocation(a, [5]));
  });

  it('a single service under 8 minutes is not billable', () => {
    const a = visit(7);
    assert.equal(a.totalUnits, 0);
    assert.ok(isAllowedAllocation(a, [0]));
    assert.ok(!isAllowedAllocation(a, [1]));
  });

  it('short services that add up: 5 min 97116 + 7 min 97112 → 1 unit of 97112 (most minutes)', () => {
    const a = visit(5, 7);
    assert.deepEqual(allowedAllocations(a), [[0, 1]]);
  });

  it('rejects the proportional shortcut: 20 / 10 / 10 → 1 / 1 / 1, not 2 / 1 / 0', () => {
    const a = visit(20, 10, 10);
    assert.deepEqual(allowedAllocations(a), [[1, 1, 1]]);
    assert.ok(!isAllowedAllocation(a, [2, 1, 0]));
  });
});

describe('per-code rule of eights', () => {
  it('counts each code on its own minutes', () => {
    assert.deepEqual(perCodeUnits([{ code: 'a', minutes: 33 }, { code: 'b', minutes: 7 }]), [2, 0]);
    assert.deepEqual(perCodeUnits([{ code: 'a', minutes: 8 }, { code: 'b', minutes: 8 }]), [1, 1]);
    assert.deepEqual(perCodeUnits([{ code: 'a', minutes: 20 }, { code: 'b', minutes: 20 }]), [1, 1]);
  });
});

describe('codes timed per hour or half hour (51% rule)', () => {
  const cases: [number, number, number][] = [
    [30, 60, 0], [31, 60, 1], [60, 60, 1], [90, 60, 1], [91, 60, 2],
    [15, 30, 0], [16, 30, 1], [45, 30, 1], [46, 30, 2], [7, 15, 0], [8, 15, 1],
  ];
  for (const [minutes, period, units] of cases) {
    it(`${minutes} minutes of a ${period}-minute code → ${units}`, () => assert.equal(unitsForLongCode(minutes, period, 0.51), units));
  }
});

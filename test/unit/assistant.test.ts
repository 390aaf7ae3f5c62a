/**
 * The CY 2022 per-unit assistant (CQ/CO) rules, on the examples of billing-rules §4.2, then
 * the same examples as claims through the engine.
 */
import assert from 'node:assert/strict';
import { assistantUnitsTimed, assistantUnitsUntimed } from '../../src/core/billing/assistantCqCoUnits';
import { resolveConfig } from '../../src/core/config/schema';
import { audit } from '../../src/core/engine';
import { singleClaimYaml, type LineSpec } from '../support/claims';

const DM = 0.1;

function timed(units: number, therapistMinutes: number, assistantMinutes: number) {
  const r = assistantUnitsTimed({ units, therapistMinutes, assistantMinutes, deMinimis: DM });
  return [r.min, r.max];
}

describe('assistant units per code (CY 2022, billing-rules §4.2)', () => {
  it('PTA 13 min 97110 + PT 15 min 97110 (WebPT): of 2 units, 1 with CQ', () => {
    assert.deepEqual(timed(2, 15, 13), [1, 1]);
  });

  it('PT 22 min 97140 alone: no CQ', () => {
    assert.deepEqual(timed(1, 22, 0), [0, 0]);
  });

  it('12 + 12 minutes, two units left: the 9–14 minute exception gives one each', () => {
    assert.deepEqual(timed(2, 12, 12), [1, 1]);
    const r = assistantUnitsTimed({ units: 2, therapistMinutes: 12, assistantMinutes: 12, deMinimis: DM });
    assert.match(r.why, /9–14 minutes/);
  });

  it('14 + 10 and 9 + 14 minutes fall under the exception too', () => {
    assert.deepEqual(timed(2, 14, 10), [1, 1]);
    assert.deepEqual(timed(2, 9, 14), [1, 1]);
  });

  it('14 + 1 minutes: the unit goes to whoever furnished more of it', () => {
    assert.deepEqual(timed(1, 14, 1), [0, 0]); // PT 14, PTA 1
    assert.deepEqual(timed(1, 1, 14), [1, 1]); // PTA 14, PT 1
  });

  it('PTA 10 + PT 5 minutes of 97110: one unit with CQ (TherapyComply example A)', () => {
    assert.deepEqual(timed(1, 5, 10), [1, 1]);
  });

  it('PT treats the whole visit: no CQ', () => {
    assert.deepEqual(timed(3, 45, 0), [0, 0]);
    assert.deepEqual(timed(2, 30, 0), [0, 0]);
  });

  it('the assistant treats the whole visit: every unit with CQ', () => {
    assert.deepEqual(timed(3, 0, 38), [3, 3]);
    assert.deepEqual(timed(2, 0, 30), [2, 2]);
    assert.deepEqual(timed(1, 0, 8), [1, 1]);
  });

  it('PTA 23 + PT 13 minutes of 97110 (CMS scenario): one full CQ unit, the last unit to the PT', () => {
    assert.deepEqual(timed(2, 13, 23), [1, 1]);
  });

  it('final unit, both under 8 minutes: CQ when the assistant furnished more than 10% of it (§13.1: PT 6 + PTA 4, PT 7 + PTA 7)', () => {
    assert.deepEqual(timed(1, 6, 4), [1, 1]);
    assert.deepEqual(timed(1, 7, 7), [1, 1]);
    assert.deepEqual(timed(2, 22, 7), [1, 1]); // one full PT unit, then 7 + 7
    assert.deepEqual(timed(1, 7, 1), [1, 1]); // 1 of 8 minutes = 12.5% > 10%
    const r = assistantUnitsTimed({ units: 1, therapistMinutes: 6, assistantMinutes: 4, deMinimis: DM });
    assert.match(r.why, /both furnished fewer than 8 minutes/);
    assert.match(r.why, /40%/);
  });

  it('final unit: the therapist\'s 8 or more minutes keep it free of CQ; the assistant\'s 8 or more with the therapist under 8 need CQ', () => {
    assert.deepEqual(timed(1, 8, 7), [0, 0]);
    assert.deepEqual(timed(1, 8, 8), [0, 0]);
    assert.deepEqual(timed(1, 7, 8), [1, 1]);
    assert.deepEqual(timed(1, 5, 9), [1, 1]);
  });

  it('final unit with no assistant minutes, or none at or under the de minimis share: no CQ', () => {
    assert.deepEqual(timed(1, 7, 0), [0, 0]);
    assert.deepEqual(timed(2, 15, 0), [0, 0]);
  });

  it('units billed beyond the minutes: the assistant\'s leftover makes at most one CQ unit', () => {
    assert.deepEqual(timed(3, 14, 5), [1, 1]);
    assert.deepEqual(timed(3, 14, 1), [0, 0]);
  });

  it('is arithmetic: a huge unit count is answered and stays bounded', function () {
    // A hang guard, not a stopwatch: a loop over 2^53 units would never end.
    this.timeout(5000);
    assert.deepEqual(timed(1e9, 30, 30), [2, 2]);
    assert.deepEqual(timed(Number.MAX_SAFE_INTEGER, 0, 1e12), [66666666667, 66666666667]); // 66666666666 full units + 10 minutes
    assert.deepEqual(timed(Number.POSITIVE_INFINITY, 10, 10), [0, 0]);
  });

  it('fewer units than full units: any full units may be the ones dropped', () => {
    assert.deepEqual(timed(1, 15, 15), [0, 1]);
    assert.deepEqual(timed(2, 30, 30), [0, 2]);
  });

  it('no units billed: none with CQ', () => {
    assert.deepEqual(timed(0, 5, 5), [0, 0]);
  });

  it('untimed codes: CQ/CO when the assistant furnished more than 10% of the service', () => {
    const u = (total: number, a: number) => {
      const r = assistantUnitsUntimed({ units: 1, totalMinutes: total, assistantMinutes: a, deMinimis: DM });
      return [r.min, r.max];
    };
    assert.deepEqual(u(30, 3), [0, 0]);
    assert.deepEqual(u(30, 4), [1, 1]);
    assert.deepEqual(u(30, 30), [1, 1]);
    assert.deepEqual(u(30, 0), [0, 0]);
  });
});

/** A one-claim Medicare PT file of these lines (a plan naming only its discipline). */
const claim = (lines: LineSpec[], payer = 'medicare'): string => singleClaimYaml({ id: 'A-1', date: '2026-03-10', payer, plan: 'discipline', lines });

function assistantFindings(text: string): string[] {
  return audit(text)
    .findings.filter((f) => f.rule.startsWith('assistant-'))
    .map((f) => `${f.rule} ${f.path}`);
}

describe('assistant rules on claims', () => {
  it('the WebPT visit billed as 97140 GP, 97110 GP, 97110 GP-CQ is clean', () => {
    const text = claim([
      { code: '97140', modifiers: ['GP'], units: 1, minutes: 22, assistantMinutes: 0 },
      { code: '97110', modifiers: ['GP'], units: 1, minutes: 15, assistantMinutes: 0 },
      { code: '97110', modifiers: ['GP', 'CQ'], units: 1, minutes: 13, assistantMinutes: 13 },
    ]);
    // Units, modifiers and coding all agree (documentation rules are not this file's subject).
    const got = audit(text).findings.filter((f) => !f.rule.startsWith('documentation') && f.rule !== 'visit-minutes-mismatch');
    assert.deepEqual(got.map((f) => f.rule), []);
  });

  it('the same visit with 97110 on one line of 2 units without CQ: missing, and no whole-line fix', () => {
    const text = claim([
      { code: '97140', modifiers: ['GP'], units: 1, minutes: 22, assistantMinutes: 0 },
      { code: '97110', modifiers: ['GP'], units: 2, minutes: 28, assistantMinutes: 13 },
    ]);
    const f = audit(text).findings.filter((x) => x.rule === 'assistant-modifier-missing');
    assert.equal(f.length, 1);
    assert.equal(f[0].path, 'claim.lines[1].modifiers');
    assert.deepEqual(f[0].fixes, []);
    assert.match(f[0].message, /of which 1 must carry CQ/);
    assert.match(f[0].message, /separate line/);
  });

  it('12 + 12 minutes on one line with CQ: one unit too many with CQ', () => {
    const text = claim([{ code: '97110', modifiers: ['GP', 'CQ'], units: 2, minutes: 24, assistantMinutes: 12 }]);
    assert.deepEqual(assistantFindings(text), ['assistant-modifier-unsupported claim.lines[0].modifiers[1]']);
  });

  it('the assistant-only visit needs CQ on every line; the fix adds it', () => {
    const text = claim([{ code: '97530', modifiers: ['GP'], units: 2, minutes: 30, assistantMinutes: 30 }]);
    const f = audit(text).findings.find((x) => x.rule === 'assistant-modifier-missing')!;
    assert.equal(f.fixes[0].preferred, true);
    assert.equal(f.fixes[0].title, 'Add CQ to service line 1 (97530)');
  });

  it('assistant minutes that are not stated are not judged', () => {
    const text = claim([{ code: '97110', modifiers: ['GP', 'CQ'], units: 1, minutes: 15 }]);
    assert.deepEqual(assistantFindings(text), []);
  });

  it('other payers are checked only when the rule options list them', () => {
    const text = claim([{ code: '97530', modifiers: ['GP'], units: 2, minutes: 30, assistantMinutes: 30 }], 'commercial');
    assert.deepEqual(assistantFindings(text), []);
    const config = resolveConfig({ rules: { 'assistant-modifier-missing': { options: { payerTypes: ['commercial'] } } } });
    const got = audit(text, { config }).findings.filter((f) => f.rule.startsWith('assistant-')).map((f) => f.rule);
    assert.deepEqual(got, ['assistant-modifier-missing']);
  });
});

describe('assistant units: arithmetic, not a loop by the file\'s number', () => {
  it('a billion units with a few minutes is answered by arithmetic', function () {
    // A hang guard, not a stopwatch: 2^53 units would never finish in a per-unit loop.
    this.timeout(5000);
    assert.equal(assistantUnitsTimed({ units: Number.MAX_SAFE_INTEGER, therapistMinutes: 10, assistantMinutes: 20, deMinimis: DM }).max, 2);
    const r = assistantUnitsTimed({ units: 1_000_000_000, therapistMinutes: 10, assistantMinutes: 20, deMinimis: DM });
    assert.deepEqual([r.min, r.max], [2, 2]);
    assert.ok(r.why.length < 400, r.why);
    assert.match(r.why, /no minutes left for 999999997 units/);
  });
});

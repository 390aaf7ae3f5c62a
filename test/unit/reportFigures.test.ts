/**
 * The audit report's figures on fixtures whose numbers are worked out by hand below:
 * claims and lines, error rates, timed units billed against supported (CMS pooled per
 * discipline, per-code for commercial payers), and the money at stake at national 2026
 * amounts with MPPR and the 85% CQ/CO rate.
 *
 * 2026 figures used (billing-rules §6): CF $33.4009; 97112 0.98 RVU (PE 0.47) = $32.73;
 * 97110 0.87 (PE 0.41) = $29.06; 97530 1.05 (PE 0.60) = $35.07; 97140 0.83 = $27.72 (no
 * PE split in the data, so never reduced).
 * MPPR-reduced units: 97112 (0.98 − 0.235) × 33.4009 = 24.8837 → $24.88;
 * 97110 (0.87 − 0.205) × 33.4009 = 22.2116 → $22.21;
 * 97530 CQ: full 35.07 × 0.85 = 29.8095 → $29.81, reduced 0.75 × 33.4009 × 0.85 = 21.2931 → $21.29.
 */
import assert from 'node:assert/strict';
import { resolveConfig } from '../../src/core/config/schema';
import { audit } from '../../src/core/engine';
import { analyze } from '../../src/core/pipeline/analyze';
import { RULES_BY_ID } from '../../src/core/rules';
import { collectClaims, computeFigures, priceDay, reportFindings, type FileAudit, type ReportFinding } from '../../src/report';

const FILE_A = `claims:
  # A1: 24 + 23 = 47 timed minutes → 3 units (97112 ×2, 97110 ×1); 4 billed → 1 over.
  - id: A1
    date_of_service: 2026-03-14
    payer: { type: medicare }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT }
    patient: { id: PAT-SECRET-1 }
    lines:
      - { code: "97112", modifiers: [GP], units: 3, minutes: 24 }
      - { code: "97110", modifiers: [GP], units: 1, minutes: 23 }
  # A2: 38 minutes of 97530 by the assistant → 3 units; 2 billed → 1 under.
  - id: A2
    date_of_service: 2026-03-15
    payer: { type: medicare }
    provider: { npi: "1234567893" }
    plan_of_care: { discipline: PT }
    lines:
      - { code: "97530", modifiers: [GP, CQ], units: 2, minutes: 38, assistant_minutes: 38 }
  # A3: commercial → per-code rule: 97110 33 min → 2 (2 billed); 97140 7 min → 0 (1 billed) → 1 over.
  - id: A3
    date_of_service: 2026-03-16
    payer: { type: commercial }
    provider: { npi: "1245319599" }
    plan_of_care: { discipline: PT }
    lines:
      - { code: "97110", modifiers: [GP], units: 2, minutes: 33 }
      - { code: "97140", modifiers: [GP], units: 1, minutes: 7 }
  # A4: GP and GO are separate pools (§13.2): 10 min each → 1 unit each; pooled it would be 1.
  - id: A4
    date_of_service: 2026-03-17
    payer: { type: medicare }
    provider: { npi: "1245319599" }
    lines:
      - { code: "97110", modifiers: [GP], units: 1, minutes: 10 }
      - { code: "97530", modifiers: [GO], units: 1, minutes: 10 }
  # A5: the second line fails the schema, so its timed units are not counted.
  - id: A5
    date_of_service: 2026-03-18
    payer: { type: medicare }
    plan_of_care: { discipline: SLP }
    lines:
      - { code: "92507", modifiers: [GN], units: 1 }
      - { code: "97110", modifiers: [GN], units: two, minutes: 20 }
---
this document: [does not parse
`;

const FILE_B = `claim:
  id: B1
  date_of_service: 2026-03-19
  payer: { type: medicare }
  provider: { npi: "1234567893", discipline: PT }
  lines:
    - { code: "97545", modifiers: [GP], units: 1, minutes: 120 }
`;

const config = resolveConfig();
const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const finding = (rule: string, severity: ReportFinding['severity'], path: string, document = 0): ReportFinding => ({
  rule,
  category: RULES_BY_ID.get(rule)!.category,
  severity,
  message: `${rule} test finding`,
  document,
  path,
  range: at,
});

const findingsA: ReportFinding[] = [
  finding('timed-units-total', 'error', 'claims[0].lines[0].units'), // A1 line 1, GP
  finding('documentation-weak', 'warning', 'claims[0].lines[1].documentation'), // A1 line 2
  finding('timed-units-total', 'error', 'claims[1].lines[0].units'), // A2
  finding('timed-units-per-code', 'error', 'claims[2].lines[1].units'), // A3 line 2
  finding('timed-units-per-code', 'error', 'claims[2].lines[1]'), // same line again: still one line
  finding('therapy-modifier-mismatch', 'error', 'claims[3].lines[1].modifiers'), // A4 line 2, GO → OT
  finding('claim-schema', 'error', 'claims[4].lines[1].units'), // A5 line 2 (unusable) → claim's SLP
  finding('yaml-syntax', 'error', '', 1), // the second document: outside any claim
];
const findingsB: ReportFinding[] = [finding('certification-late', 'warning', 'claim.plan_of_care')];

function files(): FileAudit[] {
  return [
    { path: 'a.claim.yaml', claims: collectClaims(analyze(FILE_A, { config })), findings: findingsA },
    { path: 'b.claim.yaml', claims: collectClaims(analyze(FILE_B, { config })), findings: findingsB },
  ];
}

describe('audit report: claim facts', () => {
  it('finds every claim with its path, id, NPI and line count', () => {
    const a = collectClaims(analyze(FILE_A, { config }));
    assert.deepEqual(
      a.map((c) => [c.document, c.path, c.id, c.npi ?? null, c.lineCount]),
      [
        [0, 'claims[0]', 'A1', '1234567893', 2],
        [0, 'claims[1]', 'A2', '1234567893', 1],
        [0, 'claims[2]', 'A3', '1245319599', 2],
        [0, 'claims[3]', 'A4', '1245319599', 2],
        [0, 'claims[4]', 'A5', null, 2],
      ],
    );
    assert.deepEqual(collectClaims(analyze(FILE_B, { config })).map((c) => [c.path, c.id]), [['claim', 'B1']]);
  });

  it('CMS rule: the allowed split nearest the bill is what the minutes support', () => {
    const [a1] = collectClaims(analyze(FILE_A, { config }));
    assert.deepEqual(
      a1.timed!.map((c) => [c.code, c.minutes, c.billed, c.supported]),
      [
        ['97112', 24, 3, 2],
        ['97110', 23, 1, 1],
      ],
    );
  });

  it('per-code rule for a commercial payer; separate pools per discipline', () => {
    const [, , a3, a4, a5] = collectClaims(analyze(FILE_A, { config }));
    assert.equal(a3.unitRule, 'per-code');
    assert.deepEqual(a3.timed!.map((c) => c.supported), [2, 0]);
    assert.deepEqual(a4.timed!.map((c) => [c.discipline, c.supported]), [['PT', 1], ['OT', 1]]);
    assert.equal(a5.timed, undefined, 'an unusable line makes the count untrustworthy');
  });

  it("a timed line missing its therapy modifier counts in the claim's discipline pool", () => {
    const text = `claim:
  id: M1
  date_of_service: 2026-03-14
  payer: { type: medicare }
  plan_of_care: { discipline: PT }
  lines:
    - { code: "97112", modifiers: [GP], units: 3, minutes: 24 }
    - { code: "97110", units: 1, minutes: 23 }
`;
    // One PT pool of 47 minutes → 3 units (not 24 → 2 in PT and 23 → 2 in no pool).
    const [m1] = collectClaims(analyze(text, { config }));
    assert.deepEqual(m1.timed!.map((c) => [c.code, c.discipline, c.supported]), [['97112', 'PT', 2], ['97110', 'PT', 1]]);
  });
});

describe('audit report: money', () => {
  it('MPPR: the highest-PE unit in full, the rest with half their practice expense', () => {
    // 32.73 + 2 × 24.88 + 22.21
    assert.deepEqual(priceDay([{ code: '97112', units: 3, modifiers: ['GP'] }, { code: '97110', units: 1, modifiers: ['GP'] }], '2026-03-14'), {
      amount: 104.7,
      unpricedUnits: 0,
    });
  });
  it('CQ lines at 85%, after the reduction', () => {
    // 29.81 + 21.29
    assert.equal(priceDay([{ code: '97530', units: 2, modifiers: ['GP', 'CQ'] }], '2026-03-15').amount, 51.1);
  });
  it('codes without a national amount (work hardening, status R) are counted, not priced', () => {
    assert.deepEqual(priceDay([{ code: '97545', units: 1, modifiers: ['GP'] }], '2026-03-19'), { amount: 0, unpricedUnits: 1 });
  });
});

describe('audit report: figures', () => {
  const f = computeFigures(files());

  it('claims and lines audited, claims with errors and the line error rate', () => {
    assert.equal(f.files, 2);
    assert.equal(f.claims, 6); // A1–A5, B1
    assert.equal(f.lines, 10); // 2 + 1 + 2 + 2 + 2 + 1
    assert.equal(f.claimsWithErrors, 5); // A1–A5; B1 has only a warning
    assert.equal(f.claimErrorRate, 5 / 6);
    assert.equal(f.linesWithErrors, 5); // A1 l1, A2 l1, A3 l2 (twice), A4 l2, A5 l2
    assert.equal(f.lineErrorRate, 0.5);
    assert.deepEqual(f.findings, { error: 7, warning: 2, info: 0 });
    assert.equal(f.fileLevelFindings, 1);
  });

  it('timed units billed against supported, over and under per pool', () => {
    // billed 4 + 2 + 3 + 2 + 0 = 11; supported 3 + 3 + 2 + 2 + 0 = 10; A5 not counted
    assert.deepEqual(f.timedUnits, { billed: 11, supported: 10, over: 2, under: 1, claimsNotCounted: 1 });
  });

  it('overpayment, underpayment and net in dollars', () => {
    // A1: 104.70 billed − (32.73 + 24.88 + 22.21 = 79.82) = 24.88 over.
    // A3: 97110 ×2 + 97140 ×1 = 29.06 + 22.21 + 21.21 (97140 with half its PE, MPPR) = 72.48; without the 97140 unit 51.27 → 21.21 over.
    // A2: 51.10 billed − (29.81 + 2 × 21.29 = 72.39) = −21.29 → under.
    assert.equal(f.money.overpayment, 46.09);
    assert.equal(f.money.underpayment, 21.29);
    assert.equal(f.money.net, 24.8);
    assert.equal(f.money.unpricedUnits, 1); // B1's work hardening (Medicare status R: no national rate)
    assert.match(f.money.basis, /National/);
    const delta = Object.fromEntries(f.rows.map((r) => [r.claim.id, r.amountDelta ?? null]));
    assert.deepEqual(delta, { A1: 24.88, A2: -21.29, A3: 21.21, A4: 0, A5: null, B1: 0 });
  });

  it('findings by rule, category, rendering NPI and discipline', () => {
    assert.deepEqual(
      f.byRule.map((c) => [c.key, c.findings, c.errors]),
      [
        ['timed-units-per-code', 2, 2],
        ['timed-units-total', 2, 2],
        ['claim-schema', 1, 1],
        ['therapy-modifier-mismatch', 1, 1],
        ['yaml-syntax', 1, 1],
        ['certification-late', 1, 0],
        ['documentation-weak', 1, 0],
      ],
    );
    assert.deepEqual(
      f.byCategory.map((c) => [c.key, c.findings]),
      [
        ['units', 4],
        ['modifiers', 1],
        ['coding', 0],
        ['documentation', 1],
        ['plan-of-care', 1],
        ['syntax', 2],
      ],
    );
    assert.deepEqual(
      f.byNpi.map((c) => [c.key, c.findings, c.errors]),
      [
        ['1234567893', 4, 2],
        ['1245319599', 3, 3],
        ['(none)', 1, 1],
      ],
    );
    assert.deepEqual(
      f.byDiscipline.map((c) => [c.key, c.findings]),
      [
        ['PT', 6],
        ['OT', 1],
        ['SLP', 1],
      ],
    );
  });

  it('one row per claim with its own findings, counts and worst severity', () => {
    assert.deepEqual(
      f.rows.map((r) => [r.file, r.claim.id, r.findings.length, r.errors, r.warnings, r.worst ?? null, r.billedUnits ?? null, r.supportedUnits ?? null]),
      [
        ['a.claim.yaml', 'A1', 2, 1, 1, 'error', 4, 3],
        ['a.claim.yaml', 'A2', 1, 1, 0, 'error', 2, 3],
        ['a.claim.yaml', 'A3', 2, 2, 0, 'error', 3, 2],
        ['a.claim.yaml', 'A4', 1, 1, 0, 'error', 2, 2],
        ['a.claim.yaml', 'A5', 1, 1, 0, 'error', null, null],
        ['b.claim.yaml', 'B1', 1, 0, 1, 'warning', 0, 0],
      ],
    );
  });

  it('with the real audit: every error finding inside a claim is counted once, on its claim', () => {
    const findings = audit(FILE_A, { config }).findings;
    const real = computeFigures([{ path: 'a', claims: collectClaims(analyze(FILE_A, { config })), findings: reportFindings(findings) }]);
    const prefixes = new Set(findings.filter((x) => x.severity === 'error').map((x) => /^claims\[\d+\]/.exec(x.path)?.[0]).filter((p) => p));
    assert.equal(real.claimsWithErrors, prefixes.size);
    assert.equal(
      real.rows.reduce((s, r) => s + r.findings.length, 0) + real.fileLevelFindings,
      findings.length,
    );
    assert.ok(real.fileLevelFindings >= 1, 'the broken second document is a file-level finding');
  });
});

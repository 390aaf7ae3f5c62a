/**
 * `claimlint remit` (issue 27): the real CLI binary, spawned, on claim files and 835s built
 * from the 005010X221A1 structure (test/support/x835.ts). Every 835 carries sentinel patient
 * names and member ids (NM1*QC, NM1*IL) that must appear in no output, error or file.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from '../support/cli';
import { interchange835, SENTINELS, type Clp } from '../support/x835';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const HEAD = `# claimlint-disable-file documentation-missing, documentation-weak, goal-not-measurable, exercise-vs-activity
claims:`;
const POC = `    payer: { type: medicare }
    provider: { npi: "1234567893", discipline: PT }
    plan_of_care: { discipline: PT, start_date: 2026-03-02, certified_date: 2026-03-04, cert_through: 2026-05-29 }`;
const CLAIMS = `${HEAD}
  - id: PCN-100
    date_of_service: 2026-03-02
${POC}
    lines:
      - { code: "97163", modifiers: [GP], units: 1, minutes: 60 }
      - { code: "97140", modifiers: [GP], units: 1, minutes: 15 }
  - id: PCN-200
    date_of_service: 2026-03-03
${POC}
    lines:
      - { code: "97110", modifiers: [GP], units: 2, minutes: 30 }
  - id: PCN-300
    date_of_service: 2026-03-04
${POC}
    lines:
      - { code: "97110", modifiers: [GP], units: 2, minutes: 30 }
      - { code: "97112", modifiers: [GP], units: 1, minutes: 15 }
`;
const SPLIT = `${HEAD}
  - id: PCN-400-2026-03-09
    date_of_service: 2026-03-09
${POC}
    lines:
      - { code: "97110", modifiers: [GP], units: 1, minutes: 15 }
      - { code: "97110", modifiers: [GP], units: 1, minutes: 15 }
  - id: PCN-400-2026-03-11
    date_of_service: 2026-03-11
${POC}
    lines:
      - { code: "97530", modifiers: [GP], units: 2, minutes: 30 }
`;

const PAYMENTS: Clp[] = [
  {
    // NCCI: 97140 with an evaluation and no 59/X{EPSU}: denied CO-97, which ncci-modifier-missing predicts.
    id: 'PCN-100',
    charge: '227.72',
    paid: '150',
    lines: [
      { code: '97163', mods: ['GP'], charge: '200', paid: '150', date: '20260302', cas: [['CO', '45', '50']] },
      { code: '97140', mods: ['GP'], charge: '27.72', paid: '0', date: '20260302', cas: [['CO', '97', '27.72']], remarks: ['M80'] },
    ],
  },
  {
    // Paid, with a claim-level deductible, and an extra line no claim line matches.
    id: 'PCN-200',
    charge: '140',
    paid: '80',
    cas: [['PR', '1', '20']],
    lines: [
      { code: '97110', mods: ['GP'], charge: '100', paid: '80', units: '2', date: '20260303', cas: [['CO', '45', '0']] },
      { code: '97035', mods: ['GP'], charge: '40', paid: '0', date: '20260303', cas: [['CO', '45', '40']] },
    ],
  },
  {
    // Timely filing (no claim file can show it) and a frequency denial no finding predicted.
    id: 'PCN-300',
    status: '4',
    charge: '150',
    paid: '0',
    lines: [
      { code: '97110', mods: ['GP'], charge: '100', paid: '0', units: '2', date: '20260304', cas: [['CO', '29', '100']] },
      { code: '97112', mods: ['GP'], charge: '50', paid: '0', date: '20260304', cas: [['CO', '151', '50']] },
    ],
  },
  { id: 'PCN-999', charge: '10', paid: '10', lines: [{ code: '97110', mods: ['GP'], charge: '10', paid: '10', date: '20260305' }] },
];

/** The split claim's payment, in a file of two interchanges with different separators. */
const SPLIT_PAYMENT: Clp = {
  id: 'PCN-400',
  charge: '200',
  paid: '170',
  lines: [
    { code: '97110', mods: ['GP'], charge: '50', paid: '40', date: '20260309', cas: [['CO', '45', '10']] },
    { code: '97530', mods: ['GP'], charge: '100', paid: '90', units: '2', date: '20260311', cas: [['CO', '45', '10']] },
    { code: '97110', mods: ['GP'], charge: '50', paid: '40', date: '20260309', cas: [['CO', '45', '10']] },
  ],
};

function noSentinel(...texts: string[]): void {
  for (const t of texts) for (const s of SENTINELS) assert.ok(!t.includes(s), `${s} leaked`);
}

describe('claimlint remit (spawned binary)', function () {
  this.timeout(60_000);
  let dir: string;
  const run = (args: string[]): CliRun => {
    const r = runCli(['remit', ...args], dir);
    noSentinel(r.stdout, r.stderr);
    return r;
  };
  beforeEach(() => {
    dir = makeTmpDir('remit');
    mkdirSync(join(dir, 'claims'));
    mkdirSync(join(dir, 'era'));
    writeFileSync(join(dir, 'claims', 'visits.claim.yaml'), CLAIMS);
    writeFileSync(join(dir, 'claims', 'split.claim.yaml'), SPLIT);
    writeFileSync(join(dir, 'era', 'march.835'), interchange835(7, [{ claims: PAYMENTS, plb: [['WO', '12.50']] }]));
    const a = interchange835(8, [{ claims: [{ ...SPLIT_PAYMENT, lines: SPLIT_PAYMENT.lines.slice(0, 2) }] }]);
    const b = interchange835(9, [{ claims: [{ id: 'PCN-400', charge: '50', paid: '40', lines: SPLIT_PAYMENT.lines.slice(2) }] }], { element: '|', repetition: '^', component: '>', segment: '\n', eol: '' });
    writeFileSync(join(dir, 'era', 'split.edi'), a + b);
  });
  afterEach(() => removeTmpDir(dir));

  it('json: paid, predicted and unpredictable denials, missed, unmatched, split ids, claim-level CAS, PLB, two interchanges', () => {
    const r = run(['--format', 'json', 'claims', 'era']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    const byId = new Map<string, { file: string; status: string; adjustments: unknown[]; lines: { line: number | null; code: string; paid: number; denied: boolean; findings: string[]; explainedBy: string[]; adjustments: { group: string; reason: string; amount: number }[]; remarks: string[] }[] }>(
      out.claims.map((c: { id: string }) => [c.id, c]),
    );
    // Predicted: CO-97 on 97140, by the NCCI rule that fired on that very line.
    const ncci = byId.get('PCN-100')!;
    assert.equal(ncci.file, 'claims/visits.claim.yaml');
    assert.deepEqual(ncci.lines[1].line, 2);
    assert.ok(ncci.lines[1].denied);
    assert.ok(ncci.lines[1].findings.includes('ncci-modifier-missing'));
    assert.deepEqual(ncci.lines[1].explainedBy, ['ncci-modifier-missing']);
    assert.deepEqual(ncci.lines[1].remarks, ['M80']);
    assert.equal(ncci.lines[0].denied, false);
    // Paid, claim-level CAS, and an unmatched line kept.
    const paid = byId.get('PCN-200')!;
    assert.deepEqual(paid.adjustments, [{ group: 'PR', reason: '1', amount: 20 }]);
    assert.deepEqual(paid.lines.map((l) => [l.line, l.code, l.paid]), [[1, '97110', 80], [null, '97035', 0]]);
    // Unpredictable (CO-29) vs missed (CO-151 with no finding).
    const denied = byId.get('PCN-300')!;
    assert.equal(denied.status, '4');
    assert.deepEqual(denied.lines.map((l) => [l.denied, l.explainedBy]), [[true, []], [true, []]]);
    // Unmatched claim.
    assert.equal(byId.get('PCN-999')!.file, null);
    assert.deepEqual(out.unmatched.map((u: { clp01: string; line?: number }) => [u.clp01, u.line ?? null]), [['PCN-200', 2], ['PCN-999', null]]);
    // Split ids across the two interchanges (one with | > and newline terminators), 835 order kept.
    const d9 = out.claims.filter((c: { clp01: string; id: string }) => c.clp01 === 'PCN-400' && c.id === 'PCN-400-2026-03-09');
    assert.deepEqual(d9.flatMap((c: { lines: { line: number }[] }) => c.lines.map((l) => l.line)), [1, 2]);
    const d11 = byId.get('PCN-400-2026-03-11')!;
    assert.equal(d11.file, 'claims/split.claim.yaml');
    assert.deepEqual(d11.lines.map((l) => [l.line, l.code]), [[1, '97530']]);
    // PLB and the summary.
    assert.deepEqual(out.providerAdjustments.map((p: { reason: string; amount: number }) => [p.reason, p.amount]), [['WO', 12.5]]);
    assert.deepEqual(
      [out.summary.deniedLines, out.summary.explainedLines, out.summary.unknowableLines, out.summary.missedLines, out.summary.explainedAmount],
      [4, 1, 2, 1, 27.72],
    );
    assert.deepEqual(out.summary.missedByReason.map((m: { reason: string }) => m.reason), ['CO-151']);
  });

  it("a line's findings are the audit's own (claimlint --format json on the same files)", () => {
    const audit = JSON.parse(runCli(['--format', 'json', 'claims'], dir).stdout);
    const remit = JSON.parse(run(['--format', 'json', 'claims', 'era']).stdout);
    for (const c of remit.claims.filter((x: { file: string | null }) => x.file)) {
      const file = audit.files.find((f: { path: string }) => f.path === c.file);
      for (const l of c.lines.filter((x: { line: number | null }) => x.line !== null)) {
        const expected = [
          ...new Set(
            file.findings
              .filter((f: { path: string }) => new RegExp(`^claims\\[\\d+\\]\\.lines\\[${l.line - 1}\\]`).test(f.path))
              .filter((f: { path: string }) => {
                const claimIndex = Number(/^claims\[(\d+)\]/.exec(f.path)![1]);
                return readFileSync(join(dir, c.file), 'utf8').split('\n  - id: ')[claimIndex + 1].startsWith(c.id);
              })
              .map((f: { rule: string }) => f.rule),
          ),
        ].sort();
        assert.deepEqual([...l.findings].sort(), expected, `${c.id} line ${l.line}`);
      }
    }
  });

  it('stylish names the reasons, the rules that predicted them, and what no rule can know', () => {
    const r = run(['claims', 'era']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Service line 2 \(97140 GP\): denied; CO-97 \$27\.72 — procedure bundled \(predicted by ncci-modifier-missing\)/);
    assert.match(r.stdout, /CO-29 \$100\.00 — timely filing \(not in the claim file: no rule can predict it\)/);
    assert.match(r.stdout, /835 line 2 \(97035 GP\), no matching service line/);
    assert.match(r.stdout, /Denied lines: 4 \(\$217\.72\); explained by claimlint: 1 \(25\.0%, \$27\.72\); not predictable: 2; not predicted: 1/);
    assert.match(r.stdout, /provider adjustments \(PLB\): WO \$12\.50/);
  });

  it('html: the audit report with a Payer decisions section (denials by reason, amounts, explained share, the to-do list)', () => {
    const r = run(['--format', 'html', '-o', 'report.html', 'claims', 'era']);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    noSentinel(html);
    assert.match(html, /<h2 id="payer-h">Payer decisions<\/h2>/);
    assert.match(html, /<figure id="chart-denials">[\s\S]*<svg/);
    assert.match(html, /Explained by claimlint<\/dt><dd>1<span class="sub">25\.0% of denied lines, \$27\.72/);
    assert.match(html, /<ul id="payer-missed"><li><code>CO-151<\/code> too many services: 1 line, \$50\.00/);
    assert.match(html, /<h2 id="claims-h">Claims<\/h2>/);
  });

  it('a malformed 835: exit 2 naming the file, segment and element, nothing written', () => {
    const bad = readFileSync(join(dir, 'era', 'march.835'), 'utf8').replace('SVC*HC:97140:GP*27.72*0', 'SVC*HC:97140:GP*27.72*ZZQPATIENTLAST');
    writeFileSync(join(dir, 'era', 'march.835'), bad);
    for (const format of ['json', 'html', 'stylish']) {
      const r = run(['--format', format, '-o', `out.${format}`, 'claims', 'era']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /era\/march\.835: segment \d+ \(SVC\), element SVC03: the line payment \(SVC03\) is not an amount; nothing written/);
      assert.equal(r.stdout, '');
      assert.ok(!existsSync(join(dir, `out.${format}`)));
    }
    assert.deepEqual(readdirSync(dir).sort(), ['claims', 'era']);
  });

  it('usage errors exit 2: no 835, an unknown format, an existing output without --force', () => {
    assert.equal(run(['claims']).code, 2);
    assert.match(run(['claims']).stderr, /no 835 remittance file/);
    assert.equal(run(['--format', 'sarif', 'claims', 'era']).code, 2);
    writeFileSync(join(dir, 'out.json'), 'keep');
    const r = run(['--format', 'json', '-o', 'out.json', 'claims', 'era']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /already exists; claimlint remit does not replace it/);
    assert.equal(readFileSync(join(dir, 'out.json'), 'utf8'), 'keep');
    assert.equal(run(['--format', 'json', '-o', 'out.json', '--force', 'claims', 'era']).code, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).version, 1);
  });

  it('an 837 given as the remittance is refused (exit 2), located, no patient value', () => {
    const text837 = readFileSync(join(dir, 'era', 'march.835'), 'utf8').replace('ST*835*', 'ST*837*');
    writeFileSync(join(dir, 'claim.edi'), text837);
    const r = run(['claims', 'claim.edi', 'era']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /claim\.edi: segment \d+ \(ST\), element ST01: not an 835/);
  });
});

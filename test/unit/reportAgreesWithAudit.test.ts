/**
 * The audit report and the audit agree: every fixture and example is audited and its report
 * facts collected from the same analysis, and each pool's timed units billed against
 * supported match the unit findings exactly, both ways:
 *
 * - CMS rule: a pool's billed total differs from its supported total ⇔ timed-units-total on
 *   a line of that pool; totals equal but a code's units differ ⇔ timed-units-allocation.
 * - per-code rule: a code's billed units differ from its supported units ⇔
 *   timed-units-per-code on a line of that code.
 * - a claim whose units the audit does not count (no unit finding can exist) has no timed
 *   facts and no money.
 *
 * Inline `claimlint-disable` directives are neutralised first (same length, so offsets
 * hold): a finding the user silenced is still a finding the figures count.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { resolveConfig } from '../../src/core/config/schema';
import { analyze } from '../../src/core/pipeline/analyze';
import type { LocatedFinding } from '../../src/core/types';
import { collectClaims, computeFigures, lineOf, priceDay, reportFindings, within, type ReportClaim, type TimedCodeUnits } from '../../src/report';
import { EXAMPLES, FIXTURES, ROOT } from '../support/paths';

const UNIT_RULES = new Set(['timed-units-total', 'timed-units-allocation', 'timed-units-per-code']);

function claimFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return claimFiles(p);
    return /\.(claim|fixed)\.ya?ml$/.test(name) ? [p] : [];
  });
}

const neutralised = (text: string) => text.replace(/claimlint-(disable|enable)/g, (m) => 'x'.repeat(m.length));

interface Pool {
  key: string;
  codes: TimedCodeUnits[];
}

function poolsOf(claim: ReportClaim): Pool[] {
  const by = new Map<string, TimedCodeUnits[]>();
  for (const c of claim.timed ?? []) by.set(c.discipline, [...(by.get(c.discipline) ?? []), c]);
  return [...by].map(([key, codes]) => ({ key, codes }));
}

/** What the facts say each unit rule must report: "rule@line" keys (a line of the pool or code). */
function disagreements(claims: ReportClaim[], findings: LocatedFinding[]): string[] {
  const problems: string[] = [];
  const unitFindings = findings.filter((f) => UNIT_RULES.has(f.rule));
  const owner = (f: LocatedFinding) => claims.find((c) => c.document === f.document && within(f.path, c.path));
  for (const f of unitFindings) {
    const claim = owner(f);
    if (!claim?.timed) problems.push(`${f.rule} at ${f.path}, but the report counts no timed units for its claim`);
  }
  for (const claim of claims) {
    const mine = unitFindings.filter((f) => owner(f) === claim);
    const lineOfFinding = (f: LocatedFinding) => lineOf(f.path, claim.path);
    if (!claim.timed) {
      if (claim.money) problems.push(`${claim.path}: money without timed units`);
      continue;
    }
    const explained = new Set<LocatedFinding>();
    for (const pool of poolsOf(claim)) {
      const lines = new Set(pool.codes.flatMap((c) => c.lines));
      const inPool = (rule: string) => mine.filter((f) => f.rule === rule && lines.has(lineOfFinding(f) ?? -1));
      const where = `${claim.path} (${pool.key} pool)`;
      if (claim.unitRule === 'cms') {
        const billed = pool.codes.reduce((s, c) => s + c.billed, 0);
        const supported = pool.codes.reduce((s, c) => s + c.supported, 0);
        const total = inPool('timed-units-total');
        const split = inPool('timed-units-allocation');
        if ((billed !== supported) !== total.length > 0) problems.push(`${where}: ${billed} billed, ${supported} supported, ${total.length} timed-units-total`);
        const splitWrong = billed === supported && pool.codes.some((c) => c.billed !== c.supported);
        if (splitWrong !== split.length > 0) problems.push(`${where}: split ${splitWrong ? 'wrong' : 'right'} by the report, ${split.length} timed-units-allocation`);
        [...total, ...split].forEach((f) => explained.add(f));
      } else {
        for (const c of pool.codes) {
          const found = inPool('timed-units-per-code').filter((f) => c.lines.includes(lineOfFinding(f) ?? -1));
          if ((c.billed !== c.supported) !== found.length > 0) problems.push(`${where} ${c.code}: ${c.billed} billed, ${c.supported} supported, ${found.length} timed-units-per-code`);
          found.forEach((f) => explained.add(f));
        }
      }
    }
    for (const f of mine) if (!explained.has(f)) problems.push(`${f.rule} at ${f.path} matches no pool of the report`);
  }
  return problems;
}

describe('audit report agrees with the audit', () => {
  const config = resolveConfig();
  const files = [...claimFiles(FIXTURES), ...claimFiles(EXAMPLES)];

  it('finds the fixtures and examples', () => {
    assert.ok(files.length > 80, `${files.length} files`);
    assert.ok(files.some((f) => f.includes(join('examples', 'mistakes.claim.yaml'))));
  });

  it('every fixture and example: timed units billed and supported match the unit findings, pool by pool', () => {
    const problems: string[] = [];
    let pools = 0;
    let disagreeing = 0;
    for (const file of files) {
      const analysis = analyze(neutralised(readFileSync(file, 'utf8')), { config });
      const claims = collectClaims(analysis);
      for (const c of claims) {
        pools += poolsOf(c).length;
        if (poolsOf(c).some((p) => p.codes.some((x) => x.billed !== x.supported))) disagreeing++;
      }
      for (const p of disagreements(claims, analysis.findings)) problems.push(`${relative(ROOT, file)}: ${p}`);
    }
    assert.deepEqual(problems, []);
    // The check saw real work: many pools, and enough of them with units wrong.
    assert.ok(pools > 50, `${pools} pools`);
    assert.ok(disagreeing > 10, `${disagreeing} claims with units wrong`);
  });

  it("the review's case: no discipline, 97110 [GP] and 97140 without a modifier, 10 minutes each — one pool, 1 unit over, priced", () => {
    const text = `claim:
  id: R1
  date_of_service: 2026-03-14
  payer: { type: medicare }
  provider: { npi: "1234567893" }
  lines:
    - { code: "97110", modifiers: [GP], units: 1, minutes: 10 }
    - { code: "97140", units: 1, minutes: 10 }
`;
    const analysis = analyze(text, { config });
    const totals = analysis.findings.filter((f) => f.rule === 'timed-units-total');
    assert.equal(totals.length >= 1, true, JSON.stringify(analysis.findings.map((f) => f.rule)));
    assert.match(totals[0].message, /20 timed minutes support 1 unit; 2 billed in all/);
    const [claim] = collectClaims(analysis);
    // The 97140 line joins the only discipline on the claim (the rules' pooling), as the audit counts it.
    assert.deepEqual(claim.timed!.map((c) => [c.code, c.discipline, c.billed, c.supported]), [
      ['97110', 'PT', 1, 1],
      ['97140', 'PT', 1, 0],
    ]);
    assert.deepEqual(claim.lines.map((l) => l.discipline), ['PT', 'PT']);
    const figures = computeFigures([{ path: 'r.claim.yaml', claims: [claim], findings: reportFindings(analysis.findings) }]);
    assert.deepEqual(figures.timedUnits, { billed: 2, supported: 1, over: 1, under: 0, claimsNotCounted: 0 });
    // The unit over is priced: the day as billed minus the day as supported (97140's unit
    // dropped, as the nearest allowed split says), each with the multiple procedure reduction.
    const day = (items: { code: string; units: number; modifiers: string[] }[]) => priceDay(items, '2026-03-14').amount;
    const expected = Math.round((day([{ code: '97110', units: 1, modifiers: ['GP'] }, { code: '97140', units: 1, modifiers: [] }]) - day([{ code: '97110', units: 1, modifiers: ['GP'] }, { code: '97140', units: 0, modifiers: [] }])) * 100) / 100;
    assert.ok(expected > 20, `${expected}`);
    assert.equal(claim.money?.delta, expected);
    assert.equal(claim.money?.unpricedUnits, 0);
    assert.equal(figures.money.overpayment, expected);
    assert.deepEqual(disagreements([claim], analysis.findings), []);
  });

  it('a claim the audit does not audit (YAML errors around it) is counted as a claim, not for its units', () => {
    const text = `claim:
  id: Y1
  date_of_service: 2026-03-14
  payer: { type: medicare }
  lines:
    - { code: "97110", modifiers: [GP], units: 4, minutes: 10 }
  notes: [unclosed
`;
    const analysis = analyze(text, { config });
    assert.ok(analysis.findings.some((f) => f.rule === 'yaml-syntax'));
    assert.ok(!analysis.findings.some((f) => UNIT_RULES.has(f.rule)));
    const claims = collectClaims(analysis);
    assert.ok(claims.every((c) => c.timed === undefined && c.money === undefined), JSON.stringify(claims));
  });
});

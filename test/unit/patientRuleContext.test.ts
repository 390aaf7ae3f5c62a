/**
 * The engine's side of a cross-claim rule (issue 23 refactor): checkPatient reads its own
 * options and payer types through ctx.options(claim) / ctx.applies(claim), under the config
 * of the file each claim is in — as single-claim rules get ctx.options and payerTypes from
 * the engine — and the accrual rules share one loop (patients/accrual.ts accruedClaims).
 */
import assert from 'node:assert/strict';
import { analyze, fileClaims, PatientIndex, resolveConfig, type Config } from '../../src/core';
import { accruedClaims } from '../../src/core/patients/accrual';
import { scenarioFiles } from '../support/patientFixtures';

/** The scenario's files, each under its own config; the rules each file's cross-claim findings name. */
function crossRules(name: string, configs: Record<string, Config | undefined>): Record<string, string[]> {
  const index = new PatientIndex();
  const files = scenarioFiles(name);
  for (const f of files) {
    const config = resolveConfig(configs[f.name]);
    index.setFile(fileClaims(analyze(f.text, { config }), f.name), config);
  }
  return Object.fromEntries(files.map((f) => [f.name, index.findings(f.name).map((x) => x.rule)]));
}

describe('cross-claim rules: options and payer types from the engine, per claim file', () => {
  it("a rule's option set in one file's config applies to that file's claims only", () => {
    assert.deepEqual(crossRules('ytd-allowed-mismatch', {}), { 'a.claim.yaml': [], 'b.claim.yaml': ['ytd-allowed-mismatch'] });
    // b.claim.yaml's YM-2 states $1,500.00 against $1,020.00 accrued: within a $500 tolerance it is not said.
    const wide: Config = { rules: { 'ytd-allowed-mismatch': { options: { tolerance: 500 } } } };
    assert.deepEqual(crossRules('ytd-allowed-mismatch', { 'b.claim.yaml': wide }), { 'a.claim.yaml': [], 'b.claim.yaml': [] });
    assert.deepEqual(crossRules('ytd-allowed-mismatch', { 'a.claim.yaml': wide }), { 'a.claim.yaml': [], 'b.claim.yaml': ['ytd-allowed-mismatch'] });
  });

  it("a rule's payerTypes option decides which claims it judges (the engine applies it)", () => {
    const commercialOnly: Config = { rules: { 'ytd-allowed-mismatch': { options: { payerTypes: ['commercial'] } } } };
    assert.deepEqual(crossRules('ytd-allowed-mismatch', { 'b.claim.yaml': commercialOnly }), { 'a.claim.yaml': [], 'b.claim.yaml': [] });
  });

  it('accruedClaims: the claims with an earlier claim of their year that the rule applies to, each with its typed options', () => {
    const claims = scenarioFiles('ytd-allowed-mismatch').flatMap((f) => fileClaims(analyze(f.text), f.name).claims).sort((a, b) => (a.date < b.date ? -1 : 1));
    const config = resolveConfig();
    const ctx = {
      claims,
      fileLevel: false,
      configOf: () => config,
      claimCountOf: () => 0,
      accrual: () => new Map(claims.map((c, i) => [c, { claim: c, year: c.date.slice(0, 4), earlier: claims.slice(0, i) } as never])),
      options: () => ({ tolerance: 7 }),
      applies: (c: (typeof claims)[number]) => c.id !== 'YM-3',
    };
    const judged = accruedClaims(ctx);
    // The year's first claim has no earlier one; YM-3 is not a payer the rule applies to.
    assert.deepEqual(judged.map((j) => j.claim.id), claims.slice(1).map((c) => c.id).filter((id) => id !== 'YM-3'));
    assert.ok(judged.every((j) => j.options.tolerance === 7));
    assert.deepEqual(accruedClaims({ ...ctx, fileLevel: true }), []);
  });
});

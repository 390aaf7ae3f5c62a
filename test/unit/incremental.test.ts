/**
 * Incremental audit: a claims list is cut into its items, each parsed and cached on its
 * own; layouts the scan cannot cut fall back to a whole-document parse. Both paths must
 * give identical findings, and an unchanged claim must never be parsed twice.
 */
import assert from 'node:assert/strict';
import { AuditCache } from '../../src/core/pipeline/cache';
import { audit } from '../../src/core/engine';
import { documentLayout, splitDocuments } from '../../src/core/parse/split';
import { claimFile, claimText } from '../bench/generate';
import { claimYamlItem, singleClaimYaml } from '../support/claims';
import { strokeVisit } from '../support/claimSamples';

/** Findings without object identity, for deep comparison. */
const findings = (text: string, noSplit = false) => JSON.parse(JSON.stringify(audit(text, { noSplit }).findings));

function mutate(text: string): string {
  // Introduce a spread of mistakes: over-billed units, a schema error, an unknown code.
  return text
    .replace(/units: 2\n        minutes: 25/, 'units: 3\n        minutes: 25')
    .replace('type: medicare\n      name: Medicare Part B\n    patient:\n      id: PT-100003', 'type: medicar\n      name: Medicare Part B\n    patient:\n      id: PT-100003')
    .replace('code: "97530"\n        modifiers: [GP]\n        units: 3\n        minutes: 38', 'code: "97999"\n        modifiers: [GP]\n        units: 3\n        minutes: 38');
}

describe('incremental audit', () => {
  it('cuts a claims list into one slice per claim', () => {
    const text = claimFile(5);
    const docs = splitDocuments(text)!;
    assert.equal(docs.length, 1);
    const layout = documentLayout(text, docs[0]);
    assert.equal(layout.kind, 'claims');
    assert.equal(layout.kind === 'claims' && layout.items.length, 5);
  });

  it('gives identical findings on both paths for a 60-claim file with mistakes', () => {
    const text = mutate(claimFile(60));
    const split = findings(text);
    assert.ok(split.some((f: { rule: string }) => f.rule === 'claim-schema'));
    assert.ok(split.some((f: { rule: string }) => f.rule === 'unknown-code'));
    assert.deepEqual(split, findings(text, true));
  });

  const fallbacks: Record<string, string> = {
    'an anchor and alias across claims': `claims:\n${claimYamlItem(strokeVisit(1), 'block').replace('  - ', '  - &first\n    ')}\n  - *first\n`,
    'flow style at the top': `claims: [ { id: F-1, date_of_service: 2026-03-02, payer: { type: medicare }, lines: [ { code: "97110", modifiers: [GP], units: 3, minutes: 20 } ] } ]\n`,
    'a claim: document': singleClaimYaml(strokeVisit(2), 'block'),
    'several documents with comments between': `# first\n${claimFile(2)}---\n# second\n${claimFile(3).replace('# Generated benchmark file\n', '')}...\n`,
    'tabs in the file': claimFile(2).replace('    lines:', '\t\n    lines:'),
  };
  for (const [name, text] of Object.entries(fallbacks)) {
    it(`falls back safely and identically for ${name}`, () => {
      assert.deepEqual(findings(text), findings(text, true));
    });
  }

  it('never parses or audits an unchanged claim twice', () => {
    const cache = new AuditCache();
    const text = claimFile(40);
    audit(text, { cache });
    assert.equal(cache.misses, 40);
    audit(text, { cache });
    assert.equal(cache.misses, 40, 'a second audit of the same text is all cache hits');
    assert.equal(cache.hits, 40);
    // Edit one claim: exactly one new miss.
    const edited = text.replace('treatment_days_since_progress_report: 3', 'treatment_days_since_progress_report: 4');
    audit(edited, { cache });
    assert.equal(cache.misses, 41);
    // Insert a claim at the top: the others keep their cached results (paths shift).
    const inserted = edited.replace('claims:\n', `claims:\n${claimText(999)}`);
    const r = audit(inserted, { cache });
    assert.equal(cache.misses, 42);
    assert.deepEqual(JSON.parse(JSON.stringify(r.findings)), findings(inserted, true));
  });

  it('keeps results apart for different configs', () => {
    const cache = new AuditCache();
    const text = mutate(claimFile(4));
    const a = audit(text, { cache }).findings.length;
    const off = audit(text, { cache, config: { rules: { 'timed-units-total': { severity: 'off' } }, unitRule: { byPayerType: {}, byPayerName: {} }, files: [] } }).findings;
    assert.ok(!off.some((f) => f.rule === 'timed-units-total'));
    assert.equal(audit(text, { cache }).findings.length, a);
  });
});

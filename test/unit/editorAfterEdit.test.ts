/**
 * The editor's features after ranged edits (as the server tells the service about them):
 * diagnostics, code lenses and hover equal those of a fresh service on the same text, and
 * code lenses sum up again only the claims an edit touched.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';
import { claimLensTitles } from '../../src/service/codeLens';
import { claimFile } from '../bench/generate';
import { seededRandom } from '../support/seeded';

const strip = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('editor features after ranged edits', () => {
  it('diagnostics, code lenses and hover equal a fresh service\'s after each random edit', () => {
    const rand = seededRandom(99);
    const config = resolveConfig();
    const service = new ClaimLanguageService();
    const base = claimFile(12).replace(/units: 1\n/g, 'units: 4\n');
    const doc = TextDocument.create('file:///edit.claim.yaml', 'yaml', 1, base);
    service.diagnostics(doc, config);
    const inserts = ['9', '', '\n', 'x', '  - id: NEW\n', '97110', 'GO', '# claimlint-disable-line\n', ' ', '---\n'];
    for (let n = 0; n < 40; n++) {
      const text = doc.getText();
      // Mostly inside values (digits, codes, modifiers), as a user types.
      const anchors = ['units: ', 'minutes: ', 'code: "', 'modifiers: [', '  - id: '];
      const key = anchors[rand(anchors.length)];
      const hit = text.indexOf(key, rand(text.length));
      const at = rand(4) === 0 || hit < 0 ? rand(text.length) : hit + key.length;
      const remove = Math.min(rand(3), text.length - at);
      const insert = inserts[rand(inserts.length)];
      service.edited(doc.uri, at, at + remove, insert.length);
      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + remove) }, text: insert }], doc.version + 1);
      const fresh = new ClaimLanguageService();
      const same = TextDocument.create(doc.uri, 'yaml', doc.version, doc.getText());
      const what = `edit ${n}: -${remove} +${JSON.stringify(insert)} at ${at}`;
      assert.deepEqual(strip(service.diagnostics(doc, config)), strip(fresh.diagnostics(same, config)), what);
      assert.deepEqual(strip(service.codeLenses(doc, config)), strip(fresh.codeLenses(same, config)), what);
      const pos = doc.positionAt(rand(doc.getText().length));
      assert.deepEqual(strip(service.hover(doc, pos, config)), strip(fresh.hover(same, pos, config)), what);
    }
  });

  it('code lenses of the claims an edit did not touch are not summed up again', () => {
    const config = resolveConfig();
    const service = new ClaimLanguageService();
    const doc = TextDocument.create('file:///lens.claim.yaml', 'yaml', 1, claimFile(20));
    const before = service.analysis(doc, config);
    const titles = before.claims.map((c) => claimLensTitles(before, c, config));
    const at = doc.getText().indexOf('total_treatment_minutes: ', doc.getText().length / 2) + 'total_treatment_minutes: '.length;
    service.edited(doc.uri, at, at + 2, 2);
    TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, text: '59' }], 2);
    const after = service.analysis(doc, config);
    const edited = after.claims.findIndex((c) => at >= c.start && at <= c.end);
    after.claims.forEach((c, k) => {
      const now = claimLensTitles(after, c, config);
      if (k === edited) assert.notEqual(now, titles[k], 'the edited claim is summed up again');
      else assert.equal(now, titles[k], `claim ${k}: the same titles, not computed again`);
    });
    // Another config (Medicare claims under the per-code unit rule): summed up for it, not taken from the first.
    const other = resolveConfig({ unitRule: { byPayerType: { medicare: 'per-code' } } });
    const a = service.analysis(doc, other);
    assert.notEqual(a.configKey, after.configKey);
    const otherTitles = claimLensTitles(a, a.claims[0], other);
    assert.notEqual(otherTitles, titles[0]);
    assert.match(otherTitles.join(' '), /per-code/);
  });
});

/**
 * Diagnostics after edits (issue 26): a finding kept by an edit elsewhere is converted to a
 * diagnostic once and reused, and the findings of the units an edit kept are already in
 * text order. Whatever is reused, every version's diagnostics must equal those of a fresh
 * service (nothing cached) for the same text — including `data.version`, ranges after edits
 * that move lines, and findings that come and go.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';
import { claimFile } from '../bench/generate';

describe('diagnostics reused across edits equal a fresh service\'s', () => {
  it('after edits that keep, shift, add and remove findings', () => {
    const config = resolveConfig();
    // Findings in every third claim, and one finding that needs the whole file (a duplicate id).
    let k = 0;
    const text = claimFile(60)
      .replace(/units: \d\n {8}minutes/g, (m) => (k++ % 3 ? m : 'units: 9\n        minutes'))
      .replace('id: CLM-2026-100040', 'id: CLM-2026-100003');
    const service = new ClaimLanguageService();
    const doc = TextDocument.create('file:///reuse.claim.yaml', 'yaml', 1, text);
    const first = service.diagnostics(doc, config);
    assert.ok(first.length >= 40, `findings to reuse (${first.length})`);
    assert.ok(first.some((d) => d.code === 'claim-id-duplicate'));
    const at = (needle: string, from = 0) => doc.getText().indexOf(needle, from);
    const edits: (() => { start: number; end: number; text: string })[] = [
      // Same length, mid-file: every other unit kept in place.
      () => ({ start: at('units: 9') + 7, end: at('units: 9') + 8, text: '1' }),
      // A line added near the top: everything after it moves down one line.
      () => ({ start: at('  - id:'), end: at('  - id:'), text: '  # a note\n' }),
      // Characters added in the middle of a line: offsets move, lines do not.
      () => ({ start: at('total_treatment_minutes: ') + 25, end: at('total_treatment_minutes: ') + 25, text: '1' }),
      // A finding back, near the end.
      () => ({ start: at('units: 1', Math.floor(doc.getText().length * 0.8)) + 7, end: at('units: 1', Math.floor(doc.getText().length * 0.8)) + 8, text: '9' }),
      // A line removed near the top.
      () => ({ start: at('  # a note\n'), end: at('  # a note\n') + '  # a note\n'.length, text: '' }),
    ];
    for (const edit of edits) {
      const e = edit();
      assert.ok(e.start >= 0 && e.end >= e.start, 'the edit finds its place');
      const range = { start: doc.positionAt(e.start), end: doc.positionAt(e.end) };
      service.edited(doc.uri, e.start, e.end, e.text.length);
      TextDocument.update(doc, [{ range, text: e.text }], doc.version + 1);
      const reused = service.diagnostics(doc, config);
      const fresh = new ClaimLanguageService().diagnostics(doc, config);
      assert.deepEqual(reused, fresh, `version ${doc.version}`);
      assert.equal(JSON.stringify(reused), JSON.stringify(fresh), 'the same JSON, key order included');
      assert.ok(reused.every((d) => (d.data as { version: number }).version === doc.version));
    }
  });
});

/**
 * Incremental edits over LSP: the server finds the changed claims from each change's
 * range; what it publishes must equal a fresh audit of the same text.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { audit } from '../../src/core';
import { TestClient } from './support/harness';
import { claimFile } from '../bench/generate';

describe('lsp: incremental edits', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('publishes for each ranged edit what a full audit of the new text finds', async () => {
    const uri = 'file:///ws/many.claim.yaml';
    const doc = TextDocument.create(uri, 'yaml', 1, claimFile(40));
    client.open(uri, doc.getText());
    await client.waitForDiagnostics(uri);
    const edits: [string, string][] = [
      ['units: 1\n        minutes: 21', 'units: 4\n        minutes: 21'], // over-billed units
      ['type: medicare\n      name: Medicare Part B\n    patient:\n      id: PT-100010', 'type: medicar\n      name: Medicare Part B\n    patient:\n      id: PT-100010'],
      ['  - id: CLM-2026-100020', '  - id: CLM-2026-100001'], // duplicate id, far from the first
      ['  - id: CLM-2026-100030', 'oops:\n  - id: CLM-2026-100030'], // a layout only a full scan reads
    ];
    let version = 1;
    for (const [from, to] of edits) {
      const text = doc.getText();
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      // Two ranged changes in one notification, the second against the result of the first.
      const changes: TextDocumentContentChangeEvent[] = [
        { range: { start: doc.positionAt(at), end: doc.positionAt(at + from.length) }, text: to },
      ];
      TextDocument.update(doc, changes, ++version);
      const second = doc.getText().indexOf('assistance_level: mod');
      const change2: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(second), end: doc.positionAt(second + 'assistance_level: mod'.length) }, text: 'assistance_level: max' };
      TextDocument.update(doc, [change2], version);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [...changes, change2] });
      const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
      const expected = audit(doc.getText()).findings;
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
        expected.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.message]),
        `after replacing ${JSON.stringify(from)}`,
      );
    }
    assert.ok(client.publishedFor(uri).at(-1)!.diagnostics.some((d) => d.code === 'claim-id-duplicate'));
  });

  it('audits a burst of queued edits once, for the last version, and answers a hover queued behind them first', async () => {
    const uri = 'file:///ws/burst.claim.yaml';
    const doc = TextDocument.create(uri, 'yaml', 1, claimFile(40));
    client.open(uri, doc.getText());
    await client.waitForDiagnostics(uri);
    const before = client.diagnostics.length;
    const key = 'total_treatment_minutes: ';
    let version = 1;
    for (let i = 0; i < 8; i++) {
      const text = doc.getText();
      const at = text.indexOf(key, Math.floor((text.length * i) / 9)) + key.length;
      const change: TextDocumentContentChangeEvent = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, text: String(11 + i) };
      TextDocument.update(doc, [change], ++version);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const order: string[] = [];
    const hoverAt = doc.positionAt(doc.getText().indexOf('code: "97530"') + 8);
    const hovered = client.request('textDocument/hover', { textDocument: { uri }, position: hoverAt }).then((h) => {
      order.push(`hover:${client.diagnostics.length - before}`);
      return h;
    });
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(await hovered, 'the hover is answered');
    assert.deepEqual(order, ['hover:0'], 'the hover queued behind the edits is answered before their audit is published');
    const after = client.publishedFor(uri).slice(-(client.diagnostics.length - before));
    assert.deepEqual(after.map((p) => p.version), [version], 'one publication, for the latest version only');
    const expected = audit(doc.getText()).findings;
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      expected.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.message]),
    );
  });
});

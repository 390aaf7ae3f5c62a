/**
 * The first audit of a big document on worker threads: what the server publishes on open
 * must equal a fresh audit() of the text (findings and order), the log says the workers
 * did it, and the editor's own analysis follows (hover answers; an edit publishes what a
 * full audit of the new text finds).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver';
import { audit } from '../../src/core';
import { TestClient } from './support/harness';
import { claimText } from '../bench/generate';

function bigFile(claims: number): string {
  const items: string[] = [];
  for (let i = 0; i < claims; i++) {
    let t = claimText(i);
    if (i % 3 === 0) t = t.replace(/units: \d\n {8}minutes/, 'units: 9\n        minutes');
    if (i === 4 || i === claims - 4) t = t.replace(/id: CLM-2026-\d+/, 'id: CLM-SAME');
    items.push(t);
  }
  return `claims:\n${items.join('')}`;
}

const shape = (ds: { code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; severity?: number }[]) =>
  ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message, d.severity]);
const expected = (text: string) =>
  shape(audit(text).findings.map((f) => ({ code: f.rule, range: f.range, message: f.message, severity: { error: 1, warning: 2, info: 3 }[f.severity] })));

describe('lsp: first audit of a big document on worker threads', function () {
  this.timeout(180000);
  let client: TestClient;
  afterEach(() => client.dispose());

  it('publishes on open what audit() finds, from 2 workers, then serves hover and edits from its own analysis', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/big.claim.yaml';
    const doc = TextDocument.create(uri, 'yaml', 1, bigFile(330));
    assert.ok(doc.getText().length >= 512 * 1024);
    client.open(uri, doc.getText());
    const opened = await client.waitForDiagnostics(uri, undefined, 0, 120000);
    assert.deepEqual(shape(opened.diagnostics), expected(doc.getText()));
    assert.ok(opened.diagnostics.some((d) => d.code === 'claim-id-duplicate'));
    // The log line follows the diagnostics.
    await client.waitFor(() => client.logs.find((l) => / on 2 worker threads$/.test(l.message)), 'the log of an audit on the workers');

    const at = doc.getText().indexOf('code: "97530"', 200000) + 8;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(at) });
    assert.ok(h && JSON.stringify(h.contents).includes('97530'));

    const from = doc.getText().indexOf('total_treatment_minutes: ', 300000) + 'total_treatment_minutes: '.length;
    const change = { range: { start: doc.positionAt(from), end: doc.positionAt(from + 2) }, text: '99' };
    TextDocument.update(doc, [change], 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    const edited = await client.waitForDiagnostics(uri, (p) => p.version === 2, 0, 120000);
    assert.deepEqual(shape(edited.diagnostics), expected(doc.getText()));
    assert.equal(client.logs.filter((l) => / on 2 worker threads$/.test(l.message)).length, 1, 'only the first audit goes to the workers');
  });

  it('small documents and openThreads 0 stay on the main thread, with the same diagnostics', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 0 });
    const uri = 'file:///ws/big2.claim.yaml';
    const text = bigFile(300);
    client.open(uri, text);
    const opened = await client.waitForDiagnostics(uri, undefined, 0, 120000);
    assert.deepEqual(shape(opened.diagnostics), expected(text));
    assert.ok(!client.logs.some((l) => /worker threads/.test(l.message)));
  });
});

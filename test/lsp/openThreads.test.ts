/**
 * The first audit of a big document: the top of the file is audited on the server's
 * thread and published at once, the rest on worker threads, then the whole set. Over a
 * real connection: every early publish is a subset of the final one (cross-claim findings
 * and file-level directives included), the final one equals a fresh audit() of the text
 * (findings and order), a later edit wins, a close leaves nothing stale, small documents
 * publish once; and the editor's own analysis follows (hover, edits).
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { analyze, audit, fileClaims, mergePatientFindings, PatientIndex, resolveConfig, type PatientFinding } from '../../src/core';
import { TestClient } from './support/harness';
import { strokeVisitText } from '../support/claimSamples';

interface BigOptions {
  /** Pairs of claim indexes given the same id (the later one is the duplicate). */
  same?: [number, number][];
  /** Lines appended after the last claim (directives). */
  tail?: string;
  /** Claim indexes whose item is not one list item (a line `   - y` inside it). */
  broken?: number[];
}

function bigFile(claims: number, o: BigOptions = { same: [[4, claims - 4]] }): string {
  const items: string[] = [];
  for (let i = 0; i < claims; i++) {
    const same = o.same?.findIndex(([a, b]) => i === a || i === b) ?? -1;
    let t = strokeVisitText(i, i % 3 === 0 ? { units: 9 } : {}, same >= 0 ? { id: `CLM-SAME-${same}` } : {});
    if (o.broken?.includes(i)) t = t.replace('    payer:\n', '    payer:\n   - y\n');
    items.push(t);
  }
  return `claims:\n${items.join('')}${o.tail ?? ''}`;
}

type Shaped = [unknown, number, number, number, number, string, number | undefined];
const shape = (ds: { code?: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string; severity?: number }[]): Shaped[] =>
  ds.map((d): Shaped => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message, d.severity]);
const expected = (text: string) =>
  shape(audit(text).findings.map((f) => ({ code: f.rule, range: f.range, message: f.message, severity: { error: 1, warning: 2, info: 3 }[f.severity] })));

/** With the related claims' places and messages. */
const shapeRelated = (ds: Diagnostic[]) => ds.map((d) => [...shape([d])[0], d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]) ?? null]);

/** The file alone in an empty workspace: its own findings and the cross-claim findings of its claims (the core's index of its record). */
function expectedWithCross(uri: string, text: string) {
  const analysis = analyze(text);
  const index = new PatientIndex();
  index.setFile(fileClaims(analysis, uri, uri.split('/').pop()), resolveConfig());
  const merged = mergePatientFindings(analysis.findings, index.findings(uri));
  return merged.map((f) => [
    ...shape([{ code: f.rule, range: f.range, message: f.message, severity: { error: 1, warning: 2, info: 3 }[f.severity] }])[0],
    (f as PatientFinding).related?.length ? (f as PatientFinding).related.map((r) => [r.file, r.range.start.line, r.message]) : null,
  ]);
}

/** Every diagnostic of `part` is in `whole` (as often as it occurs there at least). */
function assertSubset(part: Shaped[], whole: Shaped[], what: string): void {
  const counts = new Map<string, number>();
  for (const d of whole) counts.set(JSON.stringify(d), (counts.get(JSON.stringify(d)) ?? 0) + 1);
  for (const d of part) {
    const k = JSON.stringify(d);
    const n = counts.get(k) ?? 0;
    assert.ok(n > 0, `${what}: ${k} is not in the final diagnostics`);
    counts.set(k, n - 1);
  }
}

/** Resolves once the server logged the end of the audit of `version` (the final publish precedes the log). */
const auditedLog = (client: TestClient, version: number) =>
  client.waitFor(() => client.logs.find((l) => new RegExp(`^audited document \\w+ v${version}: `).test(l.message)), `the audit log of v${version}`, 120000);

const v = (client: TestClient, uri: string, version: number): PublishDiagnosticsParams[] => client.publishedFor(uri).filter((p) => p.version === version);

describe('lsp: first audit of a big document, progressive, on worker threads', function () {
  this.timeout(180000);
  let client: TestClient;
  afterEach(() => client.dispose());

  it('publishes the top of the file first, then what audit() finds; serves hover and edits from its own analysis', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/big.claim.yaml';
    // A duplicate id inside the top of the file, one across the file, and a file-level
    // directive on the last line: an early publish must hold the first and neither of the others.
    const text = bigFile(330, { same: [[1, 2], [4, 326]], tail: '# claimlint-disable-file units-exceed-mue\n' });
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    assert.ok(text.length >= 512 * 1024);
    client.open(uri, text);
    await auditedLog(client, 1);
    const publishes = v(client, uri, 1);
    assert.ok(publishes.length >= 2, `expected an early publish before the final one, got ${publishes.length} publish(es)`);
    const final = publishes[publishes.length - 1];
    const want = expected(text);
    assert.deepEqual(shape(final.diagnostics), want);
    assert.ok(!want.some((d) => d[0] === 'units-exceed-mue'), 'the file-level directive applies');
    const first = publishes[0];
    assert.ok(first.diagnostics.length > 0 && first.diagnostics.length < final.diagnostics.length / 4, `early publish: ${first.diagnostics.length} of ${final.diagnostics.length}`);
    for (const p of publishes.slice(0, -1)) assertSubset(shape(p.diagnostics), want, 'early publish');
    const dups = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'claim-id-duplicate').map((d) => d.message);
    assert.deepEqual(dups(first), ['claims[2].id: the same claim id is already used at claims[1].id; ids must be unique within the file.']);
    assert.equal(dups(final).length, 2);
    // Only findings of the top of the file come early.
    const lastLine = Math.max(...first.diagnostics.map((d) => d.range.end.line));
    assert.ok(lastLine < doc.lineCount / 10, `early findings end at line ${lastLine} of ${doc.lineCount}`);
    assert.ok(client.logs.some((l) => /^first \d+ of 330 units of document \w+ v1: \d+ findings in [\d.]+ ms, published before the rest$/.test(l.message)));
    assert.equal(client.logs.filter((l) => / on 2 worker threads and the main thread$/.test(l.message)).length, 1);

    const at = text.indexOf('code: "97530"', 200000) + 8;
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(at) });
    assert.ok(h && JSON.stringify(h.contents).includes('97530'));

    const from = text.indexOf('total_treatment_minutes: ', 300000) + 'total_treatment_minutes: '.length;
    const change = { range: { start: doc.positionAt(from), end: doc.positionAt(from + 2) }, text: '99' };
    TextDocument.update(doc, [change], 2);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
    await auditedLog(client, 2);
    assert.equal(v(client, uri, 2).length, 1, 'an edit publishes once');
    assert.deepEqual(shape(v(client, uri, 2)[0].diagnostics), expected(doc.getText()));
    assert.equal(client.logs.filter((l) => / on 2 worker threads and the main thread$/.test(l.message)).length, 1, 'only the first audit goes to the workers');
  });

  it('claims that share patients: the complete publish has the cross-claim findings (from the workers\' facts), and the analysis after it publishes nothing again', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 1 });
    const uri = 'file:///ws/patients.claim.yaml';
    // 330 visits of 30 patients: year-to-date amounts that disagree, accruals across claims.
    const text = bigFile(330).replace(/patient:\n(\s+)id: PT-1\d{4}(\d)/g, 'patient:\n$1id: PT-55$2');
    const want = expectedWithCross(uri, text);
    const cross = want.filter((d) => d[7]);
    assert.ok(cross.length > 0, 'cross-claim findings, with related claims');
    client.open(uri, text);
    await auditedLog(client, 1);
    const publishes = v(client, uri, 1);
    assert.equal(publishes.length, 2, 'the top of the file, then everything');
    assert.deepEqual(shapeRelated(publishes[1].diagnostics), want);
    // The editor's analysis (a hover waits for it): same findings, nothing published again.
    await client.waitFor(() => client.logs.find((l) => /^editor analysis of document \w+ v1 ready in [\d.]+ ms$/.test(l.message)), 'the editor analysis, publishing nothing', 120000);
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    await client.request('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(text.indexOf('code: "97530"', 100000) + 8) });
    assert.equal(v(client, uri, 1).length, 2, 'no publish after the analysis');
    // An edit of one claim's year-to-date amount: one publish, what the core gives for the edited text.
    const from = text.indexOf('pt_slp: ', 300000) + 'pt_slp: '.length;
    const change = { range: { start: doc.positionAt(from), end: doc.positionAt(from + 1) }, text: '9' };
    TextDocument.update(doc, [change], 2);
    const edited = doc.getText();
    const version = 2;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await auditedLog(client, version);
    assert.equal(v(client, uri, version).length, 1);
    assert.deepEqual(shapeRelated(v(client, uri, version)[0].diagnostics), expectedWithCross(uri, edited));
  });

  it('an item that is not one list item far down the file: early findings are still in the final set, which equals audit()', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/broken.claim.yaml';
    const text = bigFile(300, { same: [[0, 3]], broken: [250] });
    client.open(uri, text);
    await auditedLog(client, 1);
    const publishes = v(client, uri, 1);
    const want = expected(text);
    assert.ok(want.some((d) => d[0] === 'yaml-syntax'));
    assert.ok(publishes.length >= 2, 'the top of the file came first');
    assert.deepEqual(shape(publishes[publishes.length - 1].diagnostics), want);
    for (const p of publishes.slice(0, -1)) assertSubset(shape(p.diagnostics), want, 'early publish');
  });

  it('a big document the cut keeps whole (an anchor): audited on the main thread in one piece, published once', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/anchored.claim.yaml';
    const text = bigFile(300).replace('    payer:\n      type: medicare\n', '    payer: &mcare\n      type: medicare\n');
    assert.ok(text.includes('&mcare') && text.length >= 512 * 1024);
    client.open(uri, text);
    await auditedLog(client, 1);
    assert.equal(v(client, uri, 1).length, 1);
    assert.deepEqual(shape(v(client, uri, 1)[0].diagnostics), expected(text));
    assert.ok(client.logs.some((l) => /^audited document \w+ v1: .* on the main thread$/.test(l.message)));
    assert.ok(!client.logs.some((l) => /worker thread|published before the rest/.test(l.message)));
  });

  it('an edit during the open wins: nothing of the opened version is published after it, and the edited text gets what audit() finds', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/edited.claim.yaml';
    const text = bigFile(330);
    client.open(uri, text);
    // The top of the file is out; the workers are still on the rest.
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 0, 120000);
    const edited = text.replace('id: CLM-2026-100000', 'id: CLM-2026-100001');
    const version = client.change(uri, edited);
    await auditedLog(client, version);
    const all = client.publishedFor(uri);
    const firstNew = all.findIndex((p) => p.version === version);
    assert.ok(firstNew > 0);
    assert.deepEqual(all.slice(firstNew).map((p) => p.version).filter((x) => x !== version), [], 'no publish of version 1 after version 2');
    assert.deepEqual(shape(all[all.length - 1].diagnostics), expected(edited));
    assert.ok(expected(edited).some((d) => d[0] === 'claim-id-duplicate' && d[1] < 200));
    assert.ok(!client.logs.some((l) => /^audited document \w+ v1: /.test(l.message)), 'the opened version is not audited to the end');
    // The opened version's run ends without a result (its workers may still be finishing a batch).
    await client.waitFor(() => client.logs.find((l) => /^first audit of document \w+ v1 dropped: the document changed or closed$/.test(l.message)), 'the dropped first audit', 120000);
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.deepEqual(client.publishedFor(uri).slice(firstNew).map((p) => p.version).filter((x) => x !== version), [], 'no publish of version 1 after version 2');
  });

  it('a close during the open publishes nothing afterwards', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const uri = 'file:///ws/closed.claim.yaml';
    client.open(uri, bigFile(330));
    await client.waitForDiagnostics(uri, (p) => p.version === 1, 0, 120000);
    client.close(uri);
    await client.waitFor(() => client.logs.find((l) => /^first audit of document \w+ v1 dropped/.test(l.message)), 'the dropped first audit', 120000);
    // A round trip after the drop: anything the server had queued is in by now.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const all = client.publishedFor(uri);
    assert.deepEqual(all[all.length - 1].diagnostics, [], 'the last word on the closed document is the clear on close');
    assert.equal(all.filter((p) => p.diagnostics.length > 0 && p.version === 1).length, 1, 'only the early publish came before the close');
  });

  it('small documents, and big ones with openThreads 0, publish once, on the main thread, what audit() finds', async () => {
    client = await TestClient.start({ debounceMs: 0, openThreads: 2 });
    const small = 'file:///ws/small.claim.yaml';
    const smallText = bigFile(40, { same: [[1, 30]] });
    client.open(small, smallText);
    await auditedLog(client, 1);
    await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 4 } });
    assert.equal(client.publishedFor(small).length, 1);
    assert.deepEqual(shape(client.publishedFor(small)[0].diagnostics), expected(smallText));
    assert.ok(!client.logs.some((l) => /worker threads|published before the rest/.test(l.message)));
    await client.dispose();

    client = await TestClient.start({ debounceMs: 0, openThreads: 0 });
    const uri = 'file:///ws/big2.claim.yaml';
    const text = bigFile(300);
    client.open(uri, text);
    await auditedLog(client, 1);
    assert.equal(client.publishedFor(uri).length, 1);
    assert.deepEqual(shape(client.publishedFor(uri)[0].diagnostics), expected(text));
    assert.ok(!client.logs.some((l) => /worker threads|published before the rest/.test(l.message)));
  });
});

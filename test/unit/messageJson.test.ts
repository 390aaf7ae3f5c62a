/**
 * The language server's message writer (src/server/messageJson.ts): a publishDiagnostics
 * message reuses each finding's diagnostic text from the publish before, and must still be
 * exactly JSON.stringify's text — for the same findings at later versions, cross-claim
 * findings with related claims, diagnostics the server adds itself (payer decisions), odd
 * URIs and other messages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { audit, type LocatedFinding, type PatientFinding } from '../../src/core';
import { toDiagnostic } from '../../src/service/diagnostics';
import { messageBytes, messageJson } from '../../src/server/messageJson';

/** messageJson is JSON.stringify's text, and messageBytes its UTF-8 bytes. */
function same(msg: unknown, what?: string): void {
  assert.equal(messageJson(msg), JSON.stringify(msg), what);
  assert.ok(messageBytes(msg).equals(Buffer.from(JSON.stringify(msg), 'utf8')), what);
}

const publish = (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } });

describe('messageJson: the server\'s messages as JSON.stringify writes them', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'mistakes.claim.yaml'), 'utf8');
  const findings = audit(text).findings;
  const uri = 'file:///ws/a "quoted" \\ path\u00e9.claim.yaml';
  // A cross-claim finding: related claims in another file.
  const cross: PatientFinding = {
    ...findings[0],
    rule: 'kx-accrual-missing',
    message: 'Service line 1 (97110): the year "crosses" $2,480 — add KX',
    related: [{ file: 'file:///ws/other.claim.yaml', claimId: 'V-1', path: 'claims[0]', span: { start: 1, end: 2 }, range: { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } }, message: 'year-to-date baseline $595.00 PT+SLP' }],
  };
  const all: LocatedFinding[] = [...findings, cross];

  it('publishes of the same findings at successive versions, with related claims and added diagnostics', () => {
    assert.ok(findings.length > 5);
    const payer: Diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, severity: 3, source: 'claimlint-remit', code: 'CO-45', message: 'paid "less"', data: { remit: true } };
    for (let version = 1; version <= 4; version++) {
      const doc = TextDocument.create(uri, 'yaml', version, text);
      const diagnostics = [...all.map((f) => toDiagnostic(doc, f)), payer];
      const msg = publish(uri, version, diagnostics);
      same(msg, `version ${version}`);
    }
    // Version-less (an unopened file), and an empty list.
    const doc = TextDocument.create(uri, 'yaml', 0, text);
    for (const msg of [publish(uri, undefined, all.map((f) => toDiagnostic(doc, f))), publish(uri, 7, [])]) same(msg);
  });

  it('a diagnostic changed or copied after toDiagnostic is written as it is now', () => {
    const doc = TextDocument.create(uri, 'yaml', 9, text);
    const first = toDiagnostic(doc, findings[0]);
    messageJson(publish(uri, 9, [first]));
    const copy = { ...toDiagnostic(doc, findings[0]), message: 'another text' };
    const msg = publish(uri, 10, [copy, toDiagnostic(TextDocument.create(uri, 'yaml', 10, text), findings[0])]);
    same(msg);
  });

  it('other messages, and a publish whose params hold no list, are JSON.stringify\'s', () => {
    for (const msg of [{ jsonrpc: '2.0', id: 3, result: { contents: 'x "y"' } }, { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri } }, { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '"diagnostics":[]' } }]) {
      same(msg);
    }
  });
});

/**
 * The editor's cache keeps one version per document (issue 11 item 8): a file on the
 * whole-document path (one anchor) once kept every edited version in full until the byte
 * budget (768 MB estimated) ran out — RSS 182 → 498 MB after 300 edits.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';
import { claimFile } from '../bench/generate';

const config = resolveConfig();

/** Types one edit into a minutes value (a ranged change, as the server receives it). */
function edit(service: ClaimLanguageService, doc: TextDocument, i: number): TextDocument {
  const text = doc.getText();
  const key = 'total_treatment_minutes: ';
  const at = text.indexOf(key, Math.floor((text.length * (i % 7)) / 8)) + key.length;
  const end = text.indexOf('\n', at);
  const value = String(40 + (i % 50));
  service.edited(doc.uri, at, end, value.length);
  return TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: value }], doc.version + 1);
}

describe('lsp service: one cached version per document', () => {
  it('whole-document path (an anchor): 20 edits leave one unit in the cache, of one version\'s size', () => {
    const service = new ClaimLanguageService();
    let doc = TextDocument.create('file:///ws/anchor.claim.yaml', 'yaml', 1, claimFile(40).replace('    payer:\n      type: medicare\n', '    payer: &mcare\n      type: medicare\n'));
    service.diagnostics(doc, config);
    assert.equal(service.cache.size, 1);
    const one = service.cache.bytes;
    for (let i = 0; i < 20; i++) {
      doc = edit(service, doc, i);
      service.diagnostics(doc, config);
      service.hover(doc, doc.positionAt(100), config);
    }
    assert.equal(service.cache.size, 1);
    assert.ok(service.cache.bytes <= one * 1.1, `${service.cache.bytes} bytes vs ${one} for one version`);
    service.forget(doc.uri);
    assert.equal(service.cache.size, 0, 'closing the document releases its units');
  });

  it('claims list: edits keep one unit per claim; a full-text replacement also releases the old units', () => {
    const service = new ClaimLanguageService();
    let doc = TextDocument.create('file:///ws/list.claim.yaml', 'yaml', 1, claimFile(30));
    service.diagnostics(doc, config);
    assert.equal(service.cache.size, 30);
    for (let i = 0; i < 20; i++) {
      doc = edit(service, doc, i);
      service.diagnostics(doc, config);
    }
    assert.equal(service.cache.size, 30);
    const replaced = doc.getText().replace('CLM-2026-100003', 'CLM-2026-900003');
    service.replaced(doc.uri);
    doc = TextDocument.update(doc, [{ text: replaced }], doc.version + 1);
    service.diagnostics(doc, config);
    assert.equal(service.cache.size, 30);
  });
});

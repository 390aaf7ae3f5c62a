/**
 * Every editor feature called directly (no server try/catch to hide a throw) at every
 * offset of awkward texts (issue 11 item 10): a bare CR, CRs and U+2028 inside lines
 * (yamlCursor's line shape once threw "Cannot read properties of null"), an alias used
 * before its anchor.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';

const TEXTS: Record<string, string> = {
  'bare CR': '\r',
  'CR-only claim': 'claim:\r  id: A\r  lines:\r    - code: "97110"\r      modifiers: [\r',
  'CR inside a line': 'claim:\n  lines:\n    - code: "97110"\r      modifiers: [GP, \r',
  'U+2028 and U+2029 inside lines': 'claim:\n  id: A\u2028B\n  lines:\n    - code: "97110"\u2029\n      mod\n',
  'alias before anchor': 'claim:\n  id: *a\n  payer: &a {type: medicare}\n  lines:\n    - code: *b\n      modifiers: &b [GP]\n      units: *c\n',
};

describe('lsp service: no feature throws on awkward text', () => {
  const service = new ClaimLanguageService();
  const config = resolveConfig();
  for (const [name, text] of Object.entries(TEXTS)) {
    it(name, () => {
      const doc = TextDocument.create('file:///ws/x.claim.yaml', 'yaml', 1, text);
      const diagnostics = service.diagnostics(doc, config);
      service.codeLenses(doc, config);
      service.codeActions(doc, { diagnostics }, config);
      service.codeActions(doc, { diagnostics: [], only: ['source.fixAll.claimlint'] }, config);
      for (let off = 0; off <= text.length; off++) {
        const pos = doc.positionAt(off);
        service.hover(doc, pos, config);
        const list = service.completion(doc, pos, config);
        assert.ok(Array.isArray(list.items));
      }
    });
  }
});

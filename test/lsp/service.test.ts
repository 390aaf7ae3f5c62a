/**
 * The language service called directly with TextDocuments, as yaml-language-server tests
 * do: the pieces under the LSP features, without a connection.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core/config/schema';
import { ClaimLanguageService } from '../../src/service';
import { disableForFileEdits, disableForLineEdits } from '../../src/service/directiveEdits';
import { diffEdit } from '../../src/service/edits';
import { cursorContext, mappingPath } from '../../src/service/yamlCursor';
import { applyEdits, caret, claimFile, editsFor } from './support/fixtures';

const apply = (text: string, edits: { start: number; end: number; newText: string }[]): string =>
  [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

describe('service: directive edits', () => {
  it('inserts disable-next-line above the line with its indentation, or extends one', () => {
    const text = 'claims:\n  - id: A\n    lines:\n      - units: 3\n';
    assert.equal(apply(text, disableForLineEdits(text, 3, 'rule-a')), 'claims:\n  - id: A\n    lines:\n      # claimlint-disable-next-line rule-a\n      - units: 3\n');
    const once = apply(text, disableForLineEdits(text, 3, 'rule-a'));
    assert.equal(apply(once, disableForLineEdits(once, 4, 'rule-b')), once.replace('rule-a', 'rule-a rule-b'));
    assert.deepEqual(disableForLineEdits(once, 4, 'rule-a'), [], 'already disabled');
  });

  it('keeps CRLF line ends', () => {
    const text = 'claims:\r\n  - id: A\r\n';
    assert.equal(apply(text, disableForLineEdits(text, 1, 'r')), 'claims:\r\n  # claimlint-disable-next-line r\r\n  - id: A\r\n');
    assert.equal(apply(text, disableForFileEdits(text, 'r')), '# claimlint-disable-file r\r\nclaims:\r\n  - id: A\r\n');
  });

  it('inserts disable-file after the leading comments, or extends an existing one', () => {
    const text = '# March visits\n# reviewed\nclaims: []\n';
    const once = apply(text, disableForFileEdits(text, 'rule-a'));
    assert.equal(once, '# March visits\n# reviewed\n# claimlint-disable-file rule-a\nclaims: []\n');
    assert.equal(apply(once, disableForFileEdits(once, 'rule-b')), once.replace('rule-a', 'rule-a rule-b'));
    assert.equal(apply('# only a comment', disableForFileEdits('# only a comment', 'x')), '# only a comment\n# claimlint-disable-file x\n');
  });
});

describe('service: edits', () => {
  it('turns a whole-text change into one minimal edit', () => {
    const before = 'a: 1\nb: 22\nc: 3\n';
    const after = 'a: 1\nb: 2\nc: 3\n';
    const doc = TextDocument.create('file:///x', 'yaml', 1, before);
    const edits = diffEdit(doc, before, after);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } });
    assert.equal(applyEdits(before, edits), after);
    assert.deepEqual(diffEdit(doc, before, before), []);
    const crlf = 'a: 1\r\nb: 2\r\n';
    const d2 = TextDocument.create('file:///y', 'yaml', 1, crlf);
    assert.equal(applyEdits(crlf, diffEdit(d2, crlf, 'a: 1\r\n\r\nb: 2\r\n')), 'a: 1\r\n\r\nb: 2\r\n');
  });
});

describe('service: cursor context', () => {
  const ctxAt = (marked: string) => {
    const { text, offset } = caret(marked);
    return cursorContext(text, offset);
  };

  it('finds the mapping path through nested lists', () => {
    const lines = ['claims:', '  - id: A', '    lines:', '      - code: "97110"', '        documentation:', '          intervention: x'];
    assert.deepEqual(mappingPath(lines, 5, 10), ['claims', '[]', 'lines', '[]', 'documentation']);
    assert.deepEqual(mappingPath(lines, 3, 8, 6), ['claims', '[]', 'lines', '[]']);
    const flush = ['claims:', '- id: A', '  lines:', '  - code: x', '    units: 1'];
    assert.deepEqual(mappingPath(flush, 4, 4), ['claims', '[]', 'lines', '[]']);
    const single = ['claim:', '  payer:', '    type: medicare'];
    assert.deepEqual(mappingPath(single, 2, 4), ['claim', 'payer']);
  });

  it('tells keys, values and list items apart', () => {
    assert.deepEqual(ctxAt('claim:\n  payer:\n    type: med^'), {
      kind: 'value', path: ['claim', 'payer'], key: 'type', partial: 'med', quote: undefined, closed: false, existing: [],
      replace: { start: 26, end: 29 },
    });
    const item = ctxAt('claim:\n  lines:\n    - code: "97110"\n      modifiers: [GP, K^X]\n');
    assert.equal(item?.kind, 'item');
    assert.deepEqual(item?.kind === 'item' && item.existing, ['GP']);
    const key = ctxAt('claim:\n  id: A\n  pay^\n  lines: []\n');
    assert.equal(key?.kind, 'key');
    assert.deepEqual(key?.kind === 'key' && [...key.siblings].sort(), ['id', 'lines']);
    assert.equal(ctxAt('claim:\n  id: A # a comment ^\n'), undefined);
  });
});

describe('service: features without a connection', () => {
  const service = new ClaimLanguageService();
  const config = resolveConfig();

  it('audits once per text and config (shared by diagnostics, actions and lenses)', () => {
    const doc = TextDocument.create('file:///s.claim.yaml', 'yaml', 3, claimFile({ units530: 2 }));
    const a = service.audit(doc, config);
    assert.equal(service.audit(doc, config), a);
    assert.notEqual(service.audit(doc, resolveConfig({ rules: { 'timed-units-total': 'warning' } })), a);
    const diagnostics = service.diagnostics(doc, config);
    assert.ok(diagnostics.every((d) => (d.data as { version: number }).version === 3));
  });

  it('pins fix-all to the version and returns nothing when nothing is fixable', () => {
    const doc = TextDocument.create('file:///f.claim.yaml', 'yaml', 7, claimFile({ units110: 5 }));
    const fixed = service.fixAllEdit(doc, config);
    assert.ok(fixed);
    const { edits, version } = editsFor(fixed.edit, doc.uri);
    assert.equal(version, 7);
    assert.equal(applyEdits(doc.getText(), edits), claimFile());
    assert.equal(service.fixAllEdit(TextDocument.create('file:///g.claim.yaml', 'yaml', 1, claimFile()), config), undefined);
  });

  it('offers a quick fix in a file whose other document has a YAML error; the error stays as it was', () => {
    const broken = '---\nclaim: [\n';
    const text = claimFile({ units530: 2 }) + broken;
    const doc = TextDocument.create('file:///e.claim.yaml', 'yaml', 1, text);
    const d = service.diagnostics(doc, config).find((x) => x.code === 'timed-units-total');
    assert.ok(d);
    const preferred = service.codeActions(doc, { diagnostics: [d] }, config).filter((a) => a.isPreferred);
    assert.deepEqual(preferred.map((a) => a.title), ['Bill 1 unit of 97530']);
    assert.equal(applyEdits(text, editsFor(preferred[0].edit!, doc.uri).edits), claimFile({ units530: 1 }) + broken);
  });

  it('hovers on a code written unquoted and on a numeric modifier', () => {
    const { text, position } = caret(claimFile().replace('code: "97530"', 'code: 975^30').replace('modifiers: [GP]\n        units: 1', 'modifiers: [GP, 59]\n        units: 1'));
    const doc = TextDocument.create('file:///h.claim.yaml', 'yaml', 1, text);
    assert.match(JSON.stringify(service.hover(doc, position, config)), /Therapeutic activities/);
    const at59 = doc.positionAt(text.indexOf('59]') + 1);
    assert.match(JSON.stringify(service.hover(doc, at59, config)), /Modifier 59/);
  });

  it('finds nodes in later claims, in claim: documents and after ---', () => {
    const two = claimFile({ id: 'A' }, { id: 'B', modifiers530: 'GO' });
    const doc = TextDocument.create('file:///m.claim.yaml', 'yaml', 1, two);
    const go = two.indexOf('GO');
    const h = service.hover(doc, doc.positionAt(go + 1), config);
    assert.match(JSON.stringify(h), /Modifier GO/);
    assert.deepEqual(h?.range, { start: doc.positionAt(go), end: doc.positionAt(go + 2) });

    const single = `${'---\n'}claim:\n${claimFile().split('\n').slice(2).map((l) => l.slice(2)).join('\n').replace(/^/, '  id: S\n')}`;
    const sdoc = TextDocument.create('file:///s2.claim.yaml', 'yaml', 1, `claims:\n${claimFile().slice('claims:\n'.length)}${single}`);
    const text = sdoc.getText();
    const lenses = service.codeLenses(sdoc, config).filter((l) => l.command?.command === '');
    assert.deepEqual(lenses.map((l) => l.range.start.line), [1, text.split('\n').indexOf('claim:')]);
    const lastCode = text.lastIndexOf('97530');
    assert.match(JSON.stringify(service.hover(sdoc, sdoc.positionAt(lastCode), config)), /Therapeutic activities/);
  });

  it('survives half-typed documents', () => {
    for (const text of ['claims:\n  - id: A\n    lines:\n      - code: "97', 'claims:\n  - ', 'claim: [', ': :', '']) {
      const doc = TextDocument.create('file:///t.claim.yaml', 'yaml', 1, text);
      const end = doc.positionAt(text.length);
      service.diagnostics(doc, config);
      service.hover(doc, end, config);
      service.codeLenses(doc, config);
      service.completion(doc, end, config);
      service.codeActions(doc, { diagnostics: service.diagnostics(doc, config), only: ['quickfix', 'source.fixAll'] }, config);
    }
  });
});

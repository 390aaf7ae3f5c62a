/**
 * The language server's message writer (src/server/messageJson.ts): a publishDiagnostics
 * message reuses each finding's diagnostic text from the publish before, and must still be
 * exactly JSON.stringify's text — for the same findings at later versions, cross-claim
 * findings with related claims, diagnostics the server adds itself (payer decisions), odd
 * URIs and other messages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { audit, type LocatedFinding, type PatientFinding } from '../../src/core';
import { FindingDiagnostics, setRuleLinksInDiagnostics, toDiagnostic } from '../../src/service/diagnostics';
import { findingsPublish, messageBytes, messageJson, type WrittenFindings } from '../../src/server/messageJson';
import { EXAMPLES, FIXTURES } from '../support/paths';

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

  describe('findingsPublish: diagnostics of findings written without making them', () => {
    const payer: Diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } }, severity: 3, source: 'claimlint-remit', code: 'CO-45', message: 'paid "less" \u00e9', data: { remit: true } };
    const message = (params: unknown) => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params });
    /** Written from the findings (never read before), the text and bytes are those of the plain params. */
    function writtenAs(lazy: () => unknown, plain: unknown, what: string): void {
      assert.equal(messageJson(lazy()), JSON.stringify(plain), what);
      assert.ok(messageBytes(lazy()).equals(Buffer.from(JSON.stringify(plain), 'utf8')), what);
    }

    it('the same text as toDiagnostic\'s diagnostics followed by the added ones, at successive versions', () => {
      for (let version = 1; version <= 3; version++) {
        const doc = TextDocument.create(uri, 'yaml', version, text);
        const found = new FindingDiagnostics(doc, all);
        for (const extra of [[], [payer]]) {
          const plain = { uri, version, diagnostics: [...all.map((f) => toDiagnostic(doc, f)), ...extra] };
          writtenAs(() => message(findingsPublish(uri, version, found, extra)), message(plain), `version ${version}, ${extra.length} added`);
          // Read: the same list, JSON.stringify's text (any other transport).
          const params = findingsPublish(uri, version, found, extra);
          assert.equal(JSON.stringify(params), JSON.stringify(plain));
          assert.deepEqual(params.diagnostics, plain.diagnostics);
        }
      }
      // No findings; nothing at all; a version-less publish (an unopened file, data.version 0).
      const doc = TextDocument.create(uri, 'yaml', 0, text);
      writtenAs(() => message(findingsPublish(uri, 4, new FindingDiagnostics(doc, []), [payer])), message({ uri, version: 4, diagnostics: [payer] }), 'added only');
      writtenAs(() => message(findingsPublish(uri, 4, new FindingDiagnostics(doc, []), [])), message({ uri, version: 4, diagnostics: [] }), 'empty');
      writtenAs(() => message(findingsPublish(uri, undefined, new FindingDiagnostics(doc, all), [])), message({ uri, diagnostics: all.map((f) => toDiagnostic(doc, f)) }), 'version-less');
    });

    it('for a client that links the rules itself: no codeDescription, written as JSON.stringify writes the diagnostics', () => {
      setRuleLinksInDiagnostics(false);
      try {
        // Fresh findings: a finding's conversion is kept with it, made in the mode of its first use.
        const fresh = all.map((f) => ({ ...f }));
        for (let version = 1; version <= 2; version++) {
          const doc = TextDocument.create(uri, 'yaml', version, text);
          const plain = { uri, version, diagnostics: fresh.map((f) => toDiagnostic(doc, f)) };
          assert.ok(plain.diagnostics.every((d) => !('codeDescription' in d) && d.code === d.data.rule), 'no link; the code is the rule');
          writtenAs(() => message(findingsPublish(uri, version, new FindingDiagnostics(doc, fresh), [payer])), message({ ...plain, diagnostics: [...plain.diagnostics, payer] }), `version ${version}`);
          same(publish(uri, version, plain.diagnostics), `toDiagnostic's, version ${version}`);
        }
        const linked = TextDocument.create(uri, 'yaml', 1, text);
        setRuleLinksInDiagnostics(true);
        const withLinks = all.map((f) => ({ ...f })).map((f) => toDiagnostic(linked, f));
        assert.deepEqual(withLinks.map(({ codeDescription, ...rest }) => (assert.ok(codeDescription?.href), rest)), fresh.map((f) => toDiagnostic(linked, f)));
      } finally {
        setRuleLinksInDiagnostics(true);
      }
    });

    it('findings of one rule at other severities, with none, one or several fix ids (odd characters too) and odd positions, are written as JSON.stringify writes them', () => {
      const base = findings[0];
      const fix = (id: string) => ({ id, title: id, edits: [] });
      const odd: LocatedFinding[] = [
        { ...base, severity: 'error', fixes: [] },
        { ...base, severity: 'warning', fixes: [fix('a "quoted" \\ fix\u00e9')] },
        { ...base, severity: 'error', fixes: [fix('a "quoted" \\ fix\u00e9')] },
        { ...base, severity: 'info', fixes: [fix('x'), fix('y"z')] },
        { ...base, rule: 'made-up "rule"', message: 'line\nbreak \u2028 and "quotes"', fixes: [fix('x')] },
        { ...base, range: { start: { line: 1.5, character: -0 }, end: { line: Number.NaN, character: 2 ** 60 } } },
      ];
      for (let version = 1; version <= 2; version++) {
        const doc = TextDocument.create(uri, 'yaml', version, text);
        const plain = { uri, version, diagnostics: odd.map((f) => toDiagnostic(doc, f)) };
        writtenAs(() => message(findingsPublish(uri, version, new FindingDiagnostics(doc, odd), [])), message(plain), `version ${version}`);
      }
    });

    it('every fixture\'s and example\'s findings (LF and CRLF, with related claims) are written as toDiagnostic\'s diagnostics would be', () => {
      const files = [FIXTURES, EXAMPLES].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f)));
      assert.ok(files.length > 40, `${files.length} files`);
      let written = 0;
      for (const file of files) {
        for (const text of [readFileSync(file, 'utf8'), readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n')]) {
          const own = audit(text).findings;
          if (!own.length) continue;
          const withRelated: LocatedFinding[] = [...own, { ...cross, message: `${own[0].message} \u2014 \u00e9 "q" \\ \u0007` }];
          const doc = TextDocument.create(uri, 'yaml', 5, text);
          const plain = message({ uri, version: 5, diagnostics: withRelated.map((f) => toDiagnostic(doc, f)) });
          // Fresh findings (their heads not yet written): copies, so no earlier test wrote them.
          const fresh = withRelated.map((f) => ({ ...f }));
          writtenAs(() => message(findingsPublish(uri, 5, new FindingDiagnostics(doc, fresh), [])), plain, file);
          written += fresh.length;
        }
      }
      assert.ok(written > 500, `${written} diagnostics`);
    });

    it('the diagnostics are those of the version they were made for, whatever the document becomes', () => {
      const doc = TextDocument.create(uri, 'yaml', 5, text);
      const crlf = TextDocument.create(uri, 'yaml', 6, text.replace(/\n/g, '\r\n'));
      const fresh = audit(crlf.getText()).findings;
      const before = { uri, version: 5, diagnostics: all.map((f) => toDiagnostic(TextDocument.create(uri, 'yaml', 5, text), f)) };
      const found = new FindingDiagnostics(doc, all);
      const foundCrlf = new FindingDiagnostics(crlf, fresh);
      const after = { uri, version: 6, diagnostics: fresh.map((f) => toDiagnostic(TextDocument.create(uri, 'yaml', 6, crlf.getText()), f)) };
      TextDocument.update(doc, [{ text: 'claims: []\n' }], 9);
      TextDocument.update(crlf, [{ text: 'claims: []\r\n' }], 9);
      writtenAs(() => message(findingsPublish(uri, 5, found, [])), message(before), 'made at version 5');
      writtenAs(() => message(findingsPublish(uri, 6, foundCrlf, [])), message(after), 'CRLF, made at version 6');
      assert.ok(after.diagnostics.some((d) => d.range.start.line > 0), 'the CRLF ranges are the document\'s lines');
    });

    it('a list read and changed before it is written is written as it is now', () => {
      const doc = TextDocument.create(uri, 'yaml', 7, text);
      const params = findingsPublish(uri, 7, new FindingDiagnostics(doc, all), [payer]);
      params.diagnostics[0] = { ...params.diagnostics[0], message: 'another "text"' };
      params.diagnostics.pop();
      same(message(params));
      assert.equal(JSON.parse(messageJson(message(params))).params.diagnostics[0].message, 'another "text"');
      const replaced = findingsPublish(uri, 7, new FindingDiagnostics(doc, all), []);
      replaced.diagnostics = [payer];
      same(message(replaced));
      // A FindingDiagnostics whose list was read: its publishes are written from that list.
      const read = new FindingDiagnostics(doc, all);
      read.diagnostics.push(payer);
      assert.match(messageJson(message(findingsPublish(uri, 7, read, []))), /paid \\"less\\"/);
    });

    it('successive publishes of a document copy what they share with the one before, and are still JSON.stringify\'s', () => {
      const written = new Map<string, WrittenFindings>();
      const other = 'file:///ws/other.claim.yaml';
      const copies = (fs: LocatedFinding[], from: number, to: number) => fs.map((f, i) => (i >= from && i < to ? { ...f } : f));
      // Versions around 9 -> 10 and 99 -> 100 (the version's digits change length).
      const steps: { version: number; list: (prev: LocatedFinding[]) => LocatedFinding[]; extra?: Diagnostic[]; read?: boolean; uri?: string }[] = [
        { version: 1, list: () => all },
        { version: 2, list: (p) => copies(p, 2, 4) },
        { version: 3, list: (p) => [...p.slice(0, 1), ...p.slice(3)] },
        { version: 4, list: (p) => [cross, ...p, { ...cross, message: 'new "one"' }], extra: [payer] },
        { version: 9, list: (p) => [...p].reverse() },
        { version: 10, list: (p) => p, extra: [payer, payer] },
        { version: 11, list: (p) => copies(p, 0, p.length) },
        { version: 12, list: (p) => p, read: true },
        { version: 13, list: (p) => p },
        { version: 14, list: (p) => [...p.slice(1, 3), ...p.slice(0, 1), ...p.slice(3)] },
        { version: 15, list: (p) => [...p.slice(0, 3), { ...cross }, ...p.slice(3)] },
        { version: 16, list: (p) => p.slice(0, 2), uri: other },
        { version: 17, list: (p) => p },
        { version: 99, list: () => [] , extra: [payer] },
        { version: 100, list: () => all },
        { version: 101, list: (p) => p },
      ];
      let list: LocatedFinding[] = [];
      let previous: FindingDiagnostics | undefined;
      for (const step of steps) {
        list = step.list(list);
        const at = step.uri ?? uri;
        const doc = TextDocument.create(at, 'yaml', step.version, text);
        const extra = step.extra ?? [];
        const plain = message({ uri: at, version: step.version, diagnostics: [...list.map((f) => toDiagnostic(doc, f)), ...extra] });
        const found = new FindingDiagnostics(doc, list, previous);
        previous = found;
        const params = findingsPublish(at, step.version, found, extra);
        if (step.read) void params.diagnostics;
        assert.ok(messageBytes(message(params), written).equals(Buffer.from(JSON.stringify(plain), 'utf8')), `version ${step.version}`);
      }
      assert.ok(written.has(uri) && written.has(other));
    });
  });
});

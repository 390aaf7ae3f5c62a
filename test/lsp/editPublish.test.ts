/**
 * What the server publishes after ranged edits of a file with repeated patients (its own and
 * cross-claim findings; issue 26: an edit reuses the previous analysis's placed findings and
 * writes the unchanged diagnostics from their kept JSON) must be, byte for byte, what a fresh
 * server publishes when the same text is opened: random edits inside and between claims,
 * edits that change a patient id, edits that break the YAML and fix it again, claims added
 * and removed, in a \n file and a \r\n file.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { mergePatientFindings, PatientIndex, resolveConfig } from '../../src/core';
import { recordOf } from '../../src/node/fileRecord';
import { ClaimLanguageService } from '../../src/service';
import { toDiagnostic } from '../../src/service/diagnostics';
import { TestClient } from './support/harness';
import { strokeVisitText } from '../support/claimSamples';
import { seededRandom } from '../support/seeded';

/** Visits of four patients, their year-to-date amounts near the KX threshold: cross-claim findings. */
function repeatedPatients(count: number): string {
  const parts = ['# visits of four patients\nclaims:\n'];
  for (let i = 0; i < count; i++) parts.push(strokeVisitText(i, {}, { patient: `PT-20${i % 4}`, ytd: { pt_slp: `${2200 + i * 25}.00`, ot: 0 } }));
  return parts.join('');
}

/** One random edit of `text` (offsets), as a user or a tool makes them; `undo`: undone by the next version (it may break the file). */
function randomEdit(text: string, rand: (n: number) => number, eol: string): { start: number; end: number; text: string; undo?: boolean } {
  const near = (key: string): number => {
    const at = text.indexOf(key, rand(text.length));
    return at >= 0 ? at + key.length : text.indexOf(key) + key.length;
  };
  switch (rand(9)) {
    case 0: {
      // Retype a number inside a claim (same length or not).
      const at = near('minutes: ');
      return { start: at, end: at + 2, text: String(rand(120)) };
    }
    case 1: {
      // Another patient's id (facts of two patients change).
      const at = near('patient:' + eol + '      id: PT-');
      return { start: at, end: at + 3, text: `20${rand(5)}` };
    }
    case 2: {
      // A blank or comment line between claims (every later finding moves down).
      const at = near(eol + '  - id: ') - '  - id: '.length;
      return { start: at, end: at, text: rand(2) ? eol : `  # between${eol}` };
    }
    case 3: {
      // Delete a few characters anywhere.
      const at = rand(text.length - 10);
      return { start: at, end: at + 1 + rand(6), text: '', undo: true };
    }
    case 4: {
      // Insert a character anywhere.
      const at = rand(text.length);
      return { start: at, end: at, text: ['x', ' ', '9', eol, ':', '"', ': [', '\r'][rand(8)], undo: true };
    }
    case 5: {
      // Remove a whole claim, or repeat one (claims counted again: paths change).
      const from = near(eol + '  - id: ') - '  - id: '.length;
      const next = text.indexOf(eol + '  - id: ', from + 1);
      const to = next < 0 ? text.length : next + eol.length;
      return rand(2) ? { start: from, end: to, text: '' } : { start: from, end: from, text: text.slice(from, to) };
    }
    case 6: {
      // A claim id repeated (the file-level duplicate check).
      const at = near('  - id: CLM-2026-');
      return { start: at, end: at + 6, text: '100001' };
    }
    case 7: {
      // An inline directive: a rule off from here on, or on one line.
      if (rand(2)) {
        const at = near(eol + '  - id: ') - '  - id: '.length;
        return { start: at, end: at, text: `  # claimlint-disable kx-modifier-missing${eol}` };
      }
      const at = near('ytd_allowed:');
      const lineEnd = text.indexOf(eol, at);
      return { start: lineEnd, end: lineEnd, text: ' # claimlint-disable-line' };
    }
    default: {
      // Retype a code (other rules on the line).
      const at = near('code: "');
      return { start: at, end: at + 5, text: ['97110', '97530', '97140', '9711'][rand(4)] };
    }
  }
}

/**
 * The same through the core, without the server or its writer (as test/bench/heavy.ts checks
 * the heavy file): a fresh analysis's findings merged with the cross-claim findings of the
 * file's record in a patient index of its own, each made by toDiagnostic and serialized by
 * JSON.stringify.
 */
function coreDiagnostics(doc: TextDocument): Diagnostic[] {
  const config = resolveConfig();
  const own = new ClaimLanguageService().analysis(doc, config);
  const index = new PatientIndex();
  index.setFile(recordOf(own, doc.uri, doc.uri.split('/').pop()!), config);
  return mergePatientFindings(own.findings, index.findings(doc.uri)).map((f) => toDiagnostic(doc, f));
}

describe('lsp: publishes after edits equal a fresh open of the same text', function () {
  this.timeout(120_000);
  let editor: TestClient;
  let fresh: TestClient;
  beforeEach(async () => {
    editor = await TestClient.start({ debounceMs: 0 });
    fresh = await TestClient.start({ debounceMs: 0 });
  });
  afterEach(async () => {
    await editor.dispose();
    await fresh.dispose();
  });

  /** What a fresh server publishes for `text` opened at `version` (opened alone, then closed). */
  async function freshPublish(uri: string, text: string, version: number): Promise<PublishDiagnosticsParams> {
    const after = fresh.diagnostics.length;
    fresh.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const p = await fresh.waitForDiagnostics(uri, (d) => d.version === version, after);
    fresh.close(uri);
    await fresh.waitForDiagnostics(uri, (d) => d.version === undefined || d.diagnostics.length === 0, after + 1).catch(() => undefined);
    return p;
  }

  for (const eol of ['\n', '\r\n']) {
    it(`random ranged edits of a ${eol === '\n' ? '\\n' : '\\r\\n'} file with repeated patients`, async () => {
      const rand = seededRandom(eol === '\n' ? 26 : 2626);
      const uri = `file:///ws/edits-${eol.length}.claim.yaml`;
      const doc = TextDocument.create(uri, 'yaml', 1, repeatedPatients(16).replace(/\n/g, eol));
      editor.open(uri, doc.getText());
      await editor.waitForDiagnostics(uri, (p) => p.version === 1);
      let cross = 0;
      let broken = 0;
      let disabled = 0;
      let shown = (await editor.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics.length;
      let version = 1;
      for (let n = 0; n < 40; n++) {
        const text = doc.getText();
        const made = randomEdit(text, rand, eol);
        const changes: TextDocumentContentChangeEvent[] = [{ range: { start: doc.positionAt(made.start), end: doc.positionAt(made.end) }, text: made.text }];
        TextDocument.update(doc, changes, ++version);
        const after = editor.diagnostics.length;
        editor.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
        const published = await editor.waitForDiagnostics(uri, (p) => p.version === version, after);
        const expected = await freshPublish(uri, doc.getText(), version);
        assert.equal(JSON.stringify(published.diagnostics), JSON.stringify(expected.diagnostics), `edit ${n}: ${JSON.stringify(made)}`);
        assert.equal(JSON.stringify(published.diagnostics), JSON.stringify(coreDiagnostics(TextDocument.create(uri, 'yaml', version, doc.getText()))), `edit ${n} (core)`);
        cross += published.diagnostics.filter((d) => d.relatedInformation?.length).length;
        if (published.diagnostics.some((d) => d.code === 'yaml-syntax')) broken++;
        if (made.text.includes('claimlint-') && published.diagnostics.length < shown) disabled++;
        shown = published.diagnostics.length;
        if (made.undo) {
          // Undo: the text as before.
          const undo: TextDocumentContentChangeEvent[] = [{ range: { start: doc.positionAt(made.start), end: doc.positionAt(made.start + made.text.length) }, text: text.slice(made.start, made.end) }];
          TextDocument.update(doc, undo, ++version);
          const before = editor.diagnostics.length;
          editor.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: undo });
          const fixed = await editor.waitForDiagnostics(uri, (p) => p.version === version, before);
          assert.equal(doc.getText(), text);
          assert.equal(JSON.stringify(fixed.diagnostics), JSON.stringify((await freshPublish(uri, text, version)).diagnostics), `undo of edit ${n}`);
        }
      }
      assert.ok(cross > 0, 'cross-claim findings were published');
      assert.ok(broken > 0, 'a broken text was published');
      assert.ok(disabled > 0, 'a directive left findings out');
    });
  }
});

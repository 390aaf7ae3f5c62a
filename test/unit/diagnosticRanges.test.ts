/**
 * A finding's diagnostic range (src/service/diagnostics.ts toDiagnostic): for a text whose
 * lines end in \n only it is the finding's own range (the pipeline's line index), which must
 * be where the editor's document puts the finding's span; with \r\n or a lone \r (line ends
 * the document counts and the line index does not) it is the document's.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { audit } from '../../src/core';
import { toDiagnostic } from '../../src/service/diagnostics';
import { EXAMPLES, FIXTURES } from '../support/paths';

function texts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(FIXTURES, 'rules'));
  walk(EXAMPLES);
  return out;
}

describe('toDiagnostic ranges: where the editor\'s document puts each finding', () => {
  it('for \\n, \\r\\n and lone \\r line ends, on every rule fixture and example', () => {
    let checked = 0;
    for (const lf of texts()) {
      for (const text of [lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')]) {
        const doc = TextDocument.create('file:///ws/x.claim.yaml', 'yaml', 1, text);
        for (const f of audit(text).findings) {
          assert.deepEqual(toDiagnostic(doc, f).range, { start: doc.positionAt(f.span.start), end: doc.positionAt(f.span.end) }, `${f.rule} at ${f.span.start}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `only ${checked} findings`);
  });
});

/**
 * The line scan that cuts a stream into documents and a claims list into items
 * (src/core/parse/split.ts) skips what cannot matter: lines that cannot be a marker or a
 * directive, and the tab and anchor checks of a document that holds no tab, `&` or `*`. It
 * must cut exactly as the scan that reads every line whole: random streams of claim-like
 * lines with markers, directives, tabs, anchors, aliases, comments and CRs.
 */
import assert from 'node:assert/strict';
import { documentLayout, splitDocuments, type DocumentLayout, type DocumentSlice } from '../../src/core/parse/split';
import { seededRandom } from '../support/seeded';

const DOC_MARKER = /^(---|\.\.\.)(?=\s|$)/;
const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,\]}]/;
const TOP_CLAIMS = /^claims:[ \t]*(#.*)?$/;

/** The document split as first written: every line sliced and tested. */
function referenceSplit(text: string): DocumentSlice[] | undefined {
  const docs: DocumentSlice[] = [];
  let start = 0;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (line.startsWith('%')) return undefined;
    const m = DOC_MARKER.exec(line);
    if (m) {
      if (line.slice(3).replace(/#.*$/, '').trim() !== '') return undefined;
      if (pos > start || docs.length > 0 || m[1] === '...') docs.push({ start, end: pos });
      start = nl < 0 ? text.length : nl + 1;
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  docs.push({ start, end: text.length });
  return docs.filter((d) => /^[ \t]*[^\s#]/m.test(text.slice(d.start, d.end)));
}

/** The layout as first written: every line's tab and anchor checks. */
function referenceLayout(text: string, doc: DocumentSlice): DocumentLayout {
  const items: { start: number; end: number }[] = [];
  let seenClaims = false;
  let seqIndent = -1;
  let pos = doc.start;
  while (pos < doc.end) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 || nl >= doc.end ? doc.end : nl;
    const next = lineEnd + 1;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const body = line.trimStart();
    const indent = line.length - body.length;
    if (body === '' || body.startsWith('#')) {
      pos = next;
      continue;
    }
    if (line.includes('\t') || ANCHOR_OR_ALIAS.test(line)) return { kind: 'whole' };
    if (!seenClaims) {
      if (!TOP_CLAIMS.test(line)) return { kind: 'whole' };
      seenClaims = true;
    } else if (seqIndent < 0) {
      if (!/^-(\s|$)/.test(body)) return { kind: 'whole' };
      seqIndent = indent;
      items.push({ start: pos, end: doc.end });
    } else if (indent < seqIndent || (indent === seqIndent && !/^-(\s|$)/.test(body))) {
      return { kind: 'whole' };
    } else if (indent === seqIndent) {
      items[items.length - 1].end = pos;
      items.push({ start: pos, end: doc.end });
    }
    pos = next;
  }
  if (!seenClaims || items.length === 0) return { kind: 'whole' };
  return { kind: 'claims', items };
}

const LINES = ['claims:', 'claims: # list', '  - id: A', '  - id: B\r', '    code: "97110"', '    note: a & b', '    ref: *x', '    x: &a 1', '\tkey: 1', '    k: "\t"', '---', '--- # doc', '...', '--- x', '%YAML 1.2', '-', '# comment', '', '   ', '\r', '  -', '- id: C', 'other: 1', '.hidden: 1', '-- not a marker'];

describe('split: the document and claims-list scan skips what cannot matter', () => {
  it('cuts as the scan that reads every line whole (random streams)', () => {
    const rand = seededRandom(61206);
    let cut = 0;
    for (let n = 0; n < 4000; n++) {
      const lines: string[] = [];
      if (rand(3)) lines.push('claims:');
      for (let k = 0, count = 1 + rand(14); k < count; k++) lines.push(rand(2) ? LINES[2 + rand(5)] : LINES[rand(LINES.length)]);
      const text = lines.join(rand(4) ? '\n' : '\r\n') + (rand(2) ? '\n' : '');
      const docs = splitDocuments(text);
      assert.deepEqual(docs, referenceSplit(text), JSON.stringify(text));
      for (const d of docs ?? []) {
        const layout = documentLayout(text, d);
        assert.deepEqual(layout, referenceLayout(text, d), JSON.stringify(text));
        if (layout.kind === 'claims') cut++;
      }
    }
    assert.ok(cut > 150, `${cut} documents cut into items`);
  });
});

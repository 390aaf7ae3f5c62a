/**
 * The one claim pipeline: one parse per claim text shared by the audit and every editor
 * feature, per-claim node / source map / data / findings, one cache bounded by bytes that
 * reset() clears.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AuditCache, audit, resolveConfig } from '../../src/core';
import { ClaimLanguageService } from '../../src/service';
import { placeUnit } from '../../src/core/pipeline/place';
import { LineIndex } from '../../src/core/parse/lines';
import { claimFile, claimText } from '../bench/generate';
import { seededRandom } from '../support/seeded';
import { singleClaimYaml } from '../support/claims';
import { strokeVisit } from '../support/claimSamples';

const strip = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('pipeline: one parse for the audit and the editor', () => {
  it('yields each claim with its source map, data and its own findings', () => {
    const text = claimFile(3).replace('units: 1\n        minutes: 21', 'units: 3\n        minutes: 21');
    const a = analyze(text);
    assert.equal(a.claims.length, 3);
    for (const [k, c] of a.claims.entries()) {
      assert.equal(c.prefix, `claims[${k}]`);
      assert.equal((c.raw as { id: string }).id, `CLM-2026-${100000 + k}`);
      assert.ok(c.src.get('lines[0].units'), 'source map has the line units');
      assert.equal(c.validated().claim?.id, `CLM-2026-${100000 + k}`);
      assert.ok(text.slice(c.anchor).startsWith('id:'), 'the anchor is the claim\'s first key');
      for (const f of c.findings) assert.ok(f.path.startsWith(`claims[${k}]`) && f.span.start >= c.start && f.span.end <= c.end + 1);
    }
    const all = a.findings;
    assert.ok(all.some((f) => f.rule === 'timed-units-total'));
    assert.deepEqual(
      strip(a.claims.flatMap((c) => c.findings).sort((x, y) => x.span.start - y.span.start || x.rule.localeCompare(y.rule))),
      strip(all),
      'every finding of this file belongs to one claim',
    );
    assert.deepEqual(strip(all), strip(audit(text).findings));
  });

  it('gives a claim document its claim and a duplicate id to the claim that repeats it', () => {
    const one = analyze(singleClaimYaml(strokeVisit(2), 'block'));
    assert.equal(one.claims.length, 1);
    assert.equal(one.claims[0].prefix, 'claim');
    assert.equal((one.claims[0].raw as { id: string }).id, 'CLM-2026-100002');
    const dup = analyze(claimFile(2).replace('CLM-2026-100001', 'CLM-2026-100000'));
    assert.deepEqual(dup.claims[1].findings.map((f) => f.rule), ['claim-id-duplicate']);
    assert.deepEqual(dup.claims[0].findings, []);
  });

  it('parses each claim once for diagnostics, code lens, hover, completion and code actions', () => {
    const cache = new AuditCache();
    const service = new ClaimLanguageService({ cache });
    const config = resolveConfig();
    const text = claimFile(20);
    const doc = TextDocument.create('file:///p.claim.yaml', 'yaml', 1, text);
    const diagnostics = service.diagnostics(doc, config);
    service.codeLenses(doc, config);
    service.hover(doc, doc.positionAt(text.indexOf('97530') + 2), config);
    service.completion(doc, doc.positionAt(text.indexOf('assistance_level: ') + 18), config);
    service.codeActions(doc, { diagnostics }, config);
    assert.equal(cache.misses, 20, 'one parse per claim');
    assert.equal(cache.size, 20);
    // An edit of one claim: a hover parses that claim alone, and the audit then reuses it.
    const edited = TextDocument.create(doc.uri, 'yaml', 2, text.replace('treatment_days_since_progress_report: 3', 'treatment_days_since_progress_report: 4'));
    assert.ok(service.hover(edited, edited.positionAt(text.indexOf('97530') + 2), config));
    assert.equal(cache.misses, 21);
    service.diagnostics(edited, config);
    service.codeLenses(edited, config);
    assert.equal(cache.misses, 21);
  });

  it('reset() clears the one cache', () => {
    const service = new ClaimLanguageService();
    const doc = TextDocument.create('file:///r.claim.yaml', 'yaml', 1, claimFile(5));
    service.diagnostics(doc, resolveConfig());
    assert.equal(service.cache.size, 5);
    service.reset();
    assert.equal(service.cache.size, 0);
    assert.equal(service.cache.bytes, 0);
  });

  it('keeps the cache within its byte budget, evicting the least recently used claims', () => {
    const text = claimFile(50);
    const perClaim = (() => {
      const c = new AuditCache();
      analyze(text, { cache: c });
      return c.bytes / 50;
    })();
    const cache = new AuditCache(perClaim * 10);
    const findings = analyze(text, { cache }).findings;
    assert.ok(cache.bytes <= perClaim * 10, `${cache.bytes} > ${perClaim * 10}`);
    assert.ok(cache.size <= 10 && cache.size > 0);
    // Eviction never changes results.
    assert.deepEqual(strip(analyze(text, { cache }).findings), strip(findings));
  });

  it('does not keep the whole file alive through a cached claim', () => {
    // Cached unit texts are flat copies: equal in content, not slices of the file.
    const cache = new AuditCache();
    const a = analyze(claimFile(2), { cache });
    const unit = a.units[0].unit;
    assert.equal(unit.text, a.text.slice(a.units[0].base, a.units[1].base));
  });
});

describe('pipeline: an edit finds its claims from the change range', () => {
  /** Apply one edit and analyze incrementally; the result must equal a full analysis. */
  function step(prevText: string, prev: ReturnType<typeof analyze>, cache: AuditCache, at: number, remove: number, insert: string, check = true) {
    const text = prevText.slice(0, at) + insert + prevText.slice(at + remove);
    const change = { start: at, end: at + insert.length, delta: insert.length - remove };
    const next = analyze(text, { cache, previous: prev, change });
    // A version whose findings nobody asked for (a hover between keystrokes): the next edit starts from it.
    if (!check) return { text, next };
    const full = analyze(text);
    assert.deepEqual(strip(next.findings), strip(full.findings), `edit at ${at} (-${remove} +${JSON.stringify(insert)})`);
    assert.deepEqual(next.claims.map((c) => [c.prefix, c.start, c.end, c.anchor]), full.claims.map((c) => [c.prefix, c.start, c.end, c.anchor]));
    assert.deepEqual(next.lines.starts, full.lines.starts);
    return { text, next };
  }

  it('keeps the placed findings of the claims before an edit and shifts those after it', () => {
    const cache = new AuditCache();
    const text = claimFile(30).replace(/units: \d\n {8}minutes/g, 'units: 9\n        minutes');
    const prev = analyze(text, { cache });
    const before = prev.findings;
    // Two lines more (a comment and a blank line) in the middle of a claim.
    const at = text.indexOf('      total_treatment_minutes: ', Math.floor(text.length / 2));
    const note = '      # a note\n\n';
    const by = note.length;
    const next = analyze(text.slice(0, at) + note + text.slice(at), { cache, previous: prev, change: { start: at, end: at + by, delta: by } });
    assert.ok(next.incremental);
    const edited = next.claimAt(at)!;
    const after = next.findings;
    assert.deepEqual(strip(after), strip(analyze(next.text).findings));
    const old = new Set(before);
    const kept = after.filter((f) => f.span.end < edited.start);
    const moved = after.filter((f) => f.span.start > edited.end);
    assert.ok(kept.length > 20 && moved.length > 20);
    assert.ok(kept.every((f) => old.has(f)), 'findings of the claims before the edit are the same objects');
    assert.ok(moved.every((f) => !old.has(f)));
    for (const f of moved) {
      const was = before.find((b) => b.span.start === f.span.start - by && b.rule === f.rule)!;
      assert.ok(was, 'each finding after the edit is an earlier one shifted');
      assert.equal(f.range.start.line, was.range.start.line + 2);
      assert.equal(f.message, was.message);
    }
  });

  it('re-places rather than shifts findings that were clamped to the end of the text', () => {
    const result = { findings: [{ rule: 'yaml-syntax', severity: 'error' as const, message: 'm', path: '', span: { start: 3, end: 6 }, fixes: [] }], owners: [0] };
    const u = { claims: [], result, base: 4, prefix: 'claims[0]', document: 0 };
    const short = 'ab\ncdef';
    const clamped = placeUnit(short, new LineIndex(short), u);
    assert.deepEqual(clamped.found[0].f.span, { start: 7, end: 7 }, 'clamped to the text');
    const long = 'ab\ncdefghij';
    const again = placeUnit(long, new LineIndex(long), u, clamped);
    assert.deepEqual(strip(again.found), strip(placeUnit(long, new LineIndex(long), u).found));
    assert.deepEqual(again.found[0].f.span, { start: 7, end: 10 });
  });

  it('re-parses only the edited claim, and shifts the others', () => {
    const cache = new AuditCache();
    let text = claimFile(30);
    let prev = analyze(text, { cache });
    const misses = cache.misses;
    const at = text.indexOf('minutes: 25') + 'minutes: 2'.length;
    const r = step(text, prev, cache, at, 1, '9\n');
    assert.ok(r.next.incremental, 'found from the change range');
    assert.equal(cache.misses, misses + 1, 'one claim parsed again');
    text = r.text;
    prev = r.next;
    // Insert a whole claim: the ones after it are renumbered.
    const second = text.indexOf('  - id:', text.indexOf('  - id:') + 1);
    const ins = step(text, prev, cache, second, 0, claimText(77).replace('units: 2', 'units: 7'));
    assert.ok(ins.next.incremental);
    assert.equal(ins.next.claims.length, 31);
  });

  // Findings of every claim; a duplicate id; directives (line, next line, block) between and inside claims.
  const plain = claimFile(8).replace('units: 1\n        minutes: 21', 'units: 3\n        minutes: 21');
  const tricky = claimFile(8)
    .replace(/units: \d\n {8}minutes/g, 'units: 9\n        minutes')
    .replace('CLM-2026-100005', 'CLM-2026-100002')
    .replace('  - id: CLM-2026-100003', '  # claimlint-disable timed-units-total\n  - id: CLM-2026-100003')
    .replace('  - id: CLM-2026-100004', '  # claimlint-enable timed-units-total\n  - id: CLM-2026-100004')
    .replace('units: 9\n        minutes: 26', 'units: 9 # claimlint-disable-line\n        minutes: 26');
  for (const [name, base] of [['a plain file', plain], ['a file with directives and a duplicate id', tricky]]) it(`matches a full analysis after random edits, falling back where it must (${name})`, () => {
    const cache = new AuditCache();
    const baseAnalysis = analyze(base, { cache });
    const rand = seededRandom(12345);
    const inserts = ['', 'x', '\n', '- ', '  - id: NEW\n', '#', ': ', '9', '\n  - ', '\n    '];
    // Edits after which only a full scan is right: a document marker, an anchor, a tab, a second list.
    // Also what the guard refuses or must read to the end: too deep, an open bracket, aliases.
    const breaking = ['---\n', '&a ', '\t', 'claims:\n', '%YAML 1.2\n', '...\n', '['.repeat(70), '[ ', '{a: ', '- '.repeat(70), '*a ', ']',
      '# claimlint-disable-next-line\n', ' # claimlint-disable-file timed-units-total', '  - id: CLM-2026-100001\n'];
    let incremental = 0;
    let edits = 0;
    for (let n = 0; n < 80; n++) {
      // One to three edits in a row from the clean file, each from the analysis before it.
      let text = base;
      let prev = baseAnalysis;
      for (let k = rand(3); k >= 0; k--) {
        // Mostly typing inside a line's content, as a user does; sometimes anywhere.
        let at = rand(text.length + 1);
        if (rand(3) > 0) {
          const lineStart = text.lastIndexOf('\n', at - 1) + 1;
          const indent = /^ */.exec(text.slice(lineStart))![0].length;
          at = Math.min(Math.max(at, lineStart + indent + 1), text.length);
        }
        const remove = Math.min(rand(5) === 0 ? rand(40) : rand(3), text.length - at);
        const insert = rand(8) === 0 ? breaking[rand(breaking.length)] : inserts[rand(inserts.length)];
        const r = step(text, prev, cache, at, remove, insert, k === 0 || rand(3) > 0);
        edits++;
        if (r.next.incremental) incremental++;
        text = r.text;
        prev = r.next;
      }
    }
    assert.ok(incremental > edits / 3, `${incremental} of ${edits} edits found incrementally`);
  });
});

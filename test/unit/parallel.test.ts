/**
 * The audit done elsewhere (the CLI's worker threads): the pipeline's cut of a text into
 * units, each audited alone, placed back by the analysis' own code, must equal audit() —
 * on every rule fixture, on documents the line scan will not cut, and on a big file with
 * findings that cross units (duplicate ids, directives). The worker pool itself
 * (src/cli/threads.ts with real worker threads) gives the same findings.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adoptFileClaims, analyze, audit, AuditCache, auditInUnits, fileClaims, PatientIndex, resolveConfig, type ResolvedConfig } from '../../src/core';
import { auditUnitText, cutUnits, EarlyPlacements, findingsOfUnits, LineIndex, resultOfUnits } from '../../src/core/parallel';
import { parseThreads, threadCount, AUTO_MIN_BYTES } from '../../src/cli/threads';
import { AuditPool, headPipelineDepth } from '../../src/node/auditPool';
import { claimFile } from '../bench/generate';
import { EXAMPLES, FIXTURES } from '../support/paths';
import { strokeVisit, strokeVisitText } from '../support/claimSamples';
import { singleClaimYaml } from '../support/claims';

function assembled(text: string, config: ResolvedConfig) {
  const docs = cutUnits(text);
  if (!docs) return undefined;
  const placed = docs.flatMap((doc, document) => {
    const summaries = doc.units.map((u) => auditUnitText(u.kind, text.slice(u.start, u.end), config));
    if (summaries.some((s) => s.unusable)) return [{ ...auditUnitText('whole', text.slice(doc.start, doc.end), config), start: doc.start, prefix: '', document }];
    return summaries.map((s, i) => ({ ...s, start: doc.units[i].start, prefix: doc.units[i].prefix, document }));
  });
  return findingsOfUnits(text, config, placed);
}

function fixtureTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push({ name: p, text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(FIXTURES, 'rules'));
  walk(EXAMPLES);
  return out;
}

/** A big list with findings that need the whole file: ids repeated far apart, directives, a broken item, a second document. */
function trickyBigFile(claims: number): string {
  const items: string[] = [];
  for (let i = 0; i < claims; i++) {
    let t = strokeVisitText(i, i % 5 === 0 ? { units: 9 } : {}, i === 7 || i === claims - 3 ? { id: 'CLM-DUP' } : {});
    if (i === 11) t = t.replace('    lines:\n', '    # claimlint-disable-next-line\n    lines:\n');
    if (i === 20) t = t.replace('modifiers: [GP]', 'modifiers: [GP');
    items.push(t);
  }
  return `# claimlint-disable timed-units-total\nclaims:\n${items.join('')}# claimlint-enable timed-units-total\n`;
}

describe('parallel audit: units audited alone, placed back, equal audit()', () => {
  const config = resolveConfig();

  it('on every rule fixture and example (cut or audited whole, as the pipeline does)', () => {
    let cut = 0;
    for (const { name, text } of fixtureTexts()) {
      const got = assembled(text, config);
      if (!got) continue;
      cut++;
      assert.deepEqual(got, audit(text, { config }).findings, name);
    }
    assert.ok(cut > 50, `only ${cut} fixtures were cut`);
  });

  it('on a big file with cross-claim findings, directives, a broken item and several documents', () => {
    const text = trickyBigFile(60) + '---\n' + singleClaimYaml(strokeVisit(3), 'block') + '---\n' + claimFile(4).replace('claims:\n', 'claims:\n  - just text\n');
    const expected = audit(text, { config }).findings;
    assert.ok(expected.some((f) => f.rule === 'claim-id-duplicate'));
    assert.ok(expected.some((f) => f.rule === 'yaml-syntax'));
    assert.deepEqual(assembled(text, config), expected);
    // A config changes severities: still equal.
    const strict = resolveConfig({ rules: { 'claim-id-duplicate': 'warning', 'documentation-weak': 'off' } });
    assert.deepEqual(assembled(text, strict), audit(text, { config: strict }).findings);
  });

  it('unit by unit on this thread (the CLI on a big file): the findings and the claims of analyze(), nodes let go', () => {
    const text = trickyBigFile(60) + '---\n' + singleClaimYaml(strokeVisit(3), 'block') + '---\n' + claimFile(4).replace('claims:\n', 'claims:\n  - just text\n');
    for (const cfg of [config, resolveConfig({ rules: { 'claim-id-duplicate': 'warning', 'documentation-weak': 'off' } })]) {
      const analysis = analyze(text, { config: cfg });
      const expected = { findings: analysis.findings, claims: fileClaims(analysis, 'big.claim.yaml') };
      assert.ok(expected.claims.claims.length > 50, 'claims with facts to compare');
      assert.deepEqual(auditInUnits(text, { config: cfg, claims: { file: 'big.claim.yaml' } }), expected);
    }
    let cut = 0;
    for (const { name, text: t } of fixtureTexts()) {
      const got = auditInUnits(t, { config, claims: { file: name, label: 'label' } });
      if (!got) continue;
      cut++;
      const analysis = analyze(t, { config });
      assert.deepEqual(got, { findings: analysis.findings, claims: fileClaims(analysis, name, 'label') }, name);
    }
    assert.ok(cut > 50, `only ${cut} fixtures were cut`);
  });

  it('units placed as their summaries come in are reused by the assembly (the same finding objects), and the result is unchanged', () => {
    // Over-billed units on every claim: findings in every unit.
    const text = trickyBigFile(40) + claimFile(30).replace('claims:\n', '').replace(/units: \d\n( {8})minutes/g, 'units: 9\n$1minutes');
    const docs = cutUnits(text)!;
    const units = docs.flatMap((d) => d.units);
    const summaries = units.map((u) => auditUnitText(u.kind, text.slice(u.start, u.end), config));
    const lines = new LineIndex(text);
    const early = new EarlyPlacements(text, lines);
    units.forEach((u, i) => early.place(summaries[i], u));
    const placed = units.map((u, i) => ({ ...summaries[i], start: u.start, prefix: u.prefix, document: u.document }));
    const found = findingsOfUnits(text, config, placed, lines, early);
    assert.deepEqual(found, audit(text, { config }).findings);
    const earlyFindings = new Set(summaries.flatMap((s) => early.get(s.result)?.found.map((x) => x.f) ?? []));
    const own = found.filter((f) => f.rule !== 'claim-id-duplicate');
    const missing = own.filter((f) => !earlyFindings.has(f));
    assert.ok(own.length > 30 && missing.length === 0, `every unit finding is the one placed early: ${missing.length} of ${own.length} not (${[...new Set(missing.map((f) => f.rule))].join(', ')})`);
  });

  it("claims' facts placed as their summaries come in are reused by the file's claims (the same arrays), never at another offset; the claims are unchanged", () => {
    const text = claimFile(30);
    const docs = cutUnits(text)!;
    const units = docs.flatMap((d) => d.units);
    const summaries = units.map((u) => auditUnitText(u.kind, text.slice(u.start, u.end), config, undefined, undefined, true));
    const lines = new LineIndex(text);
    const early = new EarlyPlacements(text, lines);
    units.forEach((u, i) => early.place(summaries[i], u));
    const got = resultOfUnits(text, docs, summaries, { config, lines, claims: { file: 'f.claim.yaml', label: 'f' }, early });
    assert.deepEqual(got.claims, fileClaims(analyze(text, { config }), 'f.claim.yaml', 'f'));
    // One claim per unit here: the file's claim i is unit i's.
    assert.equal(got.claims!.claims.length, units.length);
    got.claims!.claims.forEach((c, i) => assert.equal(c.lineStarts, early.factPlaces(summaries[i].facts![0], units[i].start)!.lineStarts, `claim ${i}`));
    assert.equal(early.factPlaces(summaries[1].facts![0], units[1].start + 1), undefined);
    // Workers send spans only: the lines are taken in the file.
    assert.deepEqual(summaries[1].facts![0].lineStarts, []);
  });

  it('refused texts and streams only the parser can cut are left to audit()', () => {
    assert.equal(cutUnits('%YAML 1.2\n---\nclaim: {}\n'), undefined);
    assert.equal(cutUnits('a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['), undefined);
  });
});

describe('the CLI worker pool (real worker threads)', function () {
  this.timeout(120000);
  const config = resolveConfig();

  it('audits whole files and a big file in chunks with the same findings as audit()', async () => {
    const pool = new AuditPool(2);
    try {
      const small = trickyBigFile(6);
      const big = trickyBigFile(320);
      assert.ok(big.length > 512 * 1024, 'big enough to be cut across the workers');
      const [a, b] = await Promise.all([pool.auditFile(small, { config }), pool.auditFile(big, { config })]);
      assert.deepEqual(a, audit(small, { config }).findings);
      assert.deepEqual(b, audit(big, { config }).findings);
    } finally {
      await pool.close();
    }
  });

  it('a big file\'s findings and claims (the checks across claims) from the workers\' batches equal analyze()', async () => {
    const pool = new AuditPool(2);
    try {
      const big = trickyBigFile(320) + '---\n' + claimFile(4).replace('claims:\n', 'claims:\n  - just text\n');
      const analysis = analyze(big, { config });
      const got = await pool.auditFileWithClaims(big, { config }, { file: 'big.claim.yaml', label: 'big' });
      assert.deepEqual(got, { findings: analysis.findings, claims: fileClaims(analysis, 'big.claim.yaml', 'big') });
    } finally {
      await pool.close();
    }
  });

  it("the language server's first audit (top here, the rest on the workers, this thread helping, the editor's cache) brings the claims of analyze()", async () => {
    const pool = new AuditPool(1);
    try {
      // Patients seen on many claims: the claims carry what the checks across claims read.
      const big = trickyBigFile(320).replace(/patient:\n(\s+)id: PT-1\d{3}(\d\d)/g, 'patient:\n$1id: PT-77$2');
      assert.ok(big.length > 512 * 1024);
      const analysis = analyze(big, { config });
      let head = 0;
      const got = await pool.auditProgressive(big, { config }, { help: true, cache: new AuditCache(), head: (found) => void (head = found.length) }, { file: 'file:///ws/big.claim.yaml', label: 'big.claim.yaml' });
      assert.ok(got?.workers && head > 0, 'the top here, the rest on the worker');
      assert.deepEqual({ findings: got.findings, claims: got.claims }, { findings: analysis.findings, claims: fileClaims(analysis, 'file:///ws/big.claim.yaml', 'big.claim.yaml') });
      assert.ok(new Set(got.claims!.claims.map((c) => c.patient)).size < 120, 'patients repeat');
      // The editor's analysis of the same text takes the workers' claims: indexing it changes
      // nothing, so no patient's cross-claim findings are worked out again (same objects).
      const index = new PatientIndex();
      index.setFile(got.claims!, config);
      const before = index.findings('file:///ws/big.claim.yaml');
      assert.ok(before.length > 0, 'cross-claim findings');
      const sameObjects = (editor: ReturnType<typeof analyze>) => {
        index.setFile(fileClaims(editor, 'file:///ws/big.claim.yaml', 'big.claim.yaml'), config);
        const after = index.findings('file:///ws/big.claim.yaml');
        assert.deepEqual(after, before);
        return after.filter((f, i) => f === before[i]).length;
      };
      const editor = analyze(big, { config });
      assert.ok(adoptFileClaims(editor, got.claims!));
      assert.ok(fileClaims(editor, 'file:///ws/big.claim.yaml', 'big.claim.yaml').claims.every((c, i) => c === got.claims!.claims[i]), "the workers' claim objects");
      assert.ok(sameObjects(editor) > 0, 'patients kept');
      index.setFile(got.claims!, config);
      assert.equal(sameObjects(analyze(big, { config })), 0, 'without: every patient worked out again');
      assert.equal(adoptFileClaims(analyze(claimFile(3), { config }), got.claims!), false, 'another text is not taken');
      // A document the cut keeps whole (an anchor): one piece here, same claims.
      const whole = big.replace('    payer:\n', '    payer: &p\n');
      const wholeAnalysis = analyze(whole, { config });
      const gotWhole = await pool.auditProgressive(whole, { config }, { help: true, cache: new AuditCache(), head: () => undefined }, { file: 'f', label: 'l' });
      assert.deepEqual(gotWhole?.claims, fileClaims(wholeAnalysis, 'f', 'l'));
    } finally {
      await pool.close();
    }
  });

  it('while this thread audits the head (and answers no reply), the worker has more batches in flight; afterwards as before', async () => {
    const pool = new AuditPool(1);
    try {
      const big = trickyBigFile(640);
      const batches = Math.ceil(big.length / (16 * 1024));
      assert.ok(headPipelineDepth(batches, 1) > 4, `${batches} batches`);
      assert.equal(headPipelineDepth(10_000, 1), 48);
      assert.equal(headPipelineDepth(10_000, 3), 48);
      assert.equal(headPipelineDepth(40, 1), 20, 'half the batches at most: this thread takes its share from the end');
      assert.equal(headPipelineDepth(6, 2), 4);
      let atHead: number[] = [];
      const first = await pool.auditProgressive(big, { config }, { help: true, head: () => void (atHead = pool.inFlight()) });
      // The cut's batches close once they hold 16 KB: a few fewer than the text's size says.
      assert.ok(atHead.length === 1 && atHead[0] > 4 && atHead[0] <= headPipelineDepth(batches, 1) && atHead[0] >= headPipelineDepth(batches, 1) - 3, `in flight at the head: ${atHead}`);
      assert.deepEqual(first?.findings, audit(big, { config }).findings);
      // No head: at most the usual 4 in flight from the start.
      let most = 0;
      const again = await pool.auditProgressive(big, { config }, { help: true, cancelled: () => ((most = Math.max(most, ...pool.inFlight())), false) });
      assert.ok(most > 0 && most <= 4, `in flight without a head: ${most}`);
      assert.deepEqual(again?.findings, first?.findings);
    } finally {
      await pool.close();
    }
  });

  it("the workers' units seed the editor's cache: its analysis of the same text audits nothing again and equals a fresh one", async () => {
    const pool = new AuditPool(1);
    try {
      const big = trickyBigFile(320);
      const cache = new AuditCache();
      const got = await pool.auditProgressive(big, { config }, { help: true, cache, head: () => undefined }, { file: 'f', label: 'l' });
      assert.ok(got?.workers && got.seed, 'audited on the worker too');
      const unitsBefore = cache.size;
      got.seed();
      assert.ok(cache.size > unitsBefore, "the workers' units are now parsed in the cache");
      // A unit parsed or audited again would be a cache miss or grow the bytes the cache counts.
      const { misses, bytes } = cache;
      const editor = analyze(big, { config, cache });
      assert.deepEqual(editor.findings, analyze(big, { config }).findings, 'the seeded results are the fresh ones');
      assert.equal(cache.misses, misses, 'no unit parsed again');
      assert.equal(cache.bytes, bytes, 'no unit audited again');
      // Another config is audited as usual (the seed is kept per config).
      const strict = resolveConfig({ rules: { 'documentation-weak': 'error' } });
      assert.deepEqual(analyze(big, { config: strict, cache }).findings, analyze(big, { config: strict }).findings);
    } finally {
      await pool.close();
    }
  });

  it('a pool whose workers cannot start audits on this thread, with the same result', async () => {
    const pool = new AuditPool(2, { script: join(__dirname, 'no-such-worker.js') });
    try {
      const text = trickyBigFile(4);
      assert.deepEqual(await pool.auditFile(text, { config }), audit(text, { config }).findings);
    } finally {
      await pool.close();
    }
  });

  it('--threads values: a count, auto (one thread for small inputs), anything else an error', () => {
    assert.equal(parseThreads('3'), 3);
    assert.equal(parseThreads('auto'), 'auto');
    assert.equal(parseThreads(undefined), 'auto');
    for (const bad of ['0', '-1', '1.5', 'x', '65']) assert.ok(typeof parseThreads(bad) === 'object', bad);
    assert.equal(threadCount('auto', AUTO_MIN_BYTES - 1), 1);
    assert.ok(threadCount('auto', 64 * AUTO_MIN_BYTES) >= 1);
    assert.equal(threadCount(4, 10), 4);
  });
});

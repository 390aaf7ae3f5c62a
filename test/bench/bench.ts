/**
 * `npm run bench`: speed and memory of the engine on a large claim file, printed as ratios
 * against a baseline measured in the same process (the `yaml` parser reading the whole
 * file, which is what a naive re-audit per keystroke would cost). Exits 1 when a target
 * is missed.
 *
 * BENCH_ONLY=workspace: only the workspace index rows (issue 23 item 4: 10,000 claims in
 * 1,000 files opened by the real server; ./workspace.ts), in a minute instead of the whole
 * bench; the same rows, printed and judged the same way. BENCH_ONLY=cache: only the CLI
 * --cache row (./cli.ts cacheFigures), in about ten seconds.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { AuditCache } from '../../src/core/pipeline/cache';
import { audit } from '../../src/core/engine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { resolveConfig } from '../../src/core/config/schema';
import { ClaimLanguageService } from '../../src/service';
import { claimFile } from './generate';
import { lspFigures } from './lsp';
import { serverMemory } from './memory';
import { claimScaling } from './scaling';
import { workspaceRows } from './workspace';
import { cacheFigures, threadFigures } from './cli';
import { heavyRowsApart, printRows } from './heavy';
import { file837 } from './generate837';
import { Reader837, yamlClaimItem } from '../../src/importers/claims';
import { CORPUS_FLOOR, loadCorpus, runCorpus, score, scoreTable } from '../support/docCorpus';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, fn: (i: number) => void): number {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(out);
}

function heapMb(): number {
  global.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

if (process.env.BENCH_ONLY === 'workspace') {
  workspaceRows()
    .then((rows) => process.exit(printRows(rows) ? 1 : 0))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
} else if (process.env.BENCH_ONLY === 'cache') {
  process.exit(printRows([cacheRow()]) ? 1 : 0);
} else if (process.env.BENCH_ONLY) {
  console.error(`BENCH_ONLY=${process.env.BENCH_ONLY}: only 'workspace' and 'cache' are known`);
  process.exit(2);
} else fullBench();

/** The CLI --cache row: an unchanged re-run against a cold run, about the issue's 3 MB in 10 files (BENCH_CACHE_CLAIMS claims). */
function cacheRow(): { name: string; value: number; unit: string; ratio: number; target: number } {
  const CACHE_CLAIMS = Number(process.env.BENCH_CACHE_CLAIMS ?? 1700);
  const cached = cacheFigures(CACHE_CLAIMS, 10);
  const cpu = cached.coldCpu !== undefined && cached.warmCpu !== undefined ? ` (CPU user+sys: cold ${cached.coldCpu.toFixed(0)} ms, re-run ${cached.warmCpu.toFixed(0)} ms)` : '';
  console.log(`CLI --cache: ${cached.files} files, ${cached.mb.toFixed(2)} MB: cold ${cached.cold.toFixed(0)} ms, unchanged re-run ${cached.warm.toFixed(0)} ms${cpu}`);
  return { name: 'CLI --cache re-run, nothing changed / cold run', value: cached.warm, unit: 'ms', ratio: cached.warm / cached.cold, target: 0.1 };
}

function fullBench(): void {
  // One claim of many lines (issue 11 item 7): CPU time must grow with the lines, not their
  // square. Up to 1,000 lines every rule runs; a longer claim gets the lines limit's finding
  // (docs/limits.md) after the parse, so 4,000 ÷ 1,000 measures the parse and the refusal.
  // Measured first, printed with the later rows: the rows below keep a 1.8 MB file's cache and
  // analysis alive, and a 1,000-line fix-all (4.6× the 250-line one's fixes) met their heap in
  // every collection (fix-all 1,000 ÷ 250 lines read 3.5× and 5.8× in two runs; 4.0–4.75× alone).
  const scaling = claimScaling([250, 1000, 4000]);
  const text = claimFile(CLAIMS);
  const mb = text.length / 1e6;
  console.log(`claimlint bench: ${CLAIMS} claims, ${mb.toFixed(2)} MB`);

  // Documentation checks against the labelled corpus (test/doc-corpus, issue 28): precision
  // and recall per rule, each at least 90% (test/unit/docCorpus.test.ts holds the same floor);
  // a rule below it fails the bench like a missed target.
  const corpus = loadCorpus(join(__dirname, '..'));
  const corpusScores = score(runCorpus(corpus));
  console.log(`\n${scoreTable(corpusScores, corpus.length)}\n`);
  const corpusBelow = corpusScores.filter((s) => s.precision < CORPUS_FLOOR || s.recall < CORPUS_FLOOR).length;

  const baseline = time(3, () => parseAllDocuments(text));
  const cold = time(3, () => audit(text));

  const cache = new AuditCache();
  // What the cache keeps alive: the heap with it full minus the heap once it is emptied, each
  // read after a tiny audit. Now and then V8 has not let go of the emptied cache's units at the
  // second reading, which can only make a trial read low: the row takes the largest of three.
  const settledHeapMb = (): number => {
    audit('claims: []\n');
    return heapMb();
  };
  const cacheMb = Math.max(
    ...[0, 1, 2].map(() => {
      audit(text, { cache });
      const withCache = settledHeapMb();
      cache.clear();
      return withCache - settledHeapMb();
    }),
  );
  audit(text, { cache });
  const unchanged = time(5, () => audit(text, { cache }));
  // A keystroke: one digit of one claim's minutes changes; every other claim is a cache hit.
  const edited = time(5, (i) => {
    const at = text.indexOf('total_treatment_minutes: ', Math.floor(text.length / 2));
    const t = text.slice(0, at) + `total_treatment_minutes: ${90 + i}` + text.slice(text.indexOf('\n', at));
    audit(t, { cache });
  });

  // The editor's path: what the language server computes after a keystroke in a big file.
  const service = new ClaimLanguageService();
  const config = resolveConfig();
  const hoverAt = (doc: TextDocument) => doc.positionAt(text.indexOf('code: "97530"', Math.floor(text.length / 3)) + 8);
  let version = 1;
  const editorOnce = (i: number) => {
    const at = text.indexOf('total_treatment_minutes: ', Math.floor(text.length / 2));
    const doc = TextDocument.create('file:///bench.claim.yaml', 'yaml', version++, text.slice(0, at) + `total_treatment_minutes: ${60 + i}` + text.slice(text.indexOf('\n', at)));
    service.diagnostics(doc, config);
    service.codeLenses(doc, config);
    service.hover(doc, hoverAt(doc), config);
  };
  editorOnce(0); // warm: the first open of the file
  const editor = time(5, (i) => editorOnce(i + 1));

  // The same as the language server gets it: one open document, ranged edits told to the
  // service (as the server's document store does), then what the editor asks for.
  const ranged = new ClaimLanguageService();
  const rangedDoc = TextDocument.create('file:///ranged.claim.yaml', 'yaml', 1, text);
  ranged.diagnostics(rangedDoc, config);
  const rangedEditor = time(9, (i) => {
    const at = rangedDoc.getText().indexOf('total_treatment_minutes: ', Math.floor((text.length * ((i % 7) + 1)) / 9)) + 'total_treatment_minutes: '.length;
    ranged.edited(rangedDoc.uri, at, at + 2, 2);
    TextDocument.update(rangedDoc, [{ range: { start: rangedDoc.positionAt(at), end: rangedDoc.positionAt(at + 2) }, text: String(30 + i) }], rangedDoc.version + 1);
    ranged.diagnostics(rangedDoc, config);
    ranged.codeLenses(rangedDoc, config);
    ranged.hover(rangedDoc, hoverAt(rangedDoc), config);
  });

  // `claimlint import` of a 10,000-claim 837P, streamed as the CLI does it: 1 MB chunks in,
  // each claim rendered to YAML as its CLM loop closes. Compared per claim with the baseline's
  // parse of a claim.
  const IMPORT_CLAIMS = Number(process.env.BENCH_IMPORT_CLAIMS ?? 10000);
  const x12 = file837(IMPORT_CLAIMS);
  let imported = 0;
  const importMs = time(1, () => {
    const reader = new Reader837({ patientId: { mode: 'hash' } });
    let bytes = 0;
    const take = (claims: ReturnType<Reader837['push']>) => {
      for (const c of claims) bytes += yamlClaimItem(c).length;
      imported += claims.length;
    };
    for (let i = 0; i < x12.length; i += 1 << 20) take(reader.push(x12.slice(i, i + (1 << 20))));
    take(reader.end());
    if (!bytes) throw new Error('nothing imported');
  });
  console.log(`import: ${IMPORT_CLAIMS} CLM loops, ${(x12.length / 1e6).toFixed(2)} MB of 837P → ${imported} claims in ${(importMs / 1000).toFixed(1)} s`);

  interface Row {
    name: string;
    value: number;
    unit: string;
    ratio: number;
    target: number;
  }
  const rows: Row[] = [
    { name: 'baseline: yaml parse of the whole file', value: baseline, unit: 'ms', ratio: 1, target: Infinity },
    { name: 'cold audit (parse + every rule)', value: cold, unit: 'ms', ratio: cold / baseline, target: 3 },
    { name: 're-audit, nothing changed (cache hits)', value: unchanged, unit: 'ms', ratio: unchanged / baseline, target: 0.1 },
    { name: 're-audit after a one-claim edit', value: edited, unit: 'ms', ratio: edited / baseline, target: 0.15 },
    { name: 'editor: diagnostics + lenses + hover after an edit', value: editor, unit: 'ms', ratio: editor / baseline, target: 0.3 },
    { name: 'editor, ranged edit (the server\'s path): same three', value: rangedEditor, unit: 'ms', ratio: rangedEditor / baseline, target: 0.05 },
    { name: 'heap retained by the cache / file size', value: cacheMb, unit: 'MB', ratio: cacheMb / mb, target: 25 },
    { name: `import: 837P of ${IMPORT_CLAIMS} CLMs, per claim vs parse`, value: importMs, unit: 'ms', ratio: importMs / imported / (baseline / CLAIMS), target: 1 },
  ];

  (async () => {
  // The editor end to end: a real server process over stdio, a file with findings in every claim.
  const withFindings = text.replace(/units: \d\n {8}minutes/g, 'units: 9\n        minutes');
  const lsp = await lspFigures(withFindings, 15, audit(withFindings).findings.length);
  console.log(
    `LSP over stdio: ${lsp.diagnostics} diagnostics on open; didOpen → first / complete diagnostics (ms) in ${lsp.opens.length} fresh servers: ` +
      lsp.opens.map((o) => `${o.first.toFixed(0)} (${o.firstDiagnostics}) / ${o.complete.toFixed(0)}`).join(', '),
  );
  rows.push(
    // Absolute targets (the issue's, on a 2-core machine); the ratio is to the baseline parse.
    { name: 'LSP stdio: didOpen → first diagnostics (ms ≤ 700)', value: lsp.open, unit: 'ms', ratio: lsp.open / baseline, target: 700 / baseline },
    // No target: the issue's is for the first diagnostics; the whole file's come from the workers.
    { name: 'LSP stdio: didOpen → complete diagnostics', value: lsp.complete, unit: 'ms', ratio: lsp.complete / baseline, target: Infinity },
    { name: 'LSP stdio: ranged edit → diagnostics, median (ms ≤ 100)', value: lsp.edit, unit: 'ms', ratio: lsp.edit / baseline, target: 100 / baseline },
  );

  rows.push(...(await workspaceRows()));

  const [s250, s1000, s4000] = scaling;
  console.log(`one claim (CPU ms): ${scaling.map((f) => `${f.lines} lines audit ${f.audit.toFixed(0)}, fix-all ${f.fixAll.toFixed(0)}, editor ${f.editor.toFixed(0)}`).join('; ')}`);
  rows.push(
    { name: 'one claim: audit time, 4000 ÷ 1000 lines', value: s4000.audit, unit: 'ms', ratio: s4000.audit / s1000.audit, target: 5 },
    { name: 'one claim: audit time, 1000 ÷ 250 lines (all rules)', value: s1000.audit, unit: 'ms', ratio: s1000.audit / s250.audit, target: 5 },
    { name: 'one claim: fix-all time, 1000 ÷ 250 lines', value: s1000.fixAll, unit: 'ms', ratio: s1000.fixAll / s250.fixAll, target: 5 },
    { name: 'one claim: editor features, 1000 ÷ 250 lines', value: s1000.editor, unit: 'ms', ratio: s1000.editor / s250.editor, target: 5 },
  );

  // Server memory under edits on the whole-document path (issue 11 item 8).
  const memory = await serverMemory(1000, 300, 30);
  console.log(`server RSS: ${memory.afterOpen.toFixed(0)} MB after open, ${memory.afterEdits.toFixed(0)} MB after ${memory.edits} edits (${memory.audits} audits), peak ${memory.peak.toFixed(0)} MB`);
  // The heap holds one version (test/lsp/cacheVersions.test.ts); RSS also keeps pages V8 freed
  // but has not returned, hence 2× (before the fix: 189 → 683 MB, 3.6×).
  rows.push({ name: 'server RSS after 300 edits ÷ after open (anchored)', value: memory.afterEdits, unit: 'MB', ratio: memory.afterEdits / memory.afterOpen, target: 2 });
  // The CLI, spawned: --cache on unchanged files vs a cold run (about the issue's 3 MB, in 10
  // files), and one big file with --threads auto vs one yaml.parseDocument of it: the issue's
  // 10,000-claim file, now under claimlint's 64 MB file limit (docs/limits.md).
  const cacheFigureRow = cacheRow();
  // The issue's big file is 10,000 claims in 30 MB; ours are smaller per claim (about 1.8 KB),
  // so the file is sized in bytes: BENCH_CLI_MB (default 30), or BENCH_CLI_CLAIMS claims.
  const BIG_CLAIMS = process.env.BENCH_CLI_CLAIMS ? Number(process.env.BENCH_CLI_CLAIMS) : Math.round((Number(process.env.BENCH_CLI_MB ?? 30) * 1e6) / (claimFile(100).length / 100));
  const big = threadFigures(BIG_CLAIMS);
  console.log(
    `CLI one file of ${BIG_CLAIMS} claims, ${big.mb.toFixed(1)} MB: yaml.parseDocument ${big.parse.toFixed(0)} ms; --threads auto ${big.auto.toFixed(0)} ms; --threads 1 ${big.one.toFixed(0)} ms (same output)` +
      (big.peakMb ? `; peak memory ${big.peakMb.toFixed(0)} MB` : ''),
  );
  rows.push(
    cacheFigureRow,
    { name: 'CLI one big file, --threads auto / yaml parse', value: big.auto, unit: 'ms', ratio: big.auto / big.parse, target: 0.75 },
  );
  if (big.peakMb !== undefined) rows.push({ name: 'CLI peak memory on the big file (MB ≤ 1536)', value: big.peakMb, unit: 'MB', ratio: big.peakMb / 1536, target: 1 });

  // The language server's bundle as shipped (minified, built in memory by esbuild.js).
  // The shipped bundles with a budget (minified, built in memory by esbuild.js).
  const { bundleSizes, BUNDLE_TARGETS } = createRequire(__filename)(join(__dirname, '..', 'esbuild.js')) as {
    bundleSizes: (names: string[]) => Promise<Record<string, { bytes: number; zod: number }>>;
    BUNDLE_TARGETS: Record<string, number>;
  };
  const sizes = await bundleSizes(Object.keys(BUNDLE_TARGETS));
  console.log(`server bundle: ${(sizes.server.bytes / 1024).toFixed(0)} KB minified, zod ${(sizes.server.zod / 1024).toFixed(0)} KB of it`);
  for (const [name, target] of Object.entries(BUNDLE_TARGETS)) {
    rows.push({ name: `${name} bundle, minified (KB ≤ ${target / 1024})`, value: sizes[name].bytes / 1024, unit: 'KB', ratio: sizes[name].bytes / target, target: 1 });
  }

  // The heavy rows (issue 26; ./heavy.ts): several minutes more, so only with BENCH_HEAVY=1
  // (`npm run bench:heavy` runs them alone); measured by a process of their own.
  if (process.env.BENCH_HEAVY === '1') rows.push(...(await heavyRowsApart()));
  else console.log('heavy rows (issue 26) not run: BENCH_HEAVY=1 npm run bench, or npm run bench:heavy for them alone');

  let failed = corpusBelow;
  for (const r of rows) {
    const ok = r.ratio <= r.target;
    if (!ok) failed++;
    const target = Number.isFinite(r.target) ? `target ≤ ${Number(r.target.toPrecision(3))}×` : "";
    console.log(`${r.name.padEnd(52)} ${r.value.toFixed(1).padStart(9)} ${r.unit.padEnd(3)} ${r.ratio.toFixed(3).padStart(7)}×  ${target} ${Number.isFinite(r.target) ? (ok ? 'ok' : 'MISSED') : ''}`);
  }
  process.exit(failed ? 1 : 0);
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

/**
 * Mutation fuzzing of the engine and every editor feature (issue 11). Seeds are the
 * examples and the rule fixtures; each input is one of them changed by the tests' one set of
 * mutations (test/support/mutations.ts, fast-check arbitraries drawn from the seed: hostile
 * characters, deleted or doubled spans, deep brackets, huge numbers, anchors and aliases,
 * CR and U+2028 line breaks). For every input, in process:
 *   - the engine: audit (every span inside the text), fix-all (the result parses no worse);
 *   - the language service: diagnostics, hover at random places, code lens, completion,
 *     code actions for every diagnostic (each offered fix's result parses), fix-all;
 * nothing may throw. `npm run fuzz` also reports an input over 2 s (a speed target, so not
 * in the test suite's short run: a hang there is the test timeout's).
 *
 * `npm run fuzz -- --count N [--seed S]`; the test suite runs a short seeded run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { audit, fixAll, yamlErrorCount } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { ClaimLanguageService } from '../../src/service';
import * as fc from 'fast-check';
import { applyAll, hostile } from '../support/mutations';

export interface FuzzProblem {
  index: number;
  kind: 'throw' | 'slow' | 'span' | 'fix-breaks-yaml';
  detail: string;
}

export interface FuzzResult {
  seed: number;
  count: number;
  problems: FuzzProblem[];
  millis: number;
  slowest: number;
}

export { rng } from '../support/seeded';

/** The repository (from out/test/fuzz when run by the test suite, from dist/ when bundled). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const ROOT = repoRoot();

export function corpus(root = ROOT): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(root, 'examples'));
  walk(join(root, 'test', 'fixtures'));
  return out;
}

function spansInside(text: string, spans: { start: number; end: number }[]): boolean {
  return spans.every((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length);
}

function applyLsp(doc: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc, edits);
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit;
  if (!edit) return [];
  for (const c of edit.documentChanges ?? []) if ('textDocument' in c && c.textDocument.uri === uri) return c.edits as TextEdit[];
  return edit.changes?.[uri] ?? [];
}

/**
 * One input through the engine and every feature; problems are pushed to `problems`. `places`
 * (fractions of the text's length) are where hover and completion are asked; an input over
 * `slowMs` is a problem when given.
 */
export function fuzzOne(text: string, index: number, places: readonly number[], problems: FuzzProblem[], slowMs?: number): number {
  const config = resolveConfig();
  const started = Date.now();
  const step = (what: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      problems.push({ index, kind: 'throw', detail: `${what}: ${err instanceof Error ? `${err.name}: ${err.message.slice(0, 120)}` : 'error'}` });
    }
  };
  step('audit', () => {
    const r = audit(text, { config });
    if (!spansInside(text, r.findings.map((f) => f.span))) problems.push({ index, kind: 'span', detail: 'a finding span outside the text' });
    if (!spansInside(text, r.findings.flatMap((f) => f.fixes.flatMap((x) => x.edits)))) problems.push({ index, kind: 'span', detail: 'a fix edit outside the text' });
  });
  const before = yamlErrorCount(text);
  step('fixAll', () => {
    const r = fixAll(text, { config });
    if (r.text !== text && yamlErrorCount(r.text) > before) problems.push({ index, kind: 'fix-breaks-yaml', detail: 'fix-all made the YAML worse' });
  });
  const service = new ClaimLanguageService();
  const doc = TextDocument.create('file:///fuzz/x.claim.yaml', 'yaml', 1, text);
  let diagnostics: ReturnType<ClaimLanguageService['diagnostics']> = [];
  step('diagnostics', () => {
    diagnostics = service.diagnostics(doc, config);
  });
  step('codeLens', () => void service.codeLenses(doc, config));
  for (const f of places) {
    const pos = doc.positionAt(Math.floor(f * (text.length + 1)));
    step('hover', () => void service.hover(doc, pos, config));
    step('completion', () => void service.completion(doc, pos, config));
  }
  step('codeActions', () => {
    for (const action of service.codeActions(doc, { diagnostics }, config)) {
      const edits = editsOf(action, doc.uri);
      if (!edits.length || !action.isPreferred) continue;
      if (yamlErrorCount(applyLsp(doc, edits)) > before) problems.push({ index, kind: 'fix-breaks-yaml', detail: `quick fix "${action.title.slice(0, 60)}"` });
    }
  });
  step('fixAllAction', () => {
    const [action] = service.codeActions(doc, { diagnostics: [], only: ['source.fixAll.claimlint'] }, config);
    if (action && yamlErrorCount(applyLsp(doc, editsOf(action, doc.uri))) > before) problems.push({ index, kind: 'fix-breaks-yaml', detail: 'source.fixAll' });
  });
  const millis = Date.now() - started;
  if (slowMs !== undefined && millis > slowMs) problems.push({ index, kind: 'slow', detail: `${millis} ms` });
  return millis;
}

/**
 * `count` inputs drawn from `seed` (fast-check's sample: the same seed gives the same inputs,
 * so `--seed S` replays a run); `slowMs` makes an input over it a problem.
 */
export function runFuzz(count: number, seed: number, seeds = corpus(), slowMs?: number): FuzzResult {
  const place = fc.integer({ min: 0, max: 0xffff }).map((n) => n / 0x10000);
  const cases = fc.sample(fc.tuple(fc.nat({ max: seeds.length - 1 }), hostile, fc.array(place, { minLength: 4, maxLength: 4 })), { seed, numRuns: count });
  const problems: FuzzProblem[] = [];
  const started = Date.now();
  let slowest = 0;
  cases.forEach(([which, steps, places], i) => {
    slowest = Math.max(slowest, fuzzOne(applyAll(seeds[which], steps), i, places, problems, slowMs));
  });
  return { seed, count, problems, millis: Date.now() - started, slowest };
}

// The entry of dist/fuzz.js only (dist/importFuzz.js bundles this module too).
if (require.main === module && /[\\/]fuzz\.js$/.test(process.argv[1] ?? '')) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const count = opt('count', 1000);
  const seed = opt('seed', Date.now() % 1e9);
  const r = runFuzz(count, seed, corpus(), 2000);
  const byKind = (k: string) => r.problems.filter((p) => p.kind === k).length;
  for (const p of r.problems.slice(0, 20)) console.log(`  #${p.index} ${p.kind}: ${p.detail}`);
  console.log(`fuzz: ${r.count} inputs (seed ${r.seed}) in ${(r.millis / 1000).toFixed(1)} s, slowest ${r.slowest} ms: ${byKind('throw')} throws, ${byKind('slow')} over 2 s, ${byKind('span')} spans outside, ${byKind('fix-breaks-yaml')} fixes that break YAML`);
  process.exit(r.problems.length ? 1 : 0);
}

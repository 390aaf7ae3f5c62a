/**
 * Mutation fuzzing of the engine and every editor feature (issue 11). Seeds are the
 * examples and the rule fixtures; each input is a seeded mutation of one (hostile
 * characters, deleted or doubled spans, deep brackets, huge numbers, anchors and aliases,
 * CR and U+2028 line breaks). For every input, in process:
 *   - the engine: audit (every span inside the text), fix-all (the result parses no worse);
 *   - the language service: diagnostics, hover at random places, code lens, completion,
 *     code actions for every diagnostic (each offered fix's result parses), fix-all;
 * nothing may throw, and one input may take at most 2 s.
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

/** mulberry32: a small seeded PRNG, so a failing input can be made again from seed and index. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

const PIECES = ['[', ']', '{', '}', ':', ': ', '- ', ',', '&a ', '*a', '\r', '\r\n', '\t', '\u2028', '#', '"', "'", '\0', '\uFEFF', '   ', '\n', '1e9', '-1', '99999999', '__proto__', 'constructor', '!!python/object ', '? ', '|', '>-', '~', 'null', '\u202e', '\u001b]0;x\u0007', 'GP', 'CQ', '97110', '---\n', '...\n', '%YAML 1.1\n', '<<: *a\n'];

function mutate(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const at = () => Math.floor(rand() * (text.length + 1));
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const op = Math.floor(rand() * 9);
    if (op === 0) {
      const i = at();
      text = text.slice(0, i) + pick(PIECES) + text.slice(i);
    } else if (op === 1) {
      const i = at();
      text = text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + Math.floor(rand() * 40)));
    } else if (op === 2) {
      const i = at();
      const j = Math.min(text.length, i + Math.floor(rand() * 200));
      text = text.slice(0, j) + text.slice(i, j) + text.slice(j);
    } else if (op === 3) {
      const lines = text.split('\n');
      const a = Math.floor(rand() * lines.length);
      const b = Math.floor(rand() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('\n');
    } else if (op === 4) {
      text = text.replace(/\b\d+\b/, () => pick(['0', '1000000000', '1e308', '-5', '1441', '999', '0x10', '.5']));
    } else if (op === 5) {
      const lines = text.split('\n');
      const a = Math.floor(rand() * lines.length);
      lines[a] = (rand() < 0.5 ? '  ' : '') + lines[a].replace(/^ {2}/, rand() < 0.5 ? '' : '    ');
      text = lines.join('\n');
    } else if (op === 6) {
      text = text.slice(0, at());
    } else if (op === 7) {
      const i = at();
      const deep = rand() < 0.5 ? '['.repeat(20 + Math.floor(rand() * 100)) : '- '.repeat(10 + Math.floor(rand() * 80));
      text = text.slice(0, i) + deep + text.slice(i);
    } else {
      text = text.replace(/\n/g, () => (rand() < 0.02 ? pick(['\r\n', '\r', '\n\n', '\u2028']) : '\n'));
    }
  }
  return text;
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

/** One input through the engine and every feature; problems are pushed to `problems`. */
export function fuzzOne(text: string, index: number, rand: () => number, problems: FuzzProblem[]): number {
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
  for (let k = 0; k < 4; k++) {
    const pos = doc.positionAt(Math.floor(rand() * (text.length + 1)));
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
  if (millis > 2000) problems.push({ index, kind: 'slow', detail: `${millis} ms` });
  return millis;
}

export function runFuzz(count: number, seed: number, seeds = corpus()): FuzzResult {
  const rand = rng(seed);
  const problems: FuzzProblem[] = [];
  const started = Date.now();
  let slowest = 0;
  for (let i = 0; i < count; i++) {
    const input = mutate(seeds[Math.floor(rand() * seeds.length)], rand);
    slowest = Math.max(slowest, fuzzOne(input, i, rand, problems));
  }
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
  const r = runFuzz(count, seed);
  const byKind = (k: string) => r.problems.filter((p) => p.kind === k).length;
  for (const p of r.problems.slice(0, 20)) console.log(`  #${p.index} ${p.kind}: ${p.detail}`);
  console.log(`fuzz: ${r.count} inputs (seed ${r.seed}) in ${(r.millis / 1000).toFixed(1)} s, slowest ${r.slowest} ms: ${byKind('throw')} throws, ${byKind('slow')} over 2 s, ${byKind('span')} spans outside, ${byKind('fix-breaks-yaml')} fixes that break YAML`);
  process.exit(r.problems.length ? 1 : 0);
}

/**
 * The workspace index's quick scanner (core/parse/quick, core/patients/quickClaims.ts) is
 * exact or silent: on every fixture, example and generated bench file, and on random
 * claim-shaped YAML (fast-check, seeded), each claim item (or `claim:` document) is either
 * declined or read exactly as the `yaml` path reads it — the same plain data and the same
 * source-map spans — and each file's index record is either declined or deep-equal to
 * fileClaims(analyze(text)). And the quick path is taken for the ordinary files, so its
 * speed cannot silently vanish.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { analyze, fileClaims, quickFileClaims, resolveConfig } from '../../src/core';
import { quickClaimDocument, quickItem, type QuickItem } from '../../src/core/parse/quick/item';
import { plainValue } from '../../src/core/parse/quick/scalars';
import { documentLayout, splitDocuments } from '../../src/core/parse/split';
import type { SourceEntry, SourceMap } from '../../src/core/parse/sourceMap';
import { yamlItemUnit, yamlWholeUnit } from '../../src/core/pipeline/unit';
import { recordOfAnalysis, recordOfText } from '../../src/node/fileRecord';
import { claimFile } from '../bench/generate';
import { generateWorkspace, removeWorkspace } from '../bench/workspace';
import { EXAMPLES, FIXTURES, ROOT } from '../support/paths';

const config = resolveConfig();

/** Every entry in order: key and value spans, range end, shape, scalar style and value (what fixes and hovers read). */
function entries(src: SourceMap): [string, SourceEntry][] {
  return [...src];
}

/** The yaml path's claim of a unit text (an item, or a `claim:` document), or undefined when it has none that is sound. */
function yamlClaim(text: string, kind: 'item' | 'document') {
  const unit = kind === 'item' ? yamlItemUnit(text) : yamlWholeUnit(text);
  return { unit, claim: unit.claims[0] };
}

/** A quick read must equal the yaml path's: one sound claim, no issue, same data, same source map. */
function assertSameClaim(text: string, kind: 'item' | 'document', quick: QuickItem): void {
  const { unit, claim } = yamlClaim(text, kind);
  const where = `${kind} ${JSON.stringify(text)}`;
  assert.ok(!unit.unusable, `unusable for yaml, accepted quickly: ${where}`);
  assert.equal(unit.claims.length, 1, `claims: ${where}`);
  assert.ok(claim.sound && !claim.rawFailed, `not sound for yaml, accepted quickly: ${where}`);
  assert.deepEqual(unit.steps, [{ claim: 0 }], `issues for yaml, accepted quickly: ${where}`);
  assert.deepStrictEqual(quick.raw, claim.raw, `data: ${where}`);
  assert.deepStrictEqual(entries(quick.src), entries(claim.src), `source map: ${where}`);
}

/**
 * The audit as a user sees it: every finding (rule, severity, message, path, place, fixes
 * and their edits) and every claim's place, id and source map — through the quick scanner
 * where it reads a unit, and through the `yaml` parser alone.
 */
function assertSameAudit(text: string, name: string): void {
  const quick = analyze(text, { config });
  const yaml = analyze(text, { config, yamlOnly: true });
  assert.deepStrictEqual(quick.findings, yaml.findings, `findings of ${name}`);
  const claims = (a: typeof quick) => a.claims.map((c) => ({ prefix: c.prefix, anchor: c.anchor, start: c.start, end: c.end, id: c.parsed.id, sound: c.parsed.sound, raw: c.raw, src: [...c.src] }));
  assert.deepStrictEqual(claims(quick), claims(yaml), `claims of ${name}`);
}

/** A file: each unit declined or the same; the record declined or deep-equal to the yaml path's; the same audit. Returns whether the record came quickly. */
function checkFile(text: string, name: string): boolean {
  assertSameAudit(text, name);
  const docs = splitDocuments(text);
  for (const d of docs ?? []) {
    const layout = documentLayout(text, d);
    const units = layout.kind === 'claims' ? layout.items.map((i) => ({ kind: 'item' as const, text: text.slice(i.start, i.end) })) : [{ kind: 'document' as const, text: text.slice(d.start, d.end) }];
    for (const u of units) {
      const quick = u.kind === 'item' ? quickItem(u.text) : quickClaimDocument(u.text);
      if (quick) assertSameClaim(u.text, u.kind, quick);
    }
  }
  const quick = quickFileClaims(text, config, undefined, `file:///${name}`, name);
  if (quick) assert.deepStrictEqual(quick, fileClaims(analyze(text, { config }), `file:///${name}`, name), `record of ${name}`);
  return quick !== undefined;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(e)) out.push(p);
  }
  return out;
}

describe('quick scanner: exact or declined', () => {
  it('every fixture and example file: each claim and record declined or identical to the yaml path; most taken quickly', function () {
    this.timeout(60_000);
    const files = [...yamlFiles(FIXTURES), ...yamlFiles(EXAMPLES)];
    assert.ok(files.length > 50, `${files.length} files`);
    let quick = 0;
    for (const f of files) if (checkFile(readFileSync(f, 'utf8'), f.slice(ROOT.length + 1))) quick++;
    // Broken and odd files fall back; ordinary ones (claims lists, claim: documents, comments, flow lines) do not.
    assert.ok(quick >= files.length * 0.85, `${quick} of ${files.length} files taken quickly`);
    for (const example of ['knee-replacement.claim.yaml', 'stroke-transfers.claim.yaml']) {
      assert.ok(quickFileClaims(readFileSync(join(EXAMPLES, example), 'utf8'), config, undefined, 'x'), `${example} taken quickly`);
    }
  });

  it("the bench's generated files: all identical and all taken quickly (the index's speed-up cannot silently vanish)", function () {
    this.timeout(60_000);
    const ws = generateWorkspace({ files: 12, claimsPerFile: 10, patients: 7 });
    try {
      ws.texts.forEach((t, i) => assert.ok(checkFile(t, ws.paths[i]), `${ws.paths[i]} declined`));
    } finally {
      removeWorkspace(ws);
    }
    assert.ok(checkFile(claimFile(40), 'bench.claim.yaml'), 'the bench claim file declined');
  });

  it('recordOfText takes the quick path and gives the record of the full analysis', () => {
    const text = claimFile(5);
    assert.deepStrictEqual(recordOfText(text, config, undefined, 'file:///a', 'a'), recordOfAnalysis(text, config, undefined, 'file:///a', 'a'));
    assert.ok(quickFileClaims(text, config, undefined, 'file:///a', 'a'));
  });

  it('declines what it does not read exactly', () => {
    const item = (body: string): string => `  - id: A\n${body}`;
    const declined: Record<string, string> = {
      anchor: item('    payer: &p { type: medicare }\n'),
      alias: item('    payer: *p\n'),
      tag: item('    units: !!str 3\n'),
      'multi-line plain': item('    note: one\n      two\n'),
      'multi-line quoted': item('    note: "one\n      two"\n'),
      'double-quoted escape': item('    note: "a\\tb"\n'),
      tab: item('    note:\ta\n'),
      CRLF: '  - id: A\r\n    units: 1\r\n',
      'duplicate key': item('    id: B\n'),
      'complex key': item('    ? a\n    : b\n'),
      'keep chomping': item('    note: |+\n      a\n\n'),
      'more-indented folded line': item('    note: >\n      a\n        b\n      c\n'),
      'bad indentation': item('      units: 1\n'),
      'two items': item('  - id: B\n'),
      'comment folded into a range': item('    lines:\n      - code: "97110"\n        # deeper\n'),
      'empty value with a comment': item('    units:   # none\n'),
      'key with a space before the colon': item('    units : 1\n'),
      'seq at the key\'s indentation': item('    modifiers:\n    - GP\n'),
    };
    for (const [name, text] of Object.entries(declined)) assert.equal(quickItem(text), undefined, name);
    assert.equal(quickClaimDocument('claims:\n  - id: A\n'), undefined, 'not a claim: document');
    assert.equal(quickFileClaims('%YAML 1.2\n---\nclaims:\n  - id: A\n', config, undefined, 'x'), undefined, 'directive');
  });

  it('reads scalars as the core schema does', () => {
    const cases: [string, unknown][] = [
      ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
      ['true', true], ['True', true], ['TRUE', true], ['tRUE', 'tRUE'], ['yes', 'yes'], ['off', 'off'],
      ['007', 7], ['0o17', 15], ['0x1F', 31], ['-0', -0], ['+12', 12], ['1_000', '1_000'],
      ['1.50', 1.5], ['.5', 0.5], ['1.', 1], ['1e3', 1000], ['-1.5E-2', -0.015], ['.inf', Infinity], ['-.Inf', -Infinity], ['.NaN', NaN],
      ['2026-03-01', '2026-03-01'], ['12:30', '12:30'], ['97110', 97110], ['I69.354', 'I69.354'],
    ];
    for (const [text, value] of cases) assert.deepStrictEqual(plainValue(text), value, text);
  });
});

// ---- random claim-shaped YAML -------------------------------------------------------------

const KEYS = ['id', 'code', 'units', 'minutes', 'modifiers', 'payer', 'type', 'a', 'b_c', 'x1', 'Key'];
const ODD_KEYS = ['true', 'null', '1a', '__proto__', 'on', 'Key-Dash', '"q"'];
const SCALARS = [
  '1', '007', '0o17', '0x1F', '0X1F', '1e3', '1.50', '.5', '-3', '+2', '.inf', '-.Inf', '.nan', '1_000', '12:30', '2026-03-01', '97110', '120.00',
  '~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', 'yes', 'on', '-0', '0.0',
  'GP', 'hello world', 'a#b', 'x:y', '-x', "it's", 'say "hi"', 'é ü 中', 'back\\slash', 'a  b', 'I69.354', 'gait belt, hemi-walker', 'Berg 38/56', 'x]', 'x,y',
];
const ODD_SCALARS = ['a: b', 'a #b', 'x:', '- x', '?x', '? x', ':x', '@x', '`x', '%x', '!x', '&x', '*x', '|x', '>x', '[x', '{x', 'x, y', '#', '-', '""', "''", ' lead', 'trail '];

const keyArb = fc.oneof({ weight: 24, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
type Tree = { scalar: string; style: 'plain' | 'single' | 'double' } | { map: [string, Tree][] } | { seq: Tree[] } | { block: string[]; header: string };

const scalarArb = fc.record({ scalar: fc.oneof({ weight: 16, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_SCALARS) }), style: fc.constantFrom('plain' as const, 'plain' as const, 'single' as const, 'double' as const) });
/** Block scalar lines holding only spaces: more than the block's indentation, and fewer. */
const WHITESPACE_LINE = '<ws>';
const SHORT_WHITESPACE_LINE = '<short ws>';
const blockArb = fc.record({
  header: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('>-', '>', '|', '|-') }, { weight: 1, arbitrary: fc.constantFrom('|+', '>2', '>-  ', '> # c') }),
  block: fc.array(
    fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Left-sided hemiplegia after CVA', 'transfer bed to chair', '# not a comment', 'x: y', 'trailing  ', '- dash') }, { weight: 1, arbitrary: fc.constantFrom('', '  more indented', WHITESPACE_LINE, SHORT_WHITESPACE_LINE) }),
    { minLength: 1, maxLength: 4 },
  ),
});
/** Mostly distinct keys (a duplicate key declines: tested above). */
function pairsArb(value: fc.Arbitrary<Tree>, maxLength: number): fc.Arbitrary<[string, Tree][]> {
  return fc.oneof(
    { weight: 9, arbitrary: fc.uniqueArray(fc.tuple(keyArb, value), { minLength: 1, maxLength, selector: ([k]) => k }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(keyArb, value), { minLength: 1, maxLength }) },
  );
}

const { tree } = fc.letrec<{ tree: Tree; map: Tree; seq: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarArb, scalarArb, tie('map'), tie('seq'), blockArb),
  map: fc.record({ map: pairsArb(tie('tree'), 4) }),
  seq: fc.record({ seq: fc.array(tie('tree'), { minLength: 0, maxLength: 3 }) }),
}));

/** How a tree is written: random choices drawn per node (flow or block, spaces, comments, blank lines). */
interface Style {
  flow: boolean;
  colonSpaces: string;
  trailing: string;
  comment: string;
  blankBefore: boolean;
  commentLine: string;
  innerSpace: string;
}
const styleArb = fc.record({
  flow: fc.boolean(),
  colonSpaces: fc.constantFrom(' ', ' ', '  '),
  trailing: fc.constantFrom('', '', '  '),
  comment: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('', '', '', ' # note', '  # expect: x') }, { weight: 1, arbitrary: fc.constant('# bad') }),
  blankBefore: fc.boolean(),
  commentLine: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '', '', '', 'same') }, { weight: 1, arbitrary: fc.constantFrom('deeper', 'shallower', 'zero') }),
  innerSpace: fc.constantFrom('', ' '),
});

function scalarText(t: { scalar: string; style: string }): string {
  if (t.style === 'single') return `'${t.scalar.replace(/'/g, "''")}'`;
  if (t.style === 'double') return `"${t.scalar.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return t.scalar;
}

class Writer {
  private k = 0;
  constructor(private readonly styles: Style[]) {}
  private style(): Style {
    return this.styles[this.k++ % this.styles.length];
  }

  /** One-line flow text of a tree, or undefined (block scalars have none). */
  flow(t: Tree, s: Style): string | undefined {
    if ('scalar' in t) return scalarText(t);
    if ('block' in t) return undefined;
    const sp = s.innerSpace;
    if ('seq' in t) {
      const items = t.seq.map((x) => this.flow(x, s));
      return items.some((x) => x === undefined) ? undefined : `[${sp}${items.join(', ')}${sp}]`;
    }
    const pairs = t.map.map(([k, v]) => {
      const f = this.flow(v, s);
      return f === undefined ? undefined : `${k}: ${f}`;
    });
    return pairs.some((x) => x === undefined) ? undefined : `{${sp}${pairs.join(', ')}${sp}}`;
  }

  /** Lines of a value after `key:` (or `- `) at `indent`: [text on the key line, lines below]. */
  value(t: Tree, indent: number): [string, string[]] {
    const s = this.style();
    const flow = s.flow || 'scalar' in t ? this.flow(t, s) : undefined;
    if (flow !== undefined) return [`${flow}${s.trailing}${s.comment}`, []];
    if ('block' in t) return [`${t.header}${s.comment ? '' : s.trailing}`, t.block.map((l) => (l === WHITESPACE_LINE ? ' '.repeat(indent + 4) : l === SHORT_WHITESPACE_LINE ? ' '.repeat(indent + 1) : l ? ' '.repeat(indent + 2) + l : ''))];
    const inner = indent + 2;
    if ('map' in t) return [s.comment, this.mapLines(t.map, inner)];
    if ('seq' in t) return [s.comment, this.seqLines(t.seq, inner)];
    return [scalarText(t), []];
  }

  private extra(s: Style, indent: number): string[] {
    const out: string[] = [];
    if (s.blankBefore) out.push('');
    const at = { same: indent, deeper: indent + 2, shallower: Math.max(0, indent - 2), zero: 0 }[s.commentLine as 'same'];
    if (at !== undefined) out.push(`${' '.repeat(at)}# a comment line`);
    return out;
  }

  mapLines(pairs: [string, Tree][], indent: number): string[] {
    const out: string[] = [];
    pairs.forEach(([k, v], i) => {
      const s = this.style();
      if (i > 0) out.push(...this.extra(s, indent));
      const [head, below] = this.value(v, indent);
      out.push(`${' '.repeat(indent)}${k}:${head && !head.startsWith(' ') ? s.colonSpaces : ''}${head}`, ...below);
    });
    return out;
  }

  seqLines(items: Tree[], indent: number): string[] {
    if (!items.length) return [`${' '.repeat(indent)}- []`];
    const out: string[] = [];
    items.forEach((v, i) => {
      const s = this.style();
      if (i > 0) out.push(...this.extra(s, indent));
      if ('map' in v && !s.flow) {
        const lines = this.mapLines(v.map, indent + 2);
        out.push(`${' '.repeat(indent)}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1));
        return;
      }
      const [head, below] = this.value(v, indent);
      out.push(`${' '.repeat(indent)}-${head.startsWith(' ') ? '' : ' '}${head}`, ...below);
    });
    return out;
  }
}

const claimArb = fc.record({
  pairs: pairsArb(tree, 5),
  styles: fc.array(styleArb, { minLength: 1, maxLength: 12 }),
  tail: fc.constantFrom('', '\n', '\n\n', '  # after\n', '# zero\n', '      # deep\n'),
  newline: fc.boolean(),
});

describe('quick scanner: random claim-shaped YAML (fast-check)', () => {
  it('each item and claim: document is declined or read exactly as yaml reads it; records equal', function () {
    this.timeout(120_000);
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(claimArb, ({ pairs, styles, tail, newline }) => {
        runs++;
        const w = new Writer(styles);
        const lines = w.mapLines(pairs, 4);
        const item = `  - ${lines[0].slice(4)}\n${lines.slice(1).map((l) => `${l}\n`).join('')}${tail}`;
        const text = newline ? item : item.replace(/\n$/, '');
        const quick = quickItem(text);
        if (quick) {
          accepted++;
          assertSameClaim(text, 'item', quick);
        }
        const doc = `claim:\n${new Writer(styles).mapLines(pairs, 2).map((l) => `${l}\n`).join('')}${tail}`;
        const quickDoc = quickClaimDocument(doc);
        if (quickDoc) assertSameClaim(doc, 'document', quickDoc);
        checkFile(`# a file\nclaims:\n${text}${text.endsWith('\n') ? '' : '\n'}${text}`, 'two.claim.yaml');
        checkFile(doc, 'one.claim.yaml');
      }),
      { seed: Number(process.env.FUZZ_SEED ?? 20261206), numRuns: Number(process.env.FUZZ_RUNS ?? 3000) },
    );
    // The generator is not so odd that everything is declined.
    assert.ok(accepted > runs * 0.25, `${accepted} of ${runs} items accepted`);
  });
});

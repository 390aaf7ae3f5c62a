/**
 * The TextMate injection grammar (syntaxes/claimlint.injection.tmLanguage.json).
 * 1. Always: it is valid JSON, its regexes compile as JavaScript RegExps (they use no
 *    Oniguruma-only syntax) and match / do not match sample lines.
 * 2. When the real-VS-Code runtime is installed (scripts/vscode-runtime/install.sh): VS
 *    Code's own YAML grammar, vscode-textmate and Oniguruma tokenize sample documents and
 *    the examples with the injection, exactly as the editor does.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, ROOT } from '../support/paths';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contribution = (pkg.contributes?.grammars ?? []).find((g: { scopeName: string }) => g.scopeName === 'claimlint.injection');
const GRAMMAR_PATH = join(ROOT, contribution?.path ?? 'syntaxes/claimlint.injection.tmLanguage.json');
const CODE = 'constant.numeric.claimlint.code';
const MODIFIER = 'entity.name.type.claimlint.modifier';

interface Rule {
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: { include?: string }[];
}
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const grammar: Grammar = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8'));
const rule = (name: string) => grammar.repository[name];
const re = (source: string, flags = '') => new RegExp(source, flags);

/** Text of the capture groups whose scope name contains `scope`. */
function captured(r: Rule, line: string, scope: string): string[] {
  const m = re((r.match ?? r.begin)!).exec(line);
  if (!m) return [];
  const caps = r.captures ?? r.beginCaptures ?? {};
  return Object.entries(caps)
    .filter(([i, c]) => c.name.includes(scope) && m[Number(i)] !== undefined)
    .map(([i]) => m[Number(i)]);
}

describe('claimlint injection grammar', () => {
  it('is contributed as an injection into source.yaml', () => {
    assert.ok(contribution, 'package.json contributes no grammar with scopeName claimlint.injection');
    assert.deepEqual(contribution.injectTo, ['source.yaml']);
    assert.equal(grammar.scopeName, 'claimlint.injection');
    assert.match(grammar.injectionSelector, /^L:source\.yaml\b/);
    assert.match(grammar.injectionSelector, /-comment\b/, 'the injection must stay out of comments');
  });

  it('every regex compiles as a JavaScript RegExp', () => {
    for (const [name, r] of Object.entries(grammar.repository)) {
      for (const key of ['match', 'begin', 'end'] as const) {
        const src = r[key];
        if (src === undefined) continue;
        assert.doesNotThrow(() => re(src), `${name}.${key} does not compile`);
        assert.doesNotMatch(src, /\\[GAhHz]|\(\?>|[*+?]\+/, `${name}.${key} uses Oniguruma-only syntax`);
      }
    }
    for (const p of grammar.patterns) assert.ok(grammar.repository[p.include.slice(1)], `${p.include} is not defined`);
  });

  it('colours the code after `code:` (quoted, unquoted, in a list item, HCPCS)', () => {
    const code = rule('code');
    assert.deepEqual(captured(code, 'code: "97530"', CODE), ['97530']);
    assert.deepEqual(captured(code, 'code: 97530', CODE), ['97530']);
    assert.deepEqual(captured(code, "code: '97110'  # note", CODE), ['97110']);
    assert.deepEqual(captured(code, '      - code: G0283', CODE), ['G0283']);
    assert.deepEqual(captured(code, '{code: 0552T, units: 1}', CODE), ['0552T']);
  });

  it('leaves other keys and malformed codes alone', () => {
    const code = rule('code');
    for (const line of ['barcode: 97530', 'zip_code: 97530', 'code: 975301', 'code: "9753"', 'code: abcde', 'units: 97530', 'code:97530']) {
      assert.deepEqual(captured(code, line, CODE), [], line);
    }
  });

  it('colours modifiers in `modifiers: [GP, CQ]`', () => {
    const begin = rule('modifiers-flow');
    const m = re(begin.begin!).exec('        modifiers: [GP, CQ]');
    assert.ok(m, 'modifiers-flow does not begin');
    const rest = '        modifiers: [GP, CQ]'.slice(m.index + m[0].length);
    const item = rule('modifier-flow-item');
    const found = [...`[${rest}`.matchAll(re(item.match!, 'g'))].map((x) => x[3] ?? x[7] ?? x[9]);
    assert.deepEqual(found, ['GP', 'CQ']);
    assert.equal(re(begin.begin!).exec('notmodifiers: [GP]'), null);
  });

  it('colours list items under `modifiers:` and stops at the next key', () => {
    const block = rule('modifiers-block');
    assert.ok(re(block.begin!).test('        modifiers:'));
    assert.ok(re(block.begin!).test('        modifiers:   # comment'));
    assert.ok(!re(block.begin!).test('        modifiers: [GP]'));
    const item = rule('modifier-block-item');
    assert.deepEqual(captured(item, '- GP', MODIFIER), ['GP']);
    assert.deepEqual(captured(item, '- "CQ"  # assistant', MODIFIER), ['CQ']);
    // TextMate tries the end pattern from the line's first token (after the indentation)
    const endsAt = (line: string) => {
      const end = re(block.end!, 'y');
      end.lastIndex = line.search(/\S/);
      return end.test(line);
    };
    for (const line of ['          - GP', '  - "KX"', '  # note']) assert.ok(!endsAt(line), line);
    for (const line of ['        units: 2', '      - code: 97110', '  - GP extra']) assert.ok(endsAt(line), line);
  });
});

// ---------------------------------------------------------------------------------------

/** VS Code's YAML grammar, vscode-textmate and Oniguruma from the installed runtime. */
function vscodeRuntime(): string | undefined {
  try {
    const { cacheDir } = require(join(ROOT, 'test', 'integration', 'harness', 'runtime.js'));
    const dir = join(cacheDir(), 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
    return existsSync(join(dir, 'extensions', 'yaml', 'syntaxes', 'yaml.tmLanguage.json')) &&
      existsSync(join(dir, 'node_modules', 'vscode-textmate'))
      ? dir
      : undefined;
  } catch {
    return undefined;
  }
}

interface Token {
  text: string;
  scopes: string[];
}

async function tokenizer(vscodeDir: string): Promise<(text: string) => Token[][]> {
  const tm = require(join(vscodeDir, 'node_modules', 'vscode-textmate'));
  const onig = require(join(vscodeDir, 'node_modules', 'vscode-oniguruma'));
  const wasm = readFileSync(join(vscodeDir, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const yamlExt = join(vscodeDir, 'extensions', 'yaml');
  const files = new Map<string, string>();
  for (const g of JSON.parse(readFileSync(join(yamlExt, 'package.json'), 'utf8')).contributes.grammars) {
    files.set(g.scopeName, join(yamlExt, g.path));
  }
  files.set('claimlint.injection', GRAMMAR_PATH);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => (contribution.injectTo.includes(scope) ? ['claimlint.injection'] : undefined),
  });
  const yaml = await registry.loadGrammar('source.yaml');
  return (text) => {
    let state = tm.INITIAL;
    return text.split(/\r?\n/).map((line) => {
      const r = yaml.tokenizeLine(line, state);
      state = r.ruleStack;
      return r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      }));
    });
  };
}

const tokensWith = (lines: Token[][], scope: string) =>
  lines.flatMap((tokens, line) => tokens.filter((t) => t.scopes.includes(scope)).map((t) => `${line}:${t.text}`));

describe('claimlint injection grammar in VS Code\'s YAML grammar (real tokenizer)', function () {
  const dir = vscodeRuntime();
  let tokenize: (text: string) => Token[][];

  before(async function () {
    if (!dir) this.skip(); // runtime not installed: scripts/vscode-runtime/install.sh
    tokenize = await tokenizer(dir);
  });

  it('colours codes and modifiers in block, flow and multi-line forms', () => {
    const lines = tokenize(
      [
        'claims:',
        '  - lines:',
        '      - code: "97530"',
        '        modifiers: [GP, CQ]',
        '      - code: 97110',
        '        modifiers:',
        '          - GP',
        '          - "KX" # over threshold',
        '        units: 2',
        '      - {code: G0283, modifiers: [GO]}',
        '      - modifiers: [GN,',
        '          CQ]',
        "        code: '92507'",
      ].join('\n'),
    );
    assert.deepEqual(tokensWith(lines, CODE), ['2:97530', '4:97110', '9:G0283', '12:92507']);
    assert.deepEqual(tokensWith(lines, MODIFIER), ['3:GP', '3:CQ', '6:GP', '7:KX', '9:GO', '10:GN', '11:CQ']);
    // the YAML grammar still scopes the keys and the quotes
    const line2 = lines[2].map((t) => `${t.text}|${t.scopes.at(-1)}`);
    assert.ok(line2.includes('code|entity.name.tag.yaml'));
    assert.ok(line2.includes('"|punctuation.definition.string.begin.yaml'));
    assert.ok(lines[7].some((t) => t.text === '#' && t.scopes.includes('comment.line.number-sign.yaml')));
    assert.ok(lines[8].some((t) => t.text === 'units' && t.scopes.includes('entity.name.tag.yaml')), 'the block ends at the next key');
  });

  it('does not colour inside comments, strings, block scalars or other keys', () => {
    const lines = tokenize(
      [
        'note: "code: 97530"',
        '# code: 97530',
        'text: >-',
        '  code: 97530 and',
        '  modifiers: [GP]',
        'barcode: 97530',
        'modifiers: [GP]',
        'units: 1',
      ].join('\n'),
    );
    assert.deepEqual(tokensWith(lines, CODE), []);
    assert.deepEqual(tokensWith(lines, MODIFIER), ['6:GP']);
    assert.ok(lines[7].some((t) => t.text === 'units' && t.scopes.includes('entity.name.tag.yaml')));
  });

  it('colours every code of the examples', () => {
    const dirEx = EXAMPLES;
    const files = existsSync(dirEx) ? readdirSync(dirEx).filter((f) => /\.claim\.ya?ml$/.test(f)) : [];
    assert.ok(files.length, 'no examples');
    for (const f of files) {
      const text = readFileSync(join(dirEx, f), 'utf8');
      const expected = [...text.split(/\r?\n/).entries()]
        .map(([i, l]) => [i, /^\s*(?:-\s+)?code:\s+["']?([0-9]{5}|[A-Z][0-9]{4}|[0-9]{4}[A-Z])["']?\s*(?:#.*)?$/.exec(l)?.[1]] as const)
        .filter(([, c]) => c)
        .map(([i, c]) => `${i}:${c}`);
      assert.ok(expected.length, `${f} has no codes`);
      assert.deepEqual(tokensWith(tokenize(text), CODE), expected, f);
    }
  });
});

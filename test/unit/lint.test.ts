/**
 * The architecture's boundaries, enforced by the lint config (eslint.config.mjs): each folder
 * of src/ (and tools/docgen) imports only what its allow-list names (rule
 * claimlint/allowed-imports). Lints made-up sources at real paths with the project's own
 * config, so that a rule that stops matching (a moved folder, a changed glob) fails here.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../support/paths';

const BOUNDARY = 'claimlint/allowed-imports';

let eslint: ESLint | undefined;

async function messages(file: string, source: string, rule = BOUNDARY): Promise<string[]> {
  eslint ??= new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, file) });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

const importOf = (spec: string) => `import * as m from '${spec}';\nexport const x = m;\n`;
const typeImportOf = (spec: string) => `import type * as M from '${spec}';\nexport type X = typeof M;\n`;
const lazyRequireOf = (spec: string) => `export function load(): unknown {\n  // eslint-disable-next-line @typescript-eslint/no-require-imports\n  return require('${spec}');\n}\n`;

/** [made-up file at a real folder, specifiers it may NOT import, specifiers it may import]. */
const EDGES: [file: string, forbidden: string[], allowed: string[]][] = [
  [
    'src/core/rules/coding/example.ts',
    [
      'node:fs', 'fs', 'fs/promises', 'node:path', 'node:worker_threads', 'node:child_process', 'child_process', 'vscode',
      'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', 'csv-parse/sync', 'picomatch',
      '../../../server/server', '../../../report/html', '../../../report', '../../../importers/claims', '../../../node/auditPool',
      '../../../protocol', '../../../cli/main', '../../../datapacks/build',
    ],
    ['yaml', 'zod', '../../types', '../../pipeline/analysis', './npiInvalid', '../../data'],
  ],
  [
    'src/protocol/example.ts',
    ['vscode', '../core', '../core/index', '../core/parallel', '../core/explain', '../core/packs', '../core/config/find', '../server/server', '../report', 'yaml'],
    ['../core/lite', './index'],
  ],
  [
    'src/client/example.ts',
    ['../core', '../core/lite', '../core/packs', '../core/engine', '../server/server', '../service', '../report', '../report/html', '../importers/claims', '../node/auditPool', '../cli/main', 'vscode-languageserver', 'yaml', 'zod', 'csv-parse/sync'],
    ['vscode', 'vscode-languageclient/node', 'node:path', '../protocol', './constants'],
  ],
  [
    'src/server/example.ts',
    ['vscode', 'vscode-languageclient/node', '../cli/main', '../cli/config', '../client/extension', '../core/pipeline/analysis', '../core/lite', '../core/parallel', '../core/explain', '../core/packs', '../importers/claims', '../datapacks/build', '../report/html'],
    ['vscode-languageserver/node', 'node:fs', '../core', '../protocol', '../service', '../node/warnings', '../datapacks/store/packStore', '../report', './settings'],
  ],
  [
    'src/service/example.ts',
    ['vscode', 'node:fs', '../server/server', '../core/engine', '../core/lite', '../core/parallel', '../core/packs', '../node/auditPool', '../cli/main'],
    ['vscode-languageserver', '../core', '../core/explain', '../protocol', './hover', '../../schema/claim.schema.json'],
  ],
  [
    'src/cli/example.ts',
    ['vscode', 'vscode-languageserver', '../core/pipeline/analysis', '../core/config/key', '../core/parallel', '../core/explain', '../server/server', '../service', '../client/extension', '../report/html', '../protocol/../server/main'],
    ['node:fs', '../core', '../core/index', '../core/lite', '../core/packs', '../node/discovery', '../importers/claims', '../datapacks/build', '../report', './args'],
  ],
  [
    'src/node/example.ts',
    ['vscode', '../cli/main', '../server/server', '../core/rules', '../core/explain', '../core/packs', '../report', '../importers/claims'],
    ['node:worker_threads', '../core', '../core/lite', '../core/parallel', '../datapacks/store/packStore', './poolSizes'],
  ],
  [
    'src/importers/claims/example.ts',
    ['node:fs', 'vscode', '../../core/rules', '../../core/model/claim', '../../core/lite', '../../core/parallel', '../../core/explain', '../../core/packs', '../../node/auditPool', '../../server/server'],
    ['yaml', 'zod', 'csv-parse/sync', 'node:crypto', '../../core', './types', './x12/tokenizer'],
  ],
  [
    'src/datapacks/build/example.ts',
    ['node:fs', '../../core', '../../core/explain', '../../core/rules', '../../core/data/packLoad', '../store/packStore', '../../cli/main'],
    ['fflate', 'saxes', '../../core/packs', './xlsx', './layouts/gpci'],
  ],
  ['src/datapacks/store/example.ts', ['../../core/data/packLoad', '../../core/explain', '../../core/parallel', '../build', 'vscode'], ['node:fs', '../../core', '../../core/packs', './packStore']],
  ['src/report/example.ts', ['../core', './html', 'yaml'], ['./facts/claims', './figures/figures']],
  ['src/report/facts/example.ts', ['node:fs', 'yaml', '../../core/rules', '../../core/data/reference', '../../core/packs', '../../core/parallel', '../figures/figures', '../html'], ['../../core', '../../core/explain', './money']],
  ['src/report/figures/example.ts', ['../../core', '../../core/explain', '../../core/rules', '../facts/claims', '../html', 'node:fs'], ['./figures']],
  ['src/report/html/example.ts', ['../../core', '../../core/explain', '..', '../facts/claims', '../../core/rules', '../../server/server', 'node:fs', 'vscode', '@observablehq/plot', 'linkedom'], ['node:crypto', '../../core/lite', '../figures/figures', './render']],
  ['tools/docgen/example.ts', ['../../src/core/types', '../../src/core/explain', '../../src/core/parallel', '../../src/server/server', '../../src/core/rules'], ['../../src/core', '../../src/core/packs', './sources']],
  // A folder nobody gave an allow-list to may import nothing until it has one (and a line in the folder map).
  ['src/newFolder/example.ts', ['../core', './sibling', 'yaml'], []],
];

describe('lint: architecture boundaries (allow-lists per folder)', function () {
  this.timeout(120000);

  for (const [file, forbidden, allowed] of EDGES) {
    const folder = file.slice(0, file.lastIndexOf('/'));
    it(`${folder} may not import ${forbidden.join(', ')}`, async () => {
      for (const spec of forbidden) {
        const found = await messages(file, importOf(spec));
        assert.equal(found.length, 1, `${file}: import of '${spec}' should be refused, got ${JSON.stringify(found)}`);
        assert.match(found[0], /may not import/);
      }
    });
    if (allowed.length) {
      it(`${folder} may import ${allowed.join(', ')}`, async () => {
        for (const spec of allowed) assert.deepEqual(await messages(file, importOf(spec)), [], `${file}: import of '${spec}'`);
      });
    }
  }

  it('the core is refused through every import form: export from, import(), require(), import = require', async () => {
    const file = 'src/core/engine.example.ts';
    for (const source of [
      `export { readFileSync } from 'node:fs';\n`,
      `export * from 'node:fs';\n`,
      `export async function f(): Promise<unknown> {\n  return import('node:fs');\n}\n`,
      lazyRequireOf('node:fs'),
      `import fs = require('node:fs');\nexport const x = fs;\n`,
    ]) {
      assert.equal((await messages(file, source)).length, 1, source);
    }
  });

  it('the client may load the HTML report lazily (its own bundle) and read its types, but not import it statically', async () => {
    const file = 'src/client/example.ts';
    assert.deepEqual(await messages(file, typeImportOf('../report/html')), []);
    assert.deepEqual(await messages(file, lazyRequireOf('../report/html')), []);
    assert.equal((await messages(file, importOf('../report/html'))).length, 1);
    // A lazy require is no back door to the engine.
    assert.equal((await messages(file, lazyRequireOf('../core'))).length, 1);
  });

  it('the server may load the claim importers lazily (their own bundle), never import them statically', async () => {
    const file = 'src/server/example.ts';
    assert.deepEqual(await messages(file, lazyRequireOf('../importers/claims')), []);
    assert.deepEqual(await messages(file, typeImportOf('../importers/claims')), []);
    assert.equal((await messages(file, importOf('../importers/claims'))).length, 1);
  });

  it('the protocol may name the report shapes as types only', async () => {
    const file = 'src/protocol/example.ts';
    assert.deepEqual(await messages(file, typeImportOf('../report')), []);
    assert.equal((await messages(file, importOf('../report'))).length, 1);
    assert.equal((await messages(file, `import { type ReportClaim, collectClaims } from '../report';\nexport const x = collectClaims;\nexport type Y = ReportClaim;\n`)).length, 1);
  });

  it('rules and billing logic read reference data through ctx.data only: no module-level lookup', async () => {
    for (const [file, spec] of [['src/core/rules/coding/example.ts', '../../data'], ['src/core/billing/example.ts', '../data']]) {
      for (const name of ['codeInfo', 'allCodes', 'isKnownCodeAnyDate', 'modifierInfo', 'kxThreshold', 'assistantDifferential', 'sameDayGroupsFor', 'findNcciPair', 'mueFor']) {
        const found = await messages(file, `import { ${name} } from '${spec}';\nexport const x = ${name};\n`, 'no-restricted-imports');
        assert.equal(found.length, 1, `${file}: ${name}`);
        assert.match(found[0], /ctx\.data/);
      }
      // Types and constants stay importable.
      assert.deepEqual(await messages(file, `import { DISTINCT_MODIFIERS, type CodeInfo } from '${spec}';\nexport const x = DISTINCT_MODIFIERS;\nexport type Y = CodeInfo;\n`, 'no-restricted-imports'), []);
    }
  });

  it('the messages say which folder, which module and what the folder may import', async () => {
    const [message] = await messages('src/server/example.ts', importOf('../cli/main'));
    assert.match(message, /^src\/server may not import '\.\.\/cli\/main' \(src\/cli\/main\): its allow-list is .*src\/protocol/);
  });

  for (const file of ['src/core/model/example.ts', 'src/importers/claims/example.ts']) {
    it(`${file}: zod only as a namespace (a named or default z keeps its locales in the bundles)`, async () => {
      for (const source of [`import { z } from 'zod';\nexport const s = z.string();\n`, `import z from 'zod';\nexport const s = z.string();\n`]) {
        const found = await messages(file, source, 'no-restricted-syntax');
        assert.equal(found.length, 1, source);
        assert.match(found[0], /import \* as z from 'zod'/);
      }
      assert.deepEqual(await messages(file, `import * as z from 'zod';\nexport const s = z.string();\n`, 'no-restricted-syntax'), []);
      assert.deepEqual(await messages(file, `import * as z from 'zod';\nexport const s = z.string();\n`), []);
    });
  }
});

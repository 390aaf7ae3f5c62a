/**
 * The architecture's boundaries, enforced by the lint config (eslint.config.mjs): the core
 * imports no editor, LSP or file-system module; adapters import the core only through
 * src/core/index.ts. Lints made-up sources at real paths with the project's own config.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = join(__dirname, '..', '..', '..');

async function restricted(file: string, source: string, rule = 'no-restricted-imports'): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(source, { filePath: join(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('lint: architecture boundaries', function () {
  this.timeout(60000);

  for (const mod of ['node:fs', 'fs', 'fs/promises', 'vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument']) {
    it(`core may not import ${mod}`, async () => {
      const messages = await restricted('src/core/rules/coding/example.ts', `import * as m from '${mod}';\nexport const x = m;\n`);
      assert.equal(messages.length, 1, `expected one restricted import, got ${JSON.stringify(messages)}`);
    });
  }

  it('core may not import an adapter', async () => {
    assert.equal((await restricted('src/core/pipeline/example.ts', `import { startServer } from '../../server/server';\nexport const x = startServer;\n`)).length, 1);
  });

  it('core may import its own modules and pure libraries', async () => {
    const source = `import { parseDocument } from 'yaml';\nimport { LineIndex } from '../parse/lines';\nimport { docsUrl } from './docs';\nexport const x = [parseDocument, LineIndex, docsUrl];\n`;
    assert.deepEqual(await restricted('src/core/rules/example.ts', source), []);
  });

  for (const [file, spec] of [
    ['src/server/service/example.ts', '../../core/engine'],
    ['src/cli/example.ts', '../core/pipeline/analysis'],
    ['src/docs/example.ts', '../core/types'],
  ]) {
    it(`${file.split('/')[1]} must reach the core through its entry, not ${spec}`, async () => {
      assert.equal((await restricted(file, `import { x } from '${spec}';\nexport const y = x;\n`)).length, 1);
    });
  }

  for (const file of ['src/core/model/example.ts', 'src/server/service/example.ts', 'src/report/example.ts']) {
    it(`${file}: zod only as a namespace (a named or default z keeps its locales in the bundles)`, async () => {
      for (const source of [`import { z } from 'zod';\nexport const s = z.string();\n`, `import z from 'zod';\nexport const s = z.string();\n`]) {
        const messages = await restricted(file, source, 'no-restricted-syntax');
        assert.equal(messages.length, 1, source);
        assert.match(messages[0], /import \* as z from 'zod'/);
      }
      assert.deepEqual(await restricted(file, `import * as z from 'zod';\nexport const s = z.string();\n`, 'no-restricted-syntax'), []);
      assert.deepEqual(await restricted(file, `import * as z from 'zod';\nexport const s = z.string();\n`), []);
    });
  }

  it('adapters may import the core entry', async () => {
    assert.deepEqual(await restricted('src/server/service/example.ts', `import { audit } from '../../core';\nexport const y = audit;\n`), []);
    assert.deepEqual(await restricted('src/cli/example.ts', `import { audit } from '../core/index';\nexport const y = audit;\n`), []);
    // …or its light entry (what the CLI's front needs without loading the engine).
    assert.deepEqual(await restricted('src/cli/example.ts', `import { configKey } from '../core/lite';\nexport const y = configKey;\n`), []);
    assert.equal((await restricted('src/cli/example.ts', `import { configKey } from '../core/config/key';\nexport const y = configKey;\n`)).length, 1);
  });
});

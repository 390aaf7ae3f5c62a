/**
 * Bundles. The CLI's front (dist/cli.js) holds what a run answered from --cache needs, and nothing
 * that loads the engine: no rules, no zod schemas, no YAML parser, no reference data. The
 * engine is dist/cliEngine.js, required on first use (src/cli/lazyEngine.ts). If this
 * fails, an import in src/cli (or in core/lite.ts) pulled the engine into the front, and
 * every cached run pays for compiling and initialising it again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

const { bundleInputs } = require(join(ROOT, 'esbuild.js')) as { bundleInputs: (name: string) => Promise<string[]> };

describe('CLI front and engine bundles', () => {
  it('the front holds the argument parsing, file discovery, cache and plain formatters, and none of the engine', async () => {
    const inputs = await bundleInputs('cli');
    for (const must of ['src/cli/main.ts', 'src/cli/cache/resultCache.ts', 'src/cli/config.ts', 'src/cli/formatters/json.ts', 'src/core/config/find.ts', 'src/core/config/key.ts']) {
      assert.ok(inputs.includes(must), `${must} in the front`);
    }
    const engine = inputs.filter((f) => /node_modules\/(zod|yaml)\/|src\/core\/(rules|data|pipeline|model|billing|parse)\/|src\/core\/(index|engine)\.ts|src\/cli\/engine\.ts|src\/node\/auditPool\.ts|src\/datapacks\/store\/packStore\.ts/.test(f));
    assert.deepEqual(engine, [], 'engine modules in dist/cli.js');
    // The glob library is dist/glob.js, loaded when a search needs it (a config's files, a symlink, a pattern).
    assert.deepEqual(
      inputs.filter((f) => /node_modules\/(tinyglobby|picomatch|fdir)\//.test(f)),
      [],
      'the glob library in dist/cli.js',
    );
    assert.ok((await bundleInputs('glob')).some((f) => f.includes('node_modules/tinyglobby/')));
  });

  it('the engine bundle holds the rules, the config schema and the commands', async () => {
    const inputs = await bundleInputs('cliEngine');
    for (const must of ['src/core/engine.ts', 'src/core/config/schema.ts', 'src/cli/configReader.ts', 'src/cli/formatters/sarif.ts', 'src/cli/commands/data.ts', 'src/node/auditPool.ts']) {
      assert.ok(inputs.includes(must), `${must} in the engine`);
    }
    assert.ok(inputs.some((f) => f.startsWith('src/core/rules/')));
  });

  it('the shipped bundles read no yaml debug switch from the environment per token (esbuild.js yamlDebugOff); the bench keeps the stock parser', () => {
    for (const b of ['cliEngine', 'serverMain', 'auditWorker', 'importers']) {
      const code = readFileSync(join(ROOT, 'dist', `${b}.js`), 'utf8');
      assert.ok(code.includes('*parse(source, incomplete = false)'), `${b}: the yaml parser is in the bundle`);
      assert.ok(!/env\.LOG_(TOKENS|STREAM)/.test(code), `${b}: a yaml debug switch is still read`);
    }
    assert.match(readFileSync(join(ROOT, 'dist', 'bench.js'), 'utf8'), /env\.LOG_TOKENS/);
  });
});

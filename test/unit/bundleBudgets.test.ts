/**
 * Bundle budgets (esbuild.js BUNDLE_TARGETS), measured the way they ship: minified, from
 * esbuild's metafile. The HTML report (dist/report.js) draws its charts as SVG strings and
 * carries no engine: the callers collect the facts and findings (src/report/facts). If a
 * budget fails, an import pulled something large in; the message lists the biggest inputs.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

const { bundleSizes, bundleInputs, BUNDLE_TARGETS } = require(join(ROOT, 'esbuild.js')) as {
  bundleSizes: (names: string[]) => Promise<Record<string, { bytes: number }>>;
  bundleInputs: (name: string) => Promise<string[]>;
  BUNDLE_TARGETS: Record<string, number>;
};

describe('bundle budgets (minified, esbuild metafile)', function () {
  this.timeout(120000);

  it('names a budget for the server, the HTML report and the extension', () => {
    assert.equal(BUNDLE_TARGETS.server, 904 * 1024);
    assert.equal(BUNDLE_TARGETS.report, 400 * 1024);
    assert.equal(BUNDLE_TARGETS.client, 150 * 1024);
  });

  for (const name of ['server', 'report', 'client']) {
    it(`dist/${name}.js is within its budget`, async () => {
      const { [name]: size } = await bundleSizes([name]);
      assert.ok(size.bytes <= BUNDLE_TARGETS[name], `dist/${name}.js is ${(size.bytes / 1024).toFixed(0)} KB, over ${BUNDLE_TARGETS[name] / 1024} KB`);
    });
  }

  it('the extension (dist/client.js, loaded on any YAML file) holds its own code and the protocol: no engine, no importer, no language client library', async () => {
    const inputs = await bundleInputs('client');
    for (const must of ['src/client/extension.ts', 'src/client/controller.ts', 'src/client/importClaims.ts', 'src/protocol/index.ts']) assert.ok(inputs.includes(must), `${must} in dist/client.js`);
    const heavy = inputs.filter((f) => f.includes('node_modules/') || /^src\/(core\/(?!lite\.ts$|limits\.ts$|config\/find\.ts$)|importers\/|report\/|server\/|service\/)/.test(f));
    assert.deepEqual(heavy, [], 'dist/client.js should carry none of these');
    // The language client is its own bundle, loaded on the server's first start.
    const lazy = await bundleInputs('languageClient');
    assert.ok(lazy.some((f) => f.includes('node_modules/vscode-languageclient/')));
    assert.ok(!lazy.some((f) => /^src\/(core\/(?!lite\.ts$|limits\.ts$|config\/find\.ts$)|importers\/)/.test(f)), 'dist/languageClient.js carries no engine');
  });

  it('dist/server.js is a launcher of a few KB: it starts the audit workers and loads dist/serverMain.js, no engine', async () => {
    const launcher = await bundleInputs('serverLauncher');
    assert.ok(launcher.includes('src/server/launch.ts') && launcher.includes('src/node/prestartedWorkers.ts'));
    const heavy = launcher.filter((f) => f.includes('node_modules/') || /^src\/(core\/(?!limits\.ts$|lite\.ts$)|server\/(?!launch\.ts$)|service\/)/.test(f));
    assert.deepEqual(heavy, [], 'the launcher carries none of these');
    const { serverLauncher } = await bundleSizes(['serverLauncher']);
    assert.ok(serverLauncher.bytes < 16 * 1024, `dist/server.js is ${serverLauncher.bytes} bytes`);
  });

  it('the language server loads the claim importers from their own bundle (dist/importers.js) on the first import', async () => {
    const server = await bundleInputs('server');
    assert.ok(server.includes('src/server/importClaims.ts'));
    assert.ok(!server.some((f) => f.startsWith('src/importers/') || f.includes('node_modules/csv-parse/')), 'dist/serverMain.js carries no importer');
    const importers = await bundleInputs('importers');
    assert.ok(importers.includes('src/importers/claims/x12/import837.ts'));
  });

  it('the HTML report holds the page, the charts and the figures: no engine, no chart library, no DOM', async () => {
    const inputs = await bundleInputs('report');
    for (const must of ['src/report/html/index.ts', 'src/report/html/charts.ts', 'src/report/figures/figures.ts']) assert.ok(inputs.includes(must), `${must} in dist/report.js`);
    const heavy = inputs.filter((f) => f.includes('node_modules/') || /^src\/(core\/(?!lite\.ts$|limits\.ts$|rules\/docs\.ts$)|report\/facts\/)/.test(f));
    assert.deepEqual(heavy, [], 'dist/report.js should carry none of these');
  });
});

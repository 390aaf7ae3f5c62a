// Bundles the extension client, the language server, the CLI and the benchmark.
// `--production` minifies without sourcemaps; `--watch` rebuilds on change.
// Type checking is separate: `npm run typecheck` (tsc --noEmit).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
  // ESM dependencies (tinyglobby) use import.meta.url, which a CJS bundle lacks.
  define: { 'import.meta.url': '__importMetaUrl', CLAIMLINT_VERSION: JSON.stringify(require('./package.json').version) },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

// The HTML audit report (the page and its SVG charts, no engine) is its own bundle,
// dist/report.js: the CLI and the client require it on first use, and the language server never does.
const reportExternal = {
  name: 'report-external',
  setup(build) {
    build.onResolve({ filter: /[\\/]report[\\/]html$/ }, () => ({ path: './report.js', external: true }));
  },
};

// The extension's language client (src/client/languageClient.ts, with vscode-languageclient)
// is its own bundle, dist/languageClient.js, required by dist/client.js when the server first
// starts (src/client/controller.ts): activating on a YAML file that is not a claim loads none of it.
const languageClientExternal = {
  name: 'language-client-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/languageClient$/ }, (args) => (/[\\/]src[\\/]client$/.test(args.resolveDir) ? { path: './languageClient.js', external: true } : undefined));
  },
};

// The launcher (src/server/launch.ts, dist/server.js) requires the server itself from its own
// bundle, dist/serverMain.js, once it has started the audit workers.
const serverMainExternal = {
  name: 'server-main-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/main$/ }, (args) => (/[\\/]src[\\/]server$/.test(args.resolveDir) ? { path: './serverMain.js', external: true } : undefined));
  },
};

// The claim importers run in the language server on the editor's import request
// (src/server/importClaims.ts), from their own bundle, dist/importers.js, loaded on the first request.
const importersExternal = {
  name: 'importers-external',
  setup(build) {
    build.onResolve({ filter: /[\\/]importers[\\/]claims$/ }, (args) => (/[\\/]src[\\/]server$/.test(args.resolveDir) ? { path: './importers.js', external: true } : undefined));
  },
};

// The CLI's engine (src/cli/engine.ts: rules, schemas, reference data, worker pool) is its
// own bundle, dist/cliEngine.js, required by dist/cli.js on first use (src/cli/lazyEngine.ts):
// a run answered from --cache never loads it.
const cliEngineExternal = {
  name: 'cli-engine-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine$/ }, (args) => (/[\\/]src[\\/]cli$/.test(args.resolveDir) ? { path: './cliEngine.js', external: true } : undefined));
  },
};

// The glob library (src/node/glob.ts: tinyglobby, picomatch) is the CLI's dist/glob.js,
// required by src/node/claimSearch.ts on first use: a folder searched by the default globs alone
// (no config \`files\`, no symbolic link) is read without it, so a run answered from --cache
// neither compiles nor initialises it.
const cliGlobExternal = {
  name: 'cli-glob-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/glob$/ }, (args) => (/[\\/]src[\\/]node$/.test(args.resolveDir) ? { path: './glob.js', external: true } : undefined));
  },
};

// The yaml library reads process.env.LOG_TOKENS on every token and LOG_STREAM on every
// document (its own debug printing): a lookup in the process environment each time, about a
// tenth of an audit's CPU. The shipped bundles compile both switches to false; the bench
// (dist/bench.js) keeps the stock library, so its baseline is yaml.parseDocument as published.
const yamlDebugOff = {
  name: 'yaml-debug-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await require('node:fs').promises.readFile(args.path, 'utf8');
      const contents = source.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'false');
      if (contents === source) return { contents, loader: 'js', warnings: [{ text: `yaml-debug-off: no LOG_TOKENS/LOG_STREAM switch in ${args.path} (yaml changed?)` }] };
      return { contents, loader: 'js' };
    });
  },
};

// The documentation rules' word lists (src/core/documentation/*.words.json) are written for
// an auditor to read: each list carries what it is for and its source. The bundles keep only
// what the rules read (the explanations stay in the data files and the rule pages).
const WORD_LIST_NOTES = new Set(['about', 'source', 'why', 'rule']);
const leanWordLists = {
  name: 'lean-word-lists',
  setup(build) {
    build.onLoad({ filter: /\.words\.json$/ }, async (args) => {
      const lean = (v) =>
        Array.isArray(v) ? v.map(lean) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !WORD_LIST_NOTES.has(k)).map(([k, x]) => [k, lean(x)])) : v;
      const data = JSON.parse(await require('node:fs').promises.readFile(args.path, 'utf8'));
      return { contents: JSON.stringify(lean(data)), loader: 'json' };
    });
  },
};

const entries = [
  { entryPoints: ['src/client/extension.ts'], outfile: 'dist/client.js', plugins: [reportExternal, languageClientExternal, leanWordLists] },
  { entryPoints: ['src/client/languageClient.ts'], outfile: 'dist/languageClient.js', plugins: [leanWordLists] },
  // dist/server.js is the launcher editors start (src/server/launch.ts): it starts the audit
  // workers, then requires the server itself, dist/serverMain.js (the `server` budget).
  { entryPoints: ['src/server/launch.ts'], outfile: 'dist/server.js', name: 'serverLauncher', plugins: [serverMainExternal] },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/serverMain.js', name: 'server', plugins: [importersExternal, yamlDebugOff, leanWordLists] },
  { entryPoints: ['src/importers/claims/index.ts'], outfile: 'dist/importers.js', plugins: [yamlDebugOff, leanWordLists] },
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [reportExternal, cliEngineExternal, cliGlobExternal, yamlDebugOff, leanWordLists] },
  { entryPoints: ['src/node/glob.ts'], outfile: 'dist/glob.js' },
  { entryPoints: ['src/cli/engine.ts'], outfile: 'dist/cliEngine.js', plugins: [reportExternal, yamlDebugOff, leanWordLists] },
  // The worker threads of the CLI (--threads) and of the server's first audit of a big
  // file: the core and the pack reader, nothing else.
  { entryPoints: ['src/node/auditWorker.ts'], outfile: 'dist/auditWorker.js', plugins: [yamlDebugOff, leanWordLists] },
  { entryPoints: ['src/report/html/index.ts'], outfile: 'dist/report.js', plugins: [yamlDebugOff, leanWordLists] },
  // The heavy rows start yaml-language-server (their reference) from node_modules: found there, not bundled.
  { entryPoints: ['test/bench/bench.ts'], outfile: 'dist/bench.js', external: ['yaml-language-server'] },
  { entryPoints: ['test/bench/heavyMain.ts'], outfile: 'dist/benchHeavy.js', external: ['yaml-language-server'] },
  { entryPoints: ['test/fuzz/fuzz.ts'], outfile: 'dist/fuzz.js' },
  { entryPoints: ['test/fuzz/importFuzz.ts'], outfile: 'dist/importFuzz.js' },
];

/** A bundle's name (budgets, tests): its `name`, else its file's. */
function nameOf(e) {
  return e.name ?? e.outfile.replace(/^dist\/|\.js$/g, '');
}

/** The esbuild options of an entry (`name` is ours). */
function optionsOf({ name: _name, ...e }) {
  return { ...common, ...e };
}

async function main() {
  const fs = require('node:fs');
  const present = entries.filter((e) => fs.existsSync(e.entryPoints[0]));
  const contexts = await Promise.all(present.map((e) => esbuild.context(optionsOf(e))));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching…');
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

/**
 * The minified size of each bundle, built in memory (nothing written): what `--production`
 * ships. `npm run bench` and `npm run size` print the server's against its budget (BUNDLE_TARGETS below).
 * zod's share is reported too (the part most likely to grow back by an import style).
 */
async function bundleSizes(names = ['server']) {
  const out = {};
  for (const e of entries.filter((x) => names.includes(nameOf(x)))) {
    const r = await esbuild.build({ ...optionsOf(e), absWorkingDir: __dirname, minify: true, sourcemap: false, write: false, metafile: true });
    const output = Object.values(r.metafile.outputs)[0];
    const zod = Object.entries(output.inputs).reduce((n, [f, v]) => n + (/node_modules[\\/]zod[\\/]/.test(f) ? v.bytesInOutput : 0), 0);
    out[nameOf(e)] = { bytes: output.bytes, zod };
  }
  return out;
}

/** The source files (relative paths) that make up a bundle, built in memory. */
async function bundleInputs(name) {
  const e = entries.find((x) => nameOf(x) === name);
  const r = await esbuild.build({ ...optionsOf(e), absWorkingDir: __dirname, sourcemap: false, write: false, metafile: true });
  return Object.keys(Object.values(r.metafile.outputs)[0].inputs);
}

/**
 * Size budgets of the shipped bundles, minified (bytes): `npm run bench`, `npm run size` and
 * test/unit/bundleBudgets.test.ts check them. The server's was 800 KB until the documentation
 * vocabulary of issue 28 (word lists as rule defaults: 34 KB of patterns once their notes are
 * stripped, replacing 15 KB of lexicon; main stood at 799 KB): 832 KB. Issue 23 adds 32 KB: the
 * patient index (src/core/patients) and the 12 checks across claims (src/core/rules/patient)
 * measure 31 KB minified (esbuild metafile, bytesInOutput), a third of it their rationale text;
 * the server measured 834 KB with them: 864 KB. Issue 27's payer decisions in the editor add
 * 12.5 KB (esbuild metafile, bytesInOutput: src/server/payerDecisions.ts 5.8, remitIndex.ts 2.5,
 * src/report/figures/payer.ts 1.8, src/node/remitFiles.ts 0.8, wiring 1.6; main 841 → 853 KB);
 * the 835 reader, the join and the 27 KB reason table stay in dist/importers.js, loaded on the
 * first 835 candidate. With issue 23's editor half (branch peditor, not yet landed) the server
 * measured 872 KB: 880 KB. Issue 23 item 4's quick scanner for the workspace index
 * (src/core/parse/quick and src/core/patients/quickClaims.ts: 8.6 KB, esbuild metafile,
 * bytesInOutput; the index of 10,000 claims several times faster) took main from 874 to 882 KB: 890 KB.
 * Issue 26: the audit reads claims with that scanner too (the shapes fixes need in the source
 * map instead of yaml nodes, src/core/parse/quick/entry.ts): main 888 → 890 KB; the edit path
 * (branch editsplice) adds about 5 KB: 900 KB. The first open's worker pipeline and
 * diagnostic heads written per rule (issue 26, 0676397) took main from 899.5 to 900.2 KB: 904 KB.
 */
const BUNDLE_TARGETS = { server: 904 * 1024, report: 400 * 1024, client: 150 * 1024 };

module.exports = { bundleSizes, bundleInputs, BUNDLE_TARGETS, SERVER_BUNDLE_TARGET: BUNDLE_TARGETS.server };

if (require.main === module && process.argv.includes('--size')) {
  bundleSizes(['server', 'cli', 'client', 'languageClient', 'report', 'importers']).then((sizes) => {
    let missed = 0;
    for (const [name, s] of Object.entries(sizes)) {
      const target = BUNDLE_TARGETS[name];
      if (target && s.bytes > target) missed++;
      console.log(`dist/${name}.js minified: ${(s.bytes / 1024).toFixed(0)} KB (zod ${(s.zod / 1024).toFixed(0)} KB)${target ? ` — target ≤ ${target / 1024} KB: ${s.bytes <= target ? 'ok' : 'MISSED'}` : ''}`);
    }
    process.exit(missed ? 1 : 0);
  });
} else if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

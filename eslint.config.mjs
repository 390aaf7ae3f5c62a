// Lint: typescript-eslint's recommended rules, a few strict ones, and the architecture's
// boundaries as allow-lists: each folder of src/ (and tools/docgen) names what it may import
// (rule claimlint/allowed-imports, tools/lint/allowedImports.mjs); anything else is an error.
// test/unit/lint.test.ts tries a forbidden import in every folder. The folder map is in
// docs/developing.md. Run by `npm test` as one counted check, and alone by `npm run lint`.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import claimlint from './tools/lint/allowedImports.mjs';

// `import { z } from 'zod'` takes zod's whole namespace object, locales included, into
// every bundle (about 360 KB of the language server); `import * as z` lets esbuild shake it.
const ZOD_NAMESPACE = {
  selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
  message: "Write import * as z from 'zod': a named or default z keeps all of zod (its locales) in the bundles.",
};

// The core's entries, one per purpose (src/core/index.ts says which is which): every other
// folder reaches the engine only through these, and each folder is allowed exactly the entries
// it uses.
const CORE = 'src/core'; //                  the audit API
const CORE_LITE = 'src/core/lite'; //        the CLI's front (no engine)
const CORE_PARALLEL = 'src/core/parallel'; // worker-thread plumbing
const CORE_EXPLAIN = 'src/core/explain'; //   reference lookups and billing arithmetic the editor and report explain
const CORE_PACKS = 'src/core/packs'; //       the data-pack format, reader and built-in tables
const ENTRY = 'Reach the core through the entry for the purpose (src/core/index.ts lists them).';

/** What each folder may import. Order matters only in that a later block wins for the same file. */
const FOLDERS = [
  {
    files: ['src/**/*.ts'],
    folder: 'src (a folder without an allow-list)',
    allow: [],
    why: 'Give the folder its own allow-list in eslint.config.mjs and a line in the folder map of docs/developing.md.',
  },
  {
    files: ['src/core/**/*.ts'],
    folder: 'src/core',
    allow: ['yaml', 'zod', 'src/core/**'],
    why: 'The core is pure: text in, findings out (no node:*, no editor, no LSP, no adapter).',
  },
  {
    files: ['src/protocol/**/*.ts'],
    folder: 'src/protocol',
    allow: ['src/protocol/**', CORE_LITE],
    // The Audit Summary's data carries the report's claim and finding shapes.
    allowTypes: ['src/report'],
    why: 'The protocol is plain ids and data types, imported by the client, the server and the CLI.',
  },
  {
    files: ['src/client/**/*.ts'],
    folder: 'src/client',
    allow: [
      'vscode',
      'vscode-languageclient',
      'node:*',
      'src/client/**',
      'src/protocol',
    ],
    // EXCEPTION (explicit): the Audit Summary view renders the HTML report in the extension host.
    // It is required on first open as its own bundle, dist/report.js (esbuild.js makes it
    // external), so none of it is in dist/client.js. Only require()/import() and types may name it.
    allowLazy: ['src/report/html'],
    why: 'The extension is thin: it talks to the language server through src/protocol.',
  },
  {
    files: ['src/server/**/*.ts'],
    folder: 'src/server',
    allow: [
      'vscode-languageserver',
      'vscode-languageserver-textdocument',
      'node:*',
      'picomatch',
      'tinyglobby',
      'yaml',
      'src/server/**',
      CORE,
      'src/protocol',
      'src/service/**',
      'src/node/**',
      'src/datapacks/store/**',
      'src/report',
    ],
    // The claim importers answer the editor's import request from their own bundle,
    // dist/importers.js, required on the first request (esbuild.js makes it external).
    allowLazy: ['src/importers/claims'],
    why: `The server knows no vscode and no CLI. ${ENTRY}`,
  },
  {
    files: ['src/service/**/*.ts'],
    folder: 'src/service',
    allow: ['vscode-languageserver', 'vscode-languageserver-textdocument', 'src/service/**', CORE, CORE_EXPLAIN, 'src/protocol', 'schema/**'],
    why: `The language service is TextDocument in, LSP types out: no connection, no file system. ${ENTRY}`,
  },
  {
    files: ['src/cli/**/*.ts'],
    folder: 'src/cli',
    allow: [
      'node:*',
      'fflate',
      'yaml',
      'src/cli/**',
      CORE,
      CORE_LITE,
      CORE_PACKS,
      'src/node/**',
      'src/importers/claims',
      'src/datapacks/build',
      'src/datapacks/store/**',
      'src/report',
    ],
    // SARIF's shapes are types only; the HTML report is required on first use as its own
    // bundle, dist/report.js (esbuild.js makes it external).
    allowTypes: ['sarif'],
    allowLazy: ['src/report/html'],
    why: ENTRY,
  },
  {
    files: ['src/node/**/*.ts'],
    folder: 'src/node',
    allow: ['node:*', 'tinyglobby', 'src/node/**', CORE, CORE_LITE, CORE_PARALLEL, 'src/protocol', 'src/datapacks/store/**'],
    why: `Node-host helpers for the CLI and the server. ${ENTRY}`,
  },
  {
    files: ['src/importers/claims/**/*.ts'],
    folder: 'src/importers/claims',
    allow: ['node:crypto', 'yaml', 'zod', 'csv-parse', 'src/importers/claims/**', CORE],
    allowTypes: ['fhir'],
    why: `Claims in (837P, FHIR, CSV): text in, claim YAML out. ${ENTRY}`,
  },
  {
    files: ['src/datapacks/build/**/*.ts'],
    folder: 'src/datapacks/build',
    allow: ['csv-parse', 'fflate', 'saxes', 'src/datapacks/build/**', CORE_PACKS],
    why: `CMS files in, data-pack files out; pure (the CLI writes them). ${ENTRY}`,
  },
  {
    files: ['src/datapacks/store/**/*.ts'],
    folder: 'src/datapacks/store',
    // Every file claimlint opens goes through the one bounded reader (docs/limits.md).
    allow: ['node:*', 'src/datapacks/store/**', CORE, CORE_PACKS, 'src/node/boundedRead'],
    why: ENTRY,
  },
  {
    files: ['src/report/*.ts'],
    folder: 'src/report',
    allow: ['src/report/facts/**', 'src/report/figures/**'],
    why: 'src/report/index.ts is the facts and figures entry; the HTML half is its own bundle.',
  },
  {
    files: ['src/report/facts/**/*.ts'],
    folder: 'src/report/facts',
    // No yaml: the facts are read from the pipeline's Analysis, never parsed again.
    allow: ['src/report/facts/**', CORE, CORE_EXPLAIN],
    allowTypes: ['src/report/figures/**'],
    why: ENTRY,
  },
  {
    files: ['src/report/figures/**/*.ts'],
    folder: 'src/report/figures',
    // Pure arithmetic over facts and findings: it is in dist/report.js, so no engine (types only).
    allow: ['src/report/figures/**'],
    allowTypes: ['src/report/facts/**', CORE],
    why: ENTRY,
  },
  {
    files: ['src/report/html/**/*.ts'],
    folder: 'src/report/html',
    // Charts are SVG strings written here: no chart library, no DOM.
    // Only the figures and the light core entry: dist/report.js carries no engine (the callers
    // collect the facts and findings; see src/report/facts).
    allow: ['node:crypto', 'src/report/html/**', 'src/report/figures/**', CORE_LITE],
    allowTypes: ['src/report', CORE],
    why: ENTRY,
  },
  {
    files: ['tools/docgen/**/*.ts'],
    folder: 'tools/docgen',
    allow: ['tools/docgen/**', CORE, CORE_PACKS],
    why: `Build-time doc generators (not shipped). ${ENTRY}`,
  },
];

// Rules (and the billing logic they share) read reference data only through ctx.data, the
// built-in tables overlaid by the data packs: never a module-level lookup of src/core/data,
// which sees the built-in tables alone.
const DATA_LOOKUPS = ['codeInfo', 'codeInfoAnyDate', 'allCodes', 'isKnownCodeAnyDate', 'modifierInfo', 'allModifiers', 'feeFor', 'conversionFactor', 'kxThreshold', 'ncciPairs', 'findNcciPair', 'sameDayGroupsFor', 'mueFor', 'assistantDifferential'];
const DATA_DOOR = {
  paths: ['../data', '../../data', '../../../data'].map((name) => ({
    name,
    importNames: DATA_LOOKUPS,
    message: 'Read reference data through ctx.data (built-in tables overlaid by the data packs), not a module-level lookup.',
  })),
};

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/integration/**/*.js'] },
  {
    files: ['src/**/*.ts', 'tools/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // Tests load the JavaScript test harness and generated files with require().
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['src/**/*.ts', 'tools/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ZOD_NAMESPACE] } },
  { files: ['src/**/*.ts', 'tools/**/*.ts'], plugins: { claimlint } },
  ...FOLDERS.map(({ files, ...options }) => ({ files, rules: { 'claimlint/allowed-imports': ['error', options] } })),
  { files: ['src/core/rules/**/*.ts', 'src/core/billing/**/*.ts'], rules: { 'no-restricted-imports': ['error', DATA_DOOR] } },
);

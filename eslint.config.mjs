// Lint: typescript-eslint's recommended rules, a few strict ones, and the architecture's
// boundaries (docs/../architecture): the core imports no editor, LSP or file-system
// module, and the adapters reach the core only through its entry, src/core/index.ts.
// Run by `npm test` as one counted check, and alone by `npm run lint`.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// `import { z } from 'zod'` takes zod's whole namespace object, locales included, into
// every bundle (about 360 KB of the language server); `import * as z` lets esbuild shake it.
const ZOD_NAMESPACE = {
  selector: "ImportDeclaration[source.value='zod'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
  message: "Write import * as z from 'zod': a named or default z keeps all of zod (its locales) in the bundles.",
};

const CORE_FORBIDDEN = {
  paths: [
    ...['vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
      name,
      message: 'src/core is pure: text in, findings out (no editor, no file system).',
    })),
  ],
  patterns: [
    {
      regex: '^(vscode-languageserver|vscode-languageclient|vscode-jsonrpc)',
      message: 'src/core knows no LSP types; translate in src/server.',
    },
    {
      regex: '^(\\.\\./)+(server|cli|client|shared)(/|$)',
      message: 'src/core depends on no adapter.',
    },
  ],
};

const ADAPTER_FORBIDDEN = {
  patterns: [
    {
      regex: '(^|/)core/(?!(index|lite)$).+',
      message: 'Import the core through its entry (src/core/index.ts), e.g. from "../core" (or its light entry, core/lite.ts).',
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/integration/**/*.js'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
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
  { files: ['src/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ZOD_NAMESPACE] } },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', CORE_FORBIDDEN] } },
  { files: ['src/server/**/*.ts', 'src/cli/**/*.ts', 'src/client/**/*.ts', 'src/docs/**/*.ts', 'src/import/**/*.ts', 'src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', ADAPTER_FORBIDDEN] } },
);

// ESLint rule `claimlint/allowed-imports`: each source folder names what it may import (an
// allow-list), and anything else is an error. Used by eslint.config.mjs, one options object
// per folder; test/unit/lint.test.ts tries a forbidden import in each folder.
//
// Written here rather than taken from eslint-plugin-boundaries: the project imports by
// relative path only (no aliases, no tsconfig paths), so resolving a specifier is plain path
// arithmetic, and the whole rule is smaller than that plugin's resolver configuration.
//
// Options: { folder, allow, allowTypes?, why? }
//   folder      the folder's name in messages ("src/core")
//   allow       what any import may name:
//                 'pkg'          the package pkg and its subpaths (pkg/sub)
//                 'pkg*'         every package whose name starts with pkg ('node:*', 'vscode*')
//                 'src/x'        exactly the module src/x.ts or src/x/index.ts (an entry)
//                 'src/x/**'     any module inside src/x
//   allowTypes  more entries allowed for type-only imports (erased when built: no bundle weight)
//   allowLazy   more entries allowed for require()/import() only: a module loaded on first use
//               as its own bundle (esbuild.js makes it external), and for its types
//   why         appended to the message (what to do instead)
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repo-relative module a relative specifier names (extension and trailing /index dropped). */
function resolveRelative(filename, spec) {
  const abs = path.resolve(path.dirname(filename), spec);
  let rel = path.relative(ROOT, abs).split(path.sep).join('/');
  rel = rel.replace(/\.(ts|js|mjs|cjs)$/, '').replace(/\/index$/, '');
  return rel;
}

function matches(entry, spec, target) {
  if (target !== undefined) {
    if (entry.endsWith('/**')) {
      const base = entry.slice(0, -3);
      return target === base || target.startsWith(base + '/');
    }
    return target === entry;
  }
  if (entry.endsWith('*')) return spec.startsWith(entry.slice(0, -1));
  return spec === entry || spec.startsWith(entry + '/');
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its allow-list names' },
    schema: [
      {
        type: 'object',
        properties: {
          folder: { type: 'string' },
          allow: { type: 'array', items: { type: 'string' } },
          allowTypes: { type: 'array', items: { type: 'string' } },
          allowLazy: { type: 'array', items: { type: 'string' } },
          why: { type: 'string' },
        },
        required: ['folder', 'allow'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { folder, allow, allowTypes = [], allowLazy = [], why } = context.options[0];
    const filename = context.filename;
    /** kind: 'value' (a static import), 'type' (type-only) or 'lazy' (require() or import()). */
    function check(node, spec, kind) {
      if (typeof spec !== 'string') return;
      const target = spec.startsWith('.') ? resolveRelative(filename, spec) : undefined;
      const list = kind === 'type' ? [...allow, ...allowTypes, ...allowLazy] : kind === 'lazy' ? [...allow, ...allowLazy] : allow;
      if (list.some((entry) => matches(entry, spec, target))) return;
      const named = target === undefined ? `'${spec}'` : `'${spec}' (${target})`;
      context.report({
        node,
        message: `${folder} may not import ${named}: its allow-list is ${list.join(', ') || '(nothing)'}.${why ? ` ${why}` : ''}`,
      });
    }
    const typeOnlyDecl = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value, typeOnlyDecl(node) ? 'type' : 'value'),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value, typeOnlyDecl(node) ? 'type' : 'value'),
      ExportAllDeclaration: (node) => check(node.source, node.source.value, node.exportKind === 'type' ? 'type' : 'value'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value, 'lazy'),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node.moduleReference, node.moduleReference.expression.value, node.importKind === 'type' ? 'type' : 'value'),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node.arguments[0], node.arguments[0].value, 'lazy');
      },
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };

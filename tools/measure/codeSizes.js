#!/usr/bin/env node
// The largest files and the longest functions of src/ (issue 21's "largest file and function"),
// measured with the TypeScript compiler API: a function's length is the lines from its first
// token to its closing brace. Build time only; not shipped.
//   node tools/measure/codeSizes.js [--top N] [folder ...]     (default: src)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = process.cwd(); // run from the repository's root
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 5;
const folders = args.length ? args : ['src'];

function filesOf(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesOf(p);
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [p] : [];
  });
}

/** A readable name for a function-like node: its declaration, method, or the variable/property it is assigned to. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const p = node.parent;
  if (p && (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) && p.name) return p.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return '(anonymous)';
}

const files = [];
const functions = [];
for (const folder of folders) {
  for (const file of filesOf(path.join(ROOT, folder))) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    files.push({ file: rel, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) });
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && node.body) {
        const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
        const end = sf.getLineAndCharacterOfPosition(node.end).line;
        functions.push({ name: nameOf(node), file: rel, line: start + 1, lines: end - start + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
}
files.sort((a, b) => b.lines - a.lines);
functions.sort((a, b) => b.lines - a.lines);
console.log(`Largest files (of ${files.length}):`);
for (const f of files.slice(0, top)) console.log(`  ${String(f.lines).padStart(5)}  ${f.file}`);
console.log(`Longest functions (of ${functions.length}):`);
for (const f of functions.slice(0, top)) console.log(`  ${String(f.lines).padStart(5)}  ${f.name}  ${f.file}:${f.line}`);

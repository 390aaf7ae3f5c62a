/**
 * The folder map in docs/developing.md ("## Layout") stays true: every folder of src/ and
 * tools/ (and of src/core/) has a line there, and every folder or file the map names exists.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths';

/** The map's lines: the code block under "## Layout". */
function mapLines(): string[] {
  const text = readFileSync(join(ROOT, 'docs', 'developing.md'), 'utf8');
  const section = text.slice(text.indexOf('## Layout'));
  const block = /```\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'docs/developing.md has a "## Layout" section with a code block');
  return block[1].split('\n').filter((l) => l.trim());
}

/** Folders directly under `dir` that hold at least one file somewhere below them (git keeps no empty folders). */
function foldersOf(dir: string): string[] {
  const holdsFiles = (d: string): boolean =>
    readdirSync(d, { withFileTypes: true }).some((e) => e.isFile() || (e.isDirectory() && holdsFiles(join(d, e.name))));
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && holdsFiles(join(ROOT, dir, e.name)))
    .map((e) => `${dir}/${e.name}`)
    .sort();
}

/** Top-level entries ("src/cli/ …") by path, and the entries indented under src/core/ by their path relative to it. */
function entries(): { top: string[]; core: string[] } {
  const top: string[] = [];
  const core: string[] = [];
  let inCore = false;
  for (const line of mapLines()) {
    const path = line.trim().split(/\s+/)[0].replace(/\/$/, '');
    if (!line.startsWith(' ')) {
      top.push(path);
      inCore = path === 'src/core';
    } else if (inCore) {
      for (const p of path.split(',')) if (p.trim()) core.push(p.trim().replace(/\/$/, ''));
    }
  }
  return { top, core };
}

describe('folder map (docs/developing.md)', () => {
  it('names every folder of src/ and tools/', () => {
    const { top } = entries();
    const missing = [...foldersOf('src'), ...foldersOf('tools')].filter((f) => !top.some((t) => t === f || t.startsWith(`${f}/`)));
    assert.deepEqual(missing, [], `add a line for each to the "## Layout" block of docs/developing.md`);
  });

  it('names every folder of src/core/', () => {
    const { core } = entries();
    const missing = foldersOf('src/core')
      .map((f) => f.slice('src/core/'.length))
      .filter((f) => !core.some((c) => c === f || c.startsWith(`${f}/`)));
    assert.deepEqual(missing, [], 'add a line for each under src/core/ in docs/developing.md');
  });

  it('names no folder or file that is gone', () => {
    const { top, core } = entries();
    const named = [...top.filter((p) => /^(src|tools)\//.test(p)), ...core.map((c) => `src/core/${c.replace(/<[^>]+>.*$/, '')}`)];
    const gone = named.filter((p) => !existsSync(join(ROOT, p)));
    assert.deepEqual(gone, []);
  });
});

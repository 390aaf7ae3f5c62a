/**
 * The real export files of ../shared/real-inputs (SOURCES.md there), imported through the
 * real CLI: read in place, never copied into the project. Output goes to a temporary folder.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ImportedClaim } from '../../src/importers/claims';
import { runCli, type CliRun } from './cli';
import { sharedDir } from './sharedFiles';
import { makeTmpDir, removeTmpDir } from './tmp';

/** A file of ../shared/real-inputs, or undefined when the shared folder is not there. */
export function realInput(...parts: string[]): string | undefined {
  return sharedDir('real-inputs', ...parts);
}

export interface Imported extends CliRun {
  /** The output file's text ('' when nothing was written). */
  yaml: string;
  claims: ImportedClaim[];
  /** The output's header comment lines, without "# ". */
  header: string[];
}

/** A temporary folder for outputs (and mapping files written by a test), removed by `done()`. */
export function scratch(): { dir: string; write(name: string, text: string): string; done(): void } {
  const dir = makeTmpDir('real');
  return {
    dir,
    write: (name, text) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    },
    done: () => removeTmpDir(dir),
  };
}

/** `claimlint import <inputs> -o <dir>/out.claim.yaml …args`: the run and what it wrote. */
export function importReal(dir: string, inputs: string[], args: string[] = []): Imported {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.claim.yaml`);
  const r = runCli(['import', ...inputs, '-o', out, ...args], dir);
  let yaml = '';
  try {
    yaml = readFileSync(out, 'utf8');
  } catch {
    /* nothing written */
  }
  const claims = yaml ? ((parse(yaml) as { claims: ImportedClaim[] }).claims ?? []) : [];
  const header = yaml.split('\n').filter((l) => l.startsWith('#')).map((l) => l.replace(/^# ?/, ''));
  return { ...r, yaml, claims, header };
}

/** None of `values` (names, birth dates, addresses, member ids) appears in any of `texts`. */
export function assertNoneOf(values: readonly string[], ...texts: string[]): void {
  for (const v of values) {
    if (v.trim().length < 3) continue;
    for (const t of texts) assert.ok(!t.toUpperCase().includes(v.trim().toUpperCase()), `"${v}" appears in the output`);
  }
}

/**
 * The one temp-folder helper of the tests: a fresh folder under the OS temp folder
 * (claimlint-<prefix>-XXXXXX), removed after the test or the suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTmpDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `claimlint-${prefix}-`));
}

export function removeTmpDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

function tmpDirHooks(prefix: string, setup: (fn: () => void) => void, teardown: (fn: () => void) => void): () => string {
  let dir: string | undefined;
  setup(() => {
    dir = makeTmpDir(prefix);
  });
  teardown(() => {
    removeTmpDir(dir);
    dir = undefined;
  });
  return () => {
    if (!dir) throw new Error(`the ${prefix} folder exists only while a test runs`);
    return dir;
  };
}

/** In a describe body: a fresh folder for each test (beforeEach/afterEach); the getter gives it. */
export function tmpDirEach(prefix: string): () => string {
  return tmpDirHooks(prefix, beforeEach, afterEach);
}

/** In a describe body: one folder for all its tests (before/after); the getter gives it. */
export function tmpDirAll(prefix: string): () => string {
  return tmpDirHooks(prefix, before, after);
}

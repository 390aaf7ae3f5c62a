/**
 * Where things are, for every test (compiled to out/test/…, so the repository is three folders up).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(ROOT, 'examples');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
/** The CLI and language-server binaries (they load dist/, built by scripts/test.js). */
export const BIN = join(ROOT, 'bin', 'claimlint.js');
export const SERVER_BIN = join(ROOT, 'bin', 'claimlint-language-server.js');

/** The names of the shipped examples (examples/<name>.claim.yaml). */
export const EXAMPLE_NAMES = ['knee-replacement', 'mistakes', 'stroke-transfers'] as const;

export function exampleText(name: string): string {
  return readFileSync(join(EXAMPLES, `${name}.claim.yaml`), 'utf8');
}

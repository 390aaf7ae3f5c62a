/**
 * The real files beside the project (../shared: CMS's fee schedule files, real 837P, FHIR
 * and CSV inputs). They are read in place, never copied into the project. A test that needs
 * them calls `sharedDir()` and skips (mocha `this.skip()`) when it returns undefined.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './cli';

/** CLAIMLINT_SHARED, else ../shared beside the project, else /work/shared (the machine's copy). */
export function sharedDir(...parts: string[]): string | undefined {
  const candidates = [process.env.CLAIMLINT_SHARED, resolve(ROOT, '..', 'shared'), '/work/shared'];
  for (const base of candidates) {
    if (base && existsSync(join(base, 'cms'))) {
      const p = join(base, ...parts);
      return existsSync(p) ? p : undefined;
    }
  }
  return undefined;
}

/**
 * A fake clock for a spawned claimlint: `runCli(args, dir, { nodeArgs: aheadOfTime() })` starts
 * the child with its Date.now CLOCK_AHEAD_MS ahead (./clockAhead, preloaded), so a file the
 * test has just written is already "settled" for it (the CLI cache stamps a file only when its
 * last change is over a second old). No test sleeps to make time pass.
 */
import { join } from 'node:path';

export const CLOCK_AHEAD_MS = 2000;

export function aheadOfTime(): string[] {
  return ['--require', join(__dirname, 'clockAhead.js')];
}

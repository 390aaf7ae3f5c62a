/** The real claimlint binary, spawned as a user runs it: one helper for the CLI test files. */
import { spawnSync } from 'node:child_process';
import { BIN } from './paths';

export { BIN, ROOT } from './paths';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Added to the environment (colours are always off). */
  env?: Record<string, string>;
  /** Kill after this many ms (the run then has a signal and no code). */
  timeout?: number;
  /** Node's own flags, e.g. a heap cap. */
  nodeArgs?: string[];
}

/** Runs `claimlint …args` in `cwd` and returns its exit code, signal and output. */
export function runCli(args: string[], cwd: string, { env = {}, timeout, nodeArgs = [] }: CliOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

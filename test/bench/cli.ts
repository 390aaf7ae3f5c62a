/**
 * The CLI as a user runs it (the built bin/claimlint.js, spawned): a re-run with --cache on
 * unchanged files against a cold run, and one big file with --threads auto against one
 * yaml.parseDocument of it in this process. The outputs of --threads 1 and auto are
 * compared byte for byte (a difference fails the bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { claimFile } from './generate';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

const BIN = join(__dirname, '..', 'bin', 'claimlint.js');
const TIME = '/usr/bin/time';

/**
 * Wall time of one CLI run (ms), its stdout, and when /usr/bin/time is there its CPU time
 * (user + system, ms: steadier than wall on a shared machine) and peak resident memory (MB).
 */
function runCli(args: string[], cwd: string): { ms: number; stdout: string; code: number | null; peakMb?: number; cpuMs?: number } {
  const rss = join(cwd, '.rss');
  const withTime = existsSync(TIME);
  const started = performance.now();
  const r = withTime
    ? spawnSync(TIME, ['-f', '%U %S %M', '-o', rss, process.execPath, BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  // The last line: "user system maxrss" (a line before it may say the exit status).
  const times = withTime && existsSync(rss) ? readFileSync(rss, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : undefined;
  const peakMb = times ? times[2] / 1024 : undefined;
  const cpuMs = times ? (times[0] + times[1]) * 1000 : undefined;
  return { ms, stdout: r.stdout, code: r.status, peakMb, cpuMs };
}

/** With findings in a third of the claims (as a real backlog has). */
function withFindings(text: string): string {
  let i = 0;
  return text.replace(/units: \d\n {8}minutes/g, (m) => (i++ % 3 ? m : 'units: 9\n        minutes'));
}

export interface CacheFigures {
  cold: number;
  warm: number;
  /** CPU time (user + system, ms) of the same cold run and re-run, when /usr/bin/time is there. */
  coldCpu?: number;
  warmCpu?: number;
  files: number;
  mb: number;
}

/** `claimlint --cache` over `files` files of `claims` claims in all: the faster of two cold runs, then the median of three re-runs. */
export function cacheFigures(claims: number, files: number): CacheFigures {
  const dir = makeTmpDir('bench-cache');
  try {
    let bytes = 0;
    for (let f = 0; f < files; f++) {
      const text = withFindings(claimFile(Math.ceil(claims / files)).replace(/CLM-2026-/g, `CLM-${f}-`));
      bytes += text.length;
      writeFileSync(join(dir, `f${f}.claim.yaml`), text);
    }
    // The faster of two cold runs (the stricter ratio), then three re-runs.
    const colds = [0, 1].map(() => {
      rmSync(join(dir, '.claimlintcache'), { force: true });
      return runCli(['--cache', '-f', 'json', '.'], dir);
    });
    const cold = colds[0].ms <= colds[1].ms ? colds[0] : colds[1];
    const warm = [0, 1, 2].map(() => runCli(['--cache', '-f', 'json', '.'], dir));
    for (const w of warm) if (w.stdout !== cold.stdout) throw new Error('a cached re-run printed something else than the cold run');
    const median = [...warm].sort((a, b) => a.ms - b.ms)[1];
    return { cold: cold.ms, warm: median.ms, coldCpu: cold.cpuMs, warmCpu: median.cpuMs, files, mb: bytes / 1e6 };
  } finally {
    removeTmpDir(dir);
  }
}

export interface ThreadFigures {
  parse: number;
  auto: number;
  one: number;
  mb: number;
  peakMb?: number;
}

/** One file of `claims` claims: yaml.parseDocument here and the CLI with --threads auto (best of two each), then --threads 1 (same output required). */
export function threadFigures(claims: number): ThreadFigures {
  const dir = makeTmpDir('bench-threads');
  try {
    const text = withFindings(claimFile(claims));
    writeFileSync(join(dir, 'big.claim.yaml'), text);
    // Best of two, each: the parse and the --threads auto run in turn, so a neighbour's burst
    // does not decide the ratio (on a shared machine one run of either can be 30% off).
    const parses: number[] = [];
    const autos: ReturnType<typeof runCli>[] = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      parseDocument(text);
      parses.push(performance.now() - started);
      autos.push(runCli(['--threads', 'auto', '-f', 'json', 'big.claim.yaml'], dir));
    }
    const parse = Math.min(...parses);
    const auto = autos.reduce((a, b) => (b.ms < a.ms ? b : a));
    if (autos[0].stdout !== autos[1].stdout) throw new Error('two --threads auto runs printed different output');
    const one = runCli(['--threads', '1', '-f', 'json', 'big.claim.yaml'], dir);
    if (auto.code !== 1 || !auto.stdout.includes('"findings"')) throw new Error(`the CLI did not audit the big file (exit ${auto.code})`);
    if (auto.stdout !== one.stdout) throw new Error('--threads auto and --threads 1 printed different output');
    // Peak memory: the larger of the two runs (one thread holds the whole file's analysis).
    const peaks = [auto.peakMb, one.peakMb].filter((p): p is number => p !== undefined);
    return { parse, auto: auto.ms, one: one.ms, mb: text.length / 1e6, peakMb: peaks.length ? Math.max(...peaks) : undefined };
  } finally {
    removeTmpDir(dir);
  }
}

/**
 * V8 tuning for the language server's cold start. Its first heavy work is one burst: a big
 * file's first audit runs each rule's code a few thousand times in a process whose code V8
 * has not compiled yet. V8 sends a function to its optimizing compiler after a budget of
 * executed bytecode; at the default budget most of the engine's functions reach it during
 * that one burst, and the compile jobs (on background threads, competing with the audit for
 * the same cores) cost more than the optimized code saves before the burst ends. So the
 * budget is raised 8× until the first audit is done (tuneForBursts, in the launcher), then
 * set back (endBurst): typing then runs the edit path's functions again and again, and they
 * should be optimized as soon as V8 would.
 * Measured on fresh servers, 2 cores, a 3 MB claim file (7,665 findings): didOpen →
 * complete 1,019–1,133 ms at the default budget, 838–960 ms at 8× (server CPU 2.0–2.25 s →
 * 1.6–1.8 s); beyond 8× nothing more was gained. Left at 8×, the 30 edits after the open
 * took a median 67 ms (p90 106) instead of 52 (p90 92).
 *
 * The code is also compiled eagerly (V8's --no-lazy, for the process's life): each function's
 * bytecode is made when the bundle loads, before the first document arrives, instead of on
 * its first call during that audit (on both threads: the worker compiles its own copy).
 * Interleaved fresh servers, median of 8: didOpen → complete 680 → 633 ms; the cost is at
 * start-up, before any document (initialize answered in ~215 ms instead of ~190; 21 MB more
 * resident at rest).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The CLI's run (seconds, then exit) with less inlining in V8's optimizing compiler. Its
 * compile jobs ran on background threads for as long as a worker audits: 2.2–3.0 s of the
 * 7.6–9 s of CPU of `claimlint -f json` on a 30 MB file (2 workers, 2 cores; read per thread
 * from /proc), each job compiling a rule's code with all it calls inlined (claimFacts, a
 * check: 40–85 ms each, ~200 jobs per thread). With the inlined bytecode of one compile
 * capped at 60 (V8's default 920), small helpers are still inlined, the jobs take a fraction
 * of that, and the optimized code is about as fast for this run. Not for the language
 * server, whose process lives on: there the default inlining pays off. A flag the user set
 * (NODE_OPTIONS, node's arguments) is left as set.
 */
export const SHORT_RUN_INLINING = '--max-inlined-bytecode-size-cumulative=60';

/** The flags tuneForShortRun sets: none when node was started with an inlining flag of its own. */
export function shortRunFlags(execArgv: readonly string[], nodeOptions: string): string[] {
  return [...execArgv, nodeOptions].some((a) => /inlin/.test(a)) ? [] : [SHORT_RUN_INLINING];
}

let shortRunSet: string[] | undefined;

/** Before the engine's code is loaded; the process's workers (started later) share it. Once per process. */
export function tuneForShortRun(): void {
  if (shortRunSet) return;
  shortRunSet = shortRunFlags(process.execArgv, process.env.NODE_OPTIONS ?? '');
  for (const flag of shortRunSet) setFlagsFromString(flag);
}

/** What tuneForShortRun set (for --debug): undefined when it was not called, [] when node's own inlining flag stood. */
export function shortRunFlagsSet(): readonly string[] | undefined {
  return shortRunSet;
}

/** V8's own default (66 KB of bytecode, V8 11 to 13). */
export const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;
export const BURST_INTERRUPT_BUDGET = 8 * DEFAULT_INTERRUPT_BUDGET;

/** Before the engine's code is loaded; the process's workers (started later) share it. */
export function tuneForBursts(): void {
  setFlagsFromString(`--interrupt-budget=${BURST_INTERRUPT_BUDGET}`);
  setFlagsFromString('--no-lazy');
}

let ended = false;

/** Once the first audit is done: V8's default budget again (once per process; later calls do nothing). */
export function endBurst(): void {
  if (ended) return;
  ended = true;
  setFlagsFromString(`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`);
}

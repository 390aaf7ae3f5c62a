/**
 * V8 tuning for the language server, a process whose heavy work comes in bursts (a big
 * file's first audit runs each rule's code a few thousand times, then rarely again).
 * V8 sends a function to its optimizing compiler after a budget of executed bytecode; at
 * the default budget most of the engine's functions reach it during that one burst, and
 * the compile jobs (on background threads, competing with the audit for the same cores)
 * cost more than the optimized code saves before the burst ends. A larger budget keeps
 * optimizing what stays hot (typing in a big file runs the same functions again and again).
 * Measured on a fresh server, 2 cores, a 3 MB claim file (7,665 findings): didOpen →
 * complete 1,019–1,133 ms at the default (67,584), 838–960 ms at 8×; server CPU 2.0–2.25 s
 * → 1.6–1.8 s. Beyond 8× nothing more was gained.
 */
import { setFlagsFromString } from 'node:v8';

export const BURST_INTERRUPT_BUDGET = 8 * 67_584;

/** Before the engine's code first runs; the process's workers (started later) share it. */
export function tuneForBursts(): void {
  setFlagsFromString(`--interrupt-budget=${BURST_INTERRUPT_BUDGET}`);
}

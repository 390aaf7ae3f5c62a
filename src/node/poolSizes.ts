/** The worker pool's sizes (./auditPool.ts), apart so the CLI's front can read them without loading the engine. */
import { availableParallelism } from 'node:os';
import { readBoundedTextIfExists } from './boundedRead';

/** Below this many bytes in all, `--threads auto` audits on this thread (starting workers costs more). */
export const AUTO_MIN_BYTES = 1024 * 1024;
/** A file at least this big is cut into units across the workers. */
export const CHUNK_FILE_BYTES = 512 * 1024;

/**
 * Address space a worker thread reserves (measured on Linux x64, Node 20: ~710 MB of virtual
 * memory each, mostly its isolate's code range and heap reservation), with some margin.
 */
export const WORKER_ADDRESS_SPACE = 800 * 1024 * 1024;
/** Address space kept free for this thread's own heap to grow. */
const MAIN_HEADROOM = 512 * 1024 * 1024;

/** A /proc/self file's text (Linux), or '' elsewhere or when unreadable. */
function procSelf(name: string): string {
  try {
    return readBoundedTextIfExists(`/proc/self/${name}`, 64 * 1024) ?? '';
  } catch {
    return '';
  }
}

/**
 * How many of `wanted` worker threads fit under the process's address-space limit (`ulimit
 * -v`, RLIMIT_AS): V8 aborts the whole process (exit 133) when a worker cannot reserve its
 * memory, so the pool never starts more than fit. `wanted` when there is no limit (or it
 * cannot be read: not Linux).
 */
export function workersThatFit(wanted: number, limits = procSelf('limits'), status = procSelf('status')): number {
  const limit = /^Max address space\s+(\d+|unlimited)/m.exec(limits)?.[1];
  if (!limit || limit === 'unlimited') return wanted;
  const usedKb = Number(/^VmSize:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  const free = Number(limit) - usedKb * 1024 - MAIN_HEADROOM;
  return Math.max(0, Math.min(wanted, Math.floor(free / WORKER_ADDRESS_SPACE)));
}

/**
 * The language server's workers: the machine's cores minus one (its main thread audits too),
 * at most 3, or `option` (ServerOptions.openThreads); never more than fit (workersThatFit).
 */
export function serverWorkerCount(option?: number): number {
  return workersThatFit(option ?? Math.min(3, availableParallelism() - 1));
}

/**
 * `claimlint --threads <n|auto>`: how many worker threads audit the files (the pool itself
 * is ../shared/auditPool.ts, shared with the language server's first audit of a big file).
 */
import { availableParallelism } from 'node:os';
import { AUTO_MIN_BYTES, CHUNK_FILE_BYTES } from '../node/poolSizes';

export { AUTO_MIN_BYTES };
export const MAX_THREADS = 64;

/** `--threads` value → a thread count, or an error message. */
export function parseThreads(value: string | undefined): number | 'auto' | { error: string } {
  if (value === undefined || value === 'auto') return 'auto';
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_THREADS) return Number(value);
  return { error: `--threads must be a number from 1 to ${MAX_THREADS}, or auto` };
}

/** Threads to use for `totalBytes` of claim files. */
export function threadCount(setting: number | 'auto', totalBytes: number): number {
  if (setting !== 'auto') return setting;
  if (totalBytes < AUTO_MIN_BYTES) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(totalBytes / CHUNK_FILE_BYTES)));
}

/** The worker pool's sizes (./auditPool.ts), apart so the CLI's front can read them without loading the engine. */

/** Below this many bytes in all, `--threads auto` audits on this thread (starting workers costs more). */
export const AUTO_MIN_BYTES = 1024 * 1024;
/** A file at least this big is cut into units across the workers. */
export const CHUNK_FILE_BYTES = 512 * 1024;

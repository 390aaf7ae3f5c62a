/**
 * A file's stamp (device, inode, size, times): when it had not changed for a while before it
 * was read, an equal stamp on the next run proves its bytes unchanged without reading them.
 */
import { statSync } from 'node:fs';

/**
 * A file whose last change is older than this when it is read gets a stamp: a later write
 * gives it another change time (the kernel's clock ticks in milliseconds), so an equal stamp
 * proves the bytes unchanged without reading them (Git's "racy" rule; ESLint's metadata).
 */
const STABLE_AFTER_NS = 1_000_000_000n;

export interface FileStamp {
  /** Device, inode, size, modification and change times (ns). */
  id: string;
  /** Whether the file last changed at least STABLE_AFTER_NS before now. */
  stable: boolean;
}

/** `file`'s stamp, taken before it is read; undefined when it cannot be stat'ed. */
export function fileStamp(file: string, nowNs = BigInt(Date.now()) * 1_000_000n): FileStamp | undefined {
  try {
    const st = statSync(file, { bigint: true });
    if (!st.isFile()) return undefined;
    const last = st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs;
    return { id: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`, stable: last + STABLE_AFTER_NS < nowNs };
  } catch {
    return undefined;
  }
}

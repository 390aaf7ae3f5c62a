/**
 * Reading claim files safely, shared by the CLI and the language server's workspace audit:
 * only regular files, only below a folder (after resolving symlinks), at most the file-size
 * limit, UTF-8 with invalid bytes said.
 */
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { LIMITS } from '../core/lite';
import { FileReadError, READ_LIMITS, readBounded } from './boundedRead';

/** True when `file`, symlinks resolved, is `root` (a realpath) or below it. */
export function isWithin(root: string, file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return false;
  }
  return real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** A folder's realpath, or undefined when it does not exist. */
export function realFolder(folder: string): string | undefined {
  try {
    return realpathSync(folder);
  } catch {
    return undefined;
  }
}

export type ReadResult = { text: string; invalidUtf8: boolean } | { skip: string };
export type BytesResult = { bytes: Buffer } | { skip: string };

/**
 * A claim file's text: regular files only (a FIFO, a device such as /dev/zero or a folder
 * is skipped), at most LIMITS.MAX_FILE_BYTES, decoded as UTF-8 with invalid bytes replaced
 * and said so. A BOM stays in the text, so a fix writes it back.
 */
export function readClaimFile(file: string): ReadResult {
  const read = readClaimBytes(file);
  return 'skip' in read ? read : decodeClaimBytes(read.bytes);
}

/** A claim file's bytes, with readClaimFile's checks (the CLI's --cache hashes them without decoding). */
export function readClaimBytes(file: string): BytesResult {
  try {
    return { bytes: readBounded(file, READ_LIMITS.claimFile) };
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    if (err.code === 'ENOTREG') return { skip: 'not a regular file; skipped' };
    if (err.code === 'EFBIG') return { skip: `larger than ${LIMITS.MAX_FILE_BYTES / 1024 / 1024} MB, claimlint's limit; skipped` };
    throw err;
  }
}

/** A claim file's bytes as text: UTF-8, invalid bytes read as U+FFFD (and said so), a BOM kept. */
export function decodeClaimBytes(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), invalidUtf8: !isUtf8(bytes) };
}

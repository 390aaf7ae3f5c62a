/**
 * The one way claimlint reads a file from disk: regular files only (a FIFO, a device such as
 * /dev/zero, a socket or a folder is refused, also behind a symbolic link), the type and size
 * checked on the open descriptor before reading, and never more than the caller's limit
 * (a file that grows while it is read, or a /proc file whose size says 0, still stops at the
 * limit). Opening does not block: a FIFO swapped in after the check is opened non-blocking
 * and refused by fstat. Errors name the file's kind or size, never its content.
 *
 * The limits (READ_LIMITS) are listed in docs/limits.md.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { LIMITS } from '../core/lite';

const MAX_FILE_BYTES = LIMITS.MAX_FILE_BYTES;

const MB = 1024 * 1024;

/** Bytes claimlint reads from one file, by kind of file. */
export const READ_LIMITS = {
  /** A claim file (CLI, workspace audit): also the limit of what `claimlint import` writes. */
  claimFile: MAX_FILE_BYTES,
  /** A .claimlintrc.* config file. */
  config: 1 * MB,
  /** A `claimlint import --map` mapping file. */
  mapping: 1 * MB,
  /** A FHIR or CSV input of `claimlint import` (parsed whole). */
  importWhole: MAX_FILE_BYTES,
  /** An 837 input of `claimlint import` (streamed in 1 MB chunks). */
  import837: 1024 * MB,
  /** A CMS file (zip, text, CSV, xlsx) given to `claimlint data import`. */
  dataInput: 512 * MB,
  /** A data pack's manifest.json. */
  packManifest: 1 * MB,
  /** One table file of a data pack. */
  packTable: 256 * MB,
  /** The CLI's --cache file. */
  cache: 256 * MB,
} as const;

/** Why a file was not read; `message` names the kind or size, never the content. */
export class FileReadError extends Error {
  constructor(
    /** An errno code (ENOENT, EACCES, …), or ENOTREG (not a regular file) or EFBIG (over the limit). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function mb(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} bytes`;
}

function tooBig(limit: number): FileReadError {
  return new FileReadError('EFBIG', `larger than ${mb(limit)}, claimlint's limit for this file`);
}

function notRegular(st: Stats): FileReadError {
  return new FileReadError('ENOTREG', `${fileKind(st)}, not a regular file`);
}

function fsError(err: unknown): FileReadError {
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileReadError(code, `cannot read (${code})`);
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Opens a regular file for reading, checked by stat before the open and fstat after it.
 * Returns the descriptor and size; throws FileReadError. The caller closes it.
 */
export function openRegular(path: string, limit: number): { fd: number; size: number } {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    throw fsError(err);
  }
  if (!st.isFile()) throw notRegular(st);
  if (st.size > limit) throw tooBig(limit);
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw fsError(err);
  }
  try {
    const fst = fstatSync(fd);
    if (!fst.isFile()) throw notRegular(fst);
    if (fst.size > limit) throw tooBig(limit);
    return { fd, size: fst.size };
  } catch (err) {
    closeSync(fd);
    throw err instanceof FileReadError ? err : fsError(err);
  }
}

/** A whole regular file of at most `limit` bytes; throws FileReadError. */
export function readBounded(path: string, limit: number): Buffer {
  const { fd, size } = openRegular(path, limit);
  try {
    // Read up to limit + 1 bytes whatever the size said, to catch a file that grows.
    let buf = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(size + 1, 64 * 1024)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > limit) throw tooBig(limit);
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (err) {
        throw fsError(err);
      }
      if (got === 0) break;
      n += got;
    }
    if (n > limit) throw tooBig(limit);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** A whole regular file as UTF-8 text (invalid bytes replaced), at most `limit` bytes; throws FileReadError. */
export function readBoundedText(path: string, limit: number): string {
  return readBounded(path, limit).toString('utf8');
}

/** readBoundedText, or undefined when the file does not exist; other problems throw FileReadError. */
export function readBoundedTextIfExists(path: string, limit: number): string | undefined {
  try {
    return readBoundedText(path, limit);
  } catch (err) {
    if (err instanceof FileReadError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return undefined;
    throw err;
  }
}

/**
 * A .claimlintrc.* file for the config lookup: its text, undefined when there is none, or
 * why an existing one is not read (a device, a FIFO, a folder, larger than the limit).
 */
export function readConfigFile(path: string): string | undefined | { unreadable: string } {
  try {
    return readBoundedTextIfExists(path, READ_LIMITS.config);
  } catch (err) {
    return { unreadable: err instanceof FileReadError ? err.message : 'cannot be read' };
  }
}

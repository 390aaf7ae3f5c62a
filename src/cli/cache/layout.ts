/**
 * The `--cache` file's layout: one line, the head (signed JSON, ./mac.ts), then the stored
 * parts back to back — each file's findings, claims and cross-claim findings as JSON, and
 * the last run's report as it was written. The head says where each part is and its
 * SHA-256, so a run reads the head and then only the parts it uses, each checked against
 * its digest: a re-run whose report is remembered reads one part and parses no finding.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { openRegular } from '../../node/boundedRead';
import { sha256 } from './keys';

/** Where a part is: its offset and length in bytes after the head's line, and the SHA-256 of those bytes. */
export type PartRef = [offset: number, length: number, sha256: string];

const HEAD_CHUNK = 64 * 1024;

export function isPartRef(v: unknown): v is PartRef {
  return Array.isArray(v) && v.length === 3 && Number.isSafeInteger(v[0]) && v[0] >= 0 && Number.isSafeInteger(v[1]) && v[1] >= 0 && typeof v[2] === 'string' && /^[0-9a-f]{64}$/.test(v[2]);
}

/** Reads parts of an open cache file; a part is given only when its bytes match its digest. */
export class PartReader {
  constructor(
    private fd: number,
    private readonly base: number,
    private readonly size: number,
  ) {}

  read(ref: PartRef): Buffer | undefined {
    const [offset, length, digest] = ref;
    if (this.fd < 0 || this.base + offset + length > this.size) return undefined;
    const bytes = Buffer.allocUnsafe(length);
    try {
      for (let n = 0; n < length; ) {
        const got = readSync(this.fd, bytes, n, length - n, this.base + offset + n);
        if (got === 0) return undefined;
        n += got;
      }
    } catch {
      return undefined;
    }
    return sha256(bytes) === digest ? bytes : undefined;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * The head's text and a reader of the parts after it (open until closed), or undefined when
 * the file is not a regular file of at most `limit` bytes or has no head line; throws FileReadError.
 */
export function openCacheFile(path: string, limit: number): { head: string; parts: PartReader } | undefined {
  const { fd, size } = openRegular(path, limit);
  try {
    const chunks: Buffer[] = [];
    let read = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(HEAD_CHUNK, Math.max(1, size - read)));
      const got = readSync(fd, chunk, 0, chunk.length, read);
      if (got === 0) {
        closeSync(fd);
        return undefined;
      }
      const nl = chunk.subarray(0, got).indexOf(0x0a);
      if (nl >= 0) {
        chunks.push(chunk.subarray(0, nl));
        const head = Buffer.concat(chunks).toString('utf8');
        return { head, parts: new PartReader(fd, read + nl + 1, size) };
      }
      chunks.push(chunk.subarray(0, got));
      read += got;
      if (read >= size) {
        closeSync(fd);
        return undefined;
      }
    }
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** Collects the parts of a cache file being written, giving each its PartRef. */
export class PartWriter {
  readonly chunks: Buffer[] = [];
  private at = 0;

  add(bytes: Buffer): PartRef {
    const ref: PartRef = [this.at, bytes.length, sha256(bytes)];
    this.chunks.push(bytes);
    this.at += bytes.length;
    return ref;
  }

  addJson(value: unknown): PartRef {
    return this.add(Buffer.from(JSON.stringify(value)));
  }

  /** Bytes of the parts so far. */
  get size(): number {
    return this.at;
  }
}

/** Writes a new file (never an existing one): the signed head's line, then the parts. */
export function writeCacheFile(path: string, signedHead: string, parts: readonly Buffer[]): void {
  const fd = openSync(path, 'wx');
  try {
    for (const bytes of [Buffer.from(signedHead + '\n'), ...parts]) {
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
}

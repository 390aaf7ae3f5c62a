/**
 * 835 remittance files in a workspace folder, for the language server's payer decisions
 * (issue 27): candidates by name (REMIT_CANDIDATE_GLOBS: .835, .era, .edi, .x12, .txt, any
 * case), below the folder after resolving symlinks, not in the ignored folders of the claim
 * discovery (node_modules, .git); then told by content — the first 4 KB must be an X12
 * interchange holding an 835 (ISA … ST*835) — and read whole through the bounded reader.
 */
import { closeSync, readSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { IGNORED_FOLDERS, REMIT_CANDIDATE_GLOBS } from '../protocol';
import { FileReadError, openRegular, READ_LIMITS, readBoundedText } from './boundedRead';
import { isWithin, realFolder } from './claimFileAccess';

/** What is read of each candidate to tell an 835 (the CLI's `claimlint remit` reads as much). */
export const REMIT_HEAD_BYTES = 4096;
/** Candidates looked at in one folder at most (a folder of 100,000 text files is not read to find 835s). */
export const MAX_REMIT_CANDIDATES = 5000;

export interface RemitCandidates {
  files: string[];
  /** More candidates than MAX_REMIT_CANDIDATES: the rest were not looked at. */
  capped: boolean;
}

/** Candidate 835 files below `folder` (absolute paths, sorted). */
export async function remitCandidates(folder: string): Promise<RemitCandidates> {
  const root = realFolder(folder);
  if (!root) return { files: [], capped: false };
  const found = await glob([...REMIT_CANDIDATE_GLOBS], { cwd: folder, absolute: true, ignore: [...IGNORED_FOLDERS], dot: false, caseSensitiveMatch: false });
  const files = found.filter((f) => isWithin(root, f)).sort();
  return { files: files.slice(0, MAX_REMIT_CANDIDATES), capped: files.length > MAX_REMIT_CANDIDATES };
}

/** The first bytes of a regular file of any size as latin1 text; throws FileReadError. */
export function readHead(path: string, bytes = REMIT_HEAD_BYTES): string {
  const { fd } = openRegular(path, Number.MAX_SAFE_INTEGER);
  try {
    const buf = Buffer.alloc(bytes);
    let n: number;
    try {
      n = readSync(fd, buf, 0, bytes, 0);
    } catch (err) {
      throw new FileReadError((err as NodeJS.ErrnoException).code ?? 'EIO', 'cannot read');
    }
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export type RemitRead = { text: string } | { notRemit: true } | { skip: string };

/**
 * A candidate read: its whole text when its head is an 835 (`is835`, the importers'
 * looksLike835), `notRemit` when it is some other file or its head cannot be read (a folder,
 * a FIFO, gone: nothing says it is an 835), or why an 835 was not read (its size or kind,
 * never its content).
 */
export function readRemitFile(path: string, is835: (head: string) => boolean): RemitRead {
  let head: string;
  try {
    head = readHead(path);
  } catch {
    return { notRemit: true };
  }
  if (!is835(head)) return { notRemit: true };
  try {
    return { text: readBoundedText(path, READ_LIMITS.importWhole) };
  } catch (err) {
    if (err instanceof FileReadError && (err.code === 'ENOENT' || err.code === 'ENOTDIR')) return { notRemit: true };
    return { skip: err instanceof FileReadError ? err.message : 'cannot be read' };
  }
}

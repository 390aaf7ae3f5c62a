/**
 * Which files `claimlint import` may read and write. Paths are compared as files, not as
 * strings: device and inode, after following symbolic links, so `-o d/in.csv` where `d`
 * links to `.`, an input given through a symbolic link or a hard link, and `-o` naming the
 * `--map` file are all recognised as the same file.
 */
import { lstatSync, statSync, type Stats } from 'node:fs';
import { fileKind } from '../../node/boundedRead';

/** A file's identity: device and inode. */
export interface FileId {
  dev: number;
  ino: number;
}

/** The identity of a regular file (symbolic links followed), or why it cannot be read: an errno code or a description. */
export function regularFile(path: string): FileId | string {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'error';
  }
  if (!st.isFile()) return `${fileKind(st)}, not a regular file`;
  return { dev: st.dev, ino: st.ino };
}

/**
 * Why `-o target` must not be written, or undefined when it may: the output is a new name,
 * or (with `force`) an existing regular file that is none of the sources. A symbolic link,
 * a folder, a device or a FIFO is never replaced.
 */
export function outputProblem(target: string, sources: FileId[], force: boolean, command = 'claimlint import'): string | undefined {
  let link: Stats;
  try {
    link = lstatSync(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : `cannot write the output (${code ?? 'error'})`;
  }
  let st: Stats = link;
  if (link.isSymbolicLink()) {
    try {
      st = statSync(target);
    } catch {
      return 'the output is a symbolic link to nothing; name a new file';
    }
  }
  if (sources.some((s) => s.dev === st.dev && s.ino === st.ino)) return 'the output is one of the input or mapping files: a source is never overwritten';
  if (link.isSymbolicLink()) return 'the output is a symbolic link; name the file itself or a new file';
  if (!st.isFile()) return `the output is ${fileKind(st)}; name a new file or an existing claim file`;
  if (!force) return `the output file already exists; ${command} does not replace it (edits made to it would be lost): name a new file, or pass --force to replace it`;
  return undefined;
}

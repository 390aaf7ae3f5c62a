/**
 * Where `claimlint import` writes: a file (through a temporary file in the same folder,
 * renamed over the target only when the whole import succeeded) or standard output
 * (held back until success). On failure nothing is written.
 *
 * The temporary file holds patient data, so it never outlives the run: it is removed on
 * failure, on SIGINT/SIGTERM/SIGHUP (then the process exits 128 + the signal number), and
 * on any other exit of the process (an uncaught error). What no handler can catch (SIGKILL,
 * V8 running out of memory, a power cut) leaves it behind; the next import into the same
 * folder removes such files of ours: `.<name>.<pid>.<time>.tmp` whose process is gone.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { READ_LIMITS } from '../../node/boundedRead';

const FLUSH_AT = 1 << 20;
/** What one import may write: a claim file larger than this could not be audited (docs/limits.md). */
const MAX_OUTPUT_BYTES = READ_LIMITS.claimFile;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** Our temporary files: `.<target name>.<pid>.<base-36 time>.tmp`. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-z]{6,})\.tmp$/;

function tempName(target: string, n = 0): string {
  return `.${basename(target)}.${process.pid}.${(Date.now() + n).toString(36)}.tmp`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an earlier import into `dir` left behind when it was killed:
 * regular files named like ours whose process no longer runs. Returns how many.
 */
export function removeStaleTemps(dir: string): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || alive(pid)) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      unlinkSync(path);
      removed++;
    } catch {
      /* gone meanwhile, or not ours to remove */
    }
  }
  return removed;
}

/** An error writing the output (not reading an input): the message names the output. */
export class OutputError extends Error {
  readonly code: string;
  constructor(code: string);
  constructor(message: string, code: string);
  constructor(a: string, b?: string) {
    super(b === undefined ? `cannot write the output (${a})` : a);
    this.code = b ?? a;
  }
}

/** An fs error of the output as an OutputError; anything else (a bug) as it is. */
function asOutputError(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return err instanceof OutputError || typeof code !== 'string' ? err : new OutputError(code);
}

export class ImportOutput {
  private parts: string[] = [];
  private size = 0;
  private bytes = 0;
  private fd: number | undefined;
  private temp: string | undefined;
  /** The head written first (the header comment), which commit may replace. */
  private head = '';
  private readonly onExit = () => this.abort();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.abort();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };

  /**
   * `replace`: the target may exist (--force); otherwise a target that appears during the run
   * is not replaced (commit throws EEXIST). Throws (an fs error) when the temporary file
   * cannot be created.
   */
  constructor(
    private readonly target?: string,
    private readonly replace = false,
  ) {
    if (target) {
      removeStaleTemps(dirname(target));
      this.temp = join(dirname(target), tempName(target));
      this.fd = openSync(this.temp, 'wx+');
      process.on('exit', this.onExit);
      for (const s of SIGNALS) process.on(s, this.onSignal);
    }
  }

  /** The start of the output (the header comment); `commit(head)` may replace it. */
  writeHead(text: string): void {
    if (this.parts.length || this.size) throw new Error('writeHead: the head comes first');
    this.head = text;
    this.write(text);
  }

  write(text: string): void {
    this.bytes += Buffer.byteLength(text);
    if (this.bytes > MAX_OUTPUT_BYTES) throw new OutputError(`the claims make a file larger than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB, which claimlint cannot audit; import fewer files at a time`, 'EFBIG');
    this.parts.push(text);
    this.size += text.length;
    if (this.fd !== undefined && this.size >= FLUSH_AT) this.flush();
  }

  /**
   * Makes the output visible: renames the temporary file, or prints what was held back.
   * `head`: the head to write instead of the one written first (what the import learnt only
   * at its end, e.g. the lines it left out); the body is then copied after it.
   */
  commit(head?: string): void {
    const replaceHead = head !== undefined && head !== this.head;
    if (this.fd === undefined) {
      const text = this.parts.join('');
      process.stdout.write(replaceHead ? head + text.slice(this.head.length) : text);
      this.parts = [];
      return;
    }
    try {
      this.flush();
      if (replaceHead) this.rewriteHead(head);
      closeSync(this.fd);
      this.fd = undefined;
      if (!this.replace && existsSync(this.target!)) throw new OutputError('EEXIST: it appeared during the import');
      renameSync(this.temp!, this.target!);
      this.release();
    } catch (err) {
      this.abort();
      throw asOutputError(err);
    }
  }

  /** Drops everything: removes the temporary file. */
  abort(): void {
    this.parts = [];
    if (this.temp === undefined) return;
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temp);
    } catch {
      /* never created or already gone */
    }
    this.release();
  }

  private release(): void {
    process.off('exit', this.onExit);
    for (const s of SIGNALS) process.off(s, this.onSignal);
  }

  /** A new temporary file: `head`, then the body of the current one (streamed, 1 MB at a time). */
  private rewriteHead(head: string): void {
    const old = this.temp!;
    const fresh = join(dirname(this.target!), tempName(this.target!, 1));
    const out = openSync(fresh, 'wx');
    this.temp = fresh; // from here on, abort() removes the new file; the old one is removed below
    try {
      writeSync(out, head);
      const buf = Buffer.alloc(FLUSH_AT);
      let pos = Buffer.byteLength(this.head);
      for (;;) {
        const n = readSync(this.fd!, buf, 0, buf.length, pos);
        if (n === 0) break;
        writeSync(out, buf, 0, n);
        pos += n;
      }
    } finally {
      closeSync(this.fd!);
      this.fd = out;
      unlinkSync(old);
    }
  }

  private flush(): void {
    if (this.fd === undefined || !this.parts.length) return;
    try {
      writeSync(this.fd, this.parts.join(''));
    } catch (err) {
      throw asOutputError(err);
    }
    this.parts = [];
    this.size = 0;
  }
}

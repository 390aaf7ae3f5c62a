/**
 * Where `claimlint import` writes: a file (through a temporary file in the same folder,
 * renamed over the target only when the whole import succeeded) or standard output
 * (held back until success). On failure nothing is written.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const FLUSH_AT = 1 << 20;

export class ImportOutput {
  private parts: string[] = [];
  private size = 0;
  private fd: number | undefined;
  private readonly temp: string | undefined;

  /** Throws (an fs error) when the temporary file cannot be created. */
  constructor(private readonly target?: string) {
    if (target) {
      this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
      this.fd = openSync(this.temp, 'wx');
    }
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.fd !== undefined && this.size >= FLUSH_AT) this.flush();
  }

  /** Makes the output visible: renames the temporary file, or prints what was held back. */
  commit(): void {
    if (this.fd === undefined) {
      process.stdout.write(this.parts.join(''));
      this.parts = [];
      return;
    }
    try {
      this.flush();
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temp!, this.target!);
    } catch (err) {
      this.abort();
      throw err;
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
  }

  private flush(): void {
    if (this.fd === undefined || !this.parts.length) return;
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

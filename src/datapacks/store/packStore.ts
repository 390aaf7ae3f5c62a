/**
 * Reading data packs from disk for the CLI and the language server. A pack folder is read
 * once and kept until its manifest changes (size or modification time); the reference
 * data built from a list of packs is kept per list. A pack that fails to load is reported
 * by path and problem, and the audit goes on with the packs that did load.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadPack, MANIFEST_FILE, PackError, type LoadedPack } from '../../core/packs';
import { BUILTIN_DATA, ReferenceData } from '../../core';
import { FileReadError, READ_LIMITS, readBoundedTextIfExists } from '../../node/boundedRead';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads one pack folder through the bounded reader; throws PackError (naming the file, never its content). */
export function readPackDir(dir: string): LoadedPack {
  const read = (file: string): string | undefined => {
    try {
      return readBoundedTextIfExists(join(dir, file), file === MANIFEST_FILE ? READ_LIMITS.packManifest : READ_LIMITS.packTable);
    } catch (err) {
      throw new PackError(dir, file, err instanceof FileReadError ? err.message : 'cannot be read');
    }
  };
  return loadPack(dir, read, sha256);
}

export interface PackData {
  data: ReferenceData;
  /** One line per pack that could not be used: "<dir>: <file>: <problem>". */
  errors: string[];
}

export class PackStore {
  private readonly packs = new Map<string, { stamp: string; pack?: LoadedPack; error?: string }>();
  private readonly datas = new Map<string, ReferenceData>();

  /** Reference data for pack folders (absolute, in overlay order); the built-in data when none. */
  dataFor(dirs: readonly string[] | undefined): PackData {
    if (!dirs?.length) return { data: BUILTIN_DATA, errors: [] };
    const loaded: LoadedPack[] = [];
    const errors: string[] = [];
    const stamps: string[] = [];
    for (const raw of dirs) {
      const dir = resolve(raw);
      const entry = this.entry(dir);
      stamps.push(`${dir}@${entry.stamp}`);
      if (entry.pack) loaded.push(entry.pack);
      else errors.push(entry.error ?? `${dir}: cannot be read`);
    }
    const key = stamps.join('|');
    let data = this.datas.get(key);
    if (!data) {
      data = new ReferenceData(loaded);
      if (this.datas.size > 16) this.datas.clear();
      this.datas.set(key, data);
    }
    return { data, errors };
  }

  clear(): void {
    this.packs.clear();
    this.datas.clear();
  }

  private entry(dir: string): { stamp: string; pack?: LoadedPack; error?: string } {
    let stamp: string;
    try {
      const st = statSync(join(dir, MANIFEST_FILE));
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      stamp = 'missing';
    }
    const hit = this.packs.get(dir);
    if (hit && hit.stamp === stamp) return hit;
    let entry: { stamp: string; pack?: LoadedPack; error?: string };
    try {
      entry = { stamp, pack: readPackDir(dir) };
    } catch (err) {
      entry = { stamp, error: err instanceof PackError ? err.message : `${dir}: ${(err as Error).message}` };
    }
    this.packs.set(dir, entry);
    return entry;
  }
}

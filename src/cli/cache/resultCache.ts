/**
 * `claimlint --cache` (like ESLint's): the findings of each file are kept in one JSON file,
 * by default `.claimlintcache` in the current folder, and read back instead of auditing
 * again when nothing they depend on changed. An entry is used only when all of these match:
 * the file's content (SHA-256), the effective config (from the config file found by lookup
 * or --config) with the data packs' files (each pack file's SHA-256, packsKey), and the
 * claimlint that wrote it (version and the size and time of its bundles). The cache also
 * remembers what the config reader said about each config text, so a run whose files all
 * hit finds, keys and reports without loading the engine (../lazyEngine.ts). Anything
 * unreadable, of another version or of the wrong shape counts as no cache at all: the run
 * audits and writes a fresh one. The cache file is only ever read
 * or written inside the current folder, never through a symlink, and written whole (a
 * temporary file renamed over it), so an interrupted run cannot leave half a cache.
 */
import { existsSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { FilePatientClaims, LocatedFinding } from '../../core/lite';
import type { ConfigReader, ReadConfig } from '../config';
import { FORMAT, FORMAT_VERSION, isSymlink, readCacheFile, type CacheFile, type Entry } from './format';
import { sha256 } from './keys';
import { cacheMacKey, signCacheText } from './mac';
import type { FileStamp } from './stamp';

/** Config files remembered (what the reader said about each text); the oldest go first. */
const MAX_CONFIGS = 256;

export class ResultCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private configs: CacheFile['configs'] = Object.create(null) as CacheFile['configs'];
  private changed = false;
  private readonly key: Buffer;
  hits = 0;
  misses = 0;

  /** Reads the cache at `path`; a missing, unreadable or foreign file is an empty cache. */
  constructor(
    readonly path: string,
    private readonly claimlint: string,
  ) {
    this.key = cacheMacKey(path);
    const read = readCacheFile(path, this.key);
    if (read && read.claimlint === claimlint) {
      this.entries = read.entries;
      this.configs = read.configs;
    } else this.changed = existsSync(path);
  }

  /**
   * A config reader answering from the cache what `fresh()` (the schema's reader, loaded on
   * first use) said about the same text before, and remembering what it says now.
   */
  configReader(fresh: () => ConfigReader): ConfigReader {
    const remember = <T extends CacheFile['configs'][string]>(key: string, make: () => T): T => {
      const hit = Object.hasOwn(this.configs, key) ? this.configs[key] : undefined;
      if (hit) return hit as T;
      const made = make();
      const keys = Object.keys(this.configs);
      if (keys.length >= MAX_CONFIGS) delete this.configs[keys[0]];
      this.configs[key] = made;
      this.changed = true;
      return made;
    };
    return {
      read: (path, text) => remember(sha256(`${path}\u0000${text}`), () => fresh().read(path, text)) as ReadConfig,
      defaults: () => remember('defaults', () => ({ defaults: fresh().defaults() })).defaults,
    };
  }

  /** The cached findings of `file` when its text and config are the ones they were computed for. */
  get(file: string, text: string | Uint8Array, configKey: string, stamp?: FileStamp): LocatedFinding[] | undefined {
    const e = this.entry(file);
    if (e && e.config === this.keyHash(configKey) && e.content === sha256(text)) {
      this.hits++;
      // Settled since it was recorded (or touched, same bytes): the next run need not read it.
      if (stamp?.stable && e.stamp !== stamp.id) {
        e.stamp = stamp.id;
        this.changed = true;
      }
      return e.findings;
    }
    this.misses++;
    return undefined;
  }

  /**
   * The cached entry of `file` when its stamp (taken before reading it) and config are the
   * ones it was recorded with: a hit without reading the file.
   */
  getByStamp(file: string, stamp: FileStamp | undefined, configKey: string): { findings: LocatedFinding[]; utf8: boolean } | undefined {
    const e = this.entry(file);
    if (!stamp?.stable || !e?.stamp || e.stamp !== stamp.id || e.config !== this.keyHash(configKey)) return undefined;
    this.hits++;
    return { findings: e.findings, utf8: e.utf8 !== false };
  }

  /** The claims recorded with `file`'s entry (read after a hit: they belong to the same content). */
  claims(file: string): FilePatientClaims | undefined {
    return this.entry(file)?.claims;
  }

  /** SHA-256 of the content `file`'s entry was recorded for. */
  contentOf(file: string): string | undefined {
    return this.entry(file)?.content;
  }

  /** `file`'s cross-claim findings when recorded under `key` (every claim they depend on unchanged). */
  cross(file: string, key: string): LocatedFinding[] | undefined {
    const f = this.entry(file)?.cross;
    return f && f.key === key ? f.findings : undefined;
  }

  /** Records `file`'s cross-claim findings under `key` (its entry must exist). */
  setCross(file: string, key: string, findings: LocatedFinding[]): void {
    const e = this.entry(file);
    if (!e || e.cross?.key === key) return;
    e.cross = { key, findings };
    this.changed = true;
  }

  /** Records `file`'s findings; `stamp` only when it was taken before reading exactly these bytes. */
  set(file: string, text: string | Uint8Array, configKey: string, findings: LocatedFinding[], stamp?: FileStamp, utf8 = true, claims?: FilePatientClaims): void {
    const entry: Entry = { content: sha256(text), config: this.keyHash(configKey), findings };
    if (claims) entry.claims = claims;
    if (stamp?.stable) entry.stamp = stamp.id;
    if (!utf8) entry.utf8 = false;
    this.entries[file] = entry;
    this.changed = true;
  }

  private entry(file: string): Entry | undefined {
    return Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
  }

  private readonly keyHashes = new Map<string, string>();
  private keyHash(configKey: string): string {
    let h = this.keyHashes.get(configKey);
    if (h === undefined) this.keyHashes.set(configKey, (h = sha256(configKey)));
    return h;
  }

  /** Writes the cache when it changed (entries of files that no longer exist are dropped); an error message when it could not. */
  save(): string | undefined {
    for (const file of Object.keys(this.entries)) {
      if (!existsSync(file)) {
        delete this.entries[file];
        this.changed = true;
      }
    }
    if (!this.changed) return undefined;
    if (isSymlink(this.path)) return `${this.path}: a symlink; the cache is not written through it`;
    const body: CacheFile = { format: FORMAT, version: FORMAT_VERSION, claimlint: this.claimlint, entries: this.entries, configs: this.configs };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, signCacheText(JSON.stringify(body), this.key), { flag: 'wx' });
      renameSync(tmp, this.path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
      return `${this.path}: cannot write the cache (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    }
    return undefined;
  }
}

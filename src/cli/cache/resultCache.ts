/**
 * `claimlint --cache` (like ESLint's): the findings of each file are kept in one file, by
 * default `.claimlintcache` in the current folder, and read back instead of auditing again
 * when nothing they depend on changed. An entry is used only when all of these match: the
 * file's content (SHA-256), the effective config (from the config file found by lookup or
 * --config) with the data packs' files (each pack file's SHA-256, packsKey), and the
 * claimlint that wrote it (version and the size and time of its bundles). The cache also
 * remembers what the config reader said about each config text, so a run whose files all
 * hit finds, keys and reports without loading the engine (../lazyEngine.ts), and the last
 * run's report as written, under the key of everything it was made of (./reportKey.ts): a
 * re-run with nothing changed writes it again without reading a finding. Anything
 * unreadable, of another version or of the wrong shape counts as no cache at all: the run
 * audits and writes a fresh one. The cache file is only ever read or written inside the
 * current folder, never through a symlink, and written whole (a temporary file renamed over
 * it), so an interrupted run cannot leave half a cache. The file's layout: ./layout.ts.
 */
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import type { FilePatientClaims, LocatedFinding } from '../../core/lite';
import type { ConfigReader, ReadConfig } from '../config';
import { FORMAT, FORMAT_VERSION, isSymlink, MAX_CACHE_BYTES, parseClaims, parseFindings, readCacheFile, type CacheHead, type EntryHead, type ReportHead } from './format';
import { sha256 } from './keys';
import { PartWriter, writeCacheFile, type PartReader, type PartRef } from './layout';
import { cacheMacKey, signCacheText } from './mac';
import type { FileStamp } from './stamp';

/** Config files remembered (what the reader said about each text); the oldest go first. */
const MAX_CONFIGS = 256;
/** A report larger than this is not remembered (the cache would grow past what is read back). */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** A stored part: its place in the file read, its bytes once read, and its value once parsed (null: unusable). */
interface Part<T> {
  ref?: PartRef;
  bytes?: Buffer;
  value?: T | null;
}

interface Entry {
  content: string;
  stamp?: string;
  utf8?: boolean;
  config: string;
  shown?: string;
  findings: Part<LocatedFinding[]>;
  claims?: Part<FilePatientClaims>;
  cross?: { key: string; findings: Part<LocatedFinding[]> };
}

/** A remembered report: its text and what the exit code is made of. */
export interface StoredReport {
  text: Buffer;
  errors: number;
  warnings: number;
}

export class ResultCache {
  private entries: Record<string, Entry> = Object.create(null) as Record<string, Entry>;
  private configs: CacheHead['configs'] = Object.create(null) as CacheHead['configs'];
  private stored?: { key: string; part: Part<Buffer>; errors: number; warnings: number };
  private parts?: PartReader;
  private changed = false;
  private readonly key: Buffer;
  hits = 0;
  misses = 0;

  /** Reads the cache's head at `path`; a missing, unreadable or foreign file is an empty cache. */
  constructor(
    readonly path: string,
    private readonly claimlint: string,
  ) {
    this.key = cacheMacKey(path);
    const read = readCacheFile(path, this.key);
    if (read && read.head.claimlint === claimlint) {
      this.parts = read.parts;
      for (const [file, e] of Object.entries(read.head.entries)) this.entries[file] = fromHead(e);
      this.configs = read.head.configs;
      const r = read.head.report;
      if (r) this.stored = { key: r.key, part: { ref: r.text }, errors: r.errors, warnings: r.warnings };
    } else {
      read?.parts.close();
      this.changed = existsSync(path);
    }
  }

  /**
   * A config reader answering from the cache what `fresh()` (the schema's reader, loaded on
   * first use) said about the same text before, and remembering what it says now.
   */
  configReader(fresh: () => ConfigReader): ConfigReader {
    const remember = <T extends CacheHead['configs'][string]>(key: string, make: () => T): T => {
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
    const findings = e && e.config === this.keyHash(configKey) && e.content === sha256(text) ? this.value(e.findings, parseFindings) : undefined;
    if (!findings) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Settled since it was recorded (or touched, same bytes): the next run need not read it.
    if (stamp?.stable && e!.stamp !== stamp.id) {
      e!.stamp = stamp.id;
      this.changed = true;
    }
    return findings;
  }

  /**
   * Whether `file`'s entry was recorded with its stamp (taken before reading it) and config:
   * a hit without reading the file. Its findings and claims are read on first use
   * (findings(), claims()); usable() says whether they can be.
   */
  getByStamp(file: string, stamp: FileStamp | undefined, configKey: string): { utf8: boolean } | undefined {
    const e = this.entry(file);
    if (!stamp?.stable || !e?.stamp || e.stamp !== stamp.id || e.config !== this.keyHash(configKey)) return undefined;
    this.hits++;
    return { utf8: e.utf8 !== false };
  }

  /** The findings of `file`'s entry (after a hit), or undefined when they cannot be read. */
  findings(file: string): LocatedFinding[] | undefined {
    const e = this.entry(file);
    return e && this.value(e.findings, parseFindings);
  }

  /** The claims recorded with `file`'s entry (read after a hit: they belong to the same content). */
  claims(file: string): FilePatientClaims | undefined {
    const e = this.entry(file);
    return e?.claims && this.value(e.claims, parseClaims);
  }

  /** The file as the reports named it when `file`'s entry was recorded. */
  shownOf(file: string): string | undefined {
    const e = this.entry(file);
    return e?.shown ?? (e?.claims && this.value(e.claims, parseClaims))?.file;
  }

  /** Whether the findings and claims of `file`'s entry can be read (their parts intact and of the right shape). */
  usable(file: string): boolean {
    return this.findings(file) !== undefined && this.claims(file) !== undefined;
  }

  /** Drops `file`'s entry (it is audited again). */
  forget(file: string): void {
    if (!this.entry(file)) return;
    delete this.entries[file];
    this.changed = true;
  }

  /** SHA-256 of the content `file`'s entry was recorded for. */
  contentOf(file: string): string | undefined {
    return this.entry(file)?.content;
  }

  /** `file`'s cross-claim findings when recorded under `key` (every claim they depend on unchanged). */
  cross(file: string, key: string): LocatedFinding[] | undefined {
    const f = this.entry(file)?.cross;
    return f && f.key === key ? this.value(f.findings, parseFindings) : undefined;
  }

  /** Records `file`'s cross-claim findings under `key` (its entry must exist). */
  setCross(file: string, key: string, findings: LocatedFinding[]): void {
    const e = this.entry(file);
    if (!e || (e.cross?.key === key && this.value(e.cross.findings, parseFindings))) return;
    e.cross = { key, findings: { value: findings } };
    this.changed = true;
  }

  /** Records `file`'s findings; `stamp` only when it was taken before reading exactly these bytes. */
  set(file: string, text: string | Uint8Array, configKey: string, findings: LocatedFinding[], stamp?: FileStamp, utf8 = true, claims?: FilePatientClaims): void {
    const entry: Entry = { content: sha256(text), config: this.keyHash(configKey), findings: { value: findings } };
    if (claims) {
      entry.claims = { value: claims };
      entry.shown = claims.file;
    }
    if (stamp?.stable) entry.stamp = stamp.id;
    if (!utf8) entry.utf8 = false;
    this.entries[file] = entry;
    this.changed = true;
  }

  /** The report remembered under `key` (./reportKey.ts), when its text can be read. */
  report(key: string): StoredReport | undefined {
    const s = this.stored;
    const text = s && s.key === key ? this.value(s.part, (b) => b) : undefined;
    return text ? { text, errors: s!.errors, warnings: s!.warnings } : undefined;
  }

  /** Remembers the report written under `key` (the previous one is replaced; a very large one is not kept). */
  setReport(key: string, text: readonly Buffer[], errors: number, warnings: number): void {
    if (this.stored?.key === key) return;
    const bytes = text.reduce((n, b) => n + b.length, 0);
    this.stored = bytes <= MAX_REPORT_BYTES ? { key, part: { value: Buffer.concat(text, bytes) }, errors, warnings } : undefined;
    this.changed = true;
  }

  /** Writes the cache when it changed (entries of files that no longer exist are dropped); an error message when it could not. */
  save(): string | undefined {
    for (const file of Object.keys(this.entries)) {
      if (!existsSync(file)) {
        delete this.entries[file];
        this.changed = true;
      }
    }
    if (!this.changed) {
      this.close();
      return undefined;
    }
    if (isSymlink(this.path)) {
      this.close();
      return `${this.path}: a symlink; the cache is not written through it`;
    }
    const parts = new PartWriter();
    const entries = Object.create(null) as Record<string, EntryHead>;
    for (const [file, e] of Object.entries(this.entries)) {
      const head = this.entryHead(e, parts);
      if (head) entries[file] = head;
    }
    let report: ReportHead | undefined;
    const s = this.stored;
    const reportBytes = s && this.bytes(s.part);
    if (s && reportBytes && parts.size + reportBytes.length <= MAX_CACHE_BYTES / 2) report = { key: s.key, text: parts.add(reportBytes), errors: s.errors, warnings: s.warnings };
    this.close();
    const head: CacheHead = { format: FORMAT, version: FORMAT_VERSION, claimlint: this.claimlint, entries, configs: this.configs, report };
    const tmp = `${this.path}.${process.pid}.tmp`;
    try {
      writeCacheFile(tmp, signCacheText(JSON.stringify(head), this.key), parts.chunks);
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

  /** An entry's head for the file being written, its parts added; undefined when its findings cannot be read. */
  private entryHead(e: Entry, parts: PartWriter): EntryHead | undefined {
    const findings = this.bytes(e.findings);
    if (!findings) return undefined;
    const head: EntryHead = { content: e.content, config: e.config, findings: parts.add(findings) };
    if (e.stamp !== undefined) head.stamp = e.stamp;
    if (e.utf8 === false) head.utf8 = false;
    const claims = e.claims && this.bytes(e.claims);
    if (claims) {
      head.claims = parts.add(claims);
      if (e.shown !== undefined) head.shown = e.shown;
    }
    const cross = e.cross && this.bytes(e.cross.findings);
    if (cross) head.cross = { key: e.cross!.key, findings: parts.add(cross) };
    return head;
  }

  /** A part's value: parsed from its bytes on first use; undefined when they are missing, altered or of the wrong shape. */
  private value<T>(part: Part<T>, parse: (bytes: Buffer) => T | undefined): T | undefined {
    if (part.value === undefined) {
      const bytes = this.bytes(part);
      part.value = (bytes ? parse(bytes) : undefined) ?? null;
    }
    return part.value ?? undefined;
  }

  /** A part's bytes: as read (checked against its digest), or its new value's JSON; undefined when unusable. */
  private bytes(part: Part<unknown>): Buffer | undefined {
    if (part.value === null) return undefined;
    if (!part.bytes && part.ref) part.bytes = this.parts?.read(part.ref);
    else if (!part.bytes && part.value !== undefined) part.bytes = Buffer.isBuffer(part.value) ? part.value : Buffer.from(JSON.stringify(part.value));
    return part.bytes;
  }

  private close(): void {
    this.parts?.close();
    this.parts = undefined;
  }

  private entry(file: string): Entry | undefined {
    return Object.hasOwn(this.entries, file) ? this.entries[file] : undefined;
  }

  private readonly keyHashes = new Map<string, string>();
  /** SHA-256 of a config key (the form entries keep it in). */
  keyHash(configKey: string): string {
    let h = this.keyHashes.get(configKey);
    if (h === undefined) this.keyHashes.set(configKey, (h = sha256(configKey)));
    return h;
  }
}

function fromHead(e: EntryHead): Entry {
  const entry: Entry = { content: e.content, config: e.config, findings: { ref: e.findings } };
  if (e.stamp !== undefined) entry.stamp = e.stamp;
  if (e.utf8 !== undefined) entry.utf8 = e.utf8;
  if (e.shown !== undefined) entry.shown = e.shown;
  if (e.claims) entry.claims = { ref: e.claims };
  if (e.cross) entry.cross = { key: e.cross.key, findings: { ref: e.cross.findings } };
  return entry;
}

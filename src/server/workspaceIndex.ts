/**
 * The workspace's claim files, open and unopened, each kept as its index record
 * (src/node/fileRecord.ts: never its text or parse): found with the CLI's discovery (same
 * globs, same ignored folders, nothing outside a folder), read with the CLI's bounded
 * reading, made into records on the worker threads, then kept up to date file by file —
 * an open document from the analysis the editor already made of it, an unopened one when
 * the client's file watcher says it changed. Nothing is read in Restricted Mode.
 *
 * Every change goes through `sink` (the cross-claim index), which answers with the files
 * whose findings may have changed; the caller republishes those.
 */
import { statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { configKey, type Analysis, type ReferenceData, type ResolvedConfig } from '../core';
import { folderClaimFiles, readClaimFile } from '../node/discovery';
import { isWithin, realFolder } from '../node/claimFileAccess';
import { recordOf, recordOfText, type FileRecord } from '../node/fileRecord';
import type { AuditPool } from '../node/auditPool';
import { uriToPath } from './claimFiles';
import type { DocumentContext } from './documentContext';

/** Where the records go: the cross-claim index. Each call returns the file keys to republish. */
export interface RecordSink {
  set(record: FileRecord, config: ResolvedConfig): string[];
  remove(key: string): string[];
}

export interface IndexDeps {
  folders(): readonly string[];
  /** The document's context (settings, config, whether it is an enabled claim file). */
  context(uri: string): Promise<DocumentContext>;
  /** Open documents are the editor's: their record comes from its analysis, never from disk. */
  isOpen(uri: string): boolean;
  /** False in Restricted Mode: nothing is read from disk. */
  trusted(): boolean;
  pool(): AuditPool | undefined;
  dataFor(config: ResolvedConfig): ReferenceData | undefined;
  sink: RecordSink;
  log(message: string): void;
}

export interface IndexStats {
  files: number;
  claims: number;
  millis: number;
  /** Files left out, by reason (not regular, too large, outside the folder, unreadable). */
  skipped: Map<string, number>;
}

interface Entry {
  record: FileRecord;
  /** Whether the record came from disk (false: from an open document). */
  fromDisk: boolean;
  /** The config it was indexed with (one object per distinct config). */
  config: ResolvedConfig;
  /** The file's modification time and size when it was read (records from disk). */
  stamp?: string;
}

/** Files read and sent to the workers at a time: bounds the texts held at once. */
const READ_BATCH = 64;

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  /** One ResolvedConfig per distinct config: a thousand files under one .claimlintrc share it. */
  private readonly configs = new Map<string, ResolvedConfig>();
  /** Bumped by every rebuild: a rebuild under way stops when a newer one starts. */
  private generation = 0;
  private building?: Promise<IndexStats | undefined>;
  /** The `files` globs of each folder's config, at the last build (the file watcher follows them too). */
  private globs: { folder: string; pattern: string }[] = [];

  constructor(private readonly deps: IndexDeps) {}

  get size(): number {
    return this.entries.size;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  configGlobs(): readonly { folder: string; pattern: string }[] {
    return this.globs;
  }

  record(uri: string): FileRecord | undefined {
    return this.entries.get(uri)?.record;
  }

  /** The current build (or rebuild), if one is running or done. */
  ready(): Promise<IndexStats | undefined> {
    return this.building ?? Promise.resolve(undefined);
  }

  /**
   * Index every claim file of the workspace folders again (start, folders or configs
   * changed). Open documents keep their records (the editor's analysis feeds them); files
   * gone from disk or no longer claim files leave. Resolves with the figures, or undefined
   * when a newer rebuild took over.
   */
  rebuild(): Promise<IndexStats | undefined> {
    const generation = ++this.generation;
    this.building = this.build(generation);
    return this.building;
  }

  private async build(generation: number): Promise<IndexStats | undefined> {
    const started = performance.now();
    const current = (): boolean => generation === this.generation;
    const skipped = new Map<string, number>();
    const skip = (why: string): void => void skipped.set(why, (skipped.get(why) ?? 0) + 1);
    const found = new Map<string, { path: string; label: string }>();
    const globs: { folder: string; pattern: string }[] = [];
    if (this.deps.trusted()) {
      for (const folder of this.deps.folders()) {
        if (!realFolder(folder)) continue;
        const folderCtx = await this.deps.context(pathToFileURL(`${folder}/.claimlint-folder`).toString());
        if (!folderCtx.settings.enable) continue;
        for (const pattern of folderCtx.config.files) globs.push({ folder, pattern });
        let files: { files: string[]; outside: string[] };
        try {
          files = await folderClaimFiles(folder, folderCtx.config.files);
        } catch {
          skip('the folder could not be searched');
          continue;
        }
        for (const _ of files.outside) skip('outside the workspace folder');
        for (const path of files.files) {
          const uri = pathToFileURL(path).toString();
          if (!found.has(uri)) found.set(uri, { path, label: labelOf(folder, path) });
        }
        if (!current()) return undefined;
      }
    }
    this.globs = globs;
    // Records of files no longer found (deleted, no longer claim files, folder removed) leave, except open documents'.
    for (const [uri, entry] of this.entries) if (entry.fromDisk && !found.has(uri)) this.remove(uri);
    const searched = performance.now();
    const todo = [...found].filter(([uri]) => !this.deps.isOpen(uri));
    let reading = 0;
    // The next batch is read while the workers make the records of this one.
    let next = this.readBatch(todo.slice(0, READ_BATCH), skip);
    for (let i = 0; i < todo.length; i += READ_BATCH) {
      const t = performance.now();
      const batch = await next;
      reading += performance.now() - t;
      if (!current()) return undefined;
      const records = this.records(batch, current);
      next = this.readBatch(todo.slice(i + READ_BATCH, i + 2 * READ_BATCH), skip);
      const made = await records;
      if (!made || !current()) return undefined;
      made.forEach((record, k) => {
        // Opened meanwhile: the editor's analysis has (or will have) the record.
        if (!this.deps.isOpen(record.file)) this.put(record, batch[k].config, true, batch[k].stamp);
      });
    }
    let claims = 0;
    for (const e of this.entries.values()) claims += e.record.claimCount;
    const stats: IndexStats = { files: this.entries.size, claims, millis: performance.now() - started, skipped };
    const skips = [...skipped].map(([why, n]) => `; ${n} skipped: ${why}`).join('');
    const split = ` (finding ${(searched - started).toFixed(0)} ms, waiting for settings and reads ${reading.toFixed(0)} ms)`;
    this.deps.log(`workspace index: ${stats.files} claim files, ${claims} claims in ${stats.millis.toFixed(0)} ms${split}${skips}`);
    return stats;
  }

  /** The texts and configs of a batch of files: enabled claim files only, read with the CLI's checks. */
  private async readBatch(files: [string, { path: string; label: string }][], skip: (why: string) => void) {
    const out: { text: string; config: ResolvedConfig; key: string; label: string; stamp: string }[] = [];
    const contexts = await Promise.all(files.map(([uri]) => this.deps.context(uri)));
    files.forEach(([uri, { path, label }], i) => {
      const ctx = contexts[i];
      if (!ctx.active) return;
      const read = readFile(path);
      if ('skip' in read) return skip(read.skip);
      out.push({ text: read.text, config: this.shared(ctx.config), key: uri, label, stamp: read.stamp });
    });
    return out;
  }

  private async records(batch: { text: string; config: ResolvedConfig; key: string; label: string }[], current: () => boolean): Promise<FileRecord[] | undefined> {
    const pool = this.deps.pool();
    if (pool) return pool.records(batch, { help: true, cancelled: () => !current(), data: (c) => this.deps.dataFor(c) });
    const out: FileRecord[] = [];
    for (const job of batch) {
      if (!current()) return undefined;
      out.push(recordOfText(job.text, job.config, this.deps.dataFor(job.config), job.key, job.label));
      // One file per event-loop turn: edits and requests are answered in between.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return out;
  }

  /** An open document was analysed: its record from that analysis (no second parse). Returns the files to republish. */
  analysed(uri: string, analysis: Analysis, config: ResolvedConfig): string[] {
    return this.put(recordOf(analysis, uri, this.labelFor(uri)), this.shared(config), false);
  }

  /**
   * An open document's record made elsewhere from its text (the workers' first audit of a big
   * document: its units' facts, the same record as recordOf its analysis, with `labelFor` as
   * label). Returns the files to republish.
   */
  audited(record: FileRecord, config: ResolvedConfig): string[] {
    return this.put(record, this.shared(config), false);
  }

  /** An open document stopped being a claim file (or auditing was turned off for it). */
  dropped(uri: string): string[] {
    return this.entries.has(uri) ? this.remove(uri) : [];
  }

  /**
   * A document was closed: what is on disk counts again (unsaved edits are gone), or the
   * file leaves the index when it is not a claim file of the workspace.
   */
  closed(uri: string): Promise<string[]> {
    return this.fromDisk(uri);
  }

  /** The client's file watcher: a claim file was created, changed or deleted on disk. */
  async changedOnDisk(uri: string, deleted: boolean): Promise<string[]> {
    if (this.deps.isOpen(uri)) return [];
    if (deleted) return this.entries.has(uri) ? this.remove(uri) : [];
    return this.fromDisk(uri);
  }

  /** Read one unopened file again (or drop it when it no longer belongs). */
  private async fromDisk(uri: string): Promise<string[]> {
    const path = uriToPath(uri);
    const folder = path && this.deps.trusted() ? this.folderOf(path) : undefined;
    const ctx = folder ? await this.deps.context(uri) : undefined;
    if (this.deps.isOpen(uri)) return [];
    if (!path || !folder || !ctx?.active || !isWithin(realFolder(folder) ?? folder, path)) return this.dropped(uri);
    const read = readFile(path);
    if ('skip' in read) return this.dropped(uri);
    const config = this.shared(ctx.config);
    const [record] = (await this.records([{ text: read.text, config, key: uri, label: labelOf(folder, path) }], () => true)) ?? [];
    if (!record || this.deps.isOpen(uri)) return [];
    return this.put(record, config, true, read.stamp);
  }

  /**
   * Make sure these unopened files are indexed as they are on disk now (a command about to
   * read them: the watcher's news may not have arrived yet). Returns the files to republish.
   */
  async sync(uris: readonly string[]): Promise<string[]> {
    await this.ready();
    const changed = new Set<string>();
    for (const uri of uris) {
      if (this.deps.isOpen(uri)) continue;
      const entry = this.entries.get(uri);
      const path = uriToPath(uri);
      if (entry?.fromDisk && path && entry.stamp === stampOf(path)) continue;
      for (const k of await this.fromDisk(uri)) changed.add(k);
    }
    return [...changed];
  }

  private put(record: FileRecord, config: ResolvedConfig, fromDisk: boolean, stamp?: string): string[] {
    this.entries.set(record.file, { record, fromDisk, config, stamp });
    return this.deps.sink.set(record, config);
  }

  private remove(uri: string): string[] {
    this.entries.delete(uri);
    return this.deps.sink.remove(uri);
  }

  private shared(config: ResolvedConfig): ResolvedConfig {
    const key = configKey(config);
    const hit = this.configs.get(key);
    if (hit) return hit;
    this.configs.set(key, config);
    return config;
  }

  private folderOf(path: string): string | undefined {
    return this.deps.folders().find((f) => isBelow(f, path));
  }

  /** How messages name a file of this URI: its path in its workspace folder, else its file name. */
  labelFor(uri: string): string {
    const path = uriToPath(uri);
    const folder = path ? this.folderOf(path) : undefined;
    return path && folder ? labelOf(folder, path) : (path ?? uri).split(sep).pop()!;
  }
}

/** A file's text and its stamp (taken before reading: a change while reading makes the next sync read it again). */
function readFile(path: string): { text: string; stamp: string } | { skip: string } {
  try {
    const stamp = stampOf(path);
    const read = readClaimFile(path);
    return 'skip' in read ? { skip: read.skip.replace(/; skipped$/, '') } : { text: read.text, stamp };
  } catch {
    return { skip: 'unreadable' };
  }
}

function stampOf(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return '';
  }
}

function isBelow(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !/^[a-z]:/i.test(rel) && !rel.startsWith(sep);
}

/** A file's path relative to its workspace folder, with forward slashes (how messages and views name it). */
export function labelOf(folder: string, path: string): string {
  return relative(folder, path).split(sep).join('/');
}

/**
 * Audits on worker threads (./auditWorker.ts), for `claimlint --threads` and for the
 * language server's first audit of a big file. Small files go whole to one worker each; a
 * big file is cut into its units (claims-list items or documents, exactly as the pipeline
 * cuts it), the units are audited in batches on every worker, and their findings are
 * placed back on this thread by the pipeline's own code — so findings and their order are
 * the same as audit()'s. A worker that fails is replaced by an audit on this thread (same
 * result, only slower). Lives outside the core: the core knows nothing of threads.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyze, audit, BUILTIN_DATA, fileClaims, type AuditCache, type AuditOptions, type FilePatientClaims, type LocatedFinding, type ReferenceData, type ResolvedConfig } from '../core';
import { auditUnitText, cutUnits, EarlyPlacements, findingsOfUnits, LineIndex, resultOfUnits, seedUnitResult, type UnitCut, type UnitSummary } from '../core/parallel';
import type { RecordJob, WorkerJob, WorkerReply } from './auditWorker';
import { recordOfText, type FileRecord } from './fileRecord';
import { takePrestarted } from './prestartedWorkers';

import { CHUNK_FILE_BYTES } from './poolSizes';

export { AUTO_MIN_BYTES, CHUNK_FILE_BYTES } from './poolSizes';
/** Text audited on the calling thread first by auditProgressive (about the first 9 claims of a list, 450 lines: the top of the file). */
export const HEAD_BYTES = 16 * 1024;
/**
 * Text per batch of units sent to a worker (about 5 claims). The last batches end at
 * different times on each thread, so the wait at the end is about one batch: on a fresh
 * server (cold code, each batch several times slower than warm) 64 KB batches left the
 * worker idle up to 300 ms at the end of a 3 MB file's first audit while this thread
 * finished its own. Messages cost nothing beside the audit at this size.
 */
const BATCH_BYTES = 16 * 1024;
/** Batches in flight per worker: it starts the next at once while this thread, busy with its own share, has not yet seen the reply. */
const PIPELINE_DEPTH = 4;
/**
 * Batches in flight per worker while this thread audits the head (auditProgressive), when it
 * sees no reply: cold, it takes about as long as a warm worker takes for 25–30 batches, and a
 * worker given PIPELINE_DEPTH sat idle ~60 ms of a 3 MB file's first audit (complete
 * diagnostics, median of 12 fresh servers: 712 → 652 ms). At most half the batches go out
 * this way, so this thread still has its share to take from the end of the queue.
 */
const HEAD_PIPELINE_DEPTH = 48;

/** Batches in flight per worker while a head of a file cut into `batches` is audited here (see HEAD_PIPELINE_DEPTH). */
export function headPipelineDepth(batches: number, workers: number): number {
  return Math.max(PIPELINE_DEPTH, Math.min(HEAD_PIPELINE_DEPTH, Math.ceil(batches / 2 / Math.max(1, workers))));
}
/** Text per message of index records (AuditPool.records): a few claim files. */
const RECORDS_BYTES = 64 * 1024;

export interface PoolOptions {
  /** The worker script (default: auditWorker.js beside this module or bundle). */
  script?: string;
  /** Let the process exit while workers idle (the language server: its connection keeps it alive). */
  unref?: boolean;
}

type Pending = { task: WorkerJob; resolve: (r: WorkerReply) => void; cancelled?: () => boolean; owner?: object };

export interface ProgressHooks {
  /**
   * The findings of the file's first units, audited on the calling thread: every one of them
   * is in the final result (a prefix of the units: duplicate ids are reported on the later
   * claim, directives are read from the whole text). Awaited before the final result.
   */
  head?: (findings: LocatedFinding[], progress: { units: number; of: number }) => void | Promise<void>;
  /** True once the result is no longer wanted: batches not yet started are dropped, and the audit resolves undefined. */
  cancelled?: () => boolean;
  /**
   * After the head, the calling thread audits batches too (from the end of the queue, the
   * workers take them from the front), one per event-loop turn so it still answers
   * messages in between. With cores − 1 workers, every core works and none is shared.
   */
  help?: boolean;
  /**
   * The editor's cache: the head is parsed through it (so is a file of one batch, and a
   * batch a failed worker left to this thread); the other units join it with their results
   * through ProgressiveResult.seed, so the editor's analysis of the text reuses them all.
   */
  cache?: AuditCache;
}

/** A file's findings (and claims for the patient index) audited on the pool. */
export interface ProgressiveResult {
  findings: LocatedFinding[];
  workers: boolean;
  claims?: FilePatientClaims;
  /**
   * Put the units the workers and this thread's batches audited into `hooks.cache`, parsed
   * here with their results, so the editor's analysis of the same text audits nothing again.
   * Call it once the findings are out (parsing takes a moment).
   */
  seed?: () => void;
}

/**
 * Items from..to-1 cut into consecutive runs of about `limit` (each run closes once it
 * holds `limit` or more): the batches of units and the messages of index records.
 */
function runsOfSize(from: number, to: number, sizeOf: (i: number) => number, limit: number): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let size = 0;
  for (let i = from; i < to; i++) {
    if (!runs.length || size >= limit) {
      runs.push({ from: i, to: i });
      size = 0;
    }
    runs[runs.length - 1].to = i + 1;
    size += sizeOf(i);
  }
  return runs;
}

export class AuditPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  /** Each worker's messages posted and not answered yet, in order (up to `depth` batches: see pipelined). */
  private readonly running = new Map<Worker, { id: number; p: Pending }[]>();
  private nextId = 1;
  /** Batches in flight per worker now (see pipelined). */
  private depth = PIPELINE_DEPTH;
  private broken = false;

  constructor(
    readonly size: number,
    options: PoolOptions = {},
  ) {
    const script = options.script ?? join(__dirname, 'auditWorker.js');
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        // The language server's launcher may have started it already (./prestartedWorkers.ts).
        w = takePrestarted(script) ?? new Worker(script);
      } catch {
        this.broken = true;
        break;
      }
      if (options.unref) w.unref();
      else w.ref();
      w.on('message', (reply: WorkerReply) => this.done(w, reply));
      w.on('error', (err) => this.fail(w, err.message));
      w.on('exit', (code) => this.fail(w, `worker exited (${code})`));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** One file, audited whole on a worker. */
  async auditFile(text: string, options: Required<Pick<AuditOptions, 'config'>> & AuditOptions): Promise<LocatedFinding[]> {
    if (text.length >= CHUNK_FILE_BYTES && this.all.length > 1) return (await this.auditChunked(text, options, {}))!.findings;
    const reply = await this.run({ type: 'file', text, config: options.config });
    if ('findings' in reply) return reply.findings;
    return audit(text, options).findings;
  }

  /**
   * One file's findings and its claims for the patient index (`claimlint` checks across
   * claims): a small file in one job (one analysis gives both), a big file's units across
   * the workers, each batch with its claims' facts. Identical to analyze() here.
   */
  async auditFileWithClaims(text: string, options: Required<Pick<AuditOptions, 'config'>> & AuditOptions, claims: { file: string; label?: string }): Promise<{ findings: LocatedFinding[]; claims: FilePatientClaims }> {
    if (text.length >= CHUNK_FILE_BYTES && this.all.length > 1) {
      const r = await this.auditChunked(text, options, {}, claims);
      if (r?.claims) return { findings: r.findings, claims: r.claims };
    }
    const reply = await this.run({ type: 'file', text, config: options.config, claims });
    if ('findings' in reply && reply.claims) return { findings: reply.findings, claims: reply.claims };
    const analysis = analyze(text, options);
    return { findings: analysis.findings, claims: fileClaims(analysis, claims.file, claims.label) };
  }

  /**
   * A big file audited progressively (the language server's first audit of it): the first
   * units — the top of the file, about HEAD_BYTES — are audited on this thread while the
   * workers take the rest, and `hooks.head` gets their findings at once; then the whole
   * file's findings, identical to audit()'s, and with `claims` the file's claims for the
   * patient index, identical to fileClaims of analyze() (each batch brings its claims' facts:
   * no analysis of the whole file here). Undefined when `hooks.cancelled` said so (a newer
   * version, a closed document): batches not yet started are dropped.
   */
  async auditProgressive(
    text: string,
    options: Required<Pick<AuditOptions, 'config'>> & AuditOptions,
    hooks: ProgressHooks,
    claims?: { file: string; label?: string },
  ): Promise<ProgressiveResult | undefined> {
    if (text.length < CHUNK_FILE_BYTES || this.all.length < (hooks.help ? 1 : 2)) return this.auditWhole(text, options, hooks.cancelled ?? (() => false), claims);
    return this.auditChunked(text, options, hooks, claims);
  }

  /** The file whole on one worker (on this thread when no worker could take it); undefined once cancelled. */
  private async auditWhole(
    text: string,
    options: Required<Pick<AuditOptions, 'config'>> & AuditOptions,
    cancelled: () => boolean,
    claims?: { file: string; label?: string },
  ): Promise<{ findings: LocatedFinding[]; workers: boolean; claims?: FilePatientClaims } | undefined> {
    const reply = await this.run({ type: 'file', text, config: options.config, claims }, cancelled);
    if (cancelled()) return undefined;
    if ('findings' in reply && (!claims || reply.claims)) return { findings: reply.findings, workers: true, claims: reply.claims };
    if (!claims) return { findings: audit(text, options).findings, workers: false };
    const analysis = analyze(text, options);
    return { findings: analysis.findings, workers: false, claims: fileClaims(analysis, claims.file, claims.label) };
  }

  /** One big file, its units audited in batches across the workers (the first ones here when `hooks.head` is given). */
  private async auditChunked(
    text: string,
    options: Required<Pick<AuditOptions, 'config'>> & AuditOptions,
    hooks: ProgressHooks,
    claims?: { file: string; label?: string },
  ): Promise<ProgressiveResult | undefined> {
    const cancelled = hooks.cancelled ?? (() => false);
    const docs = cutUnits(text);
    if (!docs) return this.auditWhole(text, options, cancelled, claims);
    const facts = !!claims;
    const units = docs.flatMap((d) => d.units);
    let head = 0;
    if (hooks.head) for (let bytes = 0; head < units.length - 1 && bytes < HEAD_BYTES; head++) bytes += units[head].end - units[head].start;
    const batches = runsOfSize(head, units.length, (i) => units[i].end - units[i].start, BATCH_BYTES);
    const textOf = (u: UnitCut): string => text.slice(u.start, u.end);
    const auditText = (kind: UnitCut['kind'], unitText: string, cache?: AuditCache): UnitSummary => auditUnitText(kind, unitText, options.config, options.data, cache, facts);
    const auditHere = (i: number): UnitSummary => auditText(units[i].kind, textOf(units[i]), hooks.cache);
    // The rest goes to the workers first, so they start (or load) while the head is audited here.
    const owner = {};
    // One batch (say, a document the cut keeps whole): a worker would start up for work this
    // thread does as fast, and the editor's analysis could not reuse its parse.
    const local = hooks.help === true && batches.length <= 1;
    // Each batch's findings are placed in the file as its reply comes in: this thread waits for
    // the workers (or takes its turn between its own batches), and the file's assembly at the
    // end reuses the placements instead of placing every finding after the last batch.
    const lines = new LineIndex(text);
    const early = new EarlyPlacements(text, lines);
    const heading = !local && head > 0 && !!hooks.head;
    if (heading) this.depth = headPipelineDepth(batches.length, this.all.length);
    const replies = (local ? [] : batches).map((b) =>
      this.run({ type: 'units', units: units.slice(b.from, b.to).map((u) => ({ kind: u.kind, text: textOf(u) })), config: options.config, facts }, cancelled, owner).then((reply) => {
        if ('summaries' in reply && !cancelled()) for (let i = b.from; i < b.to; i++) early.place(reply.summaries[i - b.from], units[i]);
        return reply;
      }),
    );
    const summaries: UnitSummary[] = new Array(units.length);
    const placedAt = (i: number) => ({ ...summaries[i], start: units[i].start, prefix: units[i].prefix, document: units[i].document });
    if (head && hooks.head) {
      try {
        for (let i = 0; i < head; i++) summaries[i] = auditHere(i);
        // An item that is not one list item: its document is audited whole, so nothing early.
        if (!cancelled() && !summaries.slice(0, head).some((s) => s.unusable)) {
          for (let i = 0; i < head; i++) early.place(summaries[i], units[i]);
          const placed = summaries.slice(0, head).map((_, i) => placedAt(i));
          await hooks.head(findingsOfUnits(text, options.config, placed, lines, early), { units: head, of: units.length });
        }
      } finally {
        // This thread sees replies again: the batches not yet posted wait for it or a worker's turn.
        if (heading) this.depth = PIPELINE_DEPTH;
      }
    }
    if (local && !cancelled()) for (const b of batches) for (let i = b.from; i < b.to; i++) summaries[i] = auditHere(i);
    while (hooks.help && !cancelled()) {
      const p = this.steal(owner);
      if (!p || p.task.type !== 'units') break;
      // Not through the cache while the workers wait on this thread (fewer survivors for each
      // collection): the batch joins it with the workers' once the findings are out (seed).
      p.resolve({ id: 0, summaries: p.task.units.map((u) => auditText(u.kind, u.text)) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const got = await Promise.all(replies);
    if (cancelled()) return undefined;
    got.forEach((reply, b) => {
      const { from, to } = batches[b];
      for (let i = from; i < to; i++) summaries[i] = 'summaries' in reply ? reply.summaries[i - from] : auditHere(i);
    });
    const result = resultOfUnits(text, docs, summaries, { config: options.config, data: options.data, cache: hooks.cache, lines, claims, early });
    const { cache } = hooks;
    const seed = (): void => {
      if (!cache) return;
      got.forEach((reply, b) => {
        if (!('summaries' in reply)) return;
        const { from, to } = batches[b];
        for (let i = from; i < to; i++) if (!summaries[i].unusable) seedUnitResult(cache, units[i].kind, textOf(units[i]), options.config, options.data ?? BUILTIN_DATA, summaries[i].result);
      });
    };
    return { ...result, workers: got.some((r) => r.id > 0 && 'summaries' in r), seed };
  }

  /**
   * Index records of files (./fileRecord.ts), across the workers, several files per message
   * (up to RECORDS_BYTES of text: a worker would otherwise wait for this thread to notice
   * each reply before it gets the next file). With `help`, this thread takes messages too
   * (from the end of the queue), one file per event-loop turn, so it still answers messages
   * in between. A job a worker could not do is done here. In the order given; undefined once
   * `cancelled` said so.
   */
  async records(jobs: RecordJob[], hooks: { help?: boolean; cancelled?: () => boolean; data: (config: ResolvedConfig) => ReferenceData | undefined }): Promise<FileRecord[] | undefined> {
    const cancelled = hooks.cancelled ?? (() => false);
    const here = (j: RecordJob): FileRecord => recordOfText(j.text, j.config, hooks.data(j.config), j.key, j.label);
    const owner = {};
    const groups = runsOfSize(0, jobs.length, (i) => jobs[i].text.length, RECORDS_BYTES).map((r) => jobs.slice(r.from, r.to));
    const replies = groups.map((files) => this.run({ type: 'records', files }, cancelled, owner));
    while (hooks.help && !cancelled()) {
      const p = this.steal(owner);
      if (!p || p.task.type !== 'records') break;
      const records: FileRecord[] = [];
      for (const j of p.task.files) {
        records.push(here(j));
        await new Promise((resolve) => setImmediate(resolve));
      }
      p.resolve({ id: 0, records });
    }
    const got = await Promise.all(replies);
    if (cancelled()) return undefined;
    return got.flatMap((reply, g) => ('records' in reply ? reply.records : groups[g].map(here)));
  }

  /** Messages posted to each busy worker and not answered yet (the tests read how deep the pipeline is). */
  inFlight(): number[] {
    return [...this.running.values()].map((list) => list.length);
  }

  close(): Promise<unknown> {
    this.broken = true;
    return Promise.all(this.all.map((w) => w.terminate()));
  }

  private run(task: WorkerJob, cancelled?: () => boolean, owner?: object): Promise<WorkerReply> {
    return new Promise((resolve) => {
      if (this.broken || !this.all.length) return resolve({ id: 0, error: 'no workers' });
      this.queue.push({ task, resolve, cancelled, owner });
      this.pump();
    });
  }

  /** The last queued task of `owner`, taken off the queue (the caller runs it). */
  private steal(owner: object): Pending | undefined {
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i].owner === owner) return this.queue.splice(i, 1)[0];
    return undefined;
  }

  private pump(): void {
    for (;;) {
      const p = this.queue[0];
      if (!p) return;
      const w = this.idle.length ? this.idle.pop()! : p.task.type !== 'file' ? this.pipelined() : undefined;
      if (!w) return;
      this.queue.shift();
      if (p.cancelled?.()) {
        if (!this.running.has(w)) this.idle.push(w);
        p.resolve({ id: 0, error: 'cancelled' });
        continue;
      }
      const id = this.nextId++;
      const list = this.running.get(w) ?? [];
      list.push({ id, p });
      this.running.set(w, list);
      w.postMessage({ ...p.task, id });
    }
  }

  /**
   * A busy worker to take the next batch (records or units) behind the ones it has: it
   * starts it as soon as it ends those, without waiting for this thread (busy with its own
   * share of the batches) to see the replies — measured on the server's first audit of a
   * 3 MB file, a worker given one batch at a time sat idle 10–40% of the audit. The worker
   * with the fewest, up to `depth` (PIPELINE_DEPTH; more while this thread audits a head).
   * Whole files stay one at a time (a second one behind a big file would wait long).
   */
  private pipelined(): Worker | undefined {
    let best: Worker | undefined;
    let fewest = this.depth;
    for (const [w, list] of this.running) {
      if (list.length < fewest && list[0].p.task.type !== 'file') {
        best = w;
        fewest = list.length;
      }
    }
    return best;
  }

  private done(w: Worker, reply: WorkerReply): void {
    const list = this.running.get(w) ?? [];
    const i = list.findIndex((r) => r.id === reply.id);
    const r = i >= 0 ? list.splice(i, 1)[0] : undefined;
    if (!list.length) {
      this.running.delete(w);
      this.idle.push(w);
    }
    r?.p.resolve(reply);
    this.pump();
  }

  private fail(w: Worker, error: string): void {
    const list = this.running.get(w) ?? [];
    this.running.delete(w);
    const i = this.all.indexOf(w);
    if (i >= 0) this.all.splice(i, 1);
    const j = this.idle.indexOf(w);
    if (j >= 0) this.idle.splice(j, 1);
    for (const r of list) r.p.resolve({ id: r.id, error });
    if (!this.all.length) for (const p of this.queue.splice(0)) p.resolve({ id: 0, error });
    this.pump();
  }
}

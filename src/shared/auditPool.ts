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
import { audit, auditUnitText, cutUnits, findingsOfUnits, type AuditOptions, type LocatedFinding, type ResolvedConfig, type UnitSummary } from '../core';
import type { WorkerJob, WorkerReply } from './auditWorker';

/** Below this many bytes in all, `--threads auto` audits on this thread (starting workers costs more). */
export const AUTO_MIN_BYTES = 1024 * 1024;
/** A file at least this big is cut into units across the workers. */
export const CHUNK_FILE_BYTES = 512 * 1024;
/** Text per batch of units sent to a worker. */
const BATCH_BYTES = 128 * 1024;

export interface PoolOptions {
  /** The worker script (default: auditWorker.js beside this module or bundle). */
  script?: string;
  /** Let the process exit while workers idle (the language server: its connection keeps it alive). */
  unref?: boolean;
}

type Pending = { task: WorkerJob; resolve: (r: WorkerReply) => void };

export class AuditPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, { id: number; p: Pending }>();
  private nextId = 1;
  private broken = false;

  constructor(
    readonly size: number,
    options: PoolOptions = {},
  ) {
    const script = options.script ?? join(__dirname, 'auditWorker.js');
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        w = new Worker(script);
      } catch {
        this.broken = true;
        break;
      }
      if (options.unref) w.unref();
      w.on('message', (reply: WorkerReply) => this.done(w, reply));
      w.on('error', (err) => this.fail(w, err.message));
      w.on('exit', (code) => this.fail(w, `worker exited (${code})`));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  /** One file, audited whole on a worker. */
  async auditFile(text: string, options: Required<Pick<AuditOptions, 'config'>> & AuditOptions): Promise<LocatedFinding[]> {
    if (text.length >= CHUNK_FILE_BYTES && this.all.length > 1) return this.auditChunked(text, options);
    const reply = await this.run({ type: 'file', text, config: options.config });
    if ('findings' in reply) return reply.findings;
    return audit(text, options).findings;
  }

  /** One big file, its units audited in batches across the workers. */
  private async auditChunked(text: string, options: Required<Pick<AuditOptions, 'config'>> & AuditOptions): Promise<LocatedFinding[]> {
    const docs = cutUnits(text);
    if (!docs) return (await this.run({ type: 'file', text, config: options.config }).then((r) => ('findings' in r ? r.findings : undefined))) ?? audit(text, options).findings;
    const units = docs.flatMap((d) => d.units);
    const batches: (typeof units)[] = [];
    let size = 0;
    for (const u of units) {
      if (!batches.length || size >= BATCH_BYTES) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1].push(u);
      size += u.end - u.start;
    }
    const replies = await Promise.all(batches.map((b) => this.run({ type: 'units', units: b.map((u) => ({ kind: u.kind, text: text.slice(u.start, u.end) })), config: options.config })));
    const summaries: UnitSummary[] = [];
    replies.forEach((reply, i) => {
      const batch = batches[i];
      if ('summaries' in reply) summaries.push(...reply.summaries);
      else summaries.push(...batch.map((u) => auditUnitText(u.kind, text.slice(u.start, u.end), options.config, options.data)));
    });
    // A document with an item that is not one list item is audited whole (as the pipeline does).
    const placed: (UnitSummary & { start: number; prefix: string; document: number })[] = [];
    let k = 0;
    docs.forEach((doc, document) => {
      const own = summaries.slice(k, k + doc.units.length);
      k += doc.units.length;
      if (own.some((s) => s.unusable)) {
        placed.push({ ...auditUnitText('whole', text.slice(doc.start, doc.end), options.config, options.data), start: doc.start, prefix: '', document });
      } else own.forEach((s, i) => placed.push({ ...s, start: doc.units[i].start, prefix: doc.units[i].prefix, document }));
    });
    return findingsOfUnits(text, options.config as ResolvedConfig, placed);
  }

  close(): Promise<unknown> {
    this.broken = true;
    return Promise.all(this.all.map((w) => w.terminate()));
  }

  private run(task: WorkerJob): Promise<WorkerReply> {
    return new Promise((resolve) => {
      if (this.broken || !this.all.length) return resolve({ id: 0, error: 'no workers' });
      this.queue.push({ task, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const p = this.queue.shift()!;
      const id = this.nextId++;
      this.running.set(w, { id, p });
      w.postMessage({ ...p.task, id });
    }
  }

  private done(w: Worker, reply: WorkerReply): void {
    const r = this.running.get(w);
    this.running.delete(w);
    this.idle.push(w);
    if (r && r.id === reply.id) r.p.resolve(reply);
    this.pump();
  }

  private fail(w: Worker, error: string): void {
    const r = this.running.get(w);
    this.running.delete(w);
    const i = this.all.indexOf(w);
    if (i >= 0) this.all.splice(i, 1);
    const j = this.idle.indexOf(w);
    if (j >= 0) this.idle.splice(j, 1);
    r?.p.resolve({ id: r.id, error });
    if (!this.all.length) for (const p of this.queue.splice(0)) p.resolve({ id: 0, error });
    this.pump();
  }
}

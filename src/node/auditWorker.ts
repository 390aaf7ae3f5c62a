/**
 * A worker thread of ./auditPool.ts (`claimlint --threads`, the language server's first
 * audit of a big file): audits what the pool sends it — a whole
 * file, or a batch of one big file's units — and sends back plain findings. It reads data
 * packs itself (by the folders the config names) and nothing else from disk. Lives outside
 * the core: the core stays free of threads and `fs`.
 */
import { parentPort } from 'node:worker_threads';
import { audit, auditUnitText, type LocatedFinding, type ResolvedConfig, type UnitCut, type UnitSummary } from '../core';
import { PackStore } from '../datapacks/store/packStore';

export type WorkerJob =
  | { type: 'file'; text: string; config: ResolvedConfig }
  | { type: 'units'; units: { kind: UnitCut['kind']; text: string }[]; config: ResolvedConfig };
export type WorkerTask = WorkerJob & { id: number };

export type WorkerReply = { id: number; findings: LocatedFinding[] } | { id: number; summaries: UnitSummary[] } | { id: number; error: string };

const packs = new PackStore();

function handle(task: WorkerTask): WorkerReply {
  const { data, errors } = packs.dataFor(task.config.data);
  if (errors.length) return { id: task.id, error: `data pack: ${errors[0]}` };
  if (task.type === 'file') return { id: task.id, findings: audit(task.text, { config: task.config, data }).findings };
  return { id: task.id, summaries: task.units.map((u) => auditUnitText(u.kind, u.text, task.config, data)) };
}

parentPort?.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    reply = handle(task);
  } catch (err) {
    reply = { id: task.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});

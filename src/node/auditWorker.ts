/**
 * A worker thread of ./auditPool.ts (`claimlint --threads`, the language server's first
 * audit of a big file): audits what the pool sends it — a whole
 * file, or a batch of one big file's units — and sends back plain findings. It reads data
 * packs itself (by the folders the config names) and nothing else from disk. Lives outside
 * the core: the core stays free of threads and `fs`.
 */
import { parentPort } from 'node:worker_threads';
import { analyze, fileClaims, type FilePatientClaims, type LocatedFinding, type ResolvedConfig } from '../core';
import { auditUnitText, type UnitCut, type UnitSummary } from '../core/parallel';
import { PackStore } from '../datapacks/store/packStore';

/** With `claims`, a file job also reads the file's claims for the patient index (same analysis, no second parse). */
export type WorkerJob =
  | { type: 'file'; text: string; config: ResolvedConfig; claims?: { file: string; label?: string } }
  | { type: 'claims'; text: string; config: ResolvedConfig; claims: { file: string; label?: string } }
  | { type: 'units'; units: { kind: UnitCut['kind']; text: string }[]; config: ResolvedConfig; facts?: boolean };
export type WorkerTask = WorkerJob & { id: number };

export type WorkerReply = { id: number; findings: LocatedFinding[]; claims?: FilePatientClaims } | { id: number; claims: FilePatientClaims } | { id: number; summaries: UnitSummary[] } | { id: number; error: string };

const packs = new PackStore();

function handle(task: WorkerTask): WorkerReply {
  const { data, errors } = packs.dataFor(task.config.data);
  if (errors.length) return { id: task.id, error: `data pack: ${errors[0]}` };
  if (task.type === 'claims') return { id: task.id, claims: fileClaims(analyze(task.text, { config: task.config, data }), task.claims.file, task.claims.label) };
  if (task.type === 'file') {
    const analysis = analyze(task.text, { config: task.config, data });
    const findings = analysis.findings;
    return task.claims ? { id: task.id, findings, claims: fileClaims(analysis, task.claims.file, task.claims.label) } : { id: task.id, findings };
  }
  return { id: task.id, summaries: task.units.map((u) => auditUnitText(u.kind, u.text, task.config, data, undefined, task.facts)) };
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

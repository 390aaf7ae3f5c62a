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
import { recordOfText } from './fileRecord';
import { warmUp } from './warmUp';

/** A file the workspace index wants the record of (./fileRecord.ts): `key` names it in the index, `label` in messages. */
export interface RecordJob {
  text: string;
  config: ResolvedConfig;
  key: string;
  label: string;
}

/**
 * With `claims`, a file job also reads the file's claims for the patient index (same analysis, no second parse).
 * A records job holds several files (the index's files are small: one message each would leave the worker waiting for the next).
 */
export type WorkerJob =
  | { type: 'file'; text: string; config: ResolvedConfig; claims?: { file: string; label?: string } }
  | { type: 'records'; files: RecordJob[] }
  | { type: 'units'; units: { kind: UnitCut['kind']; text: string }[]; config: ResolvedConfig; facts?: boolean };
export type WorkerTask = WorkerJob & { id: number };

export type WorkerReply = { id: number; findings: LocatedFinding[]; claims?: FilePatientClaims } | { id: number; records: FilePatientClaims[] } | { id: number; summaries: UnitSummary[] } | { id: number; error: string };

const packs = new PackStore();

function handle(task: WorkerTask): WorkerReply {
  if (task.type === 'records') {
    const records: FilePatientClaims[] = [];
    for (const f of task.files) {
      const { data, errors } = packs.dataFor(f.config.data);
      if (errors.length) return { id: task.id, error: `data pack: ${errors[0]}` };
      records.push(recordOfText(f.text, f.config, data, f.key, f.label));
    }
    return { id: task.id, records };
  }
  const { data, errors } = packs.dataFor(task.config.data);
  if (errors.length) return { id: task.id, error: `data pack: ${errors[0]}` };
  if (task.type === 'file') {
    const analysis = analyze(task.text, { config: task.config, data });
    const findings = analysis.findings;
    return task.claims ? { id: task.id, findings, claims: fileClaims(analysis, task.claims.file, task.claims.label) } : { id: task.id, findings };
  }
  return { id: task.id, summaries: task.units.map((u) => auditUnitText(u.kind, u.text, task.config, data, undefined, task.facts)) };
}

let tasks = 0;
// Idle until the first task: the engine's code and regexes are compiled meanwhile (./warmUp.ts).
if (parentPort) void warmUp(() => tasks > 0);

parentPort?.on('message', (task: WorkerTask) => {
  tasks++;
  let reply: WorkerReply;
  try {
    reply = handle(task);
  } catch (err) {
    reply = { id: task.id, error: (err as Error).message };
  }
  parentPort!.postMessage(reply);
});

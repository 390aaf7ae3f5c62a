/**
 * The workspace index (issue 23 item 4): a generated workspace of claim files, one patient's
 * visits spread over many files, opened by the real language server (dist/server.js over
 * stdio) as a workspace folder.
 *
 * - index time: `initialized` sent → the server's "workspace index: N claim files" log line;
 * - an edit's dependants: a ranged edit of one visit's units in an open file → the last
 *   publishDiagnostics of another file it causes (publishes quiet for QUIET_MS after it; the
 *   quiet time is not counted), checked to name only files holding that patient's claims;
 * - index memory: the same index built on this thread (records and the cross-claim index
 *   held), heap retained ÷ the claim files' bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { claimYamlItem, type PlanSpec } from '../support/claims';
import { strokeVisit } from '../support/claimSamples';
import { startStdioServer } from '../support/lspServer';
import { makeTmpDir, removeTmpDir } from '../support/tmp';
import { defaultSettings, resolveConfig } from '../../src/core';
import { WorkspaceIndex, type RecordSink } from '../../src/server/workspaceIndex';
import type { DocumentContext } from '../../src/server/documentContext';
import { crossClaims } from '../../src/server/patients';
import { recordOfText } from '../../src/node/fileRecord';
import { parseAllDocuments } from 'yaml';
import type { HeavyRow } from './heavy';
import { indexSplit, splitText } from './indexSplit';

export interface WorkspaceShape {
  files: number;
  claimsPerFile: number;
  patients: number;
}

/** 2,300 + 30 × 7 = 2,510 passes the $2,480 threshold at the 7th visit (index 6). */
const KX_FROM_VISIT = 6;

export interface GeneratedWorkspace {
  dir: string;
  /** Relative path of each file, in order. */
  paths: string[];
  texts: string[];
  bytes: number;
  claims: number;
  /** Files (indexes) holding each patient's claims. */
  filesOf: Map<number, Set<number>>;
}

/**
 * `files` files of `claimsPerFile` claims; claim i is visit ⌊i / patients⌋ of patient
 * i mod patients, so each patient's visits are spread over many files, in date order. A
 * clean year: the first visit states $2,300 allowed so far, each visit is allowed exactly
 * $30 (its charge caps the fee), KX from the visit that passes $2,480 (the 7th), a progress
 * report every 10th visit and the treatment days stated right. An edit of the first visit's
 * charge (30 → 90) moves the KX crossing two visits earlier: those visits, in other files,
 * are its dependants.
 */
export function generateWorkspace(shape: WorkspaceShape): GeneratedWorkspace {
  const dir = makeTmpDir('bench-ws');
  const paths: string[] = [];
  const texts: string[] = [];
  const filesOf = new Map<number, Set<number>>();
  let bytes = 0;
  for (let f = 0; f < shape.files; f++) {
    const parts = ['# Generated benchmark workspace\nclaims:\n'];
    for (let k = 0; k < shape.claimsPerFile; k++) {
      const i = f * shape.claimsPerFile + k;
      const patient = i % shape.patients;
      const visit = Math.floor(i / shape.patients);
      if (!filesOf.has(patient)) filesOf.set(patient, new Set());
      filesOf.get(patient)!.add(f);
      const day = new Date(Date.UTC(2026, 1, 9) + (visit * 3 + (patient % 3)) * 86400000).toISOString().slice(0, 10);
      const spec = strokeVisit(i);
      const [line] = spec.lines;
      parts.push(
        `${claimYamlItem(
          {
            ...spec,
            date: day,
            patient: `PT-${String(500000 + patient)}`,
            ytd: visit === 0 ? { pt_slp: '2300.00', ot: 0 } : undefined,
            plan: { ...(spec.plan as PlanSpec), daysSinceProgressReport: (visit % 10) + 1 },
            visit: { ...spec.visit, progressReport: visit % 10 === 9 },
            lines: [{ ...line, charge: '30.00', modifiers: visit >= KX_FROM_VISIT ? ['GP', 'KX'] : ['GP'] }],
          },
          'block',
        )}\n`,
      );
    }
    const path = `clinic-${f % 10}/visits-${String(f).padStart(4, '0')}.claim.yaml`;
    mkdirSync(join(dir, `clinic-${f % 10}`), { recursive: true });
    const text = parts.join('');
    writeFileSync(join(dir, path), text);
    paths.push(path);
    texts.push(text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, paths, texts, bytes, claims: shape.files * shape.claimsPerFile, filesOf };
}

export interface WorkspaceFigures {
  /** initialized → the index's log line (ms), end to end. */
  index: number;
  /** The index's own time, as its log line says (ms). */
  indexLogged: number;
  indexedFiles: number;
  indexedClaims: number;
  /** The server's log line (with its own split of the time). */
  indexMessage: string;
  /** Median over the edits: edit → the last other file's publishDiagnostics (ms); NaN when none came. */
  dependants: number;
  /** Files republished per edit (median). */
  republished: number;
  /** Files republished that hold no claim of the edited patient (must be 0). */
  strangers: number;
  edits: number;
}

const QUIET_MS = 1500;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function workspaceFigures(ws: GeneratedWorkspace, edits = 5): Promise<WorkspaceFigures> {
  let indexLine: { at: number; message: string } | undefined;
  let onIndex: (() => void) | undefined;
  const server = await startStdioServer(join(__dirname, 'server.js'), {
    folders: [ws.dir],
    onLog: (message) => {
      if (!/^workspace index: \d+ claim files/.test(message)) return;
      indexLine = { at: performance.now(), message };
      onIndex?.();
    },
  });
  try {
    // startStdioServer resolves once `initialized` is sent: the index starts then.
    const sent = performance.now();
    if (!indexLine) await new Promise<void>((resolve) => (onIndex = resolve));
    const line = indexLine!;
    const m = /workspace index: (\d+) claim files, (\d+) claims in (\d+) ms/.exec(line.message)!;
    const figures: WorkspaceFigures = {
      index: line.at - sent,
      indexLogged: Number(m[3]),
      indexedFiles: Number(m[1]),
      indexedClaims: Number(m[2]),
      indexMessage: line.message,
      dependants: NaN,
      republished: 0,
      strangers: 0,
      edits,
    };
    // Open the first file (its first claim is patient 0's first visit), then retype that line's charge.
    const uri = pathToFileURL(join(ws.dir, ws.paths[0])).toString();
    const doc = TextDocument.create(uri, 'yaml', 1, ws.texts[0]);
    const opened = server.published(1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: ws.texts[0] } });
    await opened;
    // Its cross-claim findings follow once the index is ready: let those publishes go by.
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const times: number[] = [];
    const counts: number[] = [];
    const patient = 0;
    const own = new Set([...ws.filesOf.get(patient)!].map((f) => pathToFileURL(join(ws.dir, ws.paths[f])).toString()));
    for (let e = 0; e < edits; e++) {
      const version = 2 + e;
      const at = doc.getText().indexOf('charge: ') + 'charge: '.length;
      // 30 → 90 → 30 …: the KX crossing moves two visits earlier, and back.
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 1) }, text: e % 2 === 0 ? '9' : '3' };
      TextDocument.update(doc, [change], version);
      const others: { at: number; uri: string }[] = [];
      const watch = (p: PublishDiagnosticsParams): boolean => {
        if (p.uri !== uri) others.push({ at: performance.now(), uri: p.uri });
        return false;
      };
      void server.publishedWhere(watch);
      const t0 = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await server.published(version);
      await quiet(() => others.length, QUIET_MS);
      if (others.length) times.push(others[others.length - 1].at - t0);
      counts.push(new Set(others.map((o) => o.uri)).size);
      figures.strangers += others.filter((o) => !own.has(o.uri)).length;
    }
    figures.dependants = times.length ? median(times) : NaN;
    figures.republished = median(counts);
    return figures;
  } finally {
    await server.stop();
  }
}

/** Resolves once `count()` has not changed for `ms`. */
async function quiet(count: () => number, ms: number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/**
 * Heap the index keeps (MB): the server's WorkspaceIndex over the same workspace, built on
 * this thread (no workers: their heaps are not this one), with `sink` holding the records as
 * the server's cross-claim index does. Read after a full GC (node --expose-gc).
 */
export async function indexMemory(ws: GeneratedWorkspace, sink: RecordSink & { clear(): void }): Promise<number> {
  const gc = (global as { gc?: () => void }).gc;
  if (!gc) return NaN;
  const config = resolveConfig();
  const context = async (): Promise<DocumentContext> => ({ settings: { ...defaultSettings }, config, active: true, isClaim: true });
  const heap = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed / 1e6;
  };
  // Warm up first: the reference tables, rules and schemas load on first use (not the index's memory).
  const warm = crossClaims();
  warm.set(recordOfText(ws.texts[0], config, undefined, 'warm', 'warm'), config);
  warm.findings('warm');
  const before = heap();
  let index: WorkspaceIndex | undefined = new WorkspaceIndex({
    folders: () => [ws.dir],
    context,
    isOpen: () => false,
    trusted: () => true,
    pool: () => undefined,
    dataFor: () => undefined,
    sink,
    log: () => undefined,
  });
  await index.rebuild();
  (sink as { computeAll?: () => void }).computeAll?.();
  const after = heap();
  if (index.size !== ws.texts.length) throw new Error(`indexed ${index.size} of ${ws.texts.length} files`);
  index = undefined;
  sink.clear();
  return after - before;
}

export function removeWorkspace(ws: GeneratedWorkspace): void {
  removeTmpDir(ws.dir);
}

/** The server's cross-claim index (the core's PatientIndex), with every file's findings computed as the server does. */
export function serverSink(): RecordSink & { clear(): void } {
  let cross: ReturnType<typeof crossClaims> | undefined = crossClaims();
  const keys: string[] = [];
  return {
    set: (record, config) => {
      keys.push(record.file);
      return cross!.set(record, config);
    },
    remove: (key) => cross!.remove(key),
    // Findings computed (and memoised) for every file, as the server's publishes would.
    computeAll: () => keys.forEach((k) => cross!.findings(k)),
    clear: () => (cross = undefined),
  } as RecordSink & { clear(): void };
}

/**
 * The bench's workspace rows (issue 23 item 4): 10,000 claims in 1,000 files, each patient's
 * visits spread over 20 files (BENCH_WS_FILES, BENCH_WS_CLAIMS_PER_FILE, BENCH_WS_PATIENTS
 * change the shape). Baseline: the yaml parse of every file, here, on this thread. Also
 * prints where one thread's time goes per record (./indexSplit.ts), no target.
 */
export async function workspaceRows(): Promise<HeavyRow[]> {
  const ws = generateWorkspace({
    files: Number(process.env.BENCH_WS_FILES ?? 1000),
    claimsPerFile: Number(process.env.BENCH_WS_CLAIMS_PER_FILE ?? 10),
    patients: Number(process.env.BENCH_WS_PATIENTS ?? 500),
  });
  try {
    const t0 = performance.now();
    ws.texts.forEach((t) => parseAllDocuments(t));
    const wsBaseline = performance.now() - t0;
    const wsFigures = await workspaceFigures(ws);
    const wsHeap = await indexMemory(ws, serverSink());
    const split = indexSplit(ws);
    const wsMb = ws.bytes / 1e6;
    console.log(
      `workspace: ${ws.claims} claims in ${ws.texts.length} files, ${wsMb.toFixed(1)} MB; yaml parse of every file ${wsBaseline.toFixed(0)} ms; ` +
        `indexed ${wsFigures.indexedFiles} files / ${wsFigures.indexedClaims} claims in ${wsFigures.index.toFixed(0)} ms (server's own count ${wsFigures.indexLogged} ms); ` +
        `${wsFigures.edits} edits republished ${wsFigures.republished} other files each (median), ${wsFigures.strangers} of them holding none of the patient's claims; index heap ${wsHeap.toFixed(1)} MB`,
    );
    console.log(`workspace: the server's log: ${wsFigures.indexMessage}`);
    console.log(`workspace: one thread, every record (ms): ${splitText(split)}`);
    return [
      { name: 'workspace baseline: yaml parse of every file', value: wsBaseline, unit: 'ms', ratio: 1, target: Infinity },
      { name: `workspace index, ${ws.claims} claims (ms ≤ 3000)`, value: wsFigures.index, unit: 'ms', ratio: wsFigures.index / wsBaseline, target: 3000 / wsBaseline },
      // The same time against the machine's speed: no slower than one yaml parse of every file on
      // one thread (the index parses, validates and prices each file, on the workers and this thread).
      { name: 'workspace index ÷ yaml parse of every file (≤ 1×)', value: wsFigures.index, unit: 'ms', ratio: wsFigures.index / wsBaseline, target: 1 },
      // NaN (no other file republished after the edit) misses: the edit has dependants by construction.
      { name: 'workspace edit → dependants republished (ms ≤ 250)', value: wsFigures.dependants, unit: 'ms', ratio: wsFigures.dependants / wsBaseline, target: 250 / wsBaseline },
      { name: 'workspace edit: files republished without the patient (0)', value: wsFigures.strangers, unit: '', ratio: wsFigures.strangers, target: 0 },
      { name: "workspace index heap ÷ claim files' size (≤ 2×)", value: wsHeap, unit: 'MB', ratio: wsHeap / wsMb, target: 2 },
    ];
  } finally {
    removeWorkspace(ws);
  }
}

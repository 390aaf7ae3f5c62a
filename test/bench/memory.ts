/**
 * Server memory under edits (issue 11 item 8): the real server process over stdio, a
 * 1,000-claim file with one anchor (so every audit takes the whole-document path), then
 * `edits` ranged edits typed in bursts (diagnostics awaited after each burst, as a debounced
 * editor would see them). RSS and peak RSS are read from /proc (Linux).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { claimFile } from './generate';

export interface MemoryFigures {
  /** RSS after the first diagnostics (MB). */
  afterOpen: number;
  /** RSS after the last burst's diagnostics (MB). */
  afterEdits: number;
  /** Peak RSS of the process (MB). */
  peak: number;
  edits: number;
  audits: number;
}

/** The generated file with one anchor: the split path refuses it, the whole document is parsed. */
export function anchoredFile(claims: number): string {
  return claimFile(claims).replace('    payer:\n      type: medicare\n', '    payer: &mcare\n      type: medicare\n');
}

function rssMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function serverMemory(claims = 1000, edits = 300, burst = 30): Promise<MemoryFigures> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const resolve = p.version === undefined ? undefined : waiting.get(p.version);
    if (resolve) {
      waiting.delete(p.version!);
      resolve();
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (version: number) => new Promise<void>((resolve) => waiting.set(version, resolve));
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///bench/anchored.claim.yaml';
    const text = anchoredFile(claims);
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const first = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await first;
    const afterOpen = rssMb(child.pid!).rss;
    let audits = 1;
    for (let version = 2; version < 2 + edits; version++) {
      const at = doc.getText().indexOf('total_treatment_minutes: ', Math.floor((text.length * ((version % 7) + 1)) / 9)) + 'total_treatment_minutes: '.length;
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, text: String(30 + (version % 60)) };
      TextDocument.update(doc, [change], version);
      const last = (version - 1) % burst === 0 || version === 1 + edits;
      const done = last ? published(version) : undefined;
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      if (done) {
        await done;
        audits++;
      }
    }
    const { rss, peak } = rssMb(child.pid!);
    return { afterOpen, afterEdits: rss, peak, edits, audits };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch {
      child.kill();
    }
    await exited;
    connection.dispose();
  }
}


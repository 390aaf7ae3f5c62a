/**
 * The language server as an editor sees it: a real server process (dist/server.js) over
 * stdio, a big claim file opened, then ranged edits typed into it. Times are end to end:
 * from sending the notification to receiving publishDiagnostics for that version.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface LspFigures {
  /** didOpen → first publishDiagnostics (ms). */
  open: number;
  /** Median of ranged edit → publishDiagnostics for that version (ms). */
  edit: number;
  diagnostics: number;
}

export async function lspFigures(text: string, edits: number): Promise<LspFigures> {
  const child = spawn(process.execPath, [join(__dirname, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const resolve = p.version === undefined ? undefined : waiting.get(p.version);
    if (resolve) {
      waiting.delete(p.version!);
      resolve(p);
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const published = (version: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(version, resolve));
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const uri = 'file:///bench/big.claim.yaml';
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const first = published(1);
    let started = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = (await first).diagnostics.length;
    const open = performance.now() - started;
    const times: number[] = [];
    for (let version = 2; version < 2 + edits; version++) {
      // Retype the two digits of one claim's treatment minutes, somewhere in the file.
      const at = doc.getText().indexOf('total_treatment_minutes: ', Math.floor((text.length * ((version % 7) + 1)) / 9)) + 'total_treatment_minutes: '.length;
      const change = { range: { start: doc.positionAt(at), end: doc.positionAt(at + 2) }, text: String(30 + (version % 60)) };
      TextDocument.update(doc, [change], version);
      const done = published(version);
      started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await done;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { open, edit: times[times.length >> 1], diagnostics };
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

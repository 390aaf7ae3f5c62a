/**
 * The language server as an editor sees it: a real server process (dist/server.js) over
 * stdio, a big claim file opened, then ranged edits typed into it. Times are end to end:
 * from sending the notification to receiving publishDiagnostics for that version.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { retypeMinutes, startStdioServer } from '../support/lspProcess';

export interface LspFigures {
  /** didOpen → first publishDiagnostics (ms). */
  open: number;
  /** Median of ranged edit → publishDiagnostics for that version (ms). */
  edit: number;
  diagnostics: number;
}

export async function lspFigures(text: string, edits: number): Promise<LspFigures> {
  const { connection, published, stop } = await startStdioServer(join(__dirname, 'server.js'));
  try {
    const uri = 'file:///bench/big.claim.yaml';
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const first = published(1);
    let started = performance.now();
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = (await first).diagnostics.length;
    const open = performance.now() - started;
    const times: number[] = [];
    for (let version = 2; version < 2 + edits; version++) {
      const change = retypeMinutes(doc, version);
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
    await stop();
  }
}

/**
 * Server memory under edits (issue 11 item 8): the real server process over stdio, a
 * 1,000-claim file with one anchor (so every audit takes the whole-document path), then
 * `edits` ranged edits typed in bursts (diagnostics awaited after each burst, as a debounced
 * editor would see them). RSS and peak RSS are read from /proc (Linux).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { claimFile } from './generate';
import { retypeMinutes, startStdioServer } from '../support/lspServer';

export interface MemoryFigures {
  /** RSS after the first diagnostics and a hover (the editor's analysis built) (MB). */
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
  const { child, connection, published, stop } = await startStdioServer(join(__dirname, 'server.js'));
  try {
    const uri = 'file:///bench/anchored.claim.yaml';
    const text = anchoredFile(claims);
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const first = published(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await first;
    // The open has settled once the editor's analysis exists (a hover is answered from it):
    // the first diagnostics can now come before it is built.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(text.indexOf('code: "97530"') + 8) });
    const afterOpen = rssMb(child.pid!).rss;
    let audits = 1;
    for (let version = 2; version < 2 + edits; version++) {
      const change = retypeMinutes(doc, version);
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
    await stop();
  }
}


/**
 * The language server as an editor sees it: a real server process (dist/server.js) over
 * stdio, a big claim file opened, then ranged edits typed into it. Times are end to end:
 * from sending the notification to receiving publishDiagnostics for that version.
 *
 * The open is timed in `opens` fresh server processes (the first audit of a file is what
 * an editor waits for after starting): to the first publishDiagnostics (the top of the file
 * comes first) and to the complete one (as many diagnostics as audit() finds). Then the
 * edits, in the last server, once its diagnostics are complete.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { retypeMinutes, startStdioServer } from '../support/lspServer';

export interface LspFigures {
  /** didOpen → first publishDiagnostics (ms), median of the opens. */
  open: number;
  /** didOpen → the publishDiagnostics with every finding (ms), median of the opens. */
  complete: number;
  /** Each open's first and complete times (ms). */
  opens: { first: number; complete: number; firstDiagnostics: number }[];
  /** Median of ranged edit → publishDiagnostics for that version (ms). */
  edit: number;
  diagnostics: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** `findings`: how many diagnostics the complete publish has (audit() of the text). */
export async function lspFigures(text: string, edits: number, findings: number, opens = 3): Promise<LspFigures> {
  const uri = 'file:///bench/big.claim.yaml';
  const times: LspFigures['opens'] = [];
  for (let round = 0; round < opens; round++) {
    const { connection, publishedWhere, published, stop } = await startStdioServer(join(__dirname, 'server.js'));
    try {
      const first = publishedWhere((p) => p.uri === uri && p.version === 1);
      const whole = publishedWhere((p) => p.uri === uri && p.version === 1 && p.diagnostics.length === findings);
      let started = performance.now();
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const firstDiagnostics = (await first).diagnostics.length;
      const firstMs = performance.now() - started;
      await whole;
      times.push({ first: firstMs, complete: performance.now() - started, firstDiagnostics });
      if (round < opens - 1) continue;
      const doc = TextDocument.create(uri, 'yaml', 1, text);
      // The server builds the editor's analysis after the complete publish: a hover answered
      // means it is built, so the edits below are timed as typing in an open file.
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(text.indexOf('code: ') + 8) });
      const editTimes: number[] = [];
      for (let version = 2; version < 2 + edits; version++) {
        const change = retypeMinutes(doc, version);
        TextDocument.update(doc, [change], version);
        const done = published(version);
        started = performance.now();
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        await done;
        editTimes.push(performance.now() - started);
      }
      return { open: median(times.map((t) => t.first)), complete: median(times.map((t) => t.complete)), opens: times, edit: median(editTimes), diagnostics: findings };
    } finally {
      await stop();
    }
  }
  throw new Error('no open measured');
}

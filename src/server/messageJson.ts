/**
 * How the language server writes its messages: as vscode-jsonrpc does (UTF-8 JSON, the same
 * text as JSON.stringify), except that a publishDiagnostics message writes each diagnostic
 * through diagnosticJson, which reuses the text of a finding's diagnostic from the publish
 * before — after an edit of a big file, ~8,000 of them (3 MB) are not serialized again.
 */
import { StreamMessageWriter, type MessageWriter } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticJson } from '../service/diagnostics';

const PUBLISH = 'textDocument/publishDiagnostics';
const SLOT = '"diagnostics":[]';

interface Message {
  method?: unknown;
  params?: { diagnostics?: unknown };
}

/** The message's JSON: JSON.stringify's text, the diagnostics of a publish written by diagnosticJson. */
export function messageJson(msg: unknown): string {
  const m = msg as Message;
  const diagnostics = m?.method === PUBLISH ? m.params?.diagnostics : undefined;
  if (!Array.isArray(diagnostics)) return JSON.stringify(msg);
  // The message with an empty list in its place (same keys, same order); a string value
  // cannot hold SLOT (its quotes would be escaped), so the slot is the list's place.
  const frame = JSON.stringify({ ...m, params: { ...m.params, diagnostics: [] } });
  const at = frame.lastIndexOf(SLOT);
  if (at < 0) return JSON.stringify(msg);
  const open = at + SLOT.length - 1;
  return `${frame.slice(0, open)}${(diagnostics as Diagnostic[]).map(diagnosticJson).join(',')}${frame.slice(open)}`;
}

/** A writer of the server's messages to `output` (stdio): vscode-jsonrpc's, with messageJson as its encoder. */
export function serverMessageWriter(output: NodeJS.WritableStream): MessageWriter {
  return new StreamMessageWriter(output, {
    contentTypeEncoder: {
      name: 'application/json',
      encode: (msg, options) => {
        try {
          return Promise.resolve(Buffer.from(messageJson(msg), options.charset));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    },
  });
}

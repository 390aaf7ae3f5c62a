/**
 * How the language server writes its messages: as vscode-jsonrpc does (UTF-8 JSON, the same
 * text as JSON.stringify), except that a publishDiagnostics message writes each diagnostic
 * made by toDiagnostic from its finding's text and bytes kept from the publish before
 * (src/service/diagnostics.ts headOf) — after an edit of a big file, ~8,000 of them (3 MB)
 * are neither serialized nor encoded again.
 */
import { StreamMessageWriter, type MessageWriter } from 'vscode-languageserver/node';
import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticJson, headOf } from '../service/diagnostics';

const PUBLISH = 'textDocument/publishDiagnostics';
const SLOT = '"diagnostics":[]';

interface Message {
  method?: unknown;
  params?: { diagnostics?: unknown };
}

/**
 * A publish's diagnostics and the message's text around them: the message with an empty
 * list in its place (same keys, same order). A string value cannot hold SLOT (its quotes
 * would be escaped), so the slot is the list's place. Undefined for any other message.
 */
function framed(msg: unknown): { before: string; diagnostics: Diagnostic[]; after: string } | undefined {
  const m = msg as Message;
  const diagnostics = m?.method === PUBLISH ? m.params?.diagnostics : undefined;
  if (!Array.isArray(diagnostics)) return undefined;
  const frame = JSON.stringify({ ...m, params: { ...m.params, diagnostics: [] } });
  const at = frame.lastIndexOf(SLOT);
  if (at < 0) return undefined;
  const open = at + SLOT.length - 1;
  return { before: frame.slice(0, open), diagnostics: diagnostics as Diagnostic[], after: frame.slice(open) };
}

/** The message's JSON: JSON.stringify's text. */
export function messageJson(msg: unknown): string {
  const f = framed(msg);
  if (!f) return JSON.stringify(msg);
  return `${f.before}${f.diagnostics.map(diagnosticJson).join(',')}${f.after}`;
}

/** messageJson's text in UTF-8: the bytes of each reused diagnostic text are kept with it. */
export function messageBytes(msg: unknown): Buffer {
  const f = framed(msg);
  if (!f) return Buffer.from(JSON.stringify(msg), 'utf8');
  const parts: Uint8Array[] = [Buffer.from(f.before, 'utf8')];
  const comma = Buffer.from(',');
  const tails = new Map<number, Buffer>();
  f.diagnostics.forEach((d, i) => {
    if (i) parts.push(comma);
    const head = headOf(d);
    if (!head) return void parts.push(Buffer.from(JSON.stringify(d), 'utf8'));
    const version = (d.data as { version: number }).version;
    let tail = tails.get(version);
    if (!tail) tails.set(version, (tail = Buffer.from(`${version}}}`, 'utf8')));
    parts.push((head.bytes ??= Buffer.from(head.text, 'utf8')), tail);
  });
  parts.push(Buffer.from(f.after, 'utf8'));
  return Buffer.concat(parts);
}

/** A writer of the server's messages to `output` (stdio): vscode-jsonrpc's, with messageBytes as its encoder. */
export function serverMessageWriter(output: NodeJS.WritableStream): MessageWriter {
  return new StreamMessageWriter(output, {
    contentTypeEncoder: {
      name: 'application/json',
      encode: (msg, options) => {
        try {
          return Promise.resolve(options.charset === 'utf-8' ? messageBytes(msg) : Buffer.from(JSON.stringify(msg), options.charset));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    },
  });
}

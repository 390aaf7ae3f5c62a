/**
 * How the language server writes its messages: as vscode-jsonrpc does (UTF-8 JSON, the same
 * text as JSON.stringify), except that a publishDiagnostics message writes each diagnostic
 * made by toDiagnostic from its finding's text and bytes kept from the publish before
 * (src/service/diagnostics.ts headOf) — after an edit of a big file, ~8,000 of them (3 MB)
 * are neither serialized nor encoded again. A publish made by findingsPublish writes its
 * findings' diagnostics that way without making them at all (they are made only if read).
 */
import { StreamMessageWriter, type MessageWriter } from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { diagnosticJson, headOf, type DiagnosticHead, type FindingDiagnostics } from '../service/diagnostics';

const PUBLISH = 'textDocument/publishDiagnostics';
const SLOT = '"diagnostics":[]';
/** The findings and added diagnostics behind a findingsPublish's params (not serialized, not copied by a spread). */
const SOURCE = Symbol('claimlint.publish');

interface PublishSource {
  found: FindingDiagnostics;
  extra: readonly Diagnostic[];
  uri: string;
  version: number | undefined;
  /** Whether the params' list was read (it may have been changed since): then it is written as it is. */
  read(): boolean;
}

/**
 * publishDiagnostics params for `found`'s diagnostics followed by `extra` (the payer's): the
 * same JSON as `{ uri, version, diagnostics: [...found.diagnostics, ...extra] }`, whose
 * `diagnostics` are made only when read — over stdio, messageBytes writes them from the
 * findings' kept JSON; any other transport reads and serializes them.
 */
export function findingsPublish(uri: string, version: number | undefined, found: FindingDiagnostics, extra: readonly Diagnostic[]): PublishDiagnosticsParams {
  let diagnostics: Diagnostic[] | undefined;
  const params = {
    uri,
    version,
    get diagnostics(): Diagnostic[] {
      return (diagnostics ??= [...found.diagnostics, ...extra]);
    },
    set diagnostics(value: Diagnostic[]) {
      diagnostics = value;
    },
  };
  const source: PublishSource = { found, extra, uri, version, read: () => diagnostics !== undefined || found.wereMade };
  Object.defineProperty(params, SOURCE, { value: source });
  return params;
}

interface Message {
  method?: unknown;
  params?: { diagnostics?: unknown; [SOURCE]?: PublishSource };
}

/** The source of a findingsPublish message whose diagnostics were never read. */
function sourceOf(msg: unknown): PublishSource | undefined {
  const m = msg as Message;
  const params = m?.method === PUBLISH ? m.params : undefined;
  const source = params?.[SOURCE];
  return source && !source.read() ? source : undefined;
}

/** The message's text before and after its diagnostics list (`params` with an empty list in its place). */
function frame(m: Message, params: object): { before: string; after: string } | undefined {
  const text = JSON.stringify({ ...m, params });
  const at = text.lastIndexOf(SLOT);
  if (at < 0) return undefined;
  const open = at + SLOT.length - 1;
  return { before: text.slice(0, open), after: text.slice(open) };
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
  const f = frame(m, { ...m.params, diagnostics: [] });
  return f && { ...f, diagnostics: diagnostics as Diagnostic[] };
}

/** A findingsPublish's frame: its params' keys as findingsPublish makes them, without reading the list. */
function sourceFrame(msg: unknown, s: PublishSource): { before: string; after: string } | undefined {
  return frame(msg as Message, { uri: s.uri, version: s.version, diagnostics: [] });
}

/** The message's JSON: JSON.stringify's text. */
export function messageJson(msg: unknown): string {
  const s = sourceOf(msg);
  const sf = s && sourceFrame(msg, s);
  if (s && sf) {
    const { found } = s;
    const parts: string[] = [];
    for (let i = 0; i < found.length; i++) {
      const head = found.head(i);
      parts.push(head ? `${head.text}${found.version}}}` : JSON.stringify(found.diagnosticAt(i)));
    }
    for (const d of s.extra) parts.push(diagnosticJson(d));
    return `${sf.before}${parts.join(',')}${sf.after}`;
  }
  const f = framed(msg);
  if (!f) return JSON.stringify(msg);
  return `${f.before}${f.diagnostics.map(diagnosticJson).join(',')}${f.after}`;
}

const bytesOf = (head: DiagnosticHead): Uint8Array => (head.bytes ??= Buffer.from(head.text, 'utf8'));
const COMMA = Buffer.from(',');

/** The chunks in one buffer (Buffer.concat makes a view of each chunk to copy it: ~16,000 of them in a big publish). */
function concat(chunks: readonly Uint8Array[]): Buffer {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** messageJson's text in UTF-8: the bytes of each reused diagnostic text are kept with it. */
export function messageBytes(msg: unknown): Buffer {
  const s = sourceOf(msg);
  const sf = s && sourceFrame(msg, s);
  if (s && sf) {
    const { found, extra } = s;
    const chunks: Uint8Array[] = [Buffer.from(sf.before, 'utf8')];
    // Each diagnostic's "<version>}}" and the comma after it, but the last one's.
    const tail = Buffer.from(`${found.version}}},`, 'utf8');
    const n = found.length + extra.length;
    for (let i = 0; i < found.length; i++) {
      const head = found.head(i);
      const last = i === n - 1;
      if (head) chunks.push(bytesOf(head), last ? tail.subarray(0, tail.length - 1) : tail);
      else {
        chunks.push(Buffer.from(JSON.stringify(found.diagnosticAt(i)), 'utf8'));
        if (!last) chunks.push(COMMA);
      }
    }
    extra.forEach((d, i) => {
      if (i) chunks.push(COMMA);
      chunks.push(Buffer.from(diagnosticJson(d), 'utf8'));
    });
    chunks.push(Buffer.from(sf.after, 'utf8'));
    return concat(chunks);
  }
  const f = framed(msg);
  if (!f) return Buffer.from(JSON.stringify(msg), 'utf8');
  const chunks: Uint8Array[] = [Buffer.from(f.before, 'utf8')];
  const tails = new Map<number, Buffer>();
  f.diagnostics.forEach((d, i) => {
    if (i) chunks.push(COMMA);
    const head = headOf(d);
    if (!head) return void chunks.push(Buffer.from(JSON.stringify(d), 'utf8'));
    const version = (d.data as { version: number }).version;
    let tail = tails.get(version);
    if (!tail) tails.set(version, (tail = Buffer.from(`${version}}}`, 'utf8')));
    chunks.push(bytesOf(head), tail);
  });
  chunks.push(Buffer.from(f.after, 'utf8'));
  return concat(chunks);
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

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
import { diagnosticJson, headOf, sharedEnds, type DiagnosticHead, type FindingDiagnostics } from '../service/diagnostics';

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

/**
 * The findings' diagnostics of the last findings publish of a URI, as written: the next
 * publish of the same document copies runs of the diagnostics it shares with it (the same
 * findings: an edit keeps most of them) from these bytes, and only writes their versions again.
 */
export interface WrittenFindings {
  /** The findings written. */
  findings: readonly unknown[];
  /** The diagnostics, comma-separated, in the message written. */
  bytes: Uint8Array;
  /** Each diagnostic's start and end in `bytes`, and where its data.version digits start. */
  starts: Int32Array;
  ends: Int32Array;
  versionAt: Int32Array;
  /** The digits of the version written. */
  digits: Uint8Array;
}

/** Runs of the previous publish's diagnostics to copy, and single diagnostics to write from their heads. */
type Piece = { from: number; to: number } | { head: DiagnosticHead } | { bytes: Uint8Array };

/**
 * The pieces of a findings publish's diagnostics: the findings it shares with `prev` at their
 * start and end are two runs of prev's bytes; in between, a diagnostic whose head `prev` wrote
 * at index j joins the run of j - 1 (copied as one block), any other is written from its head
 * (or its JSON). `middle`: the indices not in the two runs (their heads are stamped).
 */
function piecesOf(found: FindingDiagnostics, prev: WrittenFindings | undefined, digits: Uint8Array): { pieces: Piece[]; size: number; middle: [number, number] } {
  const reuse = prev !== undefined && prev.digits.length === digits.length;
  const pieces: Piece[] = [];
  const n = found.length;
  let size = Math.max(0, n - 1);
  // The end runs stop before any diagnostic prev wrote as whole JSON (no version digits to write).
  const ends = reuse ? sharedEnds(prev.findings, found.findings) : { head: 0, tail: 0 };
  const runOf = (from: number, to: number): void => {
    if (to <= from) return;
    pieces.push({ from, to });
    size += prev!.ends[to - 1] - prev!.starts[from] - (to - from - 1);
  };
  let head = ends.head;
  for (let j = 0; j < head; j++) if (prev!.versionAt[j] < 0) head = j;
  let tail = ends.tail;
  const m = prev?.findings.length ?? 0;
  for (let t = 0; t < tail; t++) if (prev!.versionAt[m - 1 - t] < 0) tail = t;
  runOf(0, head);
  let run: { from: number; to: number } | undefined;
  for (let i = head; i < n - tail; i++) {
    const head = found.head(i);
    if (head && reuse && head.by === prev && head.at! >= 0) {
      const j = head.at!;
      if (run && run.to === j) run.to = j + 1;
      else pieces.push((run = { from: j, to: j + 1 }));
      size += prev.ends[j] - prev.starts[j];
      continue;
    }
    run = undefined;
    if (head) {
      pieces.push({ head });
      // Its text is written straight into the message (not kept as bytes: the next publish copies it from this one).
      size += (head.bytes ? head.bytes.length : Buffer.byteLength(head.text, 'utf8')) + digits.length + 2;
    } else {
      const bytes = Buffer.from(JSON.stringify(found.diagnosticAt(i)), 'utf8');
      pieces.push({ bytes });
      size += bytes.length;
    }
  }
  // A middle run that continues into the tail run is still two pieces (each copied as a block).
  runOf(m - tail, m);
  return { pieces, size, middle: [head, n - tail] };
}

/** Writes the pieces into `out` at `at`, with the version's digits; returns what the next publish can reuse. */
function writePieces(out: Buffer, at: number, pieces: readonly Piece[], prev: WrittenFindings | undefined, digits: Uint8Array, findings: readonly unknown[]): WrittenFindings {
  const count = findings.length;
  const begin = at;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const versionAt = new Int32Array(count);
  let i = 0;
  const comma = (): void => {
    if (i) out[at++] = 0x2c;
  };
  for (const p of pieces) {
    if ('from' in p) {
      const old = prev!;
      comma();
      const shift = at - begin - old.starts[p.from];
      out.set(old.bytes.subarray(old.starts[p.from], old.ends[p.to - 1]), at);
      for (let j = p.from; j < p.to; j++, i++) {
        starts[i] = old.starts[j] + shift;
        ends[i] = old.ends[j] + shift;
        const v = (versionAt[i] = old.versionAt[j] + shift) + begin;
        for (let d = 0; d < digits.length; d++) out[v + d] = digits[d];
      }
      at = begin + ends[i - 1];
      continue;
    }
    comma();
    starts[i] = at - begin;
    if ('head' in p) {
      const b = p.head.bytes;
      if (b) {
        out.set(b, at);
        at += b.length;
      } else at += out.write(p.head.text, at, 'utf8');
      versionAt[i] = at - begin;
      out.set(digits, at);
      at += digits.length;
      out[at++] = 0x7d;
      out[at++] = 0x7d;
    } else {
      out.set(p.bytes, at);
      at += p.bytes.length;
      versionAt[i] = -1;
    }
    ends[i] = at - begin;
    i++;
  }
  return { findings, bytes: out.subarray(begin, at), starts, ends, versionAt, digits };
}

/**
 * messageJson's text in UTF-8: the bytes of each reused diagnostic text are kept with it.
 * `written` (the writer's, per URI): a findings publish copies the diagnostics it shares with
 * the last one written for its URI from that one's bytes.
 */
export function messageBytes(msg: unknown, written?: Map<string, WrittenFindings>): Buffer {
  const s = sourceOf(msg);
  const sf = s && sourceFrame(msg, s);
  if (s && sf) {
    const { found, extra } = s;
    const open = Buffer.from(sf.before, 'utf8');
    const close = Buffer.from(sf.after, 'utf8');
    const added = extra.map((d) => Buffer.from(diagnosticJson(d), 'utf8'));
    const digits = Buffer.from(String(found.version), 'utf8');
    const prev = written?.get(s.uri);
    const { pieces, size, middle } = piecesOf(found, prev, digits);
    let total = open.length + size + close.length;
    for (const b of added) total += b.length + 1;
    if (!found.length && added.length) total--;
    const out = Buffer.allocUnsafe(total);
    out.set(open, 0);
    const done = writePieces(out, open.length, pieces, prev, digits, found.findings);
    let at = open.length + done.bytes.length;
    added.forEach((b, k) => {
      if (k || found.length) out[at++] = 0x2c;
      out.set(b, at);
      at += b.length;
    });
    out.set(close, at);
    if (written) {
      // The heads written or copied one by one now point at this publish (those of the two end
      // runs keep the older stamp: a later publish copies them by their place in this one).
      for (let i = middle[0]; i < middle[1]; i++) {
        const head = found.head(i);
        if (head && done.versionAt[i] >= 0) {
          head.by = done;
          head.at = i;
        }
      }
      written.set(s.uri, done);
    }
    return out;
  }
  // Any other publish of a URI: the next findings publish starts afresh.
  const uri = (msg as Message)?.method === PUBLISH ? (msg as { params?: { uri?: unknown } }).params?.uri : undefined;
  if (typeof uri === 'string') written?.delete(uri);
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
  const written = new Map<string, WrittenFindings>();
  return new StreamMessageWriter(output, {
    contentTypeEncoder: {
      name: 'application/json',
      encode: (msg, options) => {
        try {
          return Promise.resolve(options.charset === 'utf-8' ? messageBytes(msg, written) : Buffer.from(JSON.stringify(msg), options.charset));
        } catch (err) {
          return Promise.reject(err);
        }
      },
    },
  });
}

/**
 * The --format json contract (version 1): keys may be added, none removed or renamed.
 * Positions are 1-based; `path` starts at the document's top key. A finding of a check across
 * claims adds `related`: the other claims it depends on (file as shown, claim id, path, position).
 *
 * The text is jsonSafe(JSON.stringify(report, null, 2)) of that shape, byte for byte, but
 * written finding by finding as UTF-8 in chunks of about a megabyte (jsonSafe applies per
 * string: what it escapes can only stand inside one): a 10,000-claim file's 40 MB of JSON is
 * never one string, nor a tree of objects made only to be stringified.
 */
import { isFixable, type FileReport, type StreamingFormatter } from '../report';
import { jsonSafe } from './safe';
import type { LocatedFinding, RelatedLocation } from '../../core/lite';

const CHUNK_BYTES = 1 << 20;

/** A value as JSON.stringify writes it inside an object (undefined: the key is left out). */
function value(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string') return quoted(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = JSON.stringify(v);
  return text === undefined ? undefined : jsonSafe(text);
}

/** `"key": value` lines of an object at `indent`, as JSON.stringify(…, null, 2) writes them. */
function members(entries: [string, unknown][], indent: string): string {
  let out = '';
  for (const [key, v] of entries) out = member(out, key, v, indent);
  return out;
}

/** `out` (an object's lines so far) with the `"key": value` line added; as it is when the value is left out. */
function member(out: string, key: string, v: unknown, indent: string): string {
  return line(out, key, value(v), indent);
}

function line(out: string, key: string, text: string | undefined, indent: string): string {
  return text === undefined ? out : `${out}${out ? ',\n' : ''}${indent}"${key}": ${text}`;
}

/** value() of a rule id or a severity: the few there are quoted once each (a big report writes them ~80,000 times). */
const quotedNames = new Map<string, string>();
function nameValue(v: unknown): string | undefined {
  if (typeof v !== 'string') return value(v);
  let q = quotedNames.get(v);
  if (q === undefined) {
    q = quoted(v);
    if (quotedNames.size < 1000) quotedNames.set(v, q);
  }
  return q;
}

/**
 * A string as JSON.stringify writes it, then made safe: as is between quotes when nothing in it
 * needs escaping (quotes, backslashes, controls, surrogates, or what jsonSafe escapes).
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]/;
const quoted = (s: string): string => (NEEDS_ESCAPE.test(s) ? jsonSafe(JSON.stringify(s)) : `"${s}"`);

function relatedText(r: RelatedLocation): string {
  const { line, character } = r.range.start;
  return members(
    [
      ['file', r.file],
      ['claimId', r.claimId],
      ['path', r.path],
      ['line', line + 1],
      ['column', character + 1],
      ['message', r.message],
    ],
    '              ',
  );
}

function findingText(f: LocatedFinding): string {
  const related = 'related' in f && Array.isArray(f.related) && f.related.length ? (f.related as RelatedLocation[]) : undefined;
  let out = usual(f) ? usualMembers(f) : memberByMember(f);
  if (related) out += `,\n          "related": [\n${related.map((r) => `            {\n${relatedText(r)}\n            }`).join(',\n')}\n          ]`;
  return `        {\n${out}\n        }`;
}

/** A finding whose members are all of their usual kinds: strings, and whole numbers for the document and positions. */
function usual(f: LocatedFinding): boolean {
  const { start, end } = f.range;
  return (
    typeof f.rule === 'string' && typeof f.severity === 'string' && typeof f.message === 'string' && typeof f.path === 'string' &&
    Number.isInteger(f.document) && Number.isInteger(start.line) && Number.isInteger(start.character) && Number.isInteger(end.line) && Number.isInteger(end.character)
  );
}

/**
 * A usual finding's members written in one piece (a big report has ~80,000 findings: member
 * by member, each line a string of its own, was most of the report's time); the same text as
 * memberByMember() writes.
 */
function usualMembers(f: LocatedFinding): string {
  const { start, end } = f.range;
  const I = '          ';
  return (
    `${I}"rule": ${nameValue(f.rule)},\n${I}"severity": ${nameValue(f.severity)},\n${I}"message": ${quoted(f.message)},\n${I}"document": ${f.document},\n` +
    `${I}"path": ${quoted(f.path)},\n${I}"line": ${start.line + 1},\n${I}"column": ${start.character + 1},\n${I}"endLine": ${end.line + 1},\n` +
    `${I}"endColumn": ${end.character + 1},\n${I}"fixable": ${isFixable(f) ? 'true' : 'false'}`
  );
}

/** A finding's members one by one, each as JSON.stringify writes it (or left out). */
function memberByMember(f: LocatedFinding): string {
  const { start, end } = f.range;
  const I = '          ';
  let out = line('', 'rule', nameValue(f.rule), I);
  out = line(out, 'severity', nameValue(f.severity), I);
  out = member(out, 'message', f.message, I);
  out = member(out, 'document', f.document, I);
  out = member(out, 'path', f.path, I);
  out = member(out, 'line', start.line + 1, I);
  out = member(out, 'column', start.character + 1, I);
  out = member(out, 'endLine', end.line + 1, I);
  out = member(out, 'endColumn', end.character + 1, I);
  return member(out, 'fixable', isFixable(f), I);
}

function fileHead(r: FileReport): string {
  return members(
    [
      ['path', r.path],
      ['errorCount', r.errorCount],
      ['warningCount', r.warningCount],
      ['infoCount', r.infoCount],
    ],
    '      ',
  );
}

/**
 * UTF-8 written into buffers of about CHUNK_BYTES, each finding's text as it is made: a
 * string per finding encoded in place, not pieces joined into a megabyte of text and then
 * encoded (measured on 76,000 findings: 170–240 → 100–175 ms). A text is never split
 * between two buffers.
 */
class ByteChunks {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;

  /** Appends `text`; returns the full buffer it did not fit in, if any (a new one then holds it). */
  add(text: string): Buffer | undefined {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair, 4 for 2).
    const room = 3 * text.length;
    const full = this.at + room > this.buf.length && this.at > 0 ? this.take() : undefined;
    if (room > this.buf.length) this.buf = Buffer.allocUnsafe(room);
    this.at += this.buf.write(text, this.at);
    return full;
  }

  /** The bytes written so far; a new buffer takes what follows. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    return out;
  }
}

function* jsonChunks(reports: FileReport[]): Generator<Buffer> {
  const out = new ByteChunks();
  const texts = function* (): Generator<string> {
    yield `{\n  "version": 1,\n  "files": ${reports.length ? '[\n' : '[]'}`;
    for (const [i, r] of reports.entries()) {
      yield `${i ? ',\n' : ''}    {\n${fileHead(r)},\n      "findings": ${r.findings.length ? '[\n' : '[]'}`;
      for (const [k, f] of r.findings.entries()) yield k ? `,\n${findingText(f)}` : findingText(f);
      yield `${r.findings.length ? '\n      ]' : ''}\n    }`;
    }
    yield `${reports.length ? '\n  ]' : ''}\n}\n`;
  };
  for (const text of texts()) {
    const full = out.add(text);
    if (full) yield full;
  }
  yield out.take();
}

export const formatJson: StreamingFormatter = Object.assign((reports: FileReport[]) => Buffer.concat([...jsonChunks(reports)]).toString(), { chunks: jsonChunks });

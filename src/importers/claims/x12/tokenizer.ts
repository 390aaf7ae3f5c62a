/**
 * X12 segments out of text that arrives in chunks, honouring the separators each ISA
 * declares: element (ISA position 4), repetition (ISA11), component (ISA16) and segment
 * terminator (the character after ISA16). Line breaks between segments (LF or CRLF) are
 * skipped; a terminator of LF with CRLF line ends works too. Every interchange of a file
 * may declare its own separators.
 *
 * Why not a library: the X12 parsers in the npm registry (node-x12, x12-parser) take the
 * separators from the first ISA only and silently lose or garble a later interchange that
 * declares others; see docs/import.md.
 */
import { ImportError } from '../types';

export interface Separators {
  element: string;
  component: string;
  /** Undefined when ISA11 is the 4010 standards id "U" rather than a separator. */
  repetition?: string;
  segment: string;
}

export interface Segment {
  /** Segment id, e.g. "SV1". */
  tag: string;
  /** elements[i] is element i (elements[0] is the tag), as raw text. */
  elements: string[];
  /** 1-based position of the segment in the file. */
  ordinal: number;
  seps: Separators;
}

/** Element separator positions of the fixed-length ISA (106 characters with its terminator). */
const ISA_ELEMENT_OFFSETS = [3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103];
const ISA_LENGTH = 106;
const TAG = /^[A-Z][A-Z0-9]{1,2}$/;
/**
 * Characters of one segment, terminator not found yet. An 837P segment claimlint reads holds
 * at most a few dozen elements of at most 80 characters; a longer run without a terminator is
 * a broken or hostile file, refused before it is buffered further (docs/limits.md).
 */
export const MAX_SEGMENT_CHARS = 16 * 1024;

function isBlank(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === ' ' || ch === '\t' || ch === '\uFEFF';
}

export class X12Tokenizer {
  private buf = '';
  private pos = 0;
  /** Where the search for the next terminator resumes: text before it was searched already. */
  private searched = 0;
  private seps: Separators | undefined;
  private ordinal = 0;

  /** Feeds the next chunk of text; returns the segments completed by it. */
  push(chunk: string): Segment[] {
    this.buf = this.pos ? this.buf.slice(this.pos) + chunk : this.buf + chunk;
    this.searched = Math.max(0, this.searched - this.pos);
    this.pos = 0;
    return this.scan(false);
  }

  /** The end of the text: returns the last segments, or throws when the text is cut short. */
  end(): Segment[] {
    const out = this.scan(true);
    if (this.seps) throw new ImportError(`segment ${this.ordinal}`, 'the file ends inside an interchange (no IEA trailer): is it cut short?');
    if (this.ordinal === 0) throw new ImportError('', 'the file is empty (no X12 837P content)');
    return out;
  }

  private scan(final: boolean): Segment[] {
    const out: Segment[] = [];
    const buf = this.buf;
    for (;;) {
      if (!this.seps) {
        while (this.pos < buf.length && isBlank(buf[this.pos])) this.pos++;
        if (this.pos >= buf.length) break;
        if (buf.length - this.pos < ISA_LENGTH && !final) break;
        out.push(this.readIsa(buf));
        continue;
      }
      // Each character is searched once, however the text is cut into chunks (linear).
      const end = buf.indexOf(this.seps.segment, Math.max(this.pos, this.searched));
      if (end < 0) {
        this.searched = buf.length;
        if (buf.length - this.pos > MAX_SEGMENT_CHARS) {
          throw new ImportError(`segment ${this.ordinal + 1}`, `more than ${MAX_SEGMENT_CHARS / 1024} KB without a segment terminator (claimlint's limit): is the terminator in ISA wrong, or the file not an 837?`);
        }
        if (final) {
          let p = this.pos;
          while (p < buf.length && isBlank(buf[p])) p++;
          if (p < buf.length) throw new ImportError(`segment ${this.ordinal + 1}`, 'the last segment has no terminator: is the file cut short?');
          this.pos = buf.length;
        }
        break;
      }
      let start = this.pos;
      while (start < end && isBlank(buf[start])) start++;
      if (end - start > MAX_SEGMENT_CHARS) {
        throw new ImportError(`segment ${this.ordinal + 1}`, `longer than ${MAX_SEGMENT_CHARS / 1024} KB (claimlint's limit for one segment): is the file an 837?`);
      }
      let stop = end;
      if (this.seps.segment === '\n' && stop > start && buf[stop - 1] === '\r') stop--;
      this.pos = end + 1;
      if (stop === start) continue;
      this.ordinal++;
      const elements = buf.slice(start, stop).split(this.seps.element);
      const tag = elements[0];
      const where = `segment ${this.ordinal}`;
      if (!TAG.test(tag)) throw new ImportError(where, 'not an X12 segment (a segment starts with a 2–3 character id)');
      if (tag === 'ISA') throw new ImportError(`${where} (ISA)`, 'a new interchange starts before the previous one ended (no IEA trailer)');
      out.push({ tag, elements, ordinal: this.ordinal, seps: this.seps });
      if (tag === 'IEA') this.seps = undefined;
    }
    return out;
  }

  private readIsa(buf: string): Segment {
    this.ordinal++;
    const where = `segment ${this.ordinal}`;
    const p = this.pos;
    if (buf.slice(p, p + 3) !== 'ISA') {
      throw new ImportError(where, this.ordinal === 1 ? 'not an X12 file: it does not start with an ISA interchange header' : 'expected an ISA interchange header after IEA');
    }
    if (buf.length - p < ISA_LENGTH) throw new ImportError(`${where} (ISA)`, 'the ISA segment is cut short (it has 106 characters)');
    const element = buf[p + 3];
    for (const o of ISA_ELEMENT_OFFSETS) {
      if (buf[p + o] !== element) {
        throw new ImportError(`${where} (ISA)`, 'the ISA segment does not have its 16 elements at their fixed widths (106 characters)');
      }
    }
    const isa11 = buf[p + 82];
    const component = buf[p + 104];
    const segment = buf[p + 105];
    const repetition = isa11 === 'U' ? undefined : isa11;
    const declared = [element, component, segment, ...(repetition ? [repetition] : [])];
    if (new Set(declared).size !== declared.length || declared.some((c) => /[A-Za-z0-9]/.test(c))) {
      throw new ImportError(`${where} (ISA)`, 'the separators declared in ISA (element, ISA11 repetition, ISA16 component, terminator) must be distinct non-alphanumeric characters');
    }
    this.seps = { element, component, repetition, segment };
    this.pos = p + ISA_LENGTH;
    return { tag: 'ISA', elements: buf.slice(p, p + ISA_LENGTH - 1).split(element), ordinal: this.ordinal, seps: this.seps };
  }
}

/** All segments of a whole text (the streaming reader feeds chunks instead). */
export function tokenize(text: string): Segment[] {
  const t = new X12Tokenizer();
  return [...t.push(text), ...t.end()];
}

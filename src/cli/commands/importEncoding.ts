/**
 * The text encoding of `claimlint import` inputs. UTF-8 by default, strictly: an export
 * saved as Windows-1252 (é as byte E9) used to turn into U+FFFD without a word. A file that
 * is not valid UTF-8 is refused (exit 2), naming the line and byte; `--encoding windows-1252`
 * (any label the WHATWG Encoding Standard knows: latin1, iso-8859-1, …) decodes it instead.
 */
import { TextDecoder } from 'node:util';
import { ImportError } from '../../importers/claims';

const UTF8 = 'utf-8';

/** A usage problem with `--encoding`, or undefined. */
export function encodingProblem(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    new TextDecoder(label);
    return undefined;
  } catch {
    return `unknown --encoding "${label}" (e.g. utf-8, windows-1252, iso-8859-1)`;
  }
}

/** A decoder: strict UTF-8 without `--encoding`, else the named encoding. */
export function textDecoder(label: string | undefined): TextDecoder {
  return new TextDecoder(label ?? UTF8, { fatal: label === undefined });
}

/** Where the first byte that is not UTF-8 is: its line (from 1) and offset. */
function firstInvalid(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (!ok) return { line, byte: i };
    if (b === 0x0a) line++;
    i += need + 1;
  }
  return { line, byte: bytes.length };
}

function notUtf8(where: string): ImportError {
  return new ImportError(where, 'not UTF-8 text (exports from Windows programs are often Windows-1252): pass --encoding windows-1252, or save the file as UTF-8');
}

/** A whole input's text; throws ImportError when it is not UTF-8 and no `--encoding` was given. */
export function decodeWhole(bytes: Uint8Array, label: string | undefined): string {
  try {
    return textDecoder(label).decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    throw notUtf8(`line ${at.line} (byte ${at.byte + 1})`);
  }
}

/** The next chunk of a streamed input (`more`: not the last); throws ImportError at the first byte that is not UTF-8. */
export function decodeChunk(decoder: TextDecoder, chunk: Uint8Array, offset: number, more: boolean): string {
  try {
    return decoder.decode(chunk, { stream: more });
  } catch {
    throw notUtf8(`near byte ${offset + firstInvalid(chunk).byte + 1}`);
  }
}

/**
 * Text from a file (a key, a code, a file name) must not drive the terminal or break a
 * report's syntax: control characters are written as visible escapes in every format, and
 * characters XML 1.0 forbids are left out of JUnit.
 */

/** C0 and C1 controls (tab kept), DEL, and the bidirectional overrides that reorder text. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** ESC becomes "\x1b", a line break "\x0a": visible, inert, and one line stays one line. */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON text with the controls JSON.stringify leaves raw (C1, DEL, bidi, line separators) escaped. */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE/FFFF). */
const XML_INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Attribute- and text-safe XML: controls shown as escapes, other invalid characters dropped, markup escaped. */
export function xmlSafe(s: string): string {
  return terminalSafe(s)
    .replace(XML_INVALID, '')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * Conversions between core offsets (spans, text edits) and LSP ranges and edits, and the
 * versioned WorkspaceEdits that code actions and commands hand to the client.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Span, TextEdit as CoreEdit } from '../core';

export function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function lspEdits(doc: TextDocument, edits: readonly CoreEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: rangeOf(doc, e), newText: e.newText }));
}

/**
 * One edit turning `before` into `after`: the changed middle only, so that the cursor,
 * folding and undo history outside the change are left alone.
 */
export function diffEdit(doc: TextDocument, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a surrogate pair or a CRLF.
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  return [{ range: rangeOf(doc, { start, end: endBefore }), newText: after.slice(start, endAfter) }];
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export interface EditOptions {
  /** The client accepts WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
}

/**
 * A WorkspaceEdit for one document. With documentChanges it is pinned to the document's
 * version, so the client refuses it if the text changed in the meantime.
 */
export function workspaceEdit(doc: TextDocument, edits: TextEdit[], options: EditOptions): WorkspaceEdit {
  if (options.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits)] };
  }
  return { changes: { [doc.uri]: edits } };
}

/** Line break used by the document (for inserted lines). */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

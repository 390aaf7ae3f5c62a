/**
 * Claim texts for the language-server tests, and the caret marker: `^` marks the position
 * of a hover or completion request and is removed before the text is sent.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

export function caret(marked: string, marker = '^'): { text: string; offset: number; position: Position } {
  const offset = marked.indexOf(marker);
  if (offset < 0 || marked.indexOf(marker, offset + 1) >= 0) throw new Error(`fixture needs exactly one ${marker}`);
  const text = marked.slice(0, offset) + marked.slice(offset + marker.length);
  return { text, offset, position: TextDocument.create('x', 'yaml', 0, text).positionAt(offset) };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 0, text), edits);
}

/** The edits of a WorkspaceEdit for one document, with the version they are pinned to. */
export function editsFor(edit: WorkspaceEdit, uri: string): { edits: TextEdit[]; version?: number | null } {
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) return { edits: change.edits as TextEdit[], version: change.textDocument.version };
  }
  return { edits: edit.changes?.[uri] ?? [] };
}

export { claimFile, claimItem, type ClaimOptions } from '../../support/claimSamples';

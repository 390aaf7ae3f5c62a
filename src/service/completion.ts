/**
 * Completion: codes (with their plain-language description), modifiers valid for the
 * plan's discipline, enum values of the format (payer type, unit rule, disciplines,
 * assistance level) and the keys valid in the mapping at the cursor.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver';
import { type Analysis, type ResolvedConfig, own } from '../core';
import { allCodes, modifierInfo, type CodeInfo } from '../core/explain';
import { dataDate, rawAt } from './claimData';
import { rangeOf } from './edits';
import { enumValuesAt, keysAt, type KeyInfo } from './schemaNav';
import { cursorContext, type CursorContext } from './yamlCursor';
import { kindLabel } from './hoverText';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function completion(analysis: Analysis, doc: TextDocument, position: Position, config: ResolvedConfig): CompletionList {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const ctx = cursorContext(text, offset);
  if (!ctx) return EMPTY;
  const range = rangeOf(doc, ctx.replace);
  if (ctx.kind === 'key') return { isIncomplete: false, items: keyItems(ctx, range) };

  const raw = analysis.claimAt(offset)?.raw;
  const date = dataDate(raw, config);
  const valuePath = [...ctx.path, ctx.key];
  let items: CompletionItem[] = [];
  if (ctx.key === 'code' && ctx.kind === 'value') items = codeItems(allCodes(date), ctx);
  else if (ctx.key === 'modifiers' && ctx.kind === 'item') items = modifierItems(raw, date, ctx);
  else if (ctx.kind === 'value') items = (enumValuesAt(valuePath) ?? []).map((v, i) => valueItem(v, CompletionItemKind.EnumMember, ctx, i));
  for (const item of items) if (!item.textEdit) item.textEdit = { range, newText: item.insertText ?? item.label };
  return { isIncomplete: false, items };
}

type ValueContext = Extract<CursorContext, { kind: 'value' | 'item' }>;

/** Quote a code unless the user already opened a quote. */
function quoted(value: string, ctx: ValueContext, always: boolean): string {
  if (ctx.quote) return ctx.closed ? value : value + ctx.quote;
  return always ? `"${value}"` : value;
}

function codeItems(codes: CodeInfo[], ctx: ValueContext): CompletionItem[] {
  return codes.map((c, i) => ({
    label: c.code,
    kind: CompletionItemKind.Value,
    detail: `${c.short} — ${kindLabel(c)}`,
    documentation: { kind: MarkupKind.Markdown, value: c.description },
    filterText: c.code,
    sortText: String(i).padStart(4, '0'),
    insertText: quoted(c.code, ctx, true),
  }));
}

/** Modifiers that fit the claim: its plan's therapy modifier, CQ/CO where allowed, KX, 59/X. */
export function suggestedModifiers(raw: unknown, date: string): string[] {
  const plan = String(rawAt(raw, 'plan_of_care', 'discipline') ?? rawAt(raw, 'provider', 'discipline') ?? '');
  const therapy = own<string[]>({ PT: ['GP'], OT: ['GO'], SLP: ['GN'] }, plan) ?? ['GP', 'GO', 'GN'];
  const assistant = own<string[]>({ PT: ['CQ'], OT: ['CO'], SLP: [] }, plan) ?? ['CQ', 'CO'];
  return [...therapy, ...assistant, 'KX', '59', 'XE', 'XS', 'XP', 'XU'].filter((m) => modifierInfo(m, date));
}

function modifierItems(raw: unknown, date: string, ctx: ValueContext): CompletionItem[] {
  const taken = new Set(ctx.existing.map((m) => m.toUpperCase()));
  return suggestedModifiers(raw, date)
    .filter((m) => !taken.has(m))
    .map((m, i) => {
      const info = modifierInfo(m, date)!;
      return {
        ...valueItem(m, CompletionItemKind.EnumMember, ctx, i),
        detail: info.description,
        documentation: info.whenRequired ? { kind: MarkupKind.Markdown, value: `**When:** ${info.whenRequired}` } : undefined,
        // 59 would be read as a number unquoted; the schema accepts both, quoting keeps it text.
        insertText: quoted(m, ctx, /^\d/.test(m)),
      };
    });
}

function valueItem(value: string, kind: CompletionItemKind, ctx: ValueContext, i: number): CompletionItem {
  return { label: value, kind, sortText: String(i).padStart(4, '0'), insertText: quoted(value, ctx, false) };
}

function keyItems(ctx: Extract<CursorContext, { kind: 'key' }>, range: ReturnType<typeof rangeOf>): CompletionItem[] {
  const indent = ' '.repeat(ctx.column + 2);
  return keysAt(ctx.path)
    .filter((k) => !ctx.siblings.has(k.key))
    .map((k, i) => {
      const snippet = keySnippet(k, indent);
      return {
        label: k.key,
        kind: CompletionItemKind.Property,
        detail: k.required ? 'required' : 'optional',
        documentation: k.description,
        sortText: `${k.required ? 0 : 1}${String(i).padStart(3, '0')}`,
        insertTextFormat: snippet.format,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range, newText: snippet.text },
      };
    });
}

function keySnippet(k: KeyInfo, indent: string): { text: string; format: InsertTextFormat } {
  if (k.type === 'object') return { text: `${k.key}:\n${indent}`, format: InsertTextFormat.PlainText };
  if (k.type === 'array' && k.itemType === 'object') return { text: `${k.key}:\n${indent}- `, format: InsertTextFormat.PlainText };
  if (k.type === 'array') return { text: `${k.key}: [$1]`, format: InsertTextFormat.Snippet };
  return { text: `${k.key}: `, format: InsertTextFormat.PlainText };
}

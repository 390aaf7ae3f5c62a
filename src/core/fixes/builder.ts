/**
 * Builds text edits against the source map: set a value, add or remove a sequence item,
 * insert a key. Edits touch only the named node, so comments and formatting elsewhere stay.
 * Everything is read from the source map's spans and shapes (no YAML nodes).
 */
import { contentEnd, joinPath, type SourceEntry, type SourceMap } from '../parse/sourceMap';
import type { TextEdit } from '../types';

export class FixBuilder {
  /** New lines follow the file's own line endings. */
  private readonly eol: string;

  constructor(
    private readonly text: string,
    private readonly src: SourceMap,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  /**
   * Replace the value at `path`, or insert `key: value` into its parent mapping (right
   * after the entry `afterKey` when the mapping has one, else as its last entry).
   */
  setValue(path: string, valueText: string, afterKey?: string): TextEdit[] {
    const entry = this.src.get(path);
    if (entry && entry.value.end > entry.value.start) return [{ ...entry.value, newText: valueText }];
    if (entry?.key) {
      const edit = this.emptyValue(entry.key.end, valueText);
      return edit ? [edit] : [];
    }
    const cut = path.lastIndexOf('.');
    return this.insertKey(cut < 0 ? '' : path.slice(0, cut), path.slice(cut + 1), valueText, afterKey);
  }

  /** `key:` with no value: write after the colon. */
  private emptyValue(keyEnd: number, valueText: string): TextEdit | undefined {
    const colon = this.text.indexOf(':', keyEnd);
    if (colon < 0) return undefined;
    return { start: colon + 1, end: colon + 1, newText: ` ${valueText}` };
  }

  /**
   * Add `key: value` to the mapping at `mapPath`: right after the entry `afterKey` when
   * given and present, else as the last entry.
   */
  insertKey(mapPath: string, key: string, valueText: string, afterKey?: string): TextEdit[] {
    const map = this.src.get(mapPath);
    if (map?.kind !== 'map') return [];
    const after = afterKey === undefined ? undefined : this.entryEnd(mapPath, afterKey);
    if (map.flow) {
      if (after !== undefined) return [{ start: after, end: after, newText: `, ${key}: ${valueText}` }];
      return this.insertIntoFlow(mapPath, map, `${key}: ${valueText}`);
    }
    const firstKey = map.keys!.length ? this.src.get(joinPath(mapPath, map.keys![0]))?.key : undefined;
    const indent = this.columnOf(firstKey ? firstKey.start : map.value.start);
    const at = this.lineStartAfter(after ?? contentEnd(this.src, mapPath));
    const block = valueText.includes('\n');
    const line = `${' '.repeat(indent)}${key}:${block ? '' : ' '}${valueText.replace(/\r?\n/g, this.eol)}${this.eol}`;
    return [{ start: at, end: at, newText: this.needsNewline(at) ? `${this.eol}${line}` : line }];
  }

  /**
   * Append an item to the sequence at `seqPath`; when absent, create `key: [item]` (after
   * the sibling entry `afterKey` when there is one, see insertKey).
   */
  addItem(seqPath: string, itemText: string, afterKey?: string): TextEdit[] {
    const seq = this.src.get(seqPath);
    if (seq?.kind !== 'seq') return this.setValue(seqPath, `[${itemText}]`, afterKey);
    if (seq.flow) return this.insertIntoFlow(seqPath, seq, itemText);
    const first = seq.count ? this.src.get(joinPath(seqPath, 0)) : undefined;
    const dash = first && first.kind !== 'none' ? this.text.lastIndexOf('-', first.value.start) : seq.value.start;
    const indent = this.columnOf(dash);
    const at = this.lineStartAfter(contentEnd(this.src, seqPath));
    const line = `${' '.repeat(indent)}- ${itemText}${this.eol}`;
    return [{ start: at, end: at, newText: this.needsNewline(at) ? `${this.eol}${line}` : line }];
  }

  /** Replace item `index` of the sequence at `seqPath`. */
  replaceItem(seqPath: string, index: number, itemText: string): TextEdit[] {
    const entry = this.src.get(joinPath(seqPath, index));
    return entry ? [{ ...entry.value, newText: itemText }] : [];
  }

  /** Remove item `index` of the sequence at `seqPath`, with its separator or its line. */
  removeItem(seqPath: string, index: number): TextEdit[] {
    return this.removeItems(seqPath, [index]);
  }

  /**
   * Remove the items at `indexes` of the sequence at `seqPath` in non-overlapping edits.
   * Block items go with their lines. In a flow list each run of removed items goes with
   * the separator after it (up to the next kept item), or, for a run at the end, with the
   * separator before it — but never across a line break, so a kept item's comment on its
   * own line stays with it.
   */
  removeItems(seqPath: string, indexes: readonly number[]): TextEdit[] {
    const seq = this.src.get(seqPath);
    if (seq?.kind !== 'seq') return [];
    const items: SourceEntry[] = [];
    for (let i = 0; i < seq.count!; i++) {
      const item = this.src.get(joinPath(seqPath, i));
      // Every item must have a node: an empty one has no place to cut around.
      if (!item || item.kind === 'none') return [];
      items.push(item);
    }
    const gone = new Set(indexes.filter((i) => items[i]));
    if (gone.size !== new Set(indexes).size) return [];
    const edits: TextEdit[] = [];
    if (!seq.flow) {
      for (const i of [...gone].sort((a, b) => a - b)) {
        const lineStart = this.text.lastIndexOf('\n', items[i].value.start - 1) + 1;
        edits.push({ start: lineStart, end: this.lineStartAfter(items[i].end), newText: '' });
      }
      return edits;
    }
    for (let i = 0; i < items.length; i++) {
      if (!gone.has(i)) continue;
      let j = i;
      while (gone.has(j + 1)) j++;
      const first = items[i].value;
      const last = items[j].value;
      const next = items[j + 1]?.value;
      const prev = items[i - 1]?.value;
      if (next) edits.push({ start: first.start, end: next.start, newText: '' });
      else if (prev && !/[\r\n]/.test(this.text.slice(prev.end, first.start))) edits.push({ start: prev.end, end: last.end, newText: '' });
      else if (prev) {
        // The run is on lines of its own after the kept items: remove those lines, and keep
        // the kept item's separator and comment (a trailing comma is valid in a flow list).
        const lineStart = this.text.lastIndexOf('\n', first.start - 1) + 1;
        const rest = /^[ \t]*,?[ \t]*(#[^\r\n]*)?\r?\n/.exec(this.text.slice(last.end));
        edits.push({ start: lineStart, end: rest ? last.end + rest[0].length : last.end, newText: '' });
      } else edits.push({ start: first.start, end: last.end, newText: '' });
      i = j;
    }
    return edits;
  }

  /** End of the entry `key` of the mapping at `mapPath` (its value, else its key), if it has one. */
  private entryEnd(mapPath: string, key: string): number | undefined {
    const childPath = joinPath(mapPath, key);
    const entry = this.src.get(childPath);
    if (!entry) return undefined;
    if (entry.kind === 'none') return entry.key?.end;
    return contentEnd(this.src, childPath);
  }

  private insertIntoFlow(path: string, node: SourceEntry, itemText: string): TextEdit[] {
    const close = node.value.end - 1; // position of ] or }
    const closeAt = this.text.lastIndexOf(node.kind === 'seq' ? ']' : '}', close);
    const n = node.kind === 'seq' ? node.count! : node.keys!.length;
    if (n === 0) return [{ start: closeAt, end: closeAt, newText: itemText }];
    // Insert right after the last item so spacing before the bracket is kept.
    const last = this.src.get(node.kind === 'seq' ? joinPath(path, n - 1) : joinPath(path, node.keys![n - 1]));
    const lastEnd = !last ? closeAt : last.kind !== 'none' ? last.value.end : (last.key?.end ?? closeAt);
    return [{ start: lastEnd, end: lastEnd, newText: `, ${itemText}` }];
  }

  private columnOf(offset: number): number {
    return offset - (this.text.lastIndexOf('\n', offset - 1) + 1);
  }

  private lineStartAfter(offset: number): number {
    if (offset > 0 && this.text[offset - 1] === '\n') return offset;
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  private needsNewline(at: number): boolean {
    return at === this.text.length && at > 0 && this.text[at - 1] !== '\n';
  }
}

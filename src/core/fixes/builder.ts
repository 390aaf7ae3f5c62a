/**
 * Builds text edits against the source map: set a value, add or remove a sequence item,
 * insert a key. Edits touch only the named node, so comments and formatting elsewhere stay.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { joinPath, type SourceMap } from '../parse/sourceMap';
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
    const map = this.src.get(mapPath)?.node;
    if (!isMap(map)) return [];
    const after = afterKey === undefined ? undefined : this.entryEnd(map, afterKey);
    if (map.flow) {
      if (after !== undefined) return [{ start: after, end: after, newText: `, ${key}: ${valueText}` }];
      return this.insertIntoFlow(map, `${key}: ${valueText}`);
    }
    const first = map.items[0];
    const firstKey = first?.key as Node | undefined;
    const indent = firstKey?.range ? this.columnOf(firstKey.range[0]) : this.columnOf(map.range![0]);
    const at = this.lineStartAfter(after ?? this.nodeEnd(map));
    const block = valueText.includes('\n');
    const line = `${' '.repeat(indent)}${key}:${block ? '' : ' '}${valueText.replace(/\r?\n/g, this.eol)}${this.eol}`;
    return [{ start: at, end: at, newText: this.needsNewline(at) ? `${this.eol}${line}` : line }];
  }

  /**
   * Append an item to the sequence at `seqPath`; when absent, create `key: [item]` (after
   * the sibling entry `afterKey` when there is one, see insertKey).
   */
  addItem(seqPath: string, itemText: string, afterKey?: string): TextEdit[] {
    const seq = this.src.get(seqPath)?.node;
    if (!isSeq(seq)) return this.setValue(seqPath, `[${itemText}]`, afterKey);
    if (seq.flow) return this.insertIntoFlow(seq, itemText);
    const first = seq.items[0] as Node | undefined;
    const dash = first?.range ? this.text.lastIndexOf('-', first.range[0]) : seq.range![0];
    const indent = this.columnOf(dash);
    const at = this.lineStartAfter(this.nodeEnd(seq));
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
    const seq = this.src.get(seqPath)?.node;
    if (!isSeq(seq)) return [];
    const items = seq.items as Node[];
    const gone = new Set(indexes.filter((i) => items[i]?.range));
    if (gone.size !== new Set(indexes).size || !items.every((n) => n?.range)) return [];
    const edits: TextEdit[] = [];
    if (!seq.flow) {
      for (const i of [...gone].sort((a, b) => a - b)) {
        const range = items[i].range!;
        const lineStart = this.text.lastIndexOf('\n', range[0] - 1) + 1;
        edits.push({ start: lineStart, end: this.lineStartAfter(range[2]), newText: '' });
      }
      return edits;
    }
    for (let i = 0; i < items.length; i++) {
      if (!gone.has(i)) continue;
      let j = i;
      while (gone.has(j + 1)) j++;
      const first = items[i].range!;
      const last = items[j].range!;
      const next = items[j + 1]?.range;
      const prev = items[i - 1]?.range;
      if (next) edits.push({ start: first[0], end: next[0], newText: '' });
      else if (prev && !/[\r\n]/.test(this.text.slice(prev[1], first[0]))) edits.push({ start: prev[1], end: last[1], newText: '' });
      else if (prev) {
        // The run is on lines of its own after the kept items: remove those lines, and keep
        // the kept item's separator and comment (a trailing comma is valid in a flow list).
        const lineStart = this.text.lastIndexOf('\n', first[0] - 1) + 1;
        const rest = /^[ \t]*,?[ \t]*(#[^\r\n]*)?\r?\n/.exec(this.text.slice(last[1]));
        edits.push({ start: lineStart, end: rest ? last[1] + rest[0].length : last[1], newText: '' });
      } else edits.push({ start: first[0], end: last[1], newText: '' });
      i = j;
    }
    return edits;
  }

  /** End of the entry `key` of a mapping (its value, else its key), if it has one. */
  private entryEnd(map: YAMLMap, key: string): number | undefined {
    const pair = (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === key);
    const node = pair?.value ?? pair?.key;
    return node?.range ? this.nodeEnd(node) : undefined;
  }

  private insertIntoFlow(node: YAMLMap | YAMLSeq, itemText: string): TextEdit[] {
    const items = node.items as unknown[];
    const close = node.range![1] - 1; // position of ] or }
    const closeAt = this.text.lastIndexOf(isSeq(node) ? ']' : '}', close);
    if (items.length === 0) return [{ start: closeAt, end: closeAt, newText: itemText }];
    // Insert right after the last item so spacing before the bracket is kept.
    const last = items[items.length - 1] as { range?: [number, number, number]; value?: Node; key?: Node };
    const lastEnd = (last.range ?? last.value?.range ?? last.key?.range)?.[1] ?? closeAt;
    return [{ start: lastEnd, end: lastEnd, newText: `, ${itemText}` }];
  }

  /**
   * End of a node's last content: a block collection's own range may run on through
   * trailing comments and blank lines that belong to what follows it.
   */
  private nodeEnd(node: Node): number {
    if (isMap(node) || isSeq(node)) {
      const last = node.items[node.items.length - 1] as unknown;
      if (last) {
        const inner = isMap(node) ? ((last as { value?: Node; key?: Node }).value ?? (last as { key?: Node }).key) : (last as Node);
        if (inner?.range) return this.nodeEnd(inner);
      }
    }
    return node.range![1];
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

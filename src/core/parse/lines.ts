import type { Position } from '../types';
import { lastAtOrBefore } from '../search';

/** Lines per block when an index is built from a whole text. */
const BLOCK_LINES = 1024;

/** A run of consecutive line starts: each line starts at `starts[k] + shift`. */
interface Block {
  readonly starts: readonly number[];
  readonly shift: number;
}

/**
 * Offset <-> line/character conversion by binary search over line starts. The starts are
 * kept in blocks of about a thousand lines, so the index of an edited text shares every
 * block the edit does not touch (blocks after it only get a new shift): an edit of a big
 * file costs a block, not a copy of every line start.
 */
export class LineIndex {
  private readonly blocks: readonly Block[];
  /** Line number of each block's first line. */
  private readonly firstLines: readonly number[];
  private readonly count: number;
  private flat?: number[];

  constructor(
    readonly text: string,
    blocks?: readonly Block[],
  ) {
    if (!blocks) {
      const all = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) all.push(i + 1);
      const built: Block[] = [];
      for (let k = 0; k < all.length; k += BLOCK_LINES) built.push({ starts: all.slice(k, k + BLOCK_LINES), shift: 0 });
      blocks = built;
    }
    this.blocks = blocks;
    const firstLines: number[] = [];
    let count = 0;
    for (const b of blocks) {
      firstLines.push(count);
      count += b.starts.length;
    }
    this.firstLines = firstLines;
    this.count = count;
  }

  /** Every line start, in order (built on first use). */
  get starts(): readonly number[] {
    if (!this.flat) {
      const all: number[] = [];
      for (const b of this.blocks) for (const s of b.starts) all.push(s + b.shift);
      this.flat = all;
    }
    return this.flat;
  }

  /** Offset of the start of `line` (0-based, < lineCount). */
  lineStart(line: number): number {
    const firstLines = this.firstLines;
    const b = lastAtOrBefore(firstLines.length, (k) => firstLines[k], line);
    const block = this.blocks[b];
    return block.starts[line - this.firstLines[b]] + block.shift;
  }

  /**
   * The index of `text`, which equals this index's text outside [from, to) (new offsets)
   * and is `delta` characters longer: lines before the change are kept, lines after it
   * shifted, and only the changed region is scanned for line ends.
   */
  edited(text: string, from: number, to: number, delta: number): LineIndex {
    const { blocks } = this;
    const toOld = to - delta;
    // The blocks holding the first and the last line the change touches.
    const first = this.blockAt(from);
    const last = this.blockAt(toOld);
    // Lines starting at or before `from` are kept, lines starting after the old `to` shifted.
    const merged: number[] = [];
    for (let b = first; b <= last; b++) {
      const { starts, shift } = blocks[b];
      for (const s of starts) if (s + shift <= from) merged.push(s + shift);
    }
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) merged.push(i + 1);
    for (let b = first; b <= last; b++) {
      const { starts, shift } = blocks[b];
      for (const s of starts) if (s + shift > toOld) merged.push(s + shift + delta);
    }
    const next: Block[] = blocks.slice(0, first);
    for (let k = 0; k < merged.length; k += BLOCK_LINES) next.push({ starts: merged.slice(k, k + BLOCK_LINES), shift: 0 });
    for (let b = last + 1; b < blocks.length; b++) next.push(delta === 0 ? blocks[b] : { starts: blocks[b].starts, shift: blocks[b].shift + delta });
    return new LineIndex(text, next);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const b = this.blockAt(o);
    const { starts, shift } = this.blocks[b];
    const i = lastAtOrBefore(starts.length, (k) => starts[k] + shift, o);
    return { line: this.firstLines[b] + i, character: o - (starts[i] + shift) };
  }

  offset(pos: Position): number {
    if (pos.line >= this.count) return this.text.length;
    const lineEnd = pos.line + 1 < this.count ? this.lineStart(pos.line + 1) - 1 : this.text.length;
    return Math.min(this.lineStart(pos.line) + Math.max(0, pos.character), lineEnd);
  }

  get lineCount(): number {
    return this.count;
  }

  /** The block holding the line of `offset`: the last one starting at or before it (the first for offsets before any). */
  private blockAt(offset: number): number {
    const { blocks } = this;
    return lastAtOrBefore(blocks.length, (k) => blocks[k].starts[0] + blocks[k].shift, offset);
  }
}

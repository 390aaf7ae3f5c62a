import type { Position } from '../types';

/** Offset <-> line/character conversion by binary search over line starts. */
export class LineIndex {
  readonly starts: number[];

  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    const all = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) all.push(i + 1);
    this.starts = all;
  }

  /**
   * The index of `text`, which equals this index's text outside [from, to) (new offsets)
   * and is `delta` characters longer: lines before the change are kept, lines after it
   * shifted, and only the changed region is scanned for line ends.
   */
  edited(text: string, from: number, to: number, delta: number): LineIndex {
    const old = this.starts;
    const toOld = to - delta;
    const starts: number[] = [];
    let k = 0;
    for (; k < old.length && old[k] <= from; k++) starts.push(old[k]);
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    while (k < old.length && old[k] <= toOld) k++;
    for (; k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] - 1 : this.text.length;
    return Math.min(this.starts[pos.line] + Math.max(0, pos.character), lineEnd);
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

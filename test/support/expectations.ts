/**
 * Inline expectations in fixture files, in the markdownlint manner:
 *   units: 3   # expect: timed-units-total
 *   # expect-next-line: rule-a, rule-b
 * A finding is expected on the line where it starts. Several findings of one rule on one
 * line are written as the rule id repeated.
 */
export interface Expected {
  line: number; // 0-based
  rule: string;
}

const SAME_LINE = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;
const NEXT_LINE = /^\s*#\s*expect-next-line:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function parseExpectations(text: string): Expected[] {
  const out: Expected[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const next = NEXT_LINE.exec(line);
    if (next) {
      let j = i + 1;
      while (j < lines.length && /^\s*#/.test(lines[j])) j++;
      for (const rule of next[1].split(/\s*,\s*/)) out.push({ line: j, rule });
      return;
    }
    const same = SAME_LINE.exec(line);
    if (same) for (const rule of same[1].split(/\s*,\s*/)) out.push({ line: i, rule });
  });
  return out;
}

/** Sorted "line:rule" keys, 1-based lines, for readable assertion diffs. */
export function keys(items: { line: number; rule: string }[]): string[] {
  return items.map((e) => `${e.line + 1}:${e.rule}`).sort();
}

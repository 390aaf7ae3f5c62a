/**
 * Words for text the claim format does not know (a key, a code). Such text can be anything
 * a person typed, a patient's name included, so messages and paths describe it by its
 * length and never repeat it; a near miss of a known name is suggested instead.
 */

/** "an unknown key (12 characters)", or with a known key one or two edits away, "…; did you mean modifiers?" */
export function unknownKey(key: string, known: Iterable<string>, what = 'key'): string {
  const n = [...key].length;
  const base = `an unknown ${what} (${n} character${n === 1 ? '' : 's'})`;
  const near = nearMiss(key, known);
  return near ? `${base}; did you mean ${near}?` : base;
}

/** A known name within two edits of `text` (and not shorter than 4), else undefined. */
export function nearMiss(text: string, known: Iterable<string>): string | undefined {
  if (text.length < 4 || text.length > 40) return undefined;
  let best: string | undefined;
  let bestD = 3;
  for (const k of known) {
    if (Math.abs(k.length - text.length) > 2) continue;
    const d = editDistance(text.toLowerCase(), k.toLowerCase());
    if (d < bestD && d > 0) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

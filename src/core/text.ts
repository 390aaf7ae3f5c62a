/** Small wording helpers shared by messages, hovers and lenses. */

/** "1 unit", "3 units". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The one set of claim-text mutations of the tests, as fast-check arbitraries: the engine
 * fuzz (test/fuzz/fuzz.ts: `npm run fuzz` and its short run in npm test) and the robustness
 * test (test/unit/robustness.test.ts) draw from it. Each mutation is a value that prints its
 * name and arguments, so a failing case reads as "cut 12 at 0.41, insert "[" at 0.9" and
 * fast-check can shrink a failing sequence to the fewest, smallest steps.
 *
 * - `nudges`: changes that usually keep the YAML well formed (a digit, a modifier, a dropped
 *   key line): the split and whole-document paths must then agree;
 * - `hostile`: everything else (hostile characters, cut or doubled spans, swapped or
 *   re-indented lines, huge numbers, truncation, deep brackets, CR and U+2028 line breaks).
 *
 * The import fuzz (test/fuzz/importFuzz.ts) mutates 837, FHIR, CSV and CMS inputs with
 * `mutateImportText` and `mutateBytes` at the end, drawn from a seeded `rng` so that each
 * seed replays the same inputs.
 */
import * as fc from 'fast-check';

export interface Mutation {
  readonly name: string;
  apply(text: string): string;
}

function mutation(name: string, apply: (text: string) => string): Mutation {
  return { name, apply, toString: () => name } as Mutation;
}

/** A place in a text, as a fraction of its length (so one value fits every text). */
const place = fc.integer({ min: 0, max: 0xffff }).map((n) => n / 0x10000);
const at = (f: number, text: string) => Math.floor(f * (text.length + 1));
const lineAt = (f: number, lines: readonly string[]) => Math.floor(f * lines.length);
const pct = (f: number) => `${Math.round(f * 100)}%`;

export const PIECES = ['[', ']', '{', '}', ':', ': ', '- ', ',', '&a ', '*a', '\r', '\r\n', '\t', '\u2028', '#', '"', "'", '\0', '\uFEFF', '   ', '\n', '1e9', '-1', '99999999', '__proto__', 'constructor', '!!python/object ', '? ', '|', '>-', '~', 'null', '\u202e', '\u001b]0;x\u0007', 'GP', 'CQ', '97110', '---\n', '...\n', '%YAML 1.1\n', '<<: *a\n', '-', '&', '*', '>'];
const NUMBERS = ['0', '1000000000', '1e308', '-5', '1441', '999', '0x10', '.5'];
const MODIFIERS = ['GP', 'GO', 'GN', 'CQ', 'CO', 'KX', '59'];
const BREAKS = ['\r\n', '\r', '\n\n', '\u2028'];

const insert = fc.tuple(place, fc.constantFrom(...PIECES)).map(([f, piece]) => mutation(`insert ${JSON.stringify(piece)} at ${pct(f)}`, (t) => t.slice(0, at(f, t)) + piece + t.slice(at(f, t))));
const indentBreak = fc.tuple(place, fc.integer({ min: 0, max: 8 })).map(([f, n]) => mutation(`line break + ${n} spaces at ${pct(f)}`, (t) => t.slice(0, at(f, t)) + '\n' + ' '.repeat(n) + t.slice(at(f, t))));
const cut = fc.tuple(place, fc.integer({ min: 1, max: 40 })).map(([f, n]) => mutation(`cut ${n} at ${pct(f)}`, (t) => t.slice(0, at(f, t)) + t.slice(Math.min(t.length, at(f, t) + n))));
const duplicate = fc.tuple(place, fc.integer({ min: 1, max: 200 })).map(([f, n]) =>
  mutation(`double ${n} at ${pct(f)}`, (t) => {
    const i = at(f, t);
    const j = Math.min(t.length, i + n);
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  }),
);
const swapLines = fc.tuple(place, place).map(([a, b]) =>
  mutation(`swap lines at ${pct(a)} and ${pct(b)}`, (t) => {
    const lines = t.split('\n');
    const i = lineAt(a, lines);
    const j = lineAt(b, lines);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
);
const number = fc.constantFrom(...NUMBERS).map((n) => mutation(`first number → ${n}`, (t) => t.replace(/\b\d+\b/, n)));
const reindent = fc.tuple(place, fc.boolean(), fc.boolean()).map(([f, add, drop]) =>
  mutation(`re-indent the line at ${pct(f)}`, (t) => {
    const lines = t.split('\n');
    const i = lineAt(f, lines);
    lines[i] = (add ? '  ' : '') + lines[i].replace(/^ {2}/, drop ? '' : '    ');
    return lines.join('\n');
  }),
);
const truncate = place.map((f) => mutation(`truncate at ${pct(f)}`, (t) => t.slice(0, at(f, t))));
const deep = fc.tuple(place, fc.boolean(), fc.integer({ min: 10, max: 120 })).map(([f, brackets, n]) => {
  const piece = brackets ? '['.repeat(n + 10) : '- '.repeat(n);
  return mutation(`insert ${brackets ? `${n + 10} [` : `${n} "- "`} at ${pct(f)}`, (t) => t.slice(0, at(f, t)) + piece + t.slice(at(f, t)));
});
const lineBreaks = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(...BREAKS)).map(([seed, b]) =>
  mutation(`some line breaks → ${JSON.stringify(b)} (${seed})`, (t) => {
    let k = 0;
    return t.replace(/\n/g, () => ((seed + 31 * k++) % 50 === 0 ? b : '\n'));
  }),
);

const digit = fc.tuple(place, fc.integer({ min: 0, max: 9 })).map(([f, d]) =>
  mutation(`a digit on the line at ${pct(f)} → ${d}`, (t) => {
    const lines = t.split('\n');
    const i = lineAt(f, lines);
    lines[i] = lines[i].replace(/\d/, String(d));
    return lines.join('\n');
  }),
);
const modifier = fc.tuple(place, fc.constantFrom(...MODIFIERS)).map(([f, m]) =>
  mutation(`the modifier on the line at ${pct(f)} → ${m}`, (t) => {
    const lines = t.split('\n');
    const i = lineAt(f, lines);
    lines[i] = lines[i].replace(/\b(GP|GO|GN|CQ|CO|KX)\b/, m);
    return lines.join('\n');
  }),
);
const dropLine = place.map((f) =>
  mutation(`drop the key line at ${pct(f)}`, (t) => {
    const lines = t.split('\n');
    const i = lineAt(f, lines);
    if (!/^\s*-/.test(lines[i])) lines.splice(i, 1);
    return lines.join('\n');
  }),
);

/** One to two changes that usually keep the YAML well formed. */
export const nudges: fc.Arbitrary<Mutation[]> = fc.array(fc.oneof(digit, modifier, dropLine), { minLength: 1, maxLength: 2 });

/** One to four changes of any kind. */
export const hostile: fc.Arbitrary<Mutation[]> = fc.array(fc.oneof(insert, indentBreak, cut, duplicate, swapLines, number, reindent, truncate, deep, lineBreaks, digit, modifier, dropLine), {
  minLength: 1,
  maxLength: 4,
});

export function applyAll(text: string, steps: readonly Mutation[]): string {
  return steps.reduce((t, m) => m.apply(t), text);
}

// The import fuzz's mutations: separators and segments of every import format.
export const IMPORT_PIECES = ['*', '~', ':', '^', '|', '>', "'", ',', ';', '\t', '"', '\n', '\r\n', '\r', '{', '}', '[', ']', '\\', '\0', '\uFEFF', '\uFFFD', 'é', '99999999999999999999999', '1e23', '-1', '0', '.5', 'NaN', '__proto__', 'constructor', 'null', 'true', '"resourceType":"Claim"', 'ISA', 'IEA*1*000000001~', 'SE*1*0001~', 'HL*9*1*23*0~', 'CLM*X*1~', 'SV1*HC:97110*1*UN*1~', 'DTP*472*D8*20260230~', 'Q'.repeat(300)];

/** One to four changes to an import's text (837, FHIR JSON, CSV or a CMS table), drawn from `rand` (test/support/seeded.ts rng). */
export function mutateImportText(text: string, rand: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const at = () => Math.floor(rand() * (text.length + 1));
  const steps = 1 + Math.floor(rand() * 4);
  for (let s = 0; s < steps; s++) {
    const op = Math.floor(rand() * 7);
    const i = at();
    if (op === 0) text = text.slice(0, i) + pick(IMPORT_PIECES) + text.slice(i);
    else if (op === 1) text = text.slice(0, i) + text.slice(Math.min(text.length, i + 1 + Math.floor(rand() * 30)));
    else if (op === 2) {
      const j = Math.min(text.length, i + Math.floor(rand() * 300));
      text = text.slice(0, j) + text.slice(i, j) + text.slice(j);
    } else if (op === 3) text = text.replace(/\d+(\.\d+)?/, () => pick(['0', '1000000000000', '1e21', '-5', '1441', '999', '1000', '00', '2.5', '']));
    else if (op === 4) text = text.slice(0, i);
    else if (op === 5) {
      const lines = text.split(/(?<=[\n~'])/);
      const a = Math.floor(rand() * lines.length);
      const b = Math.floor(rand() * lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      text = lines.join('');
    } else text = text.slice(0, i) + String.fromCharCode(Math.floor(rand() * 0x3000)) + text.slice(i + 1);
  }
  return text;
}

/** One to eight bytes overwritten, and one time in five the bytes cut short, drawn from `rand`. */
export function mutateBytes(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const flips = 1 + Math.floor(rand() * 8);
  for (let k = 0; k < flips; k++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
  return rand() < 0.2 ? out.subarray(0, Math.floor(rand() * out.length)) : out;
}

/**
 * Checking a data pack read from disk by an adapter: the manifest against its schema, each
 * table file against the sha256 the manifest records, and every row against its table's
 * schema. Pure: the adapter passes the file texts and a hash function.
 */
import { MANIFEST_FILE, TABLE_ROW_SCHEMAS, manifestSchema, type LoadedPack, type TableName, type TableRows } from './packTypes';

export class PackError extends Error {
  constructor(readonly origin: string, readonly file: string, detail: string) {
    super(`${origin}: ${file}: ${detail}`);
    this.name = 'PackError';
  }
}

/**
 * A schema problem by its path and kind. Never zod's message: it can quote the file (an
 * unknown key's name); pack errors name the file and the place, never its bytes.
 */
function issueText(issue: { path: PropertyKey[]; code: string; expected?: unknown }): string {
  const kind =
    issue.code === 'invalid_type'
      ? `expected ${String(issue.expected)}`
      : issue.code === 'unrecognized_keys'
        ? 'an unknown key'
        : issue.code === 'invalid_value'
          ? 'not one of the allowed values'
          : issue.code === 'too_big' || issue.code === 'too_small'
            ? 'out of range'
            : issue.code === 'invalid_format'
              ? 'not in the expected format'
              : 'an invalid value';
  return `${issue.path.length ? issue.path.map(String).join('.') + ': ' : ''}${kind}`;
}

/** "not valid JSON", with the line and column when the parser said where; never the parser's message (it quotes the text). */
export function jsonProblem(text: string, err: unknown): string {
  const at = /position (\d+)/.exec((err as Error)?.message ?? '');
  if (!at) return 'not valid JSON';
  const pos = Math.min(Number(at[1]), text.length);
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `not valid JSON (line ${line}, column ${pos - start + 1})`;
}

/**
 * `read(file)` returns a file's text, or undefined when it is missing. Throws a PackError
 * naming the pack folder, the file and the problem.
 */
export function loadPack(origin: string, read: (file: string) => string | undefined, sha256: (text: string) => string): LoadedPack {
  const manifestText = read(MANIFEST_FILE);
  if (manifestText === undefined) throw new PackError(origin, MANIFEST_FILE, 'missing: not a claimlint data pack folder (make one with `claimlint data import`)');
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch (err) {
    throw new PackError(origin, MANIFEST_FILE, jsonProblem(manifestText, err));
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new PackError(origin, MANIFEST_FILE, `not a pack manifest of format version 1: ${issueText(parsed.error.issues[0])}`);
  const manifest = parsed.data;
  const tables: LoadedPack['tables'] = [];
  for (const meta of manifest.tables) {
    const text = read(meta.file);
    if (text === undefined) throw new PackError(origin, meta.file, 'missing (the manifest lists it)');
    if (sha256(text) !== meta.sha256) throw new PackError(origin, meta.file, 'its sha256 differs from the manifest: the file was changed after import; import the CMS files again');
    let rows: unknown;
    try {
      rows = JSON.parse(text);
    } catch (err) {
      throw new PackError(origin, meta.file, jsonProblem(text, err));
    }
    if (!Array.isArray(rows) || rows.length !== meta.rows) throw new PackError(origin, meta.file, `expected an array of ${meta.rows} rows`);
    const schema = TABLE_ROW_SCHEMAS[meta.table];
    const checked: TableRows[TableName][] = [];
    rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (!r.success) throw new PackError(origin, meta.file, `row ${i + 1}: ${issueText(r.error.issues[0])}`);
      checked.push(r.data);
    });
    tables.push({ meta, rows: checked });
  }
  return { manifest, origin, tables };
}

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

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.length ? issue.path.map(String).join('.') + ': ' : ''}${issue.message}`;
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
    throw new PackError(origin, MANIFEST_FILE, `not valid JSON (${(err as Error).message})`);
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
      throw new PackError(origin, meta.file, `not valid JSON (${(err as Error).message})`);
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

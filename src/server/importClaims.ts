/**
 * The server's half of "claimlint: Import Claims…" (IMPORT_CLAIMS_REQUEST): the source's
 * text in, claim YAML out, with the importer of `claimlint import` and its default options
 * (patient.id hashed with the documented salt). The importers are loaded on the first
 * request: in the bundle they are dist/importers.js (esbuild.js), so the language server's
 * own bundle stays within its budget and a session that never imports never loads them.
 * Bad input gives `ok: false` and a message for the user, never an exception.
 */
import type * as Importers from '../importers/claims';
import { MAX_IMPORT_TEXT_BYTES, type ImportClaimsResult } from '../protocol';

function importers(): typeof Importers {
  // esbuild.js turns this into require('./importers.js') in dist/server.js.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose
  return require('../importers/claims') as typeof Importers;
}

export function importClaimsText(params: unknown): ImportClaimsResult {
  const p = params as { name?: unknown; text?: unknown } | null | undefined;
  if (typeof p?.name !== 'string' || typeof p.text !== 'string') return { ok: false, message: 'the request named no file text' };
  const { name, text } = p as { name: string; text: string };
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_TEXT_BYTES) {
    return { ok: false, message: `larger than ${MAX_IMPORT_TEXT_BYTES / 1024 / 1024} MB, claimlint's limit for an import in the editor` };
  }
  const { detectFormat, importText, toClaimYaml, importComments, ImportError } = importers();
  try {
    const format = detectFormat(text.slice(0, 65536), name);
    const result = importText(text, format, { patientId: { mode: 'hash' } });
    const left = result.skipped;
    if (!result.claims.length) return { ok: false, message: left.length ? `no claims left to import (${left.length} left out: ${left.join('; ')})` : 'no claims found' };
    // What was left out is listed at the top of the written file, and said in a warning.
    const yaml = toClaimYaml(result.claims, importComments([{ name, format }], 'hash', [{ name, items: left }]));
    const note = left.length ? [`${left.length} left out (claimlint cannot represent them), listed at the top of the imported file`] : [];
    return { ok: true, yaml, count: result.claims.length, warnings: [...result.warnings, ...note] };
  } catch (err) {
    if (err instanceof ImportError) return { ok: false, message: err.message };
    return { ok: false, message: 'the file could not be converted' };
  }
}

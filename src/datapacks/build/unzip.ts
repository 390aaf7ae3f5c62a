/**
 * Unzipping what `claimlint data import` is given (a CMS zip, a zip inside it, an .xlsx
 * workbook) without letting a decompression bomb through (docs/limits.md): each member's
 * declared size and compression ratio are checked before it is inflated, and all members of
 * one run share one budget, nested zips included. fflate inflates into a buffer of the
 * declared size, so a member that lies about its size cannot grow past it.
 */
import { unzipSync } from 'fflate';
import { ImportError } from './rows';

const MB = 1024 * 1024;

export const ZIP_LIMITS = {
  /** Bytes of one member, inflated (the largest CMS table text is ~150 MB). */
  member: 256 * MB,
  /** Bytes inflated in one run, all zips and members together. */
  total: 1024 * MB,
  /** Inflated bytes per compressed byte of one member (CMS text compresses ~5–20×). */
  ratio: 200,
} as const;

/** What one run may still inflate; pass the same budget to every unzip of the run. */
export class UnzipBudget {
  used = 0;
}

/**
 * The members of a zip that `keep` wants (all when it is omitted), inflated within the limits;
 * throws ImportError naming the member, or `notZip(message)` when the bytes are not a zip.
 */
export function unzipBounded(name: string, bytes: Uint8Array, budget: UnzipBudget, notZip: (message: string) => Error, keep?: (member: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (keep && !keep(f.name)) return false;
        const where = `${name}!${f.name}`;
        if (f.originalSize > ZIP_LIMITS.member) throw new ImportError(where, undefined, `inflates to more than ${ZIP_LIMITS.member / MB} MB, claimlint's limit for one zip member`);
        if (f.originalSize > Math.max(f.size, 1) * ZIP_LIMITS.ratio) throw new ImportError(where, undefined, `compressed more than ${ZIP_LIMITS.ratio}:1, claimlint's limit (a decompression bomb?)`);
        budget.used += f.originalSize;
        if (budget.used > ZIP_LIMITS.total) throw new ImportError(where, undefined, `the zips of this import inflate to more than ${ZIP_LIMITS.total / MB} MB, claimlint's limit`);
        return true;
      },
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw notZip((err as Error).message);
  }
}

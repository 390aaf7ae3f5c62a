/**
 * Which documents the language server audits: `*.claim.yaml` / `*.claim.yml` on disk,
 * plus the `claimlint.files` globs. Pure (no `vscode` import); the objects are VS Code
 * DocumentFilters.
 *
 * Untitled documents are left out: nothing marks an unsaved YAML buffer as a claim, and
 * auditing every untitled YAML buffer would underline files that are not claims. Only
 * `file:` documents: the server resolves .claimlintrc files on disk next to them.
 * The .claimlintrc files themselves are synced too, so an unknown rule id or a bad option
 * is underlined in the config file (the server only validates them; no claim features).
 */
import { CLAIM_FILE_GLOB, CONFIG_FILE_GLOB, isConfigFileName } from './constants';

export interface ClaimDocumentFilter {
  readonly scheme: 'file';
  readonly language?: string;
  readonly pattern: string;
}

/**
 * A document filter's string pattern is matched against the whole file path, so a
 * relative glob (`claims/*.yaml`, `./x/*.yml`) gets a leading globstar segment and then
 * matches that path under any folder: a superset of "relative to the workspace folder";
 * the server makes the final call.
 * Returns undefined for empty or non-string entries.
 */
export function toPathGlob(glob: unknown): string | undefined {
  if (typeof glob !== 'string') return undefined;
  let g = glob.trim().replace(/\\/g, '/');
  if (!g) return undefined;
  if (g.startsWith('/') || /^[A-Za-z]:\//.test(g) || g.startsWith('**/') || g === '**') return g;
  while (g.startsWith('./')) g = g.slice(2);
  return g ? `**/${g}` : undefined;
}

export function claimSelector(extraGlobs: readonly unknown[] = []): ClaimDocumentFilter[] {
  const filters: ClaimDocumentFilter[] = [
    { scheme: 'file', language: 'yaml', pattern: CLAIM_FILE_GLOB },
    { scheme: 'file', pattern: CONFIG_FILE_GLOB },
  ];
  const seen = new Set<string>([CLAIM_FILE_GLOB, CONFIG_FILE_GLOB]);
  for (const glob of extraGlobs) {
    const pattern = toPathGlob(glob);
    if (!pattern || seen.has(pattern)) continue;
    seen.add(pattern);
    // No language: the user named these files as claims, whatever mode they open in.
    filters.push({ scheme: 'file', pattern });
  }
  return filters;
}

export { isConfigFileName };

/**
 * Which files are claim files, written once: the editor's document selector, the language
 * server's test of an open document, its workspace audit and the CLI's folder search all read
 * these (package.json's activation events and yamlValidation are checked against them in
 * test/unit/manifest.test.ts). The `files` setting and a .claimlintrc's `files` add globs.
 */

/** Claim files by name, one glob per extension (tinyglobby, picomatch). */
export const CLAIM_FILE_GLOBS: readonly string[] = ['**/*.claim.yaml', '**/*.claim.yml'];

/** The same as one glob (a VS Code document selector's pattern). */
export const CLAIM_FILE_GLOB = '**/*.claim.{yaml,yml}';

/** Is this path or file name a claim file by name (`*.claim.yaml`, `*.claim.yml`, any case)? */
export function isClaimFileName(path: string): boolean {
  return /\.claim\.ya?ml$/i.test(path);
}

/**
 * Folders a claim-file search never enters, in the CLI (claimlint <folder>) and in the
 * editor's workspace audit alike, so that CI and the editor audit the same files. Build
 * output folders (dist/, out/) are searched: a claim file there is still a claim file.
 */
export const IGNORED_FOLDERS: readonly string[] = ['**/node_modules/**', '**/.git/**'];

/**
 * Files the language server looks into for 835 remittance advice (the payer's decisions
 * beside the claims, issue 27): by name first, any case, then by content (ISA … ST*835).
 */
export const REMIT_CANDIDATE_GLOBS: readonly string[] = ['**/*.835', '**/*.era', '**/*.edi', '**/*.x12', '**/*.txt'];

/** The same as one watcher glob (both cases of each extension: a watcher's glob is case-sensitive on Linux). */
export const REMIT_CANDIDATE_GLOB = '**/*.{835,era,edi,x12,txt,ERA,EDI,X12,TXT}';

/** Whether a path names an 835 candidate (REMIT_CANDIDATE_GLOBS). */
export function isRemitCandidateName(path: string): boolean {
  return /\.(835|era|edi|x12|txt)$/i.test(path);
}

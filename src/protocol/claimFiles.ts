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

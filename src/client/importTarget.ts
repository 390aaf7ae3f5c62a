/**
 * Where "claimlint: Import Claims…" writes (pure, no `vscode`): `<name>.claim.yaml` beside
 * the source — "visits.837" → "visits.claim.yaml" — or, when that exists, the first free
 * "visits-2.claim.yaml", "visits-3.claim.yaml", …; an existing file is never replaced.
 */
export function claimFileName(sourceName: string, exists: (name: string) => boolean): string {
  const dot = sourceName.lastIndexOf('.');
  const stem = (dot > 0 ? sourceName.slice(0, dot) : sourceName) || 'claims';
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}.claim.yaml`;
    if (!exists(name)) return name;
  }
}

/** Whether a file path lies inside a folder path (both absolute, same separators). */
export function isInside(file: string, folder: string, sep = '/'): boolean {
  const f = folder.endsWith(sep) ? folder : folder + sep;
  return file.startsWith(f);
}

/**
 * The CLI's side of the checks across claims (issue 23): patient ids turned into keys that
 * group the same (a SHA-256, so neither the cache file nor a worker's reply carries an id
 * on), and the key a file's final findings are cached under: everything the cross-claim
 * rules read for that file — its own claims and, for each patient it holds, every claim
 * of that patient in the run with its file's config — so a changed claim of the same
 * patient in another file makes the cached findings of this one unusable.
 */
import type { FilePatientClaims } from '../core/lite';
import { sha256 } from './cache/keys';

export type PatientScope = 'run' | 'file';

/** The file's claims with each patient.id replaced by a key that groups the same (never the id). */
export function withPatientKeys(claims: FilePatientClaims): FilePatientClaims {
  return { ...claims, claims: claims.claims.map((c) => (c.patient === undefined ? c : { ...c, patient: sha256(`claimlint-patient\u0000${c.patient}`) })) };
}

export interface RunFile {
  file: string;
  claims: FilePatientClaims;
  /** The key of the file's config and data packs (what its own findings are cached under). */
  configKey: string;
  /** SHA-256 of the file's content. */
  content: string;
}

/** Each file's patient key: its content and config, and every claim of the patients it holds, with their files' configs. */
export function patientKeys(files: readonly RunFile[], scope: PatientScope): Map<string, string> {
  const groupOf = (f: RunFile, patient: string) => (scope === 'file' ? `${f.file}\u0000${patient}` : patient);
  const members = new Map<string, { f: RunFile; index: number }[]>();
  for (const f of files) {
    for (const c of f.claims.claims) {
      if (c.patient === undefined) continue;
      const g = groupOf(f, c.patient);
      const list = members.get(g);
      if (list) list.push({ f, index: c.index });
      else members.set(g, [{ f, index: c.index }]);
    }
  }
  const keys = new Map<string, string>();
  for (const f of files) {
    const groups = [...new Set(f.claims.claims.filter((c) => c.patient !== undefined).map((c) => groupOf(f, c.patient!)))].sort();
    const parts: string[] = [scope, f.content, f.configKey, JSON.stringify(f.claims)];
    for (const g of groups) {
      const others = members.get(g)!.filter((m) => m.f !== f);
      for (const m of others) parts.push(m.f.file, m.f.configKey, JSON.stringify(m.f.claims.claims.find((c) => c.index === m.index)));
    }
    keys.set(f.file, sha256(parts.join('\u0001')));
  }
  return keys;
}

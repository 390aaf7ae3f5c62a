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

/**
 * Each file's patient key: its content and config, and every claim of the patients it holds, with their files' configs.
 * Each claim is written out and hashed once, and goes into the keys by its SHA-256: a patient seen in all of 10 files
 * would else put 10 times the run's claims through the hash.
 */
export function patientKeys(files: readonly RunFile[], scope: PatientScope): Map<string, string> {
  const groupOf = (f: RunFile, patient: string) => (scope === 'file' ? `${f.file}\u0000${patient}` : patient);
  const digests = files.map((f) => f.claims.claims.map((c) => sha256(JSON.stringify(c))));
  // A member: the file, its config key and the claim's digest.
  const members = new Map<string, { f: RunFile; parts: string[] }[]>();
  files.forEach((f, i) => {
    f.claims.claims.forEach((c, k) => {
      if (c.patient === undefined) return;
      const g = groupOf(f, c.patient);
      const member = { f, parts: [f.file, f.configKey, digests[i][k]] };
      const list = members.get(g);
      if (list) list.push(member);
      else members.set(g, [member]);
    });
  });
  const keys = new Map<string, string>();
  files.forEach((f, i) => {
    const groups = [...new Set(f.claims.claims.filter((c) => c.patient !== undefined).map((c) => groupOf(f, c.patient!)))].sort();
    const parts: string[] = [scope, f.content, f.configKey, JSON.stringify({ ...f.claims, claims: [] }), ...digests[i]];
    for (const g of groups) for (const m of members.get(g)!) if (m.f !== f) parts.push(...m.parts);
    keys.set(f.file, sha256(parts.join('\u0001')));
  });
  return keys;
}

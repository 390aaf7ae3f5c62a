/**
 * patient.id of imported claims. Minimum necessary: the claim format holds an internal id
 * only, so by default the member id becomes a stable salted hash — the same member id and
 * salt give the same patient.id on every run and machine, so one patient's visits group
 * together across imports — `member` keeps the member id, `none` leaves patient.id out.
 *
 * The default salt is fixed and documented (docs/import.md), not a secret: it keeps ids
 * stable everywhere but does not stop someone who holds the member ids from recomputing
 * them. A practice that shares imported files beyond its own staff passes its own `--salt`
 * (the same one every time, or visits stop grouping).
 */
import { createHmac } from 'node:crypto';

export type PatientIdMode = 'hash' | 'member' | 'none';
export const patientIdModes: readonly PatientIdMode[] = ['hash', 'member', 'none'];
export const DEFAULT_SALT = 'claimlint-patient-id-v1';

export interface PatientIdPolicy {
  mode: PatientIdMode;
  salt?: string;
}

/**
 * The patient.id for a member key (the member id, plus what tells a dependant apart), or
 * undefined when it is to be left out or there is no key.
 */
export function patientId(key: string | undefined, policy: PatientIdPolicy): string | undefined {
  if (!key || policy.mode === 'none') return undefined;
  if (policy.mode === 'member') return key;
  const digest = createHmac('sha256', policy.salt || DEFAULT_SALT).update(key).digest('hex');
  return 'P-' + digest.slice(0, 16);
}

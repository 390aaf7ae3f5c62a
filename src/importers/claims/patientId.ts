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
 * Who a claim's patient is: the member id, and, for an 837 dependant (loop 2000C), what tells
 * them apart from the subscriber's other dependants (their name and birth date). `dependant`
 * is never written: it only ever feeds a hash.
 */
export interface MemberKey {
  member: string;
  dependant?: string;
}

function hmac(policy: PatientIdPolicy, text: string): string {
  return createHmac('sha256', policy.salt || DEFAULT_SALT).update(text).digest('hex');
}

/**
 * The patient.id for a member key, or undefined when it is to be left out or there is no key.
 * - hash: `P-` + 16 hex digits of HMAC-SHA-256(salt, member id [+ "|" + dependant]);
 * - member: the member id; for a dependant, the member id + `-D` + 8 hex digits of that
 *   HMAC, so dependants of one subscriber stay apart while their name and birth date are
 *   never written.
 */
export function patientId(key: MemberKey | string | undefined, policy: PatientIdPolicy): string | undefined {
  const k: MemberKey | undefined = typeof key === 'string' ? { member: key } : key;
  if (!k?.member || policy.mode === 'none') return undefined;
  const full = k.dependant ? `${k.member}|${k.dependant}` : k.member;
  if (policy.mode === 'member') return k.dependant ? `${k.member}-D${hmac(policy, full).slice(0, 8)}` : k.member;
  return 'P-' + hmac(policy, full).slice(0, 16);
}

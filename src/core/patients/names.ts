/** How cross-claim messages name other claims: by claim id and file, never by patient values. */
import { CODE_SHAPE } from '../text';
import type { PatientClaim } from './types';

/** "claim C-102 (visits/b.yaml)", or without an id "claims[3] (visits/b.yaml)". */
export function claimName(c: PatientClaim): string {
  return c.id !== undefined ? `claim ${c.id} (${c.fileLabel})` : `${c.prefix || 'claim'} (${c.fileLabel})`;
}

/** "claims C-1 (a.yaml), C-2 (b.yaml) and 3 more" — at most `max` named. */
export function claimList(claims: readonly PatientClaim[], max = 6): string {
  const named = claims.slice(0, max).map((c) => claimName(c).replace(/^claim /, ''));
  const more = claims.length - named.length;
  const head = claims.length === 1 ? 'claim ' : 'claims ';
  if (more > 0) return `${head}${named.join(', ')} and ${more} more`;
  if (named.length <= 1) return head + named.join('');
  return `${head}${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

/** A code safe to repeat in a message (the catalogue's shape), else nothing. */
export function safeCode(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  return CODE_SHAPE.test(c) ? c : undefined;
}

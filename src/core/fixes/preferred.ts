import type { Finding, Fix } from '../types';

/** The fix a quick fix-all applies for a finding: the one marked preferred. */
export function preferredFix(f: Pick<Finding, 'fixes'>): Fix | undefined {
  return f.fixes.find((x) => x.preferred);
}

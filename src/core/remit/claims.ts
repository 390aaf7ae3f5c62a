/**
 * The audited claims as the remittance matcher needs them: id, date, service lines and the
 * rule ids that fired on each line and on the claim. Built from the report's claim facts
 * (src/report collectClaims gives ReportClaim, which fits ClaimShape) and the file's findings.
 */
import type { Finding } from '../types';

export interface ClaimLineShape {
  /** Index in the claim's lines, from 0. */
  index: number;
  code: string;
  modifiers: readonly string[];
}

export interface ClaimShape {
  /** YAML document of the claim (Finding.document). */
  document: number;
  /** The claim's path from the document's top key: "claim" or "claims[3]". */
  path: string;
  id?: string;
  date?: string;
  lines: readonly ClaimLineShape[];
}

export interface ClaimForRemit {
  /** The claim file, as the CLI shows it (relative, forward slashes) or as the editor names it. */
  file: string;
  id?: string;
  date?: string;
  lines: readonly ClaimLineShape[];
  /** Rule ids that fired on each line (by line index), in finding order, each once. */
  lineFindings: ReadonlyMap<number, readonly string[]>;
  /** Rule ids that fired on the claim outside its lines. */
  claimFindings: readonly string[];
}

const LINE_PATH = /^lines\[(\d+)\]/;

/** Each claim of a file with the rule ids of the findings on it (by document and path). */
export function claimsForRemit(file: string, claims: readonly ClaimShape[], findings: readonly Pick<Finding, 'rule' | 'document' | 'path'>[]): ClaimForRemit[] {
  // A finding's claim is named by its path up to the first "." ("claims[3]", "claim"): one pass.
  const byClaim = new Map<string, Pick<Finding, 'rule' | 'path'>[]>();
  for (const f of findings) {
    const dot = f.path.indexOf('.');
    const key = `${f.document}\u0000${dot < 0 ? f.path : f.path.slice(0, dot)}`;
    const list = byClaim.get(key);
    if (list) list.push(f);
    else byClaim.set(key, [f]);
  }
  return claims.map((claim) => {
    const lineFindings = new Map<number, string[]>();
    const claimFindings: string[] = [];
    const add = (list: string[], rule: string) => {
      if (!list.includes(rule)) list.push(rule);
    };
    for (const f of byClaim.get(`${claim.document}\u0000${claim.path}`) ?? []) {
      const rel = f.path === claim.path ? '' : f.path.slice(claim.path.length + 1);
      const m = LINE_PATH.exec(rel);
      if (m) {
        const index = Number(m[1]);
        if (!lineFindings.has(index)) lineFindings.set(index, []);
        add(lineFindings.get(index)!, f.rule);
      } else add(claimFindings, f.rule);
    }
    return { file, id: claim.id, date: claim.date, lines: claim.lines, lineFindings, claimFindings };
  });
}

/**
 * At most MAX_SYNTAX_ERRORS yaml-syntax findings per file (docs/limits.md): the rest of a
 * cascade is noise, and hundreds of thousands of them (ordinary typing in a large file can
 * make them) would swamp the editor. The first ones are kept in text order, then one finding
 * at the first left out says how many more there are. Only yaml-syntax is capped: every rule
 * finding of a file that parses is always reported.
 */
import { MAX_SYNTAX_ERRORS } from '../limits';
import type { LocatedFinding } from '../types';

export function capSyntaxErrors<T extends { f: LocatedFinding }>(found: T[], max: number = MAX_SYNTAX_ERRORS): T[] {
  let syntax = 0;
  for (const x of found) if (x.f.rule === 'yaml-syntax') syntax++;
  if (syntax <= max) return found;
  const out: T[] = [];
  let seen = 0;
  for (const x of found) {
    if (x.f.rule !== 'yaml-syntax') {
      out.push(x);
      continue;
    }
    seen++;
    if (seen <= max) out.push(x);
    else if (seen === max + 1) {
      const more = syntax - max;
      out.push({
        ...x,
        f: {
          ...x.f,
          message: `${more} more YAML syntax error${more === 1 ? '' : 's'} from here on ${more === 1 ? 'is' : 'are'} not listed (claimlint lists the first ${max} of a file); most follow from the ones above: fix those first.`,
          fixes: [],
        },
      });
    }
  }
  return out;
}

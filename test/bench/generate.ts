/**
 * Large claim files for the benchmarks (and the tests that need many claims), built with the
 * tests' one claim builder (test/support/claims.ts).
 */
import { singleClaimYaml, type LineSpec } from '../support/claims';
import { strokeVisitText } from '../support/claimSamples';

/** The realistic visit number `i` as a `claims:` list item (about 1.8 KB). */
export function claimText(i: number): string {
  return strokeVisitText(i);
}

export function claimFile(count: number): string {
  const parts = ['# Generated benchmark file\nclaims:\n'];
  for (let i = 0; i < count; i++) parts.push(claimText(i));
  return parts.join('');
}

/**
 * One claim with `lines` service lines (issue 11 item 7: work per claim must be linear in
 * its lines). Lines cycle through codes and modifier mistakes, so every modifier rule, the
 * unit rules and their fixes run on each line.
 */
export function longClaim(lines: number): string {
  const codes = ['97110', '97530', '97140', '97112'];
  const mods = [[], ['GP'], ['CQ'], ['GO', 'GN'], ['"GP"', '59']];
  const serviceLines: LineSpec[] = [];
  for (let i = 0; i < lines; i++) serviceLines.push({ code: codes[i % codes.length], modifiers: mods[i % mods.length], units: 1 + (i % 3), minutes: 10 + (i % 30), assistantMinutes: 0 });
  return singleClaimYaml({ id: 'LONG-1', date: '2026-03-10', patient: 'PT-1', provider: false, plan: 'discipline', lines: serviceLines }, 'block');
}

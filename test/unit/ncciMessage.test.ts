/**
 * The NCCI message when the modifier sits on the other line (issue 25 item 5): it names the
 * column-1 and column-2 codes and says the modifier belongs on the column-2 line; a pair
 * that rests on a secondary source says so (the cms helper's pairEvidence).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../../src/core/config/schema';
import { audit } from '../../src/core/engine';
import { FIXTURES } from '../support/paths';

const NCCI = join(FIXTURES, 'rules', 'ncci-modifier-missing');
const ncci = (text: string) => audit(text, { config: resolveConfig() }).findings.filter((f) => f.rule === 'ncci-modifier-missing');

describe('ncci-modifier-missing: which line the modifier belongs on (issue 25 item 5)', () => {
  it('59 on the column-1 line: the message names both codes, both lines, and says the modifier belongs on the column-2 line', () => {
    const [f, ...rest] = ncci(readFileSync(join(NCCI, 'modifier-on-column-1.claim.yaml'), 'utf8'));
    assert.equal(rest.length, 0);
    assert.equal(f.path, 'claims[0].lines[1].modifiers');
    assert.equal(
      f.message,
      'Service line 2 (97530): column 2 of the NCCI pair 97140/97530, whose column 1 is service line 1 (97140); denied unless this column-2 line carries 59 or XE/XS/XP/XU; ' +
        "add one only if the services were distinct (source: secondary, not confirmed in CMS's file). 59 on service line 1 (97140) does not bypass the edit: the modifier belongs on the column-2 line.",
    );
  });

  it('without any modifier: the pair and the column-2 line are named, no word about a misplaced modifier', () => {
    const text = readFileSync(join(NCCI, 'modifier-on-column-1.claim.yaml'), 'utf8').replace('modifiers: [GP, "59"]', 'modifiers: [GP]');
    const [f] = ncci(text);
    assert.match(f.message, /^Service line 2 \(97530\): column 2 of the NCCI pair 97140\/97530, whose column 1 is service line 1 \(97140\); denied unless this column-2 line carries 59/);
    assert.doesNotMatch(f.message, /does not bypass/);
  });

  it('the modifier on the column-2 line clears the finding', () => {
    const text = readFileSync(join(NCCI, 'modifier-on-column-1.claim.yaml'), 'utf8').replace('{ code: "97530", modifiers: [GP]', '{ code: "97530", modifiers: [GP, "59"]');
    assert.deepEqual(ncci(text), []);
  });
});

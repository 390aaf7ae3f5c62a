/**
 * Per-claim work is linear in its lines (issue 11 item 7). Counted, not timed (timing
 * belongs to `npm run bench`): operations that every path of the engine goes through —
 * Map lookups (the source map, the data tables) and YAML parses — for claims of 4× the
 * lines must grow about 4×, not 16× as when each fix re-read every line's modifiers.
 */
import assert from 'node:assert/strict';
import * as yaml from 'yaml';
import { applyFixes, audit, fixAll, fixKeepsYaml } from '../../src/core/engine';
import { resolveConfig } from '../../src/core/config/schema';
import { longClaim } from '../bench/generate';

function countMapGets(fn: () => void): number {
  const original = Map.prototype.get;
  let n = 0;
  Map.prototype.get = function (this: Map<unknown, unknown>, key: unknown) {
    n++;
    return original.call(this, key);
  };
  try {
    fn();
  } finally {
    Map.prototype.get = original;
  }
  return n;
}

/** YAML parses during `fn`: every parse goes through the library's Parser (its prototype is patchable). */
function countParses<T>(fn: () => T): { result: T; parses: number } {
  const proto = yaml.Parser.prototype as unknown as { parse: (...a: unknown[]) => unknown };
  const original = proto.parse;
  let parses = 0;
  proto.parse = function (this: unknown, ...a: unknown[]) {
    parses++;
    return original.apply(this, a);
  };
  try {
    return { result: fn(), parses };
  } finally {
    proto.parse = original;
  }
}

describe('linear work per claim', () => {
  const config = resolveConfig();
  before(() => {
    audit(longClaim(50), { config }); // lazy tables loaded outside the counts
    fixAll(longClaim(50), { config });
  });

  it('audit: 4× the lines, at most ~5× the lookups', () => {
    const small = countMapGets(() => audit(longClaim(200), { config }));
    const large = countMapGets(() => audit(longClaim(800), { config }));
    assert.ok(large / small < 5, `lookups ${small} → ${large} (${(large / small).toFixed(1)}×)`);
  });

  it('fix-all: 4× the lines, at most ~5× the lookups', () => {
    const small = countMapGets(() => fixAll(longClaim(200), { config }));
    const large = countMapGets(() => fixAll(longClaim(800), { config }));
    assert.ok(large / small < 5, `lookups ${small} → ${large} (${(large / small).toFixed(1)}×)`);
  });

  it('checking a fix whose result parses cleanly parses that result only, not the original again', () => {
    const fix = (at: number) => ({ id: 'f', title: 'f', edits: [{ start: at, end: at + 1, newText: '2' }], preferred: true });
    const a = 'k1: 1\nk2: 1\n';
    const b = 'k3: 1\n';
    // Alternating texts: the original's count of the last text checked is no help here.
    const { parses } = countParses(() => {
      assert.equal(fixKeepsYaml(a, fix(4)), true);
      assert.equal(fixKeepsYaml(b, fix(4)), true);
      assert.equal(fixKeepsYaml(a, fix(10)), true);
      assert.equal(applyFixes(b, [{ fixes: [fix(4)] }]).text, 'k3: 2\n');
    });
    assert.equal(parses, 4);
  });

  it('one fix that breaks the YAML among 256 is found with a few parses, not one per fix', () => {
    const text = Array.from({ length: 256 }, (_, i) => `k${String(i).padStart(3, '0')}: 1\n`).join('');
    const fixes = Array.from({ length: 256 }, (_, i) => {
      const at = i * 8 + 6; // the value "1" of line i
      return { fixes: [{ id: `f${i}`, title: `fix ${i}`, edits: [{ start: at, end: at + 1, newText: i === 100 ? '[' : '2' }], preferred: true }] };
    });
    const { result: r, parses } = countParses(() => applyFixes(text, fixes));
    assert.equal(r.applied, 255);
    assert.deepEqual(r.dropped.map((d) => d.title), ['fix 100']);
    assert.ok(!r.text.includes('['));
    assert.ok(parses <= 2 + 2 * 9, `${parses} parses`);
  });
});

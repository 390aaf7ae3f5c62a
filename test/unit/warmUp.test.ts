/**
 * The audit worker's warm-up (src/node/warmUp.ts): its made-up claims are sound claims that the
 * rules read (not schema errors, which would skip most of them), it audits each a few times
 * when nothing arrives, and stops as soon as work does.
 */
import assert from 'node:assert/strict';
import { audit } from '../../src/core';
import { cutUnits } from '../../src/core/parallel';
import { PASSES, SAMPLE, warmUp } from '../../src/node/warmUp';

describe('audit worker warm-up', () => {
  const units = cutUnits(SAMPLE)!.flatMap((d) => d.units);

  it('audits claims the rules read: one claims list of several items, no schema or syntax finding, some rule findings', () => {
    assert.ok(units.length >= 3, `${units.length} units`);
    assert.ok(units.every((u) => u.kind === 'item'));
    const rules = new Set(audit(SAMPLE).findings.map((f) => f.rule));
    assert.ok(!rules.has('claim-schema') && !rules.has('yaml-syntax'), [...rules].join(', '));
    assert.ok(rules.size >= 3, [...rules].join(', '));
  });

  it('audits each unit PASSES times when no work comes', async () => {
    assert.equal(await warmUp(() => false), units.length * PASSES);
  });

  it('stops when work arrives: nothing once busy, and after the unit in hand', async () => {
    assert.equal(await warmUp(() => true), 0);
    let calls = 0;
    assert.equal(await warmUp(() => ++calls > 2), 2);
  });
});

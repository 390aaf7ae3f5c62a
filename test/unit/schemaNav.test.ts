/**
 * The editor's key/enum navigation reads the generated JSON Schema (schema/claim.schema.json),
 * not zod's internals: keys, required flags, descriptions and enums must match the zod
 * schema they are generated from.
 */
import assert from 'node:assert/strict';
import { claimSchema, payerTypes } from '../../src/core';
import { describeOf, enumValuesAt, keysAt, keyPathOf, schemaAt } from '../../src/service/schemaNav';

describe('schemaNav over the generated JSON Schema', () => {
  it('offers both document keys at the root, described', () => {
    const root = keysAt([]);
    assert.deepEqual(root.map((k) => k.key).sort(), ['claim', 'claims']);
    assert.equal(root.find((k) => k.key === 'claims')?.type, 'array');
    assert.equal(root.find((k) => k.key === 'claims')?.itemType, 'object');
    assert.equal(root.find((k) => k.key === 'claims')?.description, 'A list of claims');
    assert.equal(root.find((k) => k.key === 'claim')?.type, 'object');
  });

  it('lists a claim’s keys with the zod schema’s required flags, for claim: and claims[]', () => {
    const shape = claimSchema.shape;
    for (const path of [['claim'], ['claims', '[]']]) {
      const keys = keysAt(path);
      assert.deepEqual(keys.map((k) => k.key), Object.keys(shape));
      for (const k of keys) assert.equal(k.required, !claimSchema.shape[k.key as keyof typeof shape].safeParse(undefined).success, k.key);
    }
    const lines = keysAt(['claims', '[]']).find((k) => k.key === 'lines');
    assert.equal(lines?.type, 'array');
    assert.equal(lines?.itemType, 'object');
    assert.equal(keysAt(['claim', 'payer']).find((k) => k.key === 'type')?.type, 'enum');
  });

  it('reads enums and descriptions deep in a line', () => {
    assert.deepEqual(enumValuesAt(['claims', '[]', 'payer', 'type']), [...payerTypes]);
    assert.deepEqual(enumValuesAt(keyPathOf('claims[2]', 'lines[0].documentation.assistance_level')), ['independent', 'supervision', 'cga', 'min', 'mod', 'max', 'dependent']);
    assert.equal(enumValuesAt(['claim', 'date_of_service']), undefined);
    const units = schemaAt(keyPathOf('claim', 'lines[3].units'));
    assert.match(describeOf(units!) ?? '', /Billed units/);
    const code = schemaAt(keyPathOf('claims[0]', 'lines[0].code'));
    assert.match(describeOf(code!) ?? '', /Procedure code/);
  });

  it('answers undefined / nothing for paths outside the format (no prototype keys)', () => {
    assert.equal(schemaAt(['claim', 'nope']), undefined);
    assert.equal(schemaAt(['claim', 'constructor']), undefined);
    assert.equal(schemaAt(['claims', 'id']), undefined);
    assert.deepEqual(keysAt(['claim', 'id']), []);
  });
});

/**
 * Claim files hold protected health information. Across every fixture and example, no
 * finding message or fix title may repeat a patient value: claim or patient ids, dates,
 * diagnoses, NPIs, payer names, or any four-word run of documentation text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { audit } from '../../src/core/engine';
import { EXAMPLES, FIXTURES } from '../support/paths';

const SENSITIVE_KEYS = new Set(['id', 'date_of_service', 'npi', 'name', 'start_date', 'certified_date', 'cert_through']);
const NOTE_KEYS = new Set(['justification', 'functional_goal', 'supervision_need', 'intervention', 'equipment']);

function claimFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return claimFiles(p);
    return /\.claim\.ya?ml$/.test(name) ? [p] : [];
  });
}

/** Values that must never appear in output, collected from the parsed claims. */
function secrets(text: string): { values: string[]; phrases: string[] } {
  const values: string[] = [];
  const phrases: string[] = [];
  const walk = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
    else if (typeof node === 'string' || typeof node === 'number') {
      const s = String(node);
      if (key === 'diagnoses' || (key && SENSITIVE_KEYS.has(key) && s.length >= 4)) values.push(s);
      if (key && NOTE_KEYS.has(key)) {
        const words = s.split(/\s+/).filter(Boolean);
        for (let i = 0; i + 4 <= words.length; i++) phrases.push(words.slice(i, i + 4).join(' '));
      }
    }
  };
  for (const doc of parseAllDocuments(text)) {
    try {
      walk(doc.toJS());
    } catch {
      // Broken YAML fixtures: their values are still checked through what parsed elsewhere.
    }
  }
  return { values, phrases };
}

describe('privacy: findings never repeat patient values', () => {
  const files = [...claimFiles(FIXTURES), ...claimFiles(EXAMPLES)];

  it(`checks every finding of ${files.length} claim files`, () => {
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { values, phrases } = secrets(text);
      for (const f of audit(text).findings) {
        const out = [f.message, ...f.fixes.map((x) => x.title)].join('\n');
        for (const v of values) assert.ok(!out.includes(v), `${file}: ${f.rule} repeats a patient value`);
        for (const p of phrases) assert.ok(!out.includes(p), `${file}: ${f.rule} quotes note text`);
        checked++;
      }
    }
    assert.ok(checked > 100, `only ${checked} findings checked`);
  });
});

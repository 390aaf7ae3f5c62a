/**
 * The README says what is true now (issue 25 item 8):
 * - the pictures of the audit report were taken from the report as it is now (their stamps
 *   in media/pictures.json, written by the scripts that retake them, match the report the
 *   real binary writes for examples/);
 * - every command is written as `npx claimlint`, which works after `npm ci`;
 * - the Debian packages it names are the ones the runtime script installs;
 * - the known limits do not deny what the money figures do (MPPR, GPCIs).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const stamps = require(join(ROOT, 'scripts', 'lib', 'picture-stamps.js')) as {
  reportStamp(root: string): string;
  readStamps(): Record<string, { reportSha256: string; retake: string }>;
};

/** Markdown pages a reader follows from the README (its own docs). */
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('README freshness (issue 25 item 8)', () => {
  it('every picture the README shows exists; the report pictures match the report as it is now', function () {
    this.timeout(60000);
    const pictures = [...README.matchAll(/!\[[^\]]*\]\((media\/[^)]+\.png)\)/g)].map((m) => m[1]);
    assert.ok(pictures.includes('media/report.png') && pictures.includes('media/audit-summary.png'), pictures.join(', '));
    for (const p of pictures) {
      assert.ok(existsSync(join(ROOT, p)), `${p} is missing`);
      assert.equal(readFileSync(join(ROOT, p)).subarray(1, 4).toString('ascii'), 'PNG', `${p} is a PNG`);
    }
    const now = stamps.reportStamp(ROOT);
    const recorded = stamps.readStamps();
    for (const picture of ['report.png', 'audit-summary.png']) {
      const s = recorded[picture];
      assert.ok(s, `media/pictures.json has no stamp for ${picture}: retake it with its script`);
      assert.equal(s.reportSha256, now, `media/${picture} was taken from another report: retake it (${s.retake})`);
    }
  });

  it('commands are written as `npx claimlint` (what works after npm ci), in code blocks and inline', () => {
    const bare: string[] = [];
    for (const page of PAGES) {
      const text = readFileSync(join(ROOT, page), 'utf8');
      let shell = false;
      text.split('\n').forEach((line, i) => {
        if (line.startsWith('```')) {
          shell = !shell && /^```(sh|bash|shell|console)\s*$/.test(line);
          return;
        }
        const where = `${page}:${i + 1}: ${line.trim()}`;
        if (shell && /^\s*(\$\s+)?claimlint(-language-server)?\s/.test(line) && !/^claimlint [a-z]+: /.test(line)) bare.push(where);
        if (!shell && /(^|[^x] )`claimlint(-language-server)? [-a-z]/.test(line)) bare.push(where);
      });
    }
    assert.deepEqual(bare, [], `write these as npx claimlint …:\n${bare.join('\n')}`);
  });

  it('names the Debian packages the runtime script installs, strace included', () => {
    const script = readFileSync(join(ROOT, 'scripts', 'vscode-runtime', 'install.sh'), 'utf8');
    const apt = /^APT_PACKAGES=\(([^)]*)\)/m.exec(script)?.[1].trim().split(/\s+/) ?? [];
    assert.ok(apt.includes('strace'), apt.join(' '));
    const sentence = /installs the Debian packages ([^*]+)\*\*as root\*\*/.exec(README.replace(/\n/g, ' '))?.[1] ?? '';
    const named = [...sentence.matchAll(/`([a-z0-9.+-]+)`/g)].map((m) => m[1]);
    assert.deepEqual([...named].sort(), [...apt].sort(), `README names ${named.join(', ')}; install.sh installs ${apt.join(', ')}`);
  });

  it('the known limits do not deny the payment adjustments the figures make', () => {
    const limits = /## Known limits\n([\s\S]*?)\n## /.exec(README)?.[1] ?? '';
    assert.ok(limits, 'a Known limits section');
    assert.doesNotMatch(limits, /no locality \(GPCI\) adjustment|no\s+multiple-procedure payment reduction/);
    const html = readFileSync(join(ROOT, 'src', 'report', 'figures', 'figures.ts'), 'utf8') + readFileSync(join(ROOT, 'src', 'core', 'billing', 'pricing.ts'), 'utf8');
    assert.match(html, /multiple procedure payment reduction|MPPR/i, 'the figures apply MPPR (so the README says so)');
    assert.match(limits, /multiple\s+procedure payment reduction/);
  });
});

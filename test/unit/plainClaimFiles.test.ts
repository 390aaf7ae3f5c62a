/**
 * The CLI's folder search without the glob library (src/node/claimSearch.ts plainClaimFiles):
 * on a plain tree it finds exactly what the default globs find, and it gives way to the glob
 * library wherever a symbolic link is met.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { DEFAULT_GLOBS } from '../../src/node/discovery';
import { discoverFiles, plainClaimFiles } from '../../src/node/claimSearch';
import { IGNORED_FOLDERS } from '../../src/protocol';
import { makeTmpDir, removeTmpDir } from '../support/tmp';

describe('plainClaimFiles: the default globs without the glob library', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTmpDir('plain-claims');
    const files = [
      'a.claim.yaml',
      'b.claim.yml',
      'notes.yaml',
      'a.claim.yaml.bak',
      'UPPER.CLAIM.YAML',
      'Mixed.Claim.yaml',
      '.hidden.claim.yaml',
      'sub/c.claim.yaml',
      'sub/deeper/still/d.claim.yml',
      'sub/node_modules/e.claim.yaml',
      'node_modules/f.claim.yaml',
      'node_modules/pkg/g.claim.yaml',
      '.git/h.claim.yaml',
      '.config/i.claim.yaml',
      'dist/j.claim.yaml',
      'out/k.claim.yml',
      'folder.claim.yaml/l.claim.yaml',
      'sp ace/m n.claim.yaml',
      'ünï/ç.claim.yaml',
      'x.claim.yaml/.n.claim.yaml',
    ];
    for (const f of files) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'claims: []\n');
    }
    mkdirSync(join(dir, 'empty'));
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.claim.yaml')]).status, 0);
  });
  afterEach(() => removeTmpDir(dir));

  const globbed = () => globSync([...DEFAULT_GLOBS], { cwd: dir, absolute: true, ignore: [...IGNORED_FOLDERS] }).sort();

  it('finds what the globs find on a tree without symbolic links (dot names, node_modules, folders named like claims, a FIFO)', () => {
    const plain = plainClaimFiles(dir)!.sort();
    assert.deepEqual(plain, globbed());
    assert.deepEqual(
      plain.map((f) => f.slice(dir.length + 1)),
      ['a.claim.yaml', 'b.claim.yml', 'dist/j.claim.yaml', 'folder.claim.yaml/l.claim.yaml', 'out/k.claim.yml', 'sp ace/m n.claim.yaml', 'sub/c.claim.yaml', 'sub/deeper/still/d.claim.yml', 'ünï/ç.claim.yaml'],
    );
    assert.deepEqual(discoverFiles([dir], () => []).files, plain);
  });

  it('gives way to the globs at a symbolic link (to a file, to a folder, dangling), and for a folder that is not there', () => {
    for (const [target, link] of [
      ['a.claim.yaml', 'sub/link.claim.yaml'],
      ['sub', 'linked-folder'],
      ['missing', 'dangling.claim.yaml'],
    ]) {
      symlinkSync(join(dir, target), join(dir, link));
      assert.equal(plainClaimFiles(dir), undefined, link);
      // The CLI's search then is the glob library's.
      assert.deepEqual(discoverFiles([dir], () => []).files, globbed().filter((f) => !f.endsWith('dangling.claim.yaml')), link);
    }
    assert.equal(plainClaimFiles(join(dir, 'no-such-folder')), undefined);
  });
});

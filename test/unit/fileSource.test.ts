import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFileSource, expandGlob } from '../../server/src/io/fileSource';

test('glob like glob(3): sorted, no leading dots, wildcards in any component, files only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-glob-'));
  try {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, 'x.conf'));
    for (const f of ['a/2.conf', 'a/1.conf', 'a/.hidden.conf', 'b/3.conf', 'b/notes.txt']) writeFileSync(join(dir, f), '');
    assert.deepEqual(expandGlob(`${dir}/*/*.conf`), [`${dir}/a/1.conf`, `${dir}/a/2.conf`, `${dir}/b/3.conf`]);
    assert.deepEqual(expandGlob(`${dir}/a/[12].conf`), [`${dir}/a/1.conf`, `${dir}/a/2.conf`]);
    assert.deepEqual(expandGlob(`${dir}/*.conf`), []);
    assert.deepEqual(expandGlob(`${dir}/nope/*.conf`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('open documents win over the disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-src-'));
  try {
    writeFileSync(join(dir, 'x.conf'), 'on disk');
    const source = diskFileSource((p) => (p.endsWith('open.conf') ? 'open text' : undefined));
    assert.equal(source.read(join(dir, 'x.conf')), 'on disk');
    assert.equal(source.read(join(dir, 'open.conf')), 'open text');
    assert.equal(source.read(join(dir, 'missing.conf')), undefined);
    assert.equal(source.read(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

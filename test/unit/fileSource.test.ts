import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFileSource, expandGlob, readFailure } from '../../server/src/io/fileSource';
import { globPaths } from '../../server/src/analysis/configModel';
import { decodeBytes } from '../../server/src/syntax/bytes';

test('glob like glob(3): sorted, no leading dots, wildcards in any component, files only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-glob-'));
  try {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, 'x.conf'));
    for (const f of ['a/2.conf', 'a/1.conf', 'a/.hidden.conf', 'b/3.conf', 'b/notes.txt']) writeFileSync(join(dir, f), '');
    assert.deepEqual(expandGlob(`${dir}/*/*.conf`).paths, [`${dir}/a/1.conf`, `${dir}/a/2.conf`, `${dir}/b/3.conf`]);
    assert.deepEqual(expandGlob(`${dir}/a/[12].conf`).paths, [`${dir}/a/1.conf`, `${dir}/a/2.conf`]);
    assert.deepEqual(expandGlob(`${dir}/*.conf`).paths, []);
    assert.deepEqual(expandGlob(`${dir}/nope/*.conf`).paths, []);
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

test('a read that fails says why: directory, FIFO, device, missing; /dev/null reads as empty', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-why-'));
  try {
    mkdirSync(join(dir, 'sub'));
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const source = diskFileSource();
    for (const [path, reason] of [
      [join(dir, 'sub'), 'directory'],
      [join(dir, 'pipe'), 'fifo'],
      ['/dev/zero', 'device'],
      [join(dir, 'gone.conf'), 'missing'],
      [join(dir, 'gone/x.conf'), 'missing'],
    ] as const) {
      assert.equal(source.read(path), undefined, path);
      assert.equal(source.failure?.(path), reason, path);
    }
    assert.equal(source.read('/dev/null'), '');
    assert.equal(readFailure('/dev/null'), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("file names that are not UTF-8: readable by their bytes, not by an editor's U+FFFD", () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-name-'));
  try {
    const name = Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from('e9', 'hex'), Buffer.from('.conf')]);
    writeFileSync(name, 'hz 10\n');
    const source = diskFileSource();
    assert.equal(source.read(decodeBytes(name)), 'hz 10\n');
    assert.equal(source.read(`${dir}/caf\ufffd.conf`), undefined);
    assert.equal(source.failure?.(`${dir}/caf\ufffd.conf`), 'undecodable-name');
    assert.deepEqual(globPaths(source.glob(`${dir}/*.conf`)).paths, [decodeBytes(name)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('globs stop at their limits and say which one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-limit-'));
  try {
    for (const d of ['a', 'b', 'c', 'd']) {
      mkdirSync(join(dir, d));
      for (const f of ['1.conf', '2.conf']) writeFileSync(join(dir, d, f), '');
    }
    const limits = { matches: 1000, folders: 3, wildcards: 8, milliseconds: 60_000 };
    assert.equal(expandGlob(`${dir}/*/*.conf`, limits).limit, 'folders');
    assert.deepEqual(expandGlob(`${dir}/*/*.conf`, { ...limits, folders: 100, matches: 3 }), {
      paths: [`${dir}/a/1.conf`, `${dir}/a/2.conf`, `${dir}/b/1.conf`],
      limit: 'matches',
    });
    assert.equal(expandGlob(`${dir}/*/*/*.conf`, { ...limits, wildcards: 2 }).limit, 'wildcards');
    assert.equal(expandGlob(`${dir}/*/*.conf`, { ...limits, folders: 100 }).limit, undefined);
    // The whole disk: stops early instead of reading every folder.
    const wide = expandGlob('/*/*/*/*/*.conf');
    assert.ok(wide.limit !== undefined || wide.paths.length <= 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

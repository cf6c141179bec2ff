/** In a workspace not trusted, files outside its folders are not read, links included. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globPaths } from '../../server/src/analysis/configModel';
import { diskFileSource, realPath } from '../../server/src/io/fileSource';
import { trustedSource } from '../../server/src/lsp/trust';

test('reads and globs stay inside the workspace until it is trusted', () => {
  const base = mkdtempSync(join(tmpdir(), 'rc-trust-'));
  try {
    const ws = join(base, 'ws');
    const outside = join(base, 'outside');
    mkdirSync(ws);
    mkdirSync(outside);
    writeFileSync(join(ws, 'a.conf'), 'hz 10\n');
    writeFileSync(join(outside, 'secret.conf'), 'requirepass x\n');
    symlinkSync(join(outside, 'secret.conf'), join(ws, 'link.conf'));
    let trusted = false;
    const source = trustedSource(
      diskFileSource(),
      () => [ws],
      () => trusted,
      (p) => p === join(outside, 'open.conf'),
      realPath,
    );
    assert.equal(source.read(join(ws, 'a.conf')), 'hz 10\n');
    assert.equal(source.read(join(outside, 'secret.conf')), undefined);
    assert.equal(source.failure?.(join(outside, 'secret.conf')), 'untrusted');
    assert.equal(source.read(join(ws, 'link.conf')), undefined, 'a link out of the workspace is not followed');
    assert.equal(source.read(join(ws, '../outside/secret.conf')), undefined);
    assert.equal(source.failure?.(join(ws, 'gone.conf')), 'missing');
    assert.deepEqual(globPaths(source.glob(`${base}/*/*.conf`)), { paths: [join(ws, 'a.conf')], limit: 'untrusted' });
    trusted = true;
    assert.equal(source.read(join(outside, 'secret.conf')), 'requirepass x\n');
    assert.equal(source.read(join(ws, 'link.conf')), 'requirepass x\n');
    assert.equal(globPaths(source.glob(`${base}/*/*.conf`)).limit, undefined);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

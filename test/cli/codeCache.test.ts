/**
 * The loaders in dist/bin/ start the CLI and the language server through V8's code cache
 * (server/src/loader/codeCache.ts): the first start writes it, the next ones use it, and a
 * damaged, foreign or unwritable cache only costs the speed, never the result.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheFileFor, defaultCacheDir } from '../../server/src/loader/codeCache';
import { LspTestClient } from '../support/lspClient';

const ROOT = join(__dirname, '../..');
const LINT = join(ROOT, 'dist/bin/redis-config-lint.js');
const SERVER = join(ROOT, 'dist/bin/redis-config-language-server.js');
const CONFIG = 'port 6379\nbind 0.0.0.0\nprotected-mode no\nmaxmemory 1gb\n';

const work = mkdtempSync(join(tmpdir(), 'rcl-code-cache-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

/** Lints CONFIG from stdin with the cache in `dir`; returns the findings and what the loader says it did. */
function lint(dir: string, extra: NodeJS.ProcessEnv = {}): { out: string; trace: string[]; status: number | null } {
  const r = spawnSync(process.execPath, [LINT, '--color', 'never', '--stdin-filename', 'redis.conf', '-'], {
    input: CONFIG,
    encoding: 'utf8',
    env: { ...process.env, REDIS_CONFIG_CACHE_DIR: dir, REDIS_CONFIG_CODE_CACHE_TRACE: '1', ...extra },
  });
  const trace = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('code cache: '))
    .map((l) => l.slice('code cache: '.length).replace(/ .*/, ''));
  return { out: r.stdout, trace, status: r.status };
}

const caches = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : []);

test('the first run writes the cache, the next one uses it, and both find the same', () => {
  const dir = join(work, 'fresh');
  const first = lint(dir);
  assert.deepEqual(first.trace, ['none', 'wrote']);
  assert.equal(caches(dir).length, 1);
  const second = lint(dir);
  assert.deepEqual(second.trace, ['used']);
  assert.equal(second.out, first.out);
  assert.equal(second.status, first.status);
  assert.match(first.out, /protected-mode-off/);
});

test('a damaged cache is rejected by V8, the run is normal, and the cache is written again', () => {
  const dir = join(work, 'damaged');
  const reference = lint(dir);
  const [file] = caches(dir);
  assert.ok(file);
  writeFileSync(join(dir, file), Buffer.from('not a code cache at all, just bytes'.repeat(20)));
  const damaged = lint(dir);
  assert.deepEqual(damaged.trace, ['rejected', 'wrote']);
  assert.equal(damaged.out, reference.out);
  assert.deepEqual(lint(dir).trace, ['used']);
});

test('a folder that cannot be created costs only the cache', () => {
  const blocker = join(work, 'a-file');
  writeFileSync(blocker, 'in the way');
  const r = lint(join(blocker, 'cache'));
  assert.deepEqual(r.trace, ['none', 'not']);
  assert.match(r.out, /protected-mode-off/);
});

test('REDIS_CONFIG_NO_CODE_CACHE turns it off', () => {
  const dir = join(work, 'off');
  const r = lint(dir, { REDIS_CONFIG_NO_CODE_CACHE: '1' });
  assert.deepEqual(r.trace, ['off']);
  assert.equal(caches(dir).length, 0);
});

test('a changed bundle gets its own cache file and the old one is dropped', () => {
  const dir = join(work, 'names');
  const a = cacheFileFor('/x/server.js', 'exports.v = "AAAA";', dir);
  assert.notEqual(a, cacheFileFor('/x/server.js', 'exports.v = "BBBB";', dir), 'same path and size, other text (npm gives every file one mtime)');
  assert.notEqual(a, cacheFileFor('/y/server.js', 'exports.v = "AAAA";', dir), 'path');
  // An older bundle's cache in the folder is removed when the current one is written.
  lint(dir);
  const [current] = caches(dir);
  assert.ok(current);
  const stale = current.replace(/-[0-9a-f]{16}\.v8cache$/, '-0000000000000000.v8cache');
  writeFileSync(join(dir, stale), 'old');
  rmSync(join(dir, current));
  lint(dir);
  assert.deepEqual(caches(dir), [current]);
});

test('a cache folder other users can write to is not used', { skip: process.platform === 'win32' }, () => {
  const dir = join(work, 'shared');
  lint(dir);
  chmodSync(dir, 0o777);
  const r = lint(dir);
  assert.deepEqual(r.trace, ['not', 'off']);
  assert.match(r.out, /protected-mode-off/);
});

test('the default folder is the platform’s per-user cache folder', () => {
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/home/u/.xdg' }, 'linux'), '/home/u/.xdg/redis-config');
  assert.equal(defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'), join('C:\\Users\\u\\AppData\\Local', 'redis-config', 'Cache'));
  assert.equal(defaultCacheDir({}, 'win32'), undefined);
  assert.match(defaultCacheDir({}, 'darwin') ?? '', /Library[/\\]Caches[/\\]redis-config$/);
});

test('the language server started by its loader writes its cache at exit and answers the same with it', async () => {
  const dir = join(work, 'server');
  const previous = process.env.REDIS_CONFIG_CACHE_DIR;
  process.env.REDIS_CONFIG_CACHE_DIR = dir;
  try {
    const codes: string[][] = [];
    const written: number[] = [];
    for (let run = 0; run < 2; run++) {
      const client = new LspTestClient(SERVER);
      try {
        await client.initialize(false);
        const published = client.nextDiagnostics('file:///w/redis.conf', 1);
        await client.open('file:///w/redis.conf', 'redis-conf', CONFIG);
        codes.push((await published).diagnostics.map((d) => String(d.code)).sort());
      } finally {
        await client.shutdown();
      }
      const [file] = caches(dir);
      assert.ok(file, `a cache after run ${run + 1}`);
      written.push(statSync(join(dir, file)).mtimeMs);
    }
    assert.equal(written[1], written[0], 'the second start used the cache instead of writing a new one');
    assert.deepEqual(codes[1], codes[0]);
    assert.ok(codes[0]?.includes('protected-mode-off'));
  } finally {
    if (previous === undefined) delete process.env.REDIS_CONFIG_CACHE_DIR;
    else process.env.REDIS_CONFIG_CACHE_DIR = previous;
  }
});

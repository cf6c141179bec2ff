/**
 * Oracle test: what redis-server 7.0 does with includes, and what the analysis says.
 * - a chain of 40 includes is loaded to its end (the last file's settings apply), and the
 *   analysis follows it (it used to stop at 32 and say nothing);
 * - a cycle below the main file (redis.conf → a ↔ b) crashes redis-server (SIGSEGV): the
 *   analysis reports include-cycle on the main file's include line;
 * - an unknown directive in an included file stops the server: reported on the include line;
 * - a directory is read as nothing and the server starts: a warning, not an error;
 * - a diamond (two files including the same one): the value Redis ends with is the one the
 *   effective model says wins.
 *
 * Run: node --import tsx --test test/oracle/includes.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { lastSet } from '../../server/src/analysis/configModel';
import { diskFileSource } from '../../server/src/io/fileSource';
import { checkConfig, ensureRedisServer, startRedis } from '../support/redisServer';

function analyse(dir: string, text: string): Analysis {
  return analyzeDocument(text, 'config', { target: 'redis-7.0', profile: 'production' }, { path: join(dir, 'redis.conf'), source: diskFileSource() });
}

/** What is said on a line about includes, refusals and protected mode (the rest is not tested here). */
const CODES = new Set(['include-cycle', 'include-limit', 'include-not-found', 'include-unreadable', 'unknown-directive', 'protected-mode-off']);

function onLine(a: Analysis, line: number): string[] {
  return a.findings.filter((f) => f.range.start.line === line && CODES.has(f.code)).map((f) => `${f.severity} ${f.code}`);
}

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'include-oracle-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a chain of 40 includes: redis-server loads it to the end, and so does the analysis', async () => {
  await ensureRedisServer();
  await withDir(async (dir) => {
    for (let i = 1; i <= 40; i++)
      writeFileSync(join(dir, `c${i}.conf`), i < 40 ? `include ${join(dir, `c${i + 1}.conf`)}\n` : 'protected-mode no\nmaxmemory 7mb\n');
    const text = `include ${join(dir, 'c1.conf')}\n`;
    const r = await checkConfig(text, { configGet: ['protected-mode', 'maxmemory'] });
    assert.equal(r.accepted, true, r.message);
    assert.equal(r.values?.get('protected-mode')?.toString(), 'no');
    assert.equal(r.values?.get('maxmemory')?.toString(), String(7 * 1024 * 1024));
    const a = analyse(dir, text);
    // An error: nothing in this config gives the default user a password.
    assert.deepEqual(onLine(a, 0), ['error protected-mode-off']);
    assert.ok(!a.findings.some((f) => f.code === 'include-limit' || f.code === 'include-cycle'));
  });
});

test('a cycle below the main file: redis-server crashes, the analysis reports include-cycle on the include line', async () => {
  await ensureRedisServer();
  await withDir(async (dir) => {
    writeFileSync(join(dir, 'a.conf'), `include ${join(dir, 'b.conf')}\n`);
    writeFileSync(join(dir, 'b.conf'), `include ${join(dir, 'a.conf')}\n`);
    const text = `include ${join(dir, 'a.conf')}\n`;
    const r = await startRedis(text, { timeoutMs: 30_000 });
    if (r.status === 'running') await r.stop();
    assert.equal(r.status, 'exited');
    assert.ok(
      r.status === 'exited' && r.signal === 'SIGSEGV',
      `expected a crash, got ${r.status === 'exited' ? `${r.exitCode} ${r.signal}` : 'a running server'}`,
    );
    assert.deepEqual(onLine(analyse(dir, text), 0), ['error include-cycle']);
  });
});

test('an unknown directive in an included file: redis-server refuses, the include line says why', async () => {
  await ensureRedisServer();
  await withDir(async (dir) => {
    mkdirSync(join(dir, 'conf.d'));
    writeFileSync(join(dir, 'conf.d', 'x.conf'), 'maxmemory 1gb\nmaxmemroy 1gb\n');
    const text = `include ${join(dir, 'conf.d', 'x.conf')}\n`;
    const r = await checkConfig(text);
    assert.equal(r.accepted, false);
    assert.match(r.message ?? '', /Bad directive or wrong number of arguments/);
    const a = analyse(dir, text);
    assert.deepEqual(onLine(a, 0), ['error unknown-directive']);
    assert.equal(a.findings.find((f) => f.code === 'unknown-directive')?.related?.[0]?.file, join(dir, 'conf.d', 'x.conf'));
  });
});

test('a directory: redis-server reads nothing from it and starts; a warning, not an error', async () => {
  await ensureRedisServer();
  await withDir(async (dir) => {
    mkdirSync(join(dir, 'conf.d'));
    writeFileSync(join(dir, 'conf.d', 'x.conf'), 'maxmemroy 1gb\n');
    const text = `include ${join(dir, 'conf.d')}\n`;
    const r = await checkConfig(text);
    assert.equal(r.accepted, true, r.message);
    assert.deepEqual(onLine(analyse(dir, text), 0), ['warning include-unreadable']);
  });
});

test('a diamond of includes: the value redis-server ends with is the one the model says wins', async () => {
  await ensureRedisServer();
  await withDir(async (dir) => {
    writeFileSync(join(dir, 'common.conf'), 'maxmemory 5mb\nhz 11\n');
    writeFileSync(join(dir, 'a.conf'), `include ${join(dir, 'common.conf')}\nmaxmemory 1mb\nhz 12\n`);
    writeFileSync(join(dir, 'b.conf'), `hz 13\ninclude ${join(dir, 'common.conf')}\n`);
    const text = `include ${join(dir, 'a.conf')}\ninclude ${join(dir, 'b.conf')}\n`;
    const r = await checkConfig(text, { configGet: ['maxmemory', 'hz'] });
    assert.equal(r.accepted, true, r.message);
    const a = analyse(dir, text);
    assert.ok(a.kind !== 'acl');
    assert.equal(r.values?.get('maxmemory')?.toString(), String(5 * 1024 * 1024));
    assert.equal(lastSet(a.model, ['maxmemory'])?.line.tokens[1]?.value, '5mb');
    assert.equal(r.values?.get('hz')?.toString(), '11');
    assert.equal(lastSet(a.model, ['hz'])?.line.tokens[1]?.value, '11');
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { settingsFromClient } from '../../server/src/lsp/settings';
import { NEWEST_VALKEY } from '../../server/src/knowledge/types';

test('a pragma comment chooses the target, whatever the setting', () => {
  const a = analyzeDocument('# redis-config: target=redis-6.2\nbind 127.0.0.1\nenable-debug-command no\n', 'config', { target: 'redis-7.4', profile: 'production' });
  assert.equal(a.target, 'redis-6.2');
  assert.equal(a.targetSource, 'pragma');
  assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map((f) => f.code), ['unsupported-in-version']);
});

test('an unknown pragma version is reported on the version and ignored', () => {
  const a = analyzeDocument('# redis-config: target=redis-9\nbind 127.0.0.1\n', 'config', { target: 'redis-7.0', profile: 'production' });
  assert.equal(a.target, 'redis-7.0');
  assert.deepEqual(a.findings.filter((f) => f.code === 'unknown-target').map((f) => `${f.code} ${f.range.start.character}-${f.range.end.character}`), ['unknown-target 23-30']);
});

test('without a choice, valkey*.conf files are checked against the newest Valkey', () => {
  const valkey = analyzeDocument('bind 127.0.0.1\n', 'config', DEFAULT_SETTINGS, { path: '/etc/valkey/valkey.conf' });
  assert.deepEqual([valkey.target, valkey.targetSource], [NEWEST_VALKEY, 'default']);
  assert.equal(NEWEST_VALKEY, 'valkey-9.1');
  const redis = analyzeDocument('bind 127.0.0.1\n', 'config', DEFAULT_SETTINGS, { path: '/etc/redis/redis.conf' });
  assert.deepEqual([redis.target, redis.targetSource], ['redis-8.0', 'default']);
  const chosen = analyzeDocument('bind 127.0.0.1\n', 'config', settingsFromClient({ targetVersion: 'redis-7.0' }), { path: '/etc/valkey/valkey.conf' });
  assert.deepEqual([chosen.target, chosen.targetSource], ['redis-7.0', 'setting']);
});

test('settings from the client: auto, invalid values and the include base', () => {
  assert.deepEqual(settingsFromClient({ targetVersion: 'auto' }), { target: 'redis-8.0', targetIsDefault: true, profile: 'production' });
  assert.deepEqual(settingsFromClient({ targetVersion: 'redis-5', profile: 'x' }), { target: 'redis-8.0', targetIsDefault: true, profile: 'production' });
  assert.deepEqual(settingsFromClient({ targetVersion: 'valkey-8.0', profile: 'development', includeBaseDirectory: ' /etc/redis ' }), {
    target: 'valkey-8.0',
    targetIsDefault: false,
    profile: 'development',
    includeBaseDirectory: '/etc/redis',
  });
  assert.deepEqual(settingsFromClient(undefined), DEFAULT_SETTINGS);
});

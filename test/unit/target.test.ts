import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { settingsFromClient } from '../../server/src/lsp/settings';
import { NEWEST_VALKEY } from '../../server/src/knowledge/types';
import { chooseTarget, placeAmongTables } from '../../server/src/knowledge/versions';
import { messages } from '../../server/src/analysis/messages';

test('a pragma comment chooses the target, whatever the setting', () => {
  const a = analyzeDocument('# redis-config: target=redis-6.2\nbind 127.0.0.1\nenable-debug-command no\n', 'config', {
    target: 'redis-7.4',
    profile: 'production',
  });
  assert.equal(a.target, 'redis-6.2');
  assert.equal(a.targetSource, 'pragma');
  assert.deepEqual(
    a.findings.filter((f) => f.severity === 'error').map((f) => f.code),
    ['unsupported-in-version'],
  );
});

test('an unknown pragma version is reported on the version and ignored', () => {
  const a = analyzeDocument('# redis-config: target=redis-9\nbind 127.0.0.1\n', 'config', { target: 'redis-7.0', profile: 'production' });
  assert.equal(a.target, 'redis-7.0');
  assert.deepEqual(
    a.findings.filter((f) => f.code === 'unknown-target').map((f) => `${f.code} ${f.range.start.character}-${f.range.end.character}`),
    ['unknown-target 23-30'],
  );
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

test('version names: ours, a patch of ours, and the nearest table for the others', () => {
  assert.deepEqual(chooseTarget('valkey-9.1'), { target: 'valkey-9.1' });
  assert.deepEqual(chooseTarget('Redis-8.0.6'), { target: 'redis-8.0' });
  assert.deepEqual(chooseTarget('redis-8.2'), { target: 'redis-8.0', approximates: 'redis-8.2' });
  assert.deepEqual(chooseTarget('redis-8.4.1'), { target: 'redis-8.0', approximates: 'redis-8.4' });
  assert.deepEqual(chooseTarget('valkey-9.0'), { target: 'valkey-8.1', approximates: 'valkey-9.0' });
  assert.deepEqual(chooseTarget('valkey-10.0'), { target: 'valkey-9.1', approximates: 'valkey-10.0' });
  assert.deepEqual(chooseTarget('redis-7.1'), { target: 'redis-7.0', approximates: 'redis-7.1' });
  assert.deepEqual(chooseTarget('redis-5.0'), { target: 'redis-6.0', approximates: 'redis-5.0' });
  for (const notVersion of ['redis-9', 'redis', 'keydb-6.3', 'redis-8.x', '']) assert.equal(chooseTarget(notVersion), undefined, notVersion);
  assert.deepEqual(['redis-8.2', 'redis-5.0', 'valkey-9.0'].map(placeAmongTables), ['newer', 'older', 'between']);
});

test('a pragma naming a newer version: checked as the nearest, name errors become warnings, one notice', () => {
  const text =
    '# redis-config: target=redis-8.2\nbind 127.0.0.1\nprotected-mode yes\nrequirepass a-long-enough-password-for-the-checks-1\nsome-new-setting yes\nmaxmemory 1gg\n';
  const a = analyzeDocument(text, 'config', { target: 'redis-7.0', profile: 'production' });
  assert.deepEqual([a.target, a.targetSource, a.settings.requestedTarget], ['redis-8.0', 'pragma', 'redis-8.2']);
  const notices = a.findings.filter((f) => f.code === 'approximated-target');
  assert.equal(notices.length, 1);
  assert.deepEqual(notices[0]?.range, { start: { line: 0, character: 23 }, end: { line: 0, character: 32 } });
  assert.equal(notices[0]?.message, messages.approximatedTarget('redis-8.2', 'redis-8.0'));
  assert.match(notices[0]?.message ?? '', /tables stop at Redis 8\.0/);
  const unknown = a.findings.find((f) => f.code === 'unknown-directive');
  assert.equal(unknown?.severity, 'warning');
  assert.match(unknown?.message ?? '', /Checked as Redis 8\.0.*Redis 8\.2 may differ/);
  // Value rules are the nearest table's and keep their severity.
  assert.equal(a.findings.find((f) => f.code === 'invalid-value')?.severity, 'error');
  assert.equal(a.findings.filter((f) => f.code !== 'approximated-target' && f.code !== 'invalid-value').filter((f) => f.severity === 'error').length, 0);
});

test('a version between two tables and one of another version: unsupported-in-version softened too', () => {
  const a = analyzeDocument('# redis-config: target=valkey-9.0\nhash-seed abc\n', 'config', { target: 'redis-7.0', profile: 'production' });
  assert.equal(a.target, 'valkey-8.1');
  const f = a.findings.find((x) => x.code === 'unsupported-in-version');
  assert.equal(f?.severity, 'warning');
  assert.match(a.findings.find((x) => x.code === 'approximated-target')?.message ?? '', /nearest older version/);
});

test('the same version from the setting: the notice sits at the top of the file; ACL files too', () => {
  const settings = settingsFromClient({ targetVersion: 'valkey-10.0' });
  assert.deepEqual([settings.target, settings.requestedTarget, settings.targetIsDefault], ['valkey-9.1', 'valkey-10.0', false]);
  const a = analyzeDocument('bind 127.0.0.1\nfuture-thing 1\n', 'config', settings);
  assert.deepEqual([a.target, a.targetSource], ['valkey-9.1', 'setting']);
  const notice = a.findings.find((f) => f.code === 'approximated-target');
  assert.deepEqual(notice?.range.start, { line: 0, character: 0 });
  assert.equal(a.findings.find((f) => f.code === 'unknown-directive')?.severity, 'warning');
  const acl = analyzeDocument('user default on nopass ~* +@all +futurecmd\n', 'acl', settings);
  assert.equal(acl.findings.find((f) => f.code === 'acl-unknown-command')?.severity, 'warning');
  assert.equal(acl.findings.filter((f) => f.code === 'approximated-target').length, 1);
  // A pragma naming a table we have wins over the setting and drops the approximation.
  const exact = analyzeDocument('# redis-config: target=valkey-8.1\nfuture-thing 1\n', 'config', settings);
  assert.deepEqual([exact.target, exact.settings.requestedTarget], ['valkey-8.1', undefined]);
  assert.equal(exact.findings.find((f) => f.code === 'unknown-directive')?.severity, 'error');
  assert.equal(
    exact.findings.some((f) => f.code === 'approximated-target'),
    false,
  );
});

test('a version that is no version keeps unknown-target and no notice', () => {
  const a = analyzeDocument('# redis-config: target=keydb-6.3\nfoo 1\n', 'config', { target: 'redis-7.0', profile: 'production' });
  assert.deepEqual(
    a.findings.filter((f) => f.code === 'unknown-target' || f.code === 'approximated-target').map((f) => f.code),
    ['unknown-target'],
  );
  assert.equal(a.findings.find((f) => f.code === 'unknown-directive')?.severity, 'error');
});

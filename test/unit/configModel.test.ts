import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { relativePath, resolvePath } from '../../server/src/analysis/configModel';
import { summarize } from '../support/check';
import { memoryFiles } from '../support/memoryFiles';
import type { TargetId } from '../../server/src/knowledge/types';

const SETTINGS: { target: TargetId; profile: 'production' } = { target: 'redis-7.0', profile: 'production' };

function run(text: string, files: Record<string, string>, settings: Partial<typeof SETTINGS & { includeBaseDirectory: string }> = {}, codes?: string[]) {
  const analysis = analyzeDocument(text, 'config', { ...SETTINGS, ...settings }, { path: '/etc/redis/redis.conf', source: memoryFiles(files) });
  return { analysis, summary: summarize(analysis.findings, codes) };
}

test('a missing include is an error on its argument; a glob with no match is fine', () => {
  const { summary } = run('bind 127.0.0.1\ninclude /etc/redis/missing.conf\ninclude /etc/redis/conf.d/*.conf\n', {}, {}, ['include-not-found']);
  assert.deepEqual(summary, ['2:9 error include-not-found']);
});

test('relative includes resolve from the document folder, or the configured base', () => {
  const files = { '/etc/redis/extra.conf': 'hz 20\n', '/srv/conf/extra.conf': 'hz 30\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude extra.conf\n', files, {}, ['include-not-found']).summary, []);
  const other = run('bind 127.0.0.1\ninclude extra.conf\n', files, { includeBaseDirectory: '/srv/conf' }, ['include-not-found']);
  assert.deepEqual(other.summary, []);
  assert.equal(other.analysis.kind !== 'acl' && other.analysis.model.files.has('/srv/conf/extra.conf'), true);
  assert.deepEqual(run('bind 127.0.0.1\ninclude nope/extra.conf\n', files, {}, ['include-not-found']).summary, ['2:9 error include-not-found']);
});

test('Redis 6 has no include globs: the pattern is a file name', () => {
  const files = { '/etc/redis/a.conf': 'hz 20\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/*.conf\n', files, { target: 'redis-6.2' }, ['include-not-found']).summary, ['2:9 error include-not-found']);
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/*.conf\n', files, {}, ['include-not-found']).summary, []);
});

test('include cycles are found, directly and through another file', () => {
  const files = { '/etc/redis/a.conf': 'include /etc/redis/b.conf\n', '/etc/redis/b.conf': 'include /etc/redis/redis.conf\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/redis.conf\n', files, {}, ['include-cycle']).summary, ['2:9 error include-cycle']);
  const { summary } = run('bind 127.0.0.1\ninclude /etc/redis/a.conf\n', files, {}, ['include-cycle']);
  // The loop closes inside the included files; the document's own include line is fine.
  assert.deepEqual(summary, []);
});

test('the last value wins across files: an included bind counts, a later one overrides it', () => {
  const files = { '/etc/redis/net.conf': 'bind 0.0.0.0\n' };
  const included = run('port 6379\ninclude /etc/redis/net.conf\n', files, {}, ['bind-all-interfaces']);
  assert.deepEqual(included.summary, ['2:1 warning bind-all-interfaces']);
  assert.match(included.analysis.findings.find((f) => f.code === 'bind-all-interfaces')?.message ?? '', /set in \/etc\/redis\/net\.conf/);
  assert.deepEqual(run('include /etc/redis/net.conf\nbind 127.0.0.1\n', files, {}, ['bind-all-interfaces']).summary, []);
});

test('a line overridden by an included file is a duplicate, with the winner linked', () => {
  const files = { '/etc/redis/mem.conf': 'maxmemory 2gb\n' };
  const { analysis, summary } = run('bind 127.0.0.1\nmaxmemory 1gb\ninclude /etc/redis/mem.conf\n', files, {}, ['duplicate-directive']);
  assert.deepEqual(summary, ['2:1 warning duplicate-directive']);
  assert.equal(analysis.findings.find((f) => f.code === 'duplicate-directive')?.related?.[0]?.file, '/etc/redis/mem.conf');
});

test('module settings are satisfied by a loadmodule in an included file', () => {
  const files = { '/etc/redis/modules.conf': 'loadmodule /usr/lib/redis/m.so\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/modules.conf\nm.opt 1\n', files, {}, ['module-config-without-loadmodule']).summary, []);
  assert.deepEqual(run('bind 127.0.0.1\nm.opt 1\n', files, {}, ['module-config-without-loadmodule']).summary, ['2:1 error module-config-without-loadmodule']);
});

test('paths are normalised', () => {
  assert.equal(resolvePath('/etc/redis', '../x/./y.conf'), '/etc/x/y.conf');
  assert.equal(resolvePath('/etc/redis', '/abs.conf'), '/abs.conf');
});

test('a fragment included by another file is not blamed for what it does not set', () => {
  const codesOf = (included: boolean): string[] => analyzeDocument('protected-mode no\nmaxmemory 1gb\n', 'config', { ...SETTINGS, included }).findings.map((f) => f.code);
  assert.ok(codesOf(false).includes('no-auth') && codesOf(false).includes('bind-all-interfaces'));
  assert.deepEqual(codesOf(true), ['protected-mode-off']);
});

test('aclfile-not-found: an aclfile that cannot be read, relative to the same base as includes', () => {
  const text = 'bind 127.0.0.1\naclfile users.acl\n';
  assert.deepEqual(run(text, {}, {}, ['aclfile-not-found']).summary, ['2:9 error aclfile-not-found']);
  assert.deepEqual(run(text, { '/etc/redis/users.acl': 'user default off\n' }, {}, ['aclfile-not-found']).summary, []);
  const f = run(text, {}, {}, ['aclfile-not-found']).analysis.findings.find((x) => x.code === 'aclfile-not-found');
  assert.equal(f?.data?.afterLoad, true);
});

test('relativePath names a file from a folder', () => {
  assert.equal(relativePath('/etc/redis', '/etc/redis/users.acl'), 'users.acl');
  assert.equal(relativePath('/etc/redis/', '/etc/redis/conf.d/a.conf'), 'conf.d/a.conf');
  assert.equal(relativePath('/etc/redis', '/etc/shared/users.conf'), '../shared/users.conf');
  assert.equal(relativePath('/etc/redis', '/etc/redis'), '.');
});

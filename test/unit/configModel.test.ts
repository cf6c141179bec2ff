import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { INCLUDE_LIMITS, lastSet, relativePath, resolvePath, type ReadFailure } from '../../server/src/analysis/configModel';
import { messages } from '../../server/src/analysis/messages';
import { settingsFromClient } from '../../server/src/lsp/settings';
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
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/*.conf\n', files, { target: 'redis-6.2' }, ['include-not-found']).summary, [
    '2:9 error include-not-found',
  ]);
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/*.conf\n', files, {}, ['include-not-found']).summary, []);
});

test('include cycles are found, directly and through another file', () => {
  const files = { '/etc/redis/a.conf': 'include /etc/redis/b.conf\n', '/etc/redis/b.conf': 'include /etc/redis/redis.conf\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude /etc/redis/redis.conf\n', files, {}, ['include-cycle']).summary, ['2:9 error include-cycle']);
  // A loop that closes further down (redis.conf → a → b → a) crashes redis-server just the same.
  const below = { '/etc/redis/a.conf': 'include /etc/redis/b.conf\n', '/etc/redis/b.conf': 'include /etc/redis/a.conf\n' };
  const { analysis, summary } = run('bind 127.0.0.1\ninclude /etc/redis/a.conf\n', below, {}, ['include-cycle']);
  assert.deepEqual(summary, ['2:9 error include-cycle']);
  assert.equal(
    analysis.findings.find((f) => f.code === 'include-cycle')?.message,
    messages.includeCycle('/etc/redis/a.conf', ['/etc/redis/redis.conf', '/etc/redis/a.conf', '/etc/redis/b.conf', '/etc/redis/a.conf']),
  );
});

test('a chain of 40 includes is followed to its end, as redis-server 7.0 does', () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 40; i++) files[`/etc/redis/c${i}.conf`] = i < 40 ? `include /etc/redis/c${i + 1}.conf\n` : 'bind 0.0.0.0\nprotected-mode no\n';
  const { summary } = run('port 6379\ninclude /etc/redis/c1.conf\n', files, {}, [
    'bind-all-interfaces',
    'protected-mode-off',
    'include-cycle',
    'include-limit',
  ]);
  // The last file opens the server to every host without a password: both lines are errors.
  assert.deepEqual(summary, ['2:1 error bind-all-interfaces', '2:1 error protected-mode-off']);
});

test('a chain deeper than the limit stops with a finding that says so', () => {
  const depth = INCLUDE_LIMITS.depth + 5;
  const files: Record<string, string> = {};
  for (let i = 1; i <= depth; i++) files[`/etc/redis/c${i}.conf`] = i < depth ? `include /etc/redis/c${i + 1}.conf\n` : 'protected-mode no\n';
  const { summary } = run('bind 127.0.0.1\ninclude /etc/redis/c1.conf\n', files, {}, ['include-limit', 'include-cycle']);
  assert.deepEqual(summary, ['2:9 warning include-limit']);
});

test('a file included twice, or by several files, is read once and its last load wins', () => {
  let reads = 0;
  const files: Record<string, string> = {};
  for (let i = 1; i <= 23; i++)
    files[`/etc/redis/f${i}.conf`] = i < 23 ? `include /etc/redis/f${i + 1}.conf\ninclude /etc/redis/f${i + 1}.conf\nhz ${i}\n` : 'maxmemory 1gb\n';
  const mem = memoryFiles(files);
  const counting = { read: (p: string) => (reads++, mem.read(p)), glob: mem.glob.bind(mem) };
  const analysis = analyzeDocument('bind 127.0.0.1\ninclude /etc/redis/f1.conf\nhz 50\n', 'config', SETTINGS, {
    path: '/etc/redis/redis.conf',
    source: counting,
  });
  assert.equal(reads, 23);
  assert.ok(analysis.kind !== 'acl');
  // Load order, last loads only: f23, then f22's hz, ... f1's hz, then the document's hz.
  const hz = analysis.model.lines.filter((m) => m.line.name === 'hz').map((m) => m.line.tokens[1]?.value);
  assert.deepEqual(hz, [...Array.from({ length: 22 }, (_, i) => String(22 - i)), '50']);
  assert.equal(analysis.model.lines.filter((m) => m.line.name === 'maxmemory').length, 1);
});

test("a diamond keeps Redis's order: the later include decides", () => {
  const files = {
    '/etc/redis/a.conf': 'include /etc/redis/common.conf\nmaxmemory 1mb\n',
    '/etc/redis/b.conf': 'include /etc/redis/common.conf\n',
    '/etc/redis/common.conf': 'maxmemory 5mb\n',
  };
  const { analysis } = run('bind 127.0.0.1\ninclude /etc/redis/a.conf\ninclude /etc/redis/b.conf\n', files);
  assert.ok(analysis.kind !== 'acl');
  // Redis reads common (5mb), a (1mb), then common again (5mb): 5mb wins.
  assert.equal(lastSet(analysis.model, ['maxmemory'])?.line.tokens[1]?.value, '5mb');
  assert.equal(lastSet(analysis.model, ['maxmemory'])?.file, '/etc/redis/common.conf');
});

test('nine files that each include *.conf: one visit each, and the cycle is reported', () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 9; i++) files[`/etc/redis/conf.d/s${i}.conf`] = 'include /etc/redis/conf.d/*.conf\n';
  const { summary } = run('bind 127.0.0.1\ninclude /etc/redis/conf.d/*.conf\n', files, {}, ['include-cycle']);
  assert.deepEqual(summary, ['2:9 error include-cycle']);
});

test('an error inside an included file is reported on the include line, pointing into the file', () => {
  const files = { '/etc/redis/conf.d/x.conf': 'maxmemory 1gb\nmaxmemroy 1gb\n', '/etc/redis/conf.d/y.conf': 'hz 10 # ten\n' };
  const { analysis, summary } = run('bind 127.0.0.1\ninclude conf.d/x.conf\ninclude conf.d/y.conf\n', files, {}, ['unknown-directive', 'trailing-comment']);
  assert.deepEqual(summary, ['2:9 error unknown-directive', '3:9 error trailing-comment']);
  const f = analysis.findings.find((x) => x.code === 'unknown-directive');
  assert.match(f?.message ?? '', /^In conf\.d\/x\.conf, line 2: Unknown directive 'maxmemroy'/);
  assert.deepEqual(f?.related?.[0]?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
  assert.equal(f?.related?.[0]?.file, '/etc/redis/conf.d/x.conf');
  // Nested: the error two files down shows on the document's own include line.
  const nested = { '/etc/redis/a.conf': 'include /etc/redis/b.conf\n', '/etc/redis/b.conf': 'maxmemroy 1gb\n' };
  assert.deepEqual(run('bind 127.0.0.1\ninclude a.conf\n', nested, {}, ['unknown-directive']).summary, ['2:9 error unknown-directive']);
  // A warning stays in its file; a suppression in the included file is honoured.
  assert.deepEqual(
    run('bind 127.0.0.1\ninclude a.conf\n', { '/etc/redis/a.conf': 'slave-read-only yes\n# redis-config-disable-next-line unknown-directive\nbogus 1\n' }, {}, [
      'deprecated-directive',
      'unknown-directive',
    ]).summary,
    [],
  );
});

test("a missing file two includes down is reported on the document's include line", () => {
  const files = { '/etc/redis/a.conf': 'include /etc/redis/gone.conf\n' };
  const { analysis, summary } = run('bind 127.0.0.1\ninclude a.conf\n', files, {}, ['include-not-found']);
  assert.deepEqual(summary, ['2:9 error include-not-found']);
  assert.equal(analysis.findings.find((f) => f.code === 'include-not-found')?.related?.[0]?.file, '/etc/redis/a.conf');
});

test('why an include cannot be read: each reason its own message and severity', () => {
  const reasons: Record<string, ReadFailure> = {
    '/etc/redis/d': 'directory',
    '/dev/zero': 'device',
    '/etc/redis/pipe': 'fifo',
    '/etc/redis/secret.conf': 'permission',
  };
  const source = { read: () => undefined, failure: (p: string): ReadFailure => reasons[p] ?? 'missing', glob: () => [] };
  for (const [path, reason] of Object.entries(reasons)) {
    const analysis = analyzeDocument(`bind 127.0.0.1\ninclude ${path}\n`, 'config', SETTINGS, { path: '/etc/redis/redis.conf', source });
    const f = analysis.findings.find((x) => x.code.startsWith('include-'));
    assert.equal(f?.code, 'include-unreadable', path);
    assert.equal(f?.message, messages.includeUnreadable(path, path, reason));
    assert.equal(f?.severity, reason === 'directory' ? 'warning' : 'error');
  }
});

test('a glob stopped by a limit says so on the include line', () => {
  const source = { read: () => 'hz 10\n', glob: () => ({ paths: ['/x/1.conf'], limit: 'folders' as const }) };
  const analysis = analyzeDocument('bind 127.0.0.1\ninclude /*/*/*/*/*.conf\n', 'config', SETTINGS, { path: '/etc/redis/redis.conf', source });
  assert.deepEqual(summarize(analysis.findings, ['include-limit']), ['2:9 warning include-limit']);
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
  const codesOf = (included: boolean): string[] =>
    analyzeDocument('protected-mode no\nmaxmemory 1gb\n', 'config', { ...SETTINGS, included }).findings.map((f) => f.code);
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

test('a document over the size limit is analysed up to a line break before it, with a notice', () => {
  const text = `${'maxmemroy 1gb\n'.repeat(10)}${'# filler line\n'.repeat(1000)}maxmemroy 2gb\n`;
  const a = analyzeDocument(text, 'config', { ...SETTINGS, maxDocumentSize: 200 });
  const notice = a.findings.find((f) => f.code === 'document-too-large');
  assert.ok(notice);
  assert.deepEqual(notice.range.start, { line: 0, character: 0 });
  assert.equal(notice.message, messages.documentTooLarge(text.length, 200, 14));
  // Lines after the cut are not analysed; lines before it are.
  assert.equal(a.findings.filter((f) => f.code === 'unknown-directive').length, 10);
  assert.equal(
    analyzeDocument(text, 'config', SETTINGS).findings.some((f) => f.code === 'document-too-large'),
    false,
  );
  assert.equal(settingsFromClient({ maxFileSizeMB: 16 }).maxDocumentSize, 16 * 1024 * 1024);
  assert.equal(settingsFromClient({ maxFileSizeMB: 0 }).maxDocumentSize, undefined);
});

test("a file out of the editor's reach is said to be out of reach, as information, not missing", () => {
  const source = { read: () => undefined, failure: (): ReadFailure => 'unreachable', glob: () => ({ paths: [], limit: 'unreachable' as const }) };
  const analysis = analyzeDocument('bind 127.0.0.1\ninclude /etc/redis/base.conf\ninclude conf.d/*.conf\n', 'config', SETTINGS, {
    path: '/acme/cache/redis.conf',
    source,
  });
  assert.deepEqual(summarize(analysis.findings, ['include-limit', 'include-not-found', 'include-unreadable']), [
    '2:9 information include-limit',
    '3:9 information include-limit',
  ]);
  const [file, glob] = analysis.findings.filter((f) => f.code === 'include-limit');
  assert.equal(file?.message, messages.includeUnreachable('/etc/redis/base.conf', '/etc/redis/base.conf'));
  assert.equal(glob?.message, messages.includeGlobLimit('conf.d/*.conf', 'line 3', 'unreachable', 0));
});

test('aclfile-not-read: an aclfile this tool may not or cannot read is not said to be missing', () => {
  const text = 'bind 127.0.0.1\naclfile /etc/redis/users.acl\n';
  for (const reason of ['unreachable', 'untrusted'] as const) {
    const source = { read: () => undefined, failure: (): ReadFailure => reason, glob: () => [] };
    const analysis = analyzeDocument(text, 'config', SETTINGS, { path: '/acme/cache/redis.conf', source });
    assert.deepEqual(summarize(analysis.findings, ['aclfile-not-found', 'aclfile-not-read']), ['2:9 information aclfile-not-read'], reason);
    const message = analysis.findings.find((f) => f.code === 'aclfile-not-read')?.message;
    assert.equal(
      message,
      reason === 'unreachable'
        ? messages.aclfileUnreachable('/etc/redis/users.acl', '/etc/redis/users.acl')
        : messages.aclfileUntrusted('/etc/redis/users.acl', '/etc/redis/users.acl'),
    );
  }
  // A file that can be read and is not there is still missing.
  const missing = { read: () => undefined, failure: (): ReadFailure => 'missing', glob: () => [] };
  assert.deepEqual(
    summarize(analyzeDocument(text, 'config', SETTINGS, { path: '/acme/cache/redis.conf', source: missing }).findings, [
      'aclfile-not-found',
      'aclfile-not-read',
    ]),
    ['2:9 error aclfile-not-found'],
  );
});

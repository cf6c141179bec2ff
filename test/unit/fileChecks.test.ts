import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf } from '../support/check';
import { messages } from '../../server/src/analysis/messages';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { memoryFiles } from '../support/memoryFiles';

const ONLY = { codes: ['duplicate-directive', 'module-config-without-loadmodule', 'replicaof-in-cluster'] };

test('a repeated single-value directive: the earlier line is overridden', () => {
  check('bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory 2gb\n', ['2:1 warning duplicate-directive'], ONLY);
  const [f] = findingsOf('bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory 2gb\n').filter((x) => x.code === 'duplicate-directive');
  assert.equal(f?.message, messages.duplicateDirective('maxmemory', 'line 3'));
  assert.deepEqual(f?.tags, ['unnecessary']);
  assert.deepEqual(f?.related?.[0]?.range.start, { line: 2, character: 0 });
});

test('an alias and its primary share one value', () => {
  check('bind 127.0.0.1\nslave-read-only no\nreplica-read-only yes\n', ['2:1 warning duplicate-directive'], ONLY);
});

test('additive directives are never duplicates', () => {
  check(
    'bind 127.0.0.1\nsave 900 1\nsave 300 10\ninclude a.conf\ninclude b.conf\nclient-output-buffer-limit normal 0 0 0\nclient-output-buffer-limit pubsub 32mb 8mb 60\nrename-command A B\nrename-command C D\nuser a on\nuser b on\n',
    [],
    ONLY,
  );
});

test('each repeated bind replaces the previous list', () => {
  check('bind 127.0.0.1\nbind 10.0.0.1\n', ['1:1 warning duplicate-directive'], ONLY);
});

test('module settings need a loadmodule', () => {
  check('bind 127.0.0.1\nmymod.option 5\n', ['2:1 error module-config-without-loadmodule'], ONLY);
  check('bind 127.0.0.1\nloadmodule /m.so\nmymod.option 5\n', [], ONLY);
});

test('replicaof in cluster mode', () => {
  check('bind 127.0.0.1\ncluster-enabled yes\nreplicaof 127.0.0.1 6379\n', ['3:1 error replicaof-in-cluster'], ONLY);
  check('bind 127.0.0.1\ncluster-enabled no\nreplicaof 127.0.0.1 6379\n', [], ONLY);
  check('bind 127.0.0.1\ncluster-enabled yes\nreplicaof no one\n', [], ONLY);
});

test('port 0 with no TLS port and no Unix socket: the server listens nowhere and exits', () => {
  const only = { codes: ['listens-nowhere'] };
  check('bind 127.0.0.1\nport 0\n', ['2:1 error listens-nowhere'], only);
  check('bind 127.0.0.1\nport 0\nunixsocket ""\ntls-port 0\n', ['2:1 error listens-nowhere'], only);
  check('bind 127.0.0.1\nport 0\nunixsocket /run/redis.sock\n', [], only);
  check('bind 127.0.0.1\nport 0\ntls-port 6380\ntls-cert-file a\ntls-key-file b\n', [], only);
  check('bind 127.0.0.1\nport 0\nport 6379\n', [], only);
  check('bind 127.0.0.1\nunixsocket /run/redis.sock\nunixsocket ""\nport 0\n', ['4:1 error listens-nowhere'], only);
  const [f] = findingsOf('port 0\n').filter((x) => x.code === 'listens-nowhere');
  assert.equal(f?.message, messages.listensNowhere());
  assert.equal(f?.data?.afterLoad, true);
  assert.equal(f?.data?.socket, true, 'decided when the sockets open: a harness that replaces them cannot judge it');
  const [clash] = findingsOf('bind 127.0.0.1 127.0.0.1\n').filter((x) => x.code === 'invalid-value');
  assert.deepEqual([clash?.data?.afterLoad, clash?.data?.socket], [true, true]);
});

test('listens-nowhere reads the effective configuration: a socket or a port 0 in an included file counts', () => {
  const settings = { target: 'redis-7.0' as const, profile: 'production' as const };
  const withSocket = analyzeDocument('port 0\ninclude /etc/redis/socket.conf\n', 'config', settings, {
    path: '/etc/redis/redis.conf',
    source: memoryFiles({ '/etc/redis/socket.conf': 'unixsocket /run/redis.sock\n' }),
  });
  assert.equal(
    withSocket.findings.some((x) => x.code === 'listens-nowhere'),
    false,
  );
  const portInInclude = analyzeDocument('bind 127.0.0.1\ninclude /etc/redis/port.conf\n', 'config', settings, {
    path: '/etc/redis/redis.conf',
    source: memoryFiles({ '/etc/redis/port.conf': 'port 0\n' }),
  });
  const f = portInInclude.findings.find((x) => x.code === 'listens-nowhere');
  assert.deepEqual(f?.range.start, { line: 1, character: 0 }, 'on the include line');
  assert.match(f?.message ?? '', /set in \/etc\/redis\/port\.conf/);
  // A fragment included elsewhere does not know what the including file opens.
  assert.equal(
    analyzeDocument('port 0\n', 'config', { ...settings, included: true }).findings.some((x) => x.code === 'listens-nowhere'),
    false,
  );
});

test('bind "" leaves TCP and TLS without an address from 6.2 on: listens nowhere unless a Unix socket is open', () => {
  const only = { codes: ['listens-nowhere', 'invalid-value'] };
  check('bind ""\n', ['1:1 error listens-nowhere'], { ...only, settings: { target: 'redis-7.0' } });
  check('bind ""\nunixsocket /run/redis.sock\n', [], { ...only, settings: { target: 'valkey-9.1' } });
  // Redis 6.0 tries to resolve the empty name instead, and so does every version when "" is one of several.
  check('bind ""\n', ['1:6 error invalid-value'], { ...only, settings: { target: 'redis-6.0' } });
  check('bind 127.0.0.1 ""\n', ['1:16 error invalid-value'], { ...only, settings: { target: 'redis-8.0' } });
  const [f] = findingsOf('bind ""\n').filter((x) => x.code === 'listens-nowhere');
  assert.equal(f?.message, messages.listensNowhereBind());
});

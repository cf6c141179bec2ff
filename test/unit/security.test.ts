/**
 * Each security rule with a config that triggers it and a near miss that does not.
 * SAFE is a hardened base: every rule is quiet on it, so each case shows one rule.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { DocumentKind, Finding } from '../../server/src/analysis/types';
import { memoryFiles } from '../support/memoryFiles';

const PASSWORD = '9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f';
const SAFE = [
  'bind 127.0.0.1 -::1',
  'protected-mode yes',
  'port 0',
  'tls-port 6379',
  'tls-cert-file /etc/redis/tls/redis.crt',
  'tls-key-file /etc/redis/tls/redis.key',
  'tls-ca-cert-file /etc/redis/tls/ca.crt',
  'aclfile /etc/redis/users.acl',
  'maxmemory 2gb',
  'maxmemory-policy allkeys-lru',
  'dir /var/lib/redis',
].join('\n');
const ACL = `user default off resetpass nocommands\nuser app on #${'a'.repeat(64)} ~app:* -@all +@read +@write\n`;
const FILES = { '/etc/redis/users.acl': ACL };

function findings(text: string, opts: { files?: Record<string, string>; kind?: DocumentKind; mode?: number } = {}): Finding[] {
  return [
    ...analyzeDocument(
      text,
      opts.kind ?? 'config',
      { target: 'redis-7.4', profile: 'production' },
      {
        path: opts.kind === 'sentinel' ? '/etc/redis/sentinel.conf' : '/etc/redis/redis.conf',
        source: memoryFiles(opts.files ?? FILES),
        ...(opts.mode !== undefined ? { mode: opts.mode } : {}),
      },
    ).findings,
  ];
}

function codes(text: string, opts: Parameters<typeof findings>[1] = {}): string[] {
  return findings(text, opts).map((f) => `${f.severity} ${f.code}`);
}

/** Replaces or adds lines in SAFE: each entry is a full line; lines starting with `-` remove that directive. */
function variant(...changes: string[]): string {
  let lines = SAFE.split('\n');
  for (const c of changes) {
    const name = c.replace(/^-/, '').split(' ')[0] as string;
    lines = lines.filter((l) => l.split(' ')[0] !== name);
    if (!c.startsWith('-')) lines.push(c);
  }
  return `${lines.join('\n')}\n`;
}

test('the hardened base raises nothing', () => {
  assert.deepEqual(codes(`${SAFE}\n`), []);
});

// [name, config, expected "severity code" list (exactly), files?]
const CASES: [string, string, string[], Record<string, string>?][] = [
  ['no auth on loopback', variant('-aclfile'), ['warning no-auth']],
  ['no auth beyond loopback: protected mode refuses remote clients on 7.4', variant('-aclfile', 'bind 10.0.0.5'), ['warning no-auth']],
  [
    'no auth beyond loopback with protected mode off, behind client certificates',
    variant('-aclfile', 'bind 10.0.0.5', 'protected-mode no'),
    ['warning no-auth', 'warning protected-mode-off'],
  ],
  [
    'no auth beyond loopback with protected mode off, TLS without client certificates',
    variant('-aclfile', 'bind 10.0.0.5', 'protected-mode no', 'tls-auth-clients no'),
    ['error no-auth', 'error protected-mode-off', 'information tls-auth-clients-off'],
  ],
  ['requirepass closes it', variant('-aclfile', `requirepass ${PASSWORD}`), ['information plaintext-password', 'information requirepass-prefer-acl']],
  ['an ACL file without default leaves it open', SAFE, ['warning no-auth'], { '/etc/redis/users.acl': 'user app on >x ~* +@all\n' }],
  [
    'a user default nopass line',
    variant('-aclfile', 'user default on nopass ~app:* +@read'),
    ['warning no-auth', 'warning default-user-nopass', 'warning acl-dangerous-commands'],
  ],
  ['a user default line with a hash', variant('-aclfile', `user default on #${'b'.repeat(64)} ~app:* -@all +get`), []],
  ['requirepass with an aclfile', variant(`requirepass ${PASSWORD}`), ['information plaintext-password', 'warning requirepass-ignored-with-aclfile']],
  [
    'a weak requirepass',
    variant('-aclfile', 'requirepass redis123'),
    ['information plaintext-password', 'information requirepass-prefer-acl', 'warning weak-password'],
  ],
  ['a short masterauth', variant('masterauth short-pass'), ['information plaintext-password', 'warning weak-password']],
  [
    'plaintext port beyond loopback without TLS',
    variant('-tls-port', '-tls-cert-file', '-tls-key-file', '-tls-ca-cert-file', 'port 6379', 'bind 10.0.0.5'),
    ['warning no-tls'],
  ],
  ['plaintext port on loopback without TLS', variant('-tls-port', '-tls-cert-file', '-tls-key-file', '-tls-ca-cert-file', 'port 6379'), []],
  ['TLS with the plain port open', variant('port 6380'), ['warning tls-plaintext-port-open']],
  ['TLS with the plain port at its default', variant('-port'), ['warning tls-plaintext-port-open']],
  ['TLS without a key', variant('-tls-key-file'), ['error tls-incomplete']],
  ['old TLS protocols', variant('tls-protocols "TLSv1 TLSv1.2"'), ['warning weak-tls-protocols']],
  ['modern TLS protocols', variant('tls-protocols "TLSv1.2 TLSv1.3"'), []],
  ['no client certificates', variant('tls-auth-clients optional'), ['information tls-auth-clients-off']],
  ['replication in clear', variant('replicaof 10.0.0.1 6379'), ['warning tls-replication-off']],
  ['replication over TLS', variant('replicaof 10.0.0.1 6379', 'tls-replication yes'), []],
  ['cluster bus in clear', variant('cluster-enabled yes'), ['warning tls-cluster-off']],
  ['cluster bus over TLS', variant('cluster-enabled yes', 'tls-cluster yes'), []],
  ['rename-command', variant('rename-command FLUSHALL ""'), ['warning rename-command-deprecated']],
  [
    'rename-command with AOF',
    variant('rename-command CONFIG cfg-1', 'appendonly yes'),
    ['warning rename-command-deprecated', 'warning rename-command-with-aof'],
  ],
  ['DEBUG for everyone', variant('enable-debug-command yes'), ['warning dangerous-commands-enabled']],
  ['DEBUG from loopback only', variant('enable-debug-command local'), []],
  ['no maxmemory', variant('-maxmemory', '-maxmemory-policy'), ['information unbounded-memory']],
  ['maxmemory 0', variant('maxmemory 0', '-maxmemory-policy'), ['information unbounded-memory']],
  ['maxmemory without policy', variant('-maxmemory-policy'), ['warning maxmemory-policy-implicit']],
  ['volatile policy', variant('maxmemory-policy volatile-lru'), ['information volatile-policy-note']],
  ['decimal unit', variant('maxmemory 2g'), ['hint ambiguous-memory-unit']],
  ['decimal unit in a buffer limit', variant('client-output-buffer-limit pubsub 32m 8mb 60'), ['hint ambiguous-memory-unit']],
  ['dir under /tmp', variant('dir /tmp/redis'), ['warning world-writable-dir']],
  ['socket for everyone', variant('unixsocket /run/redis.sock', 'unixsocketperm 777'), ['warning unixsocket-perm-too-open']],
  ['socket for the group', variant('unixsocket /run/redis.sock', 'unixsocketperm 770'), []],
  ['module from /tmp', variant('loadmodule /tmp/m.so'), ['warning loadmodule-unsafe-path']],
  ['module by relative path', variant('loadmodule m.so'), ['warning loadmodule-unsafe-path']],
  ['module from a system folder', variant('loadmodule /usr/lib/redis/modules/m.so'), []],
  ['daemon without a log', variant('daemonize yes', 'logfile ""'), ['warning logfile-disabled-when-daemonized']],
  ['daemon with syslog', variant('daemonize yes', 'logfile ""', 'syslog-enabled yes'), []],
  ['writable replica', variant('replica-read-only no'), ['warning replica-not-read-only']],
  ['writable replica, old name', variant('slave-read-only no'), ['information deprecated-directive', 'warning replica-not-read-only']],
  ['ACL log off', variant('acllog-max-len 0'), ['warning acllog-disabled']],
  ['logging off', variant('loglevel nothing'), ['warning loglevel-nothing']],
  ['protected mode off without auth, on loopback', variant('-aclfile', 'protected-mode no'), ['warning no-auth', 'warning protected-mode-off']],
];

for (const [name, text, expected, files] of CASES) {
  test(`security: ${name}`, () => {
    assert.deepEqual(codes(text, files ? { files } : {}).sort(), [...expected].sort());
  });
}

test('user or loadmodule in an included file is a CONFIG REWRITE hazard', () => {
  const files = { ...FILES, '/etc/redis/extra.conf': 'loadmodule /usr/lib/redis/modules/m.so\n' };
  assert.deepEqual(codes(variant('include /etc/redis/extra.conf'), { files }), ['warning config-rewrite-hazard']);
});

test('sentinel: no password, scripts reconfigurable, weak auth-pass', () => {
  const base = 'port 26379\nsentinel monitor m 10.0.0.1 6379 2\n';
  // Sentinel runs with protected mode off: a password-less one is open to every host.
  assert.deepEqual(codes(base, { kind: 'sentinel' }).sort(), [
    'error bind-all-interfaces',
    'error protected-mode-off',
    'error sentinel-no-auth',
    'warning no-tls',
  ]);
  const text = `bind 127.0.0.1\nrequirepass ${PASSWORD}\n${base}sentinel deny-scripts-reconfig no\nsentinel auth-pass m weak\n`;
  assert.deepEqual(codes(text, { kind: 'sentinel' }).sort(), [
    'information plaintext-password',
    'information plaintext-password',
    'warning sentinel-deny-scripts-reconfig-off',
    'warning weak-password',
  ]);
});

test('a world-readable file with passwords', () => {
  const text = variant('-aclfile', `requirepass ${PASSWORD}`);
  assert.ok(codes(text, { mode: 0o644 }).includes('warning config-file-world-readable'));
  assert.ok(!codes(text, { mode: 0o640 }).includes('warning config-file-world-readable'));
  assert.ok(!codes(SAFE, { mode: 0o644 }).includes('warning config-file-world-readable'));
});

test('no message repeats a password', () => {
  const secrets = [PASSWORD, 'redis123', 'short-pass', 'weak'];
  const text = `${variant('-aclfile', `requirepass ${PASSWORD}`, 'masterauth short-pass', 'user bob on >redis123 ~* +@all')}`;
  for (const f of [...findings(text), ...findings(`bind 127.0.0.1\nrequirepass ${PASSWORD}\nsentinel auth-pass m weak\n`, { kind: 'sentinel' })]) {
    for (const s of secrets) assert.ok(!f.message.includes(s), `${f.code}: ${f.message}`);
  }
});

test('the minimum password length is configurable', () => {
  const text = variant('-aclfile', 'requirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f');
  const weak = (min: number): boolean =>
    analyzeDocument(text, 'config', { target: 'redis-7.4', profile: 'production', minPasswordLength: min }).findings.some((f) => f.code === 'weak-password');
  assert.equal(weak(32), false);
  assert.equal(weak(48), true);
  const acl = (min: number): boolean =>
    analyzeDocument(`user default on >${'x9f2c4e7a1b8d3f6e0a5c9b2'.repeat(2)} ~* +get\n`, 'acl', {
      target: 'redis-7.4',
      profile: 'production',
      minPasswordLength: min,
    }).findings.some((f) => f.code === 'weak-password');
  assert.equal(acl(32), false);
  assert.equal(acl(64), true);
});

test('Lua functions the sandbox withholds: Valkey 9.1 under both names, security updates of older lines', () => {
  const run = (target: 'valkey-9.1' | 'valkey-8.1' | 'redis-8.0' | 'redis-7.0' | 'redis-7.4', ...lines: string[]): string[] =>
    analyzeDocument(variant(...lines), 'config', { target, profile: 'production' }, { path: '/etc/redis/redis.conf', source: memoryFiles(FILES) })
      .findings.map((f) => `${f.severity} ${f.code}`)
      .sort();
  assert.deepEqual(run('valkey-9.1', 'lua-enable-insecure-api yes'), ['warning lua-insecure-api']);
  assert.deepEqual(run('valkey-9.1', 'lua-enable-deprecated-api yes'), ['information deprecated-directive', 'warning lua-insecure-api']);
  assert.deepEqual(run('valkey-9.1', 'lua-enable-insecure-api no'), []);
  // A later line of the other name wins in 9.1, where the two are one setting.
  assert.deepEqual(run('valkey-9.1', 'lua-enable-insecure-api yes', 'lua-enable-deprecated-api no'), [
    'information deprecated-directive',
    'warning duplicate-directive',
  ]);
  // Lines that only security updates of a release line accept: a build warning, and the risk.
  assert.deepEqual(run('redis-8.0', 'lua-enable-deprecated-api yes'), ['warning build-dependent', 'warning lua-insecure-api']);
  assert.deepEqual(run('valkey-8.1', 'lua-enable-insecure-api yes'), ['warning build-dependent', 'warning lua-insecure-api']);
  assert.deepEqual(run('redis-7.0', 'lua-enable-deprecated-api no'), ['warning build-dependent']);
  assert.deepEqual(run('redis-7.0', 'lua-enable-deprecated-api maybe'), ['error invalid-value', 'warning build-dependent']);
  // Not seen on any 7.4 server: still a name that version refuses.
  assert.deepEqual(run('redis-7.4', 'lua-enable-deprecated-api yes'), ['error unsupported-in-version']);
});

test('activedefrag yes: a warning that names the builds that refuse it', () => {
  for (const target of ['redis-7.0', 'valkey-9.1'] as const) {
    const f = analyzeDocument('bind 127.0.0.1\nactivedefrag yes\n', 'config', { target, profile: 'production' }).findings.filter(
      (x) => x.code === 'build-dependent',
    );
    assert.equal(f.length, 1);
    assert.equal(f[0]?.severity, 'warning');
    assert.match(f[0]?.message ?? '', /Debian's packages/);
    assert.deepEqual(f[0]?.range.start, { line: 1, character: 13 });
  }
  assert.equal(
    analyzeDocument('bind 127.0.0.1\nactivedefrag no\n', 'config', { target: 'redis-7.0', profile: 'production' }).findings.some(
      (x) => x.code === 'build-dependent',
    ),
    false,
  );
});

/**
 * The exposure model (security/exposure.ts) and the rules that read it: severities per
 * version, as the live servers behave (test/oracle/exposure.test.ts proves the same cases on
 * them). An error only when a client on another host gets in without a password.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { singleFileModel } from '../../server/src/analysis/configModel';
import { addressScope, type Exposure } from '../../server/src/analysis/security/exposure';
import { securityFacts } from '../../server/src/analysis/security/facts';
import { securityMessages } from '../../server/src/analysis/security/securityMessages';
import type { DocumentKind } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { parseConfig } from '../../server/src/syntax/configParser';
import { check, findingsOf } from '../support/check';

const EXPOSURE_CODES = [
  'bind-all-interfaces',
  'protected-mode-off',
  'no-auth',
  'sentinel-no-auth',
  'user-nopass',
  'default-user-nopass',
  'dangerous-commands-enabled',
  'sentinel-deny-scripts-reconfig-off',
];

function exposure(text: string, target: TargetId = 'redis-7.0', kind: DocumentKind = 'config'): Exposure {
  const { tree } = parseConfig(text);
  return securityFacts({ model: singleFileModel(tree), tree, kind, settings: { target, profile: 'production' } }).exposure;
}

test('address scopes', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.3.4.5', 'loopback'],
    ['::1', 'loopback'],
    ['localhost', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'private'],
    ['203.0.113.9', 'public'],
    ['2001:db8::1', 'public'],
    ['*', 'every-interface'],
    ['0.0.0.0', 'every-interface'],
    ['::*', 'every-interface'],
  ];
  for (const [address, scope] of cases) assert.equal(addressScope(address), scope, address);
});

// [name, config, target, kind, what a password-less client on another host experiences]
const REMOTE: [string, string, TargetId, DocumentKind, Exposure['remote']][] = [
  ['no bind, protected mode by default', 'port 6379\n', 'redis-7.0', 'config', 'refused'],
  ['no bind, protected mode by default, 6.0', 'port 6379\n', 'redis-6.0', 'config', 'refused'],
  ['bind 0.0.0.0 on 7.0', 'bind 0.0.0.0\n', 'redis-7.0', 'config', 'refused'],
  ['bind 0.0.0.0 on 6.0', 'bind 0.0.0.0\n', 'redis-6.0', 'config', 'open'],
  ['bind 0.0.0.0 on 6.2', 'bind 0.0.0.0\n', 'redis-6.2', 'config', 'open'],
  ['bind one private address on 6.0', 'bind 10.0.0.5\n', 'redis-6.0', 'config', 'open'],
  ['bind one private address on Valkey 8.1', 'bind 10.0.0.5\n', 'valkey-8.1', 'config', 'refused'],
  ['protected-mode no', 'bind 10.0.0.5\nprotected-mode no\n', 'redis-8.0', 'config', 'open'],
  ['loopback only', 'bind 127.0.0.1 -::1\nprotected-mode no\n', 'redis-8.0', 'config', 'unreachable'],
  ['no TCP port', 'port 0\nunixsocket /run/redis.sock\nprotected-mode no\n', 'redis-8.0', 'config', 'unreachable'],
  ['a password', 'bind 0.0.0.0\nprotected-mode no\nrequirepass x\n', 'redis-6.0', 'config', 'password'],
  ['an empty requirepass is none', 'bind 0.0.0.0\nprotected-mode no\nrequirepass ""\n', 'redis-7.0', 'config', 'open'],
  ['user default nopass beats requirepass', 'requirepass x\nuser default on nopass ~* +@all\nprotected-mode no\n', 'redis-7.0', 'config', 'open'],
  ['a nopass user with the default user off', 'bind 10.0.0.5\nuser default off\nuser app on nopass ~* +@all\n', 'redis-7.0', 'config', 'open'],
  [
    'a nopass user while the default user keeps its nopass flag',
    'bind 10.0.0.5\nuser default off nopass\nuser app on nopass ~* +@all\n',
    'redis-7.0',
    'config',
    'refused',
  ],
  ['the same on 6.0: the bind switches the guard off', 'bind 10.0.0.5\nuser default off nopass\nuser app on nopass ~* +@all\n', 'redis-6.0', 'config', 'open'],
  ['a nopass user that may run nothing', 'bind 10.0.0.5\nuser default off\nuser app on nopass\n', 'redis-7.0', 'config', 'password'],
  ['only a TLS port with client certificates', 'port 0\ntls-port 6380\nprotected-mode no\n', 'redis-7.0', 'config', 'certificate'],
  ['TLS without client certificates', 'port 0\ntls-port 6380\ntls-auth-clients no\nprotected-mode no\n', 'redis-7.0', 'config', 'open'],
  ['Sentinel: protected mode off unless the file says yes', 'port 26379\n', 'redis-7.0', 'sentinel', 'open'],
  ['Sentinel with protected-mode yes', 'protected-mode yes\n', 'valkey-8.1', 'sentinel', 'refused'],
  ['Sentinel 6.0 with protected-mode yes and a bind', 'protected-mode yes\nbind 10.0.0.5\n', 'redis-6.0', 'sentinel', 'open'],
  ['Sentinel with requirepass', 'requirepass x\n', 'redis-7.0', 'sentinel', 'password'],
  ['Sentinel with a user default password', 'user default on >x ~* +@all\n', 'redis-7.0', 'sentinel', 'password'],
  ['Sentinel 6.0 ignores user lines', 'user default on >x ~* +@all\n', 'redis-6.0', 'sentinel', 'open'],
  // Redis 6.0 starts with a user defined twice, and the second definition wins.
  [
    'a nopass user given a password by its second definition, 6.0',
    'bind 10.0.0.5\nuser default off\nuser app on nopass ~* +@all\nuser app on >pw ~* +@all\n',
    'redis-6.0',
    'config',
    'password',
  ],
  [
    'a user made nopass by its second definition, 6.0',
    'bind 10.0.0.5\nuser default off\nuser app on >pw ~* +@all\nuser app on nopass ~* +@all\n',
    'redis-6.0',
    'config',
    'open',
  ],
  ['bind "" gives TCP no address (6.2 and later)', 'bind ""\nprotected-mode no\nunixsocket /run/redis.sock\n', 'redis-7.0', 'config', 'unreachable'],
];

for (const [name, text, target, kind, remote] of REMOTE) {
  test(`exposure: ${name} → ${remote}`, () => assert.equal(exposure(text, target, kind).remote, remote));
}

test('exposure: local clients get in without a password whenever the default user or a nopass user lets them', () => {
  assert.equal(exposure('bind 127.0.0.1\n').localOpen, true);
  assert.equal(exposure('bind 127.0.0.1\nrequirepass x\n').localOpen, false);
  assert.equal(exposure('bind 127.0.0.1\nuser default off\nuser app on nopass +get\n').localOpen, true);
});

// [name, config, target, kind, expected findings among EXPOSURE_CODES]
const CASES: [string, string, TargetId, DocumentKind, string[]][] = [
  ['a port-only file on 7.0: refused remotely, open locally', 'port 6379\n', 'redis-7.0', 'config', ['1:1 warning bind-all-interfaces', '1:1 warning no-auth']],
  [
    'a port-only file on 6.0: refused too (no bind line)',
    'port 6379\n',
    'redis-6.0',
    'config',
    ['1:1 warning bind-all-interfaces', '1:1 warning dangerous-commands-enabled', '1:1 warning no-auth'],
  ],
  [
    'bind 0.0.0.0 on 6.0: the bind opens it',
    'bind 0.0.0.0\n',
    'redis-6.0',
    'config',
    ['1:1 error dangerous-commands-enabled', '1:1 error no-auth', '1:6 error bind-all-interfaces'],
  ],
  ['bind 0.0.0.0 on 8.0: protected mode still refuses', 'bind 0.0.0.0\n', 'redis-8.0', 'config', ['1:1 warning no-auth', '1:6 warning bind-all-interfaces']],
  ['bind * -::* on Valkey 8.1', 'bind * -::*\n', 'valkey-8.1', 'config', ['1:1 warning no-auth', '1:6 warning bind-all-interfaces']],
  ['a private address on 6.2', 'bind 10.0.0.5\n', 'redis-6.2', 'config', ['1:1 error dangerous-commands-enabled', '1:1 error no-auth']],
  [
    'protected mode off without a password',
    'bind 10.0.0.5\nprotected-mode no\n',
    'redis-7.0',
    'config',
    ['1:1 error no-auth', '2:16 error protected-mode-off'],
  ],
  ['protected mode off in capitals', 'bind 10.0.0.5\nPROTECTED-MODE NO\n', 'redis-7.0', 'config', ['1:1 error no-auth', '2:16 error protected-mode-off']],
  [
    'protected mode off on loopback: a warning',
    'bind 127.0.0.1\nprotected-mode no\n',
    'redis-7.0',
    'config',
    ['1:1 warning no-auth', '2:16 warning protected-mode-off'],
  ],
  [
    'protected mode off with a password',
    `bind 0.0.0.0\nrequirepass ${'x'.repeat(40)}\nprotected-mode no\n`,
    'redis-7.0',
    'config',
    ['1:6 warning bind-all-interfaces', '3:16 warning protected-mode-off'],
  ],
  [
    'protected mode off on 6.0 with a bind changes nothing: the bind is the cause',
    'bind 10.0.0.5\nprotected-mode no\n',
    'redis-6.0',
    'config',
    ['1:1 error dangerous-commands-enabled', '1:1 error no-auth', '2:16 warning protected-mode-off'],
  ],
  ['protected mode turned back on', 'bind 10.0.0.5\nprotected-mode no\nprotected-mode yes\n', 'redis-7.0', 'config', ['1:1 warning no-auth']],
  [
    'a nopass user is open on every version',
    'bind 10.0.0.5\nuser default off\nuser app on nopass ~* +@all\n',
    'redis-8.0',
    'config',
    ['3:13 error user-nopass'],
  ],
  ['a nopass user behind loopback', 'bind 127.0.0.1\nuser default off\nuser app on nopass ~* +@all\n', 'redis-8.0', 'config', ['3:13 warning user-nopass']],
  [
    'user default nopass, reachable, protected mode off',
    'bind 10.0.0.5\nprotected-mode no\nuser default on nopass ~* +@all\n',
    'redis-7.0',
    'config',
    ['2:16 error protected-mode-off', '3:1 error no-auth', '3:17 error default-user-nopass'],
  ],
  [
    'enable-debug-command yes with no password, reachable',
    'bind 10.0.0.5\nprotected-mode no\nenable-debug-command yes\n',
    'redis-7.0',
    'config',
    ['1:1 error no-auth', '2:16 error protected-mode-off', '3:22 error dangerous-commands-enabled'],
  ],
  [
    'enable-debug-command yes with a password',
    `bind 10.0.0.5\nrequirepass ${'x'.repeat(40)}\nenable-debug-command yes\n`,
    'redis-7.0',
    'config',
    ['3:22 warning dangerous-commands-enabled'],
  ],
  ['enable-debug-command local', `bind 10.0.0.5\nrequirepass ${'x'.repeat(40)}\nenable-debug-command local\n`, 'redis-7.0', 'config', []],
  [
    '6.0 with a password: DEBUG for whoever logs in',
    `bind 10.0.0.5\nrequirepass ${'x'.repeat(40)}\n`,
    'redis-6.0',
    'config',
    ['1:1 warning dangerous-commands-enabled'],
  ],
  [
    '6.0 with a default user that may not run them',
    'bind 10.0.0.5\nuser default on nopass ~* +@all -debug -module -config\n',
    'redis-6.0',
    'config',
    ['2:1 error no-auth', '2:17 error default-user-nopass'],
  ],
  [
    'Sentinel without a password or protected-mode line',
    'port 26379\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-7.0',
    'sentinel',
    ['1:1 error bind-all-interfaces', '1:1 error protected-mode-off', '1:1 error sentinel-no-auth'],
  ],
  [
    'Sentinel with protected-mode yes',
    'protected-mode yes\nport 26379\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-7.0',
    'sentinel',
    ['1:1 warning bind-all-interfaces', '1:1 warning sentinel-no-auth'],
  ],
  [
    'Sentinel 6.0 with protected-mode yes and a bind',
    'protected-mode yes\nbind 10.0.0.5\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-6.0',
    'sentinel',
    ['1:1 error sentinel-no-auth'],
  ],
  [
    'Sentinel scripts reconfigurable without a password',
    'bind 10.0.0.5\nsentinel monitor m 10.0.0.1 6379 2\nsentinel deny-scripts-reconfig no\n',
    'redis-7.0',
    'sentinel',
    ['1:1 error protected-mode-off', '1:1 error sentinel-no-auth', '3:32 error sentinel-deny-scripts-reconfig-off'],
  ],
  [
    'Sentinel scripts reconfigurable with a password',
    `bind 10.0.0.5\nrequirepass ${'x'.repeat(40)}\nsentinel monitor m 10.0.0.1 6379 2\nsentinel deny-scripts-reconfig no\n`,
    'redis-7.0',
    'sentinel',
    ['4:32 warning sentinel-deny-scripts-reconfig-off'],
  ],
  [
    'Sentinel on loopback',
    'bind 127.0.0.1\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-7.0',
    'sentinel',
    ['1:1 warning protected-mode-off', '1:1 warning sentinel-no-auth'],
  ],
  [
    'Sentinel with a user default password (6.2 and later)',
    'bind 10.0.0.5\nuser default on >x ~* +@all\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-7.0',
    'sentinel',
    [],
  ],
  // On 6.0 'protected-mode yes' would not guard it either (the bind switches it off): not the cause.
  [
    'Sentinel 6.0 ignores that user line',
    'bind 10.0.0.5\nuser default on >x ~* +@all\nsentinel monitor m 10.0.0.1 6379 2\n',
    'redis-6.0',
    'sentinel',
    ['1:1 warning protected-mode-off', '1:1 error sentinel-no-auth'],
  ],
  [
    'Sentinel with a nopass user',
    'bind 10.0.0.5\nuser default off\nuser app on nopass ~* +@all\nsentinel monitor m 10.0.0.1 6379 2\n',
    'valkey-8.1',
    'sentinel',
    ['3:13 error user-nopass'],
  ],
  ['nothing listens on TCP: no bind finding', 'port 0\nunixsocket /run/redis.sock\n', 'redis-7.0', 'config', ['1:1 warning no-auth']],
];

for (const [name, text, target, kind, expected] of CASES) {
  test(`exposure rules: ${name} (${target})`, () => check(text, expected, { kind, settings: { target }, codes: EXPOSURE_CODES }));
}

test('Sentinels protected by ACL users must say how they log in to each other (6.2 and later)', () => {
  const monitor = 'sentinel monitor m 10.0.0.1 6379 2\n';
  const only = { kind: 'sentinel' as const, codes: ['sentinel-peer-auth-missing'] };
  check(`bind 127.0.0.1\nuser default on >x ~* +@all\n${monitor}`, ['2:1 warning sentinel-peer-auth-missing'], { ...only, settings: { target: 'redis-7.0' } });
  check(`bind 127.0.0.1\nuser default on >x ~* +@all\nsentinel sentinel-user default\nsentinel sentinel-pass x\n${monitor}`, [], {
    ...only,
    settings: { target: 'redis-7.0' },
  });
  // requirepass is what a Sentinel sends when sentinel-pass is not set.
  check(`bind 127.0.0.1\nrequirepass x\nuser default on >x ~* +@all\n${monitor}`, [], { ...only, settings: { target: 'valkey-8.1' } });
  check(`bind 127.0.0.1\nrequirepass x\nsentinel sentinel-user ops\n${monitor}`, ['3:10 warning sentinel-peer-auth-missing'], {
    ...only,
    settings: { target: 'redis-7.0' },
  });
  // Sentinel 6.0 has neither the directives nor ACL users.
  check(`bind 127.0.0.1\nuser default on >x ~* +@all\n${monitor}`, [], { ...only, settings: { target: 'redis-6.0' } });
});

test('the development profile turns network findings into hints', () => {
  check(`requirepass ${'x'.repeat(40)}\nbind 0.0.0.0\nprotected-mode no\n`, ['2:6 hint bind-all-interfaces', '3:16 hint protected-mode-off'], {
    codes: ['bind-all-interfaces', 'protected-mode-off'],
    settings: { profile: 'development', target: 'redis-7.0' },
  });
});

test('messages come from the builders, with the exposure they describe', () => {
  const text = 'bind 0.0.0.0\nprotected-mode no\n';
  const findings = findingsOf(text, 'config', { target: 'redis-7.0' });
  const e = exposure(text);
  assert.equal(findings.find((f) => f.code === 'bind-all-interfaces')?.message, securityMessages.bindAllInterfaces('0.0.0.0', e));
  assert.equal(findings.find((f) => f.code === 'protected-mode-off')?.message, securityMessages.protectedModeOff(e));
  assert.equal(findings.find((f) => f.code === 'no-auth')?.message, securityMessages.noAuth(e, 'nothing'));
  assert.equal(
    findingsOf('port 1\n', 'config', { target: 'redis-7.0' }).find((f) => f.code === 'bind-all-interfaces')?.message,
    securityMessages.bindMissing(exposure('port 1\n')),
  );
});

test('messages say which clients get in, on which version, and why', () => {
  const message = (text: string, target: TargetId, code: string, kind: DocumentKind = 'config'): string =>
    findingsOf(text, kind, { target }).find((f) => f.code === code)?.message ?? '';
  assert.match(
    message('bind 0.0.0.0\n', 'redis-6.0', 'no-auth'),
    /every host that can reach this machine .* on Redis 6\.0 an explicit 'bind' switches protected mode off/,
  );
  assert.match(
    message('bind 0.0.0.0\n', 'redis-7.0', 'no-auth'),
    /Clients on other hosts are refused: protected mode .*on Redis 7\.0 whatever 'bind' says.* 'protected-mode no', would let them in/,
  );
  assert.match(message('bind 127.0.0.1\n', 'redis-7.0', 'no-auth'), /loopback only \(127\.0\.0\.1\), so only clients on this host/);
  assert.match(
    message('bind ""\nunixsocket /run/redis.sock\n', 'redis-7.0', 'no-auth'),
    /'bind' line gives the TCP ports no address, so only clients on this host/,
  );
  assert.match(
    message('port 26379\n', 'redis-7.0', 'sentinel-no-auth', 'sentinel'),
    /Sentinel runs with protected mode off unless its file says 'protected-mode yes'/,
  );
  assert.match(
    message('bind 10.0.0.5\nuser default off\nuser app on nopass +get\n', 'redis-7.0', 'user-nopass'),
    /log in as 'app' with any password: protected mode only looks at the default user/,
  );
  assert.match(message('user default on >x +@all\nport 26379\n', 'redis-6.0', 'sentinel-no-auth', 'sentinel'), /Redis 6\.0 Sentinel ignores 'user' lines/);
});

test('a fragment (an included file) gets no finding about what it does not set', () => {
  const a = analyzeDocument('port 6379\n', 'config', { target: 'redis-6.0', profile: 'production', included: true });
  assert.deepEqual(
    a.findings.map((f) => f.code),
    [],
  );
  const b = analyzeDocument('port 26379\n', 'sentinel', { target: 'redis-7.0', profile: 'production', included: true });
  assert.deepEqual(
    b.findings.map((f) => f.code),
    [],
  );
  // A line that is there is still judged.
  const c = analyzeDocument('bind 0.0.0.0\nprotected-mode no\n', 'config', { target: 'redis-7.0', profile: 'production', included: true });
  assert.deepEqual(c.findings.map((f) => f.code).sort(), ['bind-all-interfaces', 'protected-mode-off']);
});

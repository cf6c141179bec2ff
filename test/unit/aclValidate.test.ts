/**
 * The ACL diagnostics, data-driven: for every code a case that raises it (at the expected
 * place) and a near miss that does not. A last test checks that no code is left without a
 * case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aclFileFindings, configUserFindings } from '../../server/src/analysis/acl/validate';
import { aclMessages } from '../../server/src/analysis/acl/aclMessages';
import { readSuppressions, tune } from '../../server/src/analysis/tuning';
import type { Finding, Settings } from '../../server/src/analysis/types';
import { ACL_RULES } from '../../server/src/knowledge/aclCodes';
import type { TargetId } from '../../server/src/knowledge/types';
import { parseAcl } from '../../server/src/syntax/aclParser';
import { parseConfig } from '../../server/src/syntax/configParser';

const ROOT = join(__dirname, '../..');
const HASH = 'a46db0b5fcb36748f5a67dc382c7e3ccf97394c3badb267a1a0b33430802dff2';
const LONG = 'Zq8v-Rw3u#Tt6yLp0Nm2Kb7Xc5Hd1Gf4Sj9';

interface Case {
  readonly code: string;
  readonly name: string;
  /** Text that raises the code; `at` is where (1-based line:column). */
  readonly hit: string;
  readonly at?: string;
  /** A near miss that does not. */
  readonly miss: string;
  readonly kind?: 'acl' | 'config';
  readonly target?: TargetId;
  readonly missTarget?: TargetId;
}

/** ACL files start with a closed `default` so that only the case's own finding shows. */
const D = 'user default off\n';

const CASES: readonly Case[] = [
  { code: 'acl-unknown-command', name: 'misspelt command', hit: `${D}user a on +gett`, at: '2:11', miss: `${D}user a on +get` },
  {
    code: 'acl-unknown-command',
    name: 'command of a newer version',
    hit: `${D}user a on +lmpop`,
    target: 'redis-6.2',
    miss: `${D}user a on +lmpop`,
    missTarget: 'redis-7.0',
  },
  {
    code: 'acl-unknown-command',
    name: 'hash-field expiry before 7.4',
    hit: `${D}user a on +hexpire`,
    target: 'redis-7.2',
    miss: `${D}user a on +hexpire`,
    missTarget: 'redis-7.4',
  },
  { code: 'acl-unknown-command', name: 'minus with a first argument', hit: `${D}user a on -select|0`, miss: `${D}user a on -select` },
  { code: 'acl-unknown-command', name: 'unknown subcommand', hit: `${D}user a on +config|gett`, miss: `${D}user a on +config|get` },
  { code: 'acl-unknown-command', name: 'sentinel-only command', hit: `${D}user a on +sentinel`, miss: `${D}user a on +info` },
  { code: 'acl-unknown-command', name: 'in a redis.conf user line', kind: 'config', hit: 'user a on +gett', at: '1:11', miss: 'user a on +get' },
  { code: 'acl-unknown-category', name: 'misspelt category', hit: `${D}user a on +@strings`, at: '2:11', miss: `${D}user a on +@String` },
  { code: 'acl-module-rule', name: 'module command', hit: `${D}user a on +json.get`, miss: `${D}user a on +get` },
  {
    code: 'acl-module-rule',
    name: 'Redis 8 module category',
    hit: `${D}user a on +@json`,
    target: 'redis-8.0',
    miss: `${D}user a on +@json`,
    missTarget: 'redis-7.4',
  },
  { code: 'acl-syntax-error', name: 'unknown word', hit: `${D}user a on enabled`, at: '2:11', miss: `${D}user a on ON` },
  { code: 'acl-syntax-error', name: 'user rule in a selector', hit: `${D}user a on (on +get)`, miss: `${D}user a on (~x +get)` },
  { code: 'acl-syntax-error', name: 'bad key permission', hit: `${D}user a on %X~k`, miss: `${D}user a on %rw~k` },
  { code: 'acl-syntax-error', name: 'empty first argument', hit: `${D}user a on +select|`, miss: `${D}user a on +select` },
  { code: 'acl-syntax-error', name: 'quoted password in an ACL file', hit: `${D}user a on ">my pass"`, miss: `${D}user a on >my-pass` },
  { code: 'acl-syntax-error', name: 'blank in a pattern (redis.conf)', kind: 'config', hit: 'user a on "~a b"', miss: 'user a on "~a"' },
  { code: 'acl-empty-key-permission', name: '%~ without R or W', hit: `${D}user a on %~k`, at: '2:11', miss: `${D}user a on %R~k` },
  {
    code: 'acl-rule-unsupported-version',
    name: 'selector before 7.0',
    hit: `${D}user a on (~x +get)`,
    target: 'redis-6.2',
    miss: `${D}user a on (~x +get)`,
    missTarget: 'redis-7.0',
  },
  {
    code: 'acl-rule-unsupported-version',
    name: '%R~ before 7.0',
    hit: `${D}user a on %R~x`,
    target: 'redis-6.2',
    miss: `${D}user a on ~x`,
    missTarget: 'redis-6.2',
  },
  {
    code: 'acl-rule-unsupported-version',
    name: 'channels before 6.2',
    hit: `${D}user a on &x`,
    target: 'redis-6.0',
    miss: `${D}user a on resetchannels &x`,
    missTarget: 'redis-6.2',
  },
  { code: 'acl-invalid-hash', name: 'upper-case hash', hit: `${D}user a on #${HASH.toUpperCase()}`, at: '2:11', miss: `${D}user a on #${HASH}` },
  { code: 'acl-invalid-hash', name: 'a comment after the rules', hit: `${D}user a on # admin`, miss: `${D}user a on` },
  {
    code: 'acl-remove-missing-password',
    name: 'remove a password never added',
    hit: `${D}user a on <old >new`,
    at: '2:11',
    miss: `${D}user a on >old <old >new`,
  },
  { code: 'acl-remove-missing-password', name: 'remove a hash never added', hit: `${D}user a on !${HASH}`, miss: `${D}user a on #${HASH} !${HASH}` },
  { code: 'acl-pattern-after-all', name: 'key after allkeys', hit: `${D}user a on ~* ~x`, at: '2:14', miss: `${D}user a on ~* resetkeys ~x` },
  { code: 'acl-pattern-after-all', name: 'channel after allchannels', hit: `${D}user a on allchannels &x`, miss: `${D}user a on &x` },
  {
    code: 'acl-pattern-after-all',
    name: 'channel with acl-pubsub-default allchannels (6.2)',
    hit: `${D}user a on &x`,
    target: 'redis-6.2',
    miss: `${D}user a on resetchannels &x`,
    missTarget: 'redis-6.2',
  },
  {
    code: 'acl-pattern-after-all',
    name: 'pubsub default from redis.conf',
    kind: 'config',
    hit: 'acl-pubsub-default allchannels\nuser a on &x',
    miss: 'acl-pubsub-default resetchannels\nuser a on &x',
  },
  {
    code: 'acl-subcommand-first-arg',
    name: 'argument of a subcommand',
    hit: `${D}user a on +config|get|maxmemory`,
    at: '2:11',
    miss: `${D}user a on +config|get`,
  },
  {
    code: 'acl-subcommand-of-allowed-command',
    name: 'Redis 6 first argument after the command',
    hit: `${D}user a on +@all +config|get`,
    target: 'redis-6.2',
    miss: `${D}user a on +@all -config +config|get`,
    missTarget: 'redis-6.2',
  },
  { code: 'acl-first-arg', name: 'first argument of a plain command', hit: `${D}user a on +select|0`, at: '2:11', miss: `${D}user a on +select` },
  { code: 'acl-unclosed-selector', name: 'selector never closed', hit: `${D}user a on (~x +get`, at: '2:11', miss: `${D}user a on (~x +get)` },
  { code: 'acl-unclosed-selector', name: 'in redis.conf', kind: 'config', hit: 'user a on (~x +get', miss: 'user a on "(~x +get)"' },
  {
    code: 'acl-selector-ignored',
    name: 'second ( before ) (Redis 7.0: the first part is dropped; 7.2 on refuse it)',
    hit: `${D}user a on (~x (~y +get)`,
    at: '2:11',
    miss: `${D}user a on (~x (~y +get)`,
    missTarget: 'redis-8.0',
  },
  { code: 'acl-selector-ignored', name: 'unbalanced quotes inside', hit: `${D}user a on (~a" +get)`, miss: `${D}user a on (~a +get)` },
  { code: 'acl-duplicate-user', name: 'twice in an ACL file', hit: `${D}user a on\nuser a off`, at: '3:6', miss: `${D}user a on\nuser b off` },
  { code: 'acl-duplicate-user', name: 'twice in redis.conf', kind: 'config', hit: 'user a on\nuser a off', miss: 'user a on\nuser A off' },
  { code: 'acl-invalid-username', name: 'tab in an ACL user name', hit: `${D}user a\tb on`, at: '2:6', miss: `${D}user a-b on` },
  { code: 'acl-invalid-username', name: 'quoted blank in redis.conf', kind: 'config', hit: 'user "a b" on', miss: 'user "ab" on' },
  { code: 'acl-missing-default-user', name: 'no default line', hit: 'user a on', at: '1:1', miss: `${D}user a on` },
  {
    code: 'acl-nopass-drops-password',
    name: 'nopass after a password',
    hit: `${D}user a on >${LONG} nopass`,
    at: '2:48',
    miss: `${D}user a on nopass >${LONG}`,
  },
  {
    code: 'acl-users-with-aclfile',
    name: 'user lines and aclfile',
    kind: 'config',
    hit: 'aclfile /etc/redis/users.acl\nuser a on',
    at: '2:1',
    miss: 'aclfile ""\nuser a on',
  },
  { code: 'acl-extra-space', name: 'two spaces between rules', hit: `${D}user a on  +get`, at: '2:11', miss: `${D}user a on +get` },
  { code: 'default-user-nopass', name: 'default open', hit: 'user default on nopass ~* &* +@all', at: '1:17', miss: 'user default on nopass nocommands' },
  { code: 'user-nopass', name: 'another user open', hit: `${D}user app on nopass ~app:* +get`, at: '2:13', miss: `${D}user app on nopass` },
  {
    code: 'user-nopass',
    name: 'in redis.conf',
    kind: 'config',
    hit: 'user default off\nuser app on nopass +@read',
    miss: 'user default off\nuser app off nopass +@read',
  },
  { code: 'acl-all-commands', name: '+@all', hit: `${D}user a on #${HASH} +@all`, miss: `${D}user a on #${HASH} +@all -@dangerous` },
  {
    code: 'acl-dangerous-commands',
    name: '+@write includes FLUSHALL',
    hit: `${D}user a on #${HASH} -@all +@write`,
    miss: `${D}user a on #${HASH} -@all +@write -@dangerous`,
  },
  {
    code: 'acl-dangerous-commands',
    name: 'admin keeps diagnostics',
    hit: `${D}user a on #${HASH} +@all -@dangerous +config|set`,
    miss: `${D}user a on #${HASH} ~* &* +@all -@dangerous +info +slowlog +latency +client|list`,
  },
  { code: 'acl-all-keys', name: 'allkeys', hit: `${D}user a on #${HASH} allkeys +get`, miss: `${D}user a on #${HASH} ~app:* +get` },
  { code: 'acl-all-channels', name: '&*', hit: `${D}user a on #${HASH} &* +publish`, miss: `${D}user a on #${HASH} &app:* +publish` },
  { code: 'acl-scripting', name: 'EVAL', hit: `${D}user a on #${HASH} +eval`, miss: `${D}user a on #${HASH} +evalsha +fcall` },
  { code: 'weak-password', name: 'the redis.conf example password', hit: `${D}user a on >foobared`, at: '2:11', miss: `${D}user a on >${LONG}` },
  { code: 'weak-password', name: 'short', hit: `${D}user a on >Xk2#pQ9`, miss: `${D}user a on #${HASH}` },
  { code: 'weak-password', name: 'low entropy', hit: `${D}user a on >${'ab'.repeat(20)}`, miss: `${D}user a on >${LONG}` },
  { code: 'plaintext-password', name: 'password in clear', hit: `${D}user a on >${LONG}`, at: '2:11', miss: `${D}user a on #${HASH}` },
];

function findings(text: string, kind: 'acl' | 'config', target: TargetId): readonly Finding[] {
  const settings: Settings = { target, profile: 'production' };
  return kind === 'acl' ? aclFileFindings(parseAcl(text).tree, settings) : configUserFindings(parseConfig(text).tree, settings);
}

function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}`;
}

for (const c of CASES) {
  test(`${c.code}: ${c.name}`, () => {
    const kind = c.kind ?? 'acl';
    const hits = findings(c.hit, kind, c.target ?? 'redis-7.0').filter((f) => f.code === c.code);
    assert.ok(hits.length > 0, `expected ${c.code} in ${JSON.stringify(c.hit)}`);
    if (c.at) assert.equal(where(hits[0] as Finding), c.at);
    assert.equal(hits[0]?.severity, ACL_RULES[c.code as keyof typeof ACL_RULES].severity);
    const misses = findings(c.miss, kind, c.missTarget ?? c.target ?? 'redis-7.0').filter((f) => f.code === c.code);
    assert.deepEqual(
      misses.map((f) => `${where(f)} ${f.message}`),
      [],
      `near miss ${JSON.stringify(c.miss)}`,
    );
  });
}

test('acl-all-commands: following the advice of the message silences it', () => {
  const line = `${D}user a on #${HASH} ~app:* +@all`;
  const [hit] = findings(line, 'acl', 'redis-7.0').filter((f) => f.code === 'acl-all-commands');
  const advice = /at least add '([^']+)' after '\+@all'/.exec(hit?.message ?? '');
  assert.ok(advice, hit?.message);
  assert.deepEqual(
    findings(`${line} ${advice[1]}`, 'acl', 'redis-7.0').filter((f) => f.code === 'acl-all-commands'),
    [],
  );
});

test('every ACL code has a case (invalid-acl-line belongs to the parser tests)', () => {
  const covered = new Set(CASES.map((c) => c.code));
  const missing = Object.keys(ACL_RULES).filter((code) => code !== 'invalid-acl-line' && !covered.has(code));
  assert.deepEqual(missing, []);
});

test('the hardened examples raise no ACL warning or error (suppression comments honoured)', () => {
  const files = readdirSync(join(ROOT, 'examples/hardened'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.acl') || f.endsWith('.conf'));
  assert.ok(files.some((f) => f.endsWith('users.acl')));
  for (const file of files) {
    const text = readFileSync(join(ROOT, 'examples/hardened', file), 'utf8');
    const acl = file.endsWith('.acl');
    for (const target of ['redis-7.0', 'redis-7.4', 'redis-8.0', 'valkey-8.1'] as const) {
      const settings: Settings = { target, profile: 'production' };
      const raw = findings(text, acl ? 'acl' : 'config', target);
      const tuned = acl ? tune(raw, settings) : tune(raw, settings, readSuppressions(parseConfig(text).tree, text));
      const bad = tuned.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(
        bad.map((f) => `${where(f)} ${f.code}`),
        [],
        `${file} ${target}`,
      );
    }
  }
});

test('a piece of a quoted password is never echoed', () => {
  const all = findings(`${D}user a on ">abc +topsecret" ~k`, 'acl', 'redis-7.0');
  const f = all.find((x) => x.code === 'acl-unknown-command');
  assert.equal(f?.message, aclMessages.quotedWord('acl'));
  for (const x of all) assert.ok(!x.message.includes('topsecret'), x.code);
});

test('messages come from the builders and never repeat a password', () => {
  const secret = 'hunter2-but-longer';
  const text = `${D}user alice on >${secret} nopass <${secret}x ~* ~k`;
  const all = findings(text, 'acl', 'redis-7.0');
  for (const f of all) assert.ok(!f.message.includes('hunter2'), `${f.code} repeats the password`);
  const dup = findings(`${D}user a on\nuser a off`, 'acl', 'redis-7.0').find((f) => f.code === 'acl-duplicate-user');
  assert.equal(dup?.message, aclMessages.duplicateUser('a', 'acl'));
  assert.deepEqual(
    dup?.related?.map((r) => `${r.range.start.line + 1}:${r.range.start.character + 1}`),
    ['2:6'],
  );
  const crash = findings(`${D}user a on (~x +get`, 'acl', 'redis-7.0').find((f) => f.code === 'acl-unclosed-selector');
  assert.equal(crash?.message, aclMessages.unclosedSelector('acl', true));
  const noCrash = findings(`${D}user a (~x +get`, 'acl', 'redis-7.0').find((f) => f.code === 'acl-unclosed-selector');
  assert.equal(noCrash?.message, aclMessages.unclosedSelector('acl', false));
});

test('a clear password carries no data (the fix hashes the bytes itself); nopass points at the password it drops', () => {
  const f = findings(`${D}user a on >${LONG}`, 'acl', 'redis-7.0').find((x) => x.code === 'plaintext-password');
  assert.ok(f, 'plaintext-password is reported');
  assert.equal(f.data, undefined);
  const n = findings(`${D}user a on >${LONG} nopass`, 'acl', 'redis-7.0').find((x) => x.code === 'acl-nopass-drops-password');
  assert.equal(n?.related?.length, 1);
});

test('every error of a line is reported, each once, in rule order within a line', () => {
  const got = findings(`${D}user a on +nosuch +@nosuch -select|1 %X~k`, 'acl', 'redis-7.0').map((f) => `${where(f)} ${f.code}`);
  assert.deepEqual(got, ['2:11 acl-unknown-command', '2:19 acl-unknown-category', '2:28 acl-unknown-command', '2:38 acl-syntax-error']);
});

test('a selector is refused at its first bad rule, and the error points inside it', () => {
  const got = findings(`${D}user a on (~x +nosuch on)`, 'acl', 'redis-7.0').map((f) => `${where(f)} ${f.code}`);
  assert.deepEqual(got, ['2:15 acl-unknown-command']);
  const quoted = findings('user a on "(~x +nosuch)"', 'config', 'redis-7.0').map((f) => f.code);
  assert.deepEqual(quoted, ['acl-unknown-command']);
});

test('Redis 6.0 accepts a user defined twice: the later line wins, the earlier is a warning', () => {
  for (const kind of ['acl', 'config'] as const) {
    const text = kind === 'acl' ? `${D}user a on nopass ~* +@all\nuser a off +get` : 'user a on nopass ~* +@all\nuser a off +get';
    const dup = findings(text, kind, 'redis-6.0').filter((f) => f.code === 'acl-duplicate-user');
    assert.equal(dup.length, 1, kind);
    assert.equal(dup[0]?.severity, 'warning');
    assert.equal(dup[0]?.message, aclMessages.duplicateUserReplaced('a', 'redis-6.0'));
    assert.equal(dup[0]?.range.start.line, kind === 'acl' ? 1 : 0, 'on the definition that has no effect');
    // The security findings follow the definition that counts: the later one, without +@all.
    assert.ok(!findings(text, kind, 'redis-6.0').some((f) => f.code === 'acl-all-commands'), kind);
    assert.equal(findings(text, kind, 'redis-7.0').find((f) => f.code === 'acl-duplicate-user')?.severity, 'error');
  }
});

/** The permission model: rules applied like Redis, ACL DRYRUN answers, globbing and key positions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globMatch } from '../../server/src/analysis/acl/glob';
import { commandKeys } from '../../server/src/analysis/acl/keys';
import {
  aclContext,
  allowedCommands,
  buildUser,
  builtinDefaultUser,
  dryRun,
  loginState,
  selectorMerging,
  sha256Hex,
  type DryRunResult,
} from '../../server/src/analysis/acl/permissions';
import type { TargetId } from '../../server/src/knowledge/types';
import { parseAcl } from '../../server/src/syntax/aclParser';
import { classifyRules } from '../../server/src/syntax/aclRules';

function user(rules: string, target: TargetId = 'redis-7.0', pubsub?: 'allchannels' | 'resetchannels') {
  const { tree } = parseAcl(`user u ${rules}`);
  const line = tree.lines[0];
  assert.ok(line?.valid);
  return buildUser('u', classifyRules(line.rules, tree.index, selectorMerging(target)).rules, aclContext(target, pubsub));
}

function answer(r: DryRunResult): string {
  if (r.verdict === 'denied') return `denied ${r.reason}${r.subject !== undefined ? ` ${r.subject}` : ''}`;
  return r.verdict;
}

// [rules, command line, expected answer]
const DRYRUN: [string, string, string][] = [
  ['+get ~k*', 'get k1', 'allowed'],
  ['+get ~k*', 'get x', 'denied key x'],
  ['+get ~k*', 'set k1 v', 'denied command'],
  ['off +get ~k*', 'get k1', 'allowed'], // DRYRUN ignores on/off
  ['+@read ~*', 'get anything', 'allowed'],
  ['+@all -@dangerous ~*', 'flushall', 'denied command'],
  ['+@all -@dangerous +info ~*', 'info', 'allowed'],
  ['+config|get', 'config get maxmemory', 'allowed'],
  ['+config|get', 'config set maxmemory 1', 'denied command'],
  ['+config -config|set', 'config get x', 'allowed'],
  ['+config -config|set', 'config set x y', 'denied command'],
  ['+select|0', 'select 0', 'allowed'],
  ['+select|0', 'select 1', 'denied command'],
  ['+select|0 -select', 'select 0', 'denied command'],
  ['%R~r* +get +set', 'get r1', 'allowed'],
  ['%R~r* +get +set', 'set r1 v', 'denied key r1'],
  ['%W~w* +set +get', 'set w1 v', 'allowed'],
  ['%W~w* +set +get', 'set w1 v get', 'denied key w1'], // SET ... GET also reads
  ['%W~w* +exists', 'exists w1', 'allowed'], // EXISTS neither reads nor writes the value
  ['~k* +get (~x* +get)', 'get x1', 'allowed'],
  ['~k* +get (~x* +set)', 'get x1', 'denied key x1'],
  ['+mget ~a*', 'mget a1 b1 a2', 'denied key b1'],
  ['resetchannels +publish', 'publish ch1 m', 'denied channel ch1'],
  ['&ch* +publish', 'publish ch1 m', 'allowed'],
  ['&ch* +psubscribe', 'psubscribe ch*', 'allowed'], // patterns must match literally
  ['&ch* +psubscribe', 'psubscribe ch1*', 'denied channel ch1*'],
  ['+unsubscribe', 'unsubscribe ch1', 'allowed'],
  ['nocommands', 'auth x', 'allowed'], // AUTH needs no permission
  ['+get', 'get', 'error'],
  ['+get', 'nosuchcommand', 'error'],
  ['+config', 'config nosuch', 'error'],
  ['+eval ~k*', 'eval s 1 x', 'denied key x'],
];

for (const [rules, line, expected] of DRYRUN) {
  test(`dryrun: [${rules}] ${line} -> ${expected}`, () => {
    assert.equal(answer(dryRun(user(rules).user, line.split(' '), 'redis-7.0')), expected);
  });
}

test('dryrun: eval with numkeys "01" still checks the key (fallback parser, no flags)', () => {
  assert.equal(answer(dryRun(user('+eval ~k*').user, ['eval', 's', '01', 'x'], 'redis-7.0')), 'denied key x');
  assert.equal(answer(dryRun(user('+eval %R~x*').user, ['eval', 's', '01', 'x'], 'redis-7.0')), 'allowed');
  assert.equal(answer(dryRun(user('+eval %R~x*').user, ['eval', 's', '1', 'x'], 'redis-7.0')), 'denied key x');
});

test('the relevant error: a key error of a selector beats a command error of another', () => {
  const r = dryRun(user('+get ~k* (+set)').user, ['get', 'x'], 'redis-7.0');
  assert.equal(answer(r), 'denied key x');
});

test('state: passwords are stored as SHA-256, nopass drops them, <pw removes one', () => {
  const a = user('on >one >two <one');
  assert.deepEqual(a.user.passwords, [sha256Hex('two')]);
  assert.equal(loginState(a.user), 'password');
  assert.equal(loginState(user('on >one nopass').user), 'nopass');
  assert.equal(loginState(user('on').user), 'no-password');
  assert.equal(loginState(user('>x').user), 'disabled');
  assert.equal(user('on >one nopass').log.notes[0]?.kind, 'nopass-drops');
  assert.deepEqual(user(`#${sha256Hex('x')} <x`).user.passwords, []);
});

test('state: reset, pubsub default, key pattern merging', () => {
  const r = user('on >p ~k &c +get reset');
  assert.equal(r.user.enabled, false);
  assert.equal(r.user.passwords.length, 0);
  assert.equal(r.user.root.keys.length, 0);
  assert.equal(r.user.root.allowed.size, 0);
  assert.equal(user('reset', 'redis-7.0', 'allchannels').user.root.allChannels, true);
  assert.equal(user('', 'redis-6.2').user.root.allChannels, true);
  assert.equal(user('', 'redis-7.0').user.root.allChannels, false);
  assert.deepEqual(user('%R~x %W~x').user.root.keys, [{ pattern: 'x', read: true, write: true }]);
  assert.equal(user('%RW~*').user.root.allKeys, false);
  assert.equal(user('~*').user.root.allKeys, true);
});

test('errors carry Redis errno and reason', () => {
  const reasons = (rules: string, target: TargetId = 'redis-7.0'): string[] => user(rules, target).log.problems.map((p) => `${p.errno} ${p.reason}`);
  assert.deepEqual(reasons('~* ~x &* &y'), ['EEXIST pattern-after-allkeys', 'EISDIR pattern-after-allchannels']);
  assert.deepEqual(reasons('+nosuch -select|0 +config|nosuch +@nosuch'), [
    'ENOENT unknown-command',
    'ENOENT minus-first-arg',
    'ENOENT unknown-subcommand',
    'ENOENT unknown-category',
  ]);
  assert.deepEqual(reasons('+config|get|x +get| <x #X'), [
    'ECHILD subcommand-first-arg',
    'EINVAL empty-first-arg',
    'ENODEV missing-password',
    'EBADMSG bad-hash',
  ]);
  assert.deepEqual(reasons('(~x) %R~x clearselectors', 'redis-6.2'), ['EINVAL not-in-version', 'EINVAL not-in-version', 'EINVAL not-in-version']);
  assert.deepEqual(reasons('+@all +config|get', 'redis-6.2'), ['EBUSY subcommand-of-allowed']);
  assert.deepEqual(reasons('+config|get', 'redis-6.2'), []);
});

test('Redis 6.x: +config|get allows CONFIG with that first argument', () => {
  const u = user('+config|get', 'redis-6.2').user;
  assert.equal(answer(dryRun(u, ['config', 'get', 'x'], 'redis-6.2')), 'allowed');
  assert.equal(answer(dryRun(u, ['config', 'set', 'x', 'y'], 'redis-6.2')), 'denied command');
});

test('the built-in default user may do everything', () => {
  const d = builtinDefaultUser(aclContext('redis-7.0'));
  assert.equal(loginState(d), 'nopass');
  assert.equal(answer(dryRun(d, ['flushall'], 'redis-7.0')), 'allowed');
  assert.ok(allowedCommands(d, 'redis-7.0').includes('config|set'));
});

test('glob matching as Redis does it', () => {
  const cases: [string, string, boolean][] = [
    ['*', 'abc', true],
    ['*', '', false],
    ['a*', 'abc', true],
    ['a?c', 'abc', true],
    ['a[bc]d', 'acd', true],
    ['a[^b]d', 'abd', false],
    ['a[z-x]d', 'ayd', true],
    ['a\\*', 'a*', true],
    ['a\\*', 'ab', false],
    ['a[', 'a', false],
    ['k[', 'k[', false],
    ['ab', 'abc', false],
    ['', '', true],
    ['*b*', 'aaab', true],
  ];
  for (const [p, s, expected] of cases) assert.equal(globMatch(p, s), expected, `${p} ~ ${s}`);
});

test('key positions and flags', () => {
  const keys = (argv: string): string[] =>
    commandKeys(argv.split(' ')[0] ?? '', argv.split(' '), 'redis-7.0').map((k) => `${k.pos}${k.read ? 'R' : ''}${k.write ? 'W' : ''}`);
  assert.deepEqual(keys('get a'), ['1R']);
  assert.deepEqual(keys('set a v'), ['1W']);
  assert.deepEqual(keys('set a v get'), ['1RW']);
  assert.deepEqual(keys('mset a 1 b 2'), ['1W', '3W']);
  assert.deepEqual(keys('zunionstore d 2 a b'), ['1W', '3R', '4R']);
  assert.deepEqual(keys('zunionstore d 01 a'), ['3', '1']);
  assert.deepEqual(keys('sort k by x store d'), ['1R', '5W']);
  assert.deepEqual(keys('xread count 1 streams a b 0 0'), ['4R', '5R']);
  assert.deepEqual(keys('migrate h 1 "" 0 5000 keys a b'.replace('""', '')), ['7RW', '8RW']);
  assert.deepEqual(keys('bitfield k get u8 0'), ['1R']);
  assert.deepEqual(keys('exists a'), ['1']);
});

test('Valkey 9.1 counts numkeys in keys, one every step arguments (MSETEX), as COMMAND GETKEYSANDFLAGS does there', () => {
  const keys = (argv: string): string[] => commandKeys('msetex', argv.split(' '), 'valkey-9.1').map((k) => `${k.pos}${k.write ? 'W' : ''}`);
  assert.deepEqual(keys('msetex 2 a 1 b 2'), ['2W', '4W']);
  assert.deepEqual(keys('msetex 2 a 1 b 2 EX 10'), ['2W', '4W']);
  // Fewer pairs than numkeys says: the spec fails and no key is found.
  assert.deepEqual(keys('msetex 3 a 1 b'), []);
});

test('a selector opened again before it closes: Redis 7.0 keeps the second, 7.2 on and Valkey refuse the rule', () => {
  const problems = (rules: string, target: TargetId): number => user(rules, target).log.problems.length;
  assert.equal(problems('on (~a (~b +get)', 'redis-7.0'), 0);
  assert.equal(problems('on (+get (+set ~kb)', 'redis-7.0'), 0);
  for (const target of ['redis-7.2', 'redis-8.0', 'valkey-7.2', 'valkey-8.1', 'valkey-9.1'] as const) {
    assert.ok(problems('on (~a (~b +get)', target) > 0, target);
    assert.ok(problems('on ( (+set ~kb)', target) > 0, target);
    assert.equal(problems('on (~a +get) (~b +get)', target), 0, target);
  }
});

/**
 * The values of sentinel.conf's `sentinel` lines, each rule with a case Sentinel refuses and a
 * near miss it accepts, per version where they differ. Every expectation was seen on the live
 * servers started with --sentinel (test/oracle/sentinel.test.ts runs thousands more).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inetAton } from '../../server/src/analysis/sentinelChecks';
import type { TargetId } from '../../server/src/knowledge/types';
import { findingsOf } from '../support/check';

const M = 'sentinel monitor mymaster 127.0.0.1 6379 2\n';

/** `line:col code [after load]` of the errors for a sentinel.conf. */
function errors(text: string, target: TargetId): string[] {
  return findingsOf(text, 'sentinel', { target })
    .filter((f) => f.severity === 'error' && ['invalid-value', 'wrong-arity', 'unknown-directive', 'trailing-comment'].includes(f.code))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.code}${f.data?.afterLoad === true ? ' after load' : ''}`);
}

// [text, { target: expected errors }]
const CASES: [string, Partial<Record<TargetId, string[]>>][] = [
  [M, { 'redis-6.0': [], 'redis-7.0': [], 'valkey-9.1': [] }],
  ['sentinel monitor mymaster 127.0.0.1 6379 0\n', { 'redis-6.0': ['1:42 invalid-value'], 'redis-7.0': ['1:42 invalid-value after load'] }],
  ['sentinel monitor mymaster 127.0.0.1 6379 abc\n', { 'redis-8.0': ['1:42 invalid-value after load'] }],
  ['sentinel monitor mymaster 127.0.0.1 6379 2x\n', { 'redis-8.0': [] }],
  ['sentinel monitor mymaster 127.0.0.1 65536 2\n', { 'redis-6.0': ['1:37 invalid-value'], 'valkey-8.1': ['1:37 invalid-value after load'] }],
  ['sentinel monitor mymaster localhost 6379 2\n', { 'redis-6.0': [], 'redis-7.0': ['1:27 invalid-value after load'] }],
  ['sentinel monitor mymaster 127.1 6379 2\n', { 'redis-7.0': [] }],
  ['sentinel monitor mymaster 127.0.0.256 6379 2\n', { 'redis-7.0': ['1:27 invalid-value after load'] }],
  // Redis 6 reads options in place: the master must come first; 7.0 on reads masters first.
  ['sentinel down-after-milliseconds mymaster 5000\n' + M, { 'redis-6.0': ['1:34 invalid-value'], 'redis-7.0': [], 'valkey-9.1': [] }],
  [`${M}sentinel down-after-milliseconds nosuch 5000\n`, { 'redis-7.0': ['2:34 invalid-value after load'] }],
  [`${M}sentinel down-after-milliseconds mymaster 0\n`, { 'redis-7.0': ['2:43 invalid-value after load'] }],
  [`${M}sentinel failover-timeout mymaster -1\n`, { 'valkey-8.1': ['2:36 invalid-value after load'] }],
  [`${M}sentinel master-reboot-down-after-period mymaster 0\n`, { 'redis-7.0': [] }],
  [`${M}sentinel master-reboot-down-after-period mymaster -1\n`, { 'redis-8.0': ['2:51 invalid-value after load'] }],
  ['sentinel myid abc\n', { 'redis-7.0': ['1:15 invalid-value after load'] }],
  ['sentinel myid 0123456789ABCDEF0123456789ABCDEF01234567\n', { 'redis-7.0': [] }],
  ['sentinel deny-scripts-reconfig maybe\n', { 'redis-6.0': ['1:32 invalid-value'], 'redis-7.0': ['1:32 invalid-value after load'] }],
  ['sentinel resolve-hostnames YES\n', { 'redis-7.0': [] }],
  [`${M}sentinel monitor mymaster 10.0.0.1 6380 2\n`, { 'redis-6.0': ['2:18 invalid-value'], 'redis-7.0': ['2:18 invalid-value after load'] }],
  [`${M}sentinel known-replica mymaster 10.0.0.2 6379\nsentinel known-replica mymaster 10.0.0.2 6379\n`, { 'redis-7.0': ['3:33 invalid-value after load'] }],
  [`${M}sentinel known-replica mymaster 10.0.0.2 6379\nsentinel known-replica mymaster 10.0.0.2 6380\n`, { 'redis-7.0': [] }],
  [
    `${M}sentinel known-sentinel mymaster 10.0.0.3 26379 a\nsentinel known-sentinel mymaster 10.0.0.4 26379 a\n`,
    { 'redis-8.0': ['3:49 invalid-value after load'] },
  ],
  [`sentinel known-sentinel nosuch 10.0.0.3 26379\n`, { 'redis-7.0': [] }],
  [`${M}sentinel rename-command mymaster CONFIG c1\nsentinel rename-command mymaster config c2\n`, { 'valkey-9.1': ['3:34 invalid-value after load'] }],
  // A `#` word a Sentinel line needs is its value; one more word is a refused line.
  [`${M}sentinel auth-pass mymaster #secret\n`, { 'redis-7.0': [] }],
  ['sentinel announce-ip 10.0.0.1 # public\n', { 'redis-6.0': ['1:31 trailing-comment'], 'redis-7.0': ['1:31 trailing-comment after load'] }],
  ['sentinel myid\n', { 'redis-7.0': ['1:10 wrong-arity after load'] }],
];

for (const [text, byTarget] of CASES) {
  for (const [target, expected] of Object.entries(byTarget)) {
    test(`sentinel values (${target}): ${JSON.stringify(text)}`, () => {
      assert.deepEqual(errors(text, target as TargetId), expected);
    });
  }
}

test('Redis 8.0 Sentinel ignores an unknown name (it keeps it for modules it never loads): a warning, not a refusal', () => {
  const found = findingsOf('maxmemroy 1gb\n', 'sentinel', { target: 'redis-8.0' }).filter((f) => f.code === 'unknown-directive');
  assert.deepEqual(
    found.map((f) => f.severity),
    ['warning'],
  );
  assert.match(found[0]?.message ?? '', /Sentinel loads none/);
  assert.deepEqual(
    findingsOf('maxmemroy 1gb\n', 'sentinel', { target: 'redis-7.0' })
      .filter((f) => f.code === 'unknown-directive')
      .map((f) => f.severity),
    ['error'],
  );
  // Module settings too, from 7.0: no module-config-without-loadmodule in a sentinel.conf.
  assert.deepEqual(
    findingsOf('mymod.opt 5\n', 'sentinel', { target: 'redis-7.0' }).filter((f) => f.code === 'module-config-without-loadmodule'),
    [],
  );
});

test('inetAton reads the IPv4 forms of C inet_aton, whole', () => {
  assert.deepEqual(inetAton('127.0.0.1'), [127, 0, 0, 1]);
  assert.deepEqual(inetAton('127.1'), [127, 0, 0, 1]);
  assert.deepEqual(inetAton('2130706433'), [127, 0, 0, 1]);
  assert.deepEqual(inetAton('0x7f.0.0.1'), [127, 0, 0, 1]);
  assert.deepEqual(inetAton('0177.0.0.1'), [127, 0, 0, 1]);
  assert.equal(inetAton('127.0.0.256'), undefined);
  assert.equal(inetAton('1.2.3.4.5'), undefined);
  assert.equal(inetAton('08.0.0.1'), undefined);
  assert.equal(inetAton('1..2'), undefined);
  assert.equal(inetAton('localhost'), undefined);
});

/**
 * Every value rule, with a case Redis refuses and a near miss it accepts. Expectations
 * come from the live redis-server 7.0.15 probes (oracle-behaviour.md) and syntax-facts.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf } from '../support/check';
import { messages } from '../../server/src/analysis/messages';

const H = 'bind 127.0.0.1\n';
const CODES = [
  'wrong-arity',
  'invalid-value',
  'out-of-range',
  'invalid-file-name',
  'unsupported-in-version',
  'deprecated-directive',
  'ignored-directive',
  'value-clamped',
  'sentinel-directive-outside-sentinel',
  'unknown-directive',
  'trailing-comment',
];

// [name, line after the header, expected "code" or null when Redis accepts the line]
const CASES: [string, string, string | null][] = [
  ['bool', 'daemonize maybe', 'invalid-value'],
  ['bool in capitals', 'appendonly NO', null],
  ['bool 1', 'appendonly 1', 'invalid-value'],
  ['one value only', 'maxmemory 100mb 200mb', 'wrong-arity'],
  ['missing value', 'timeout', 'wrong-arity'],
  ['unquoted spaces', 'dbfilename my dump.rdb', 'wrong-arity'],
  ['quoted spaces', 'dbfilename "my dump.rdb"', null],
  ['integer leading zero', 'timeout 010', 'invalid-value'],
  ['integer plus', 'timeout +5', 'invalid-value'],
  ['integer', 'timeout 10', null],
  ['integer below range', 'databases 0', 'out-of-range'],
  ['integer in range', 'databases 1', null],
  ['io-threads 0', 'io-threads 0', 'out-of-range'],
  ['integer not a number', 'tcp-backlog abc', 'invalid-value'],
  ['negative for unsigned', 'maxclients -1', 'out-of-range'],
  ['memory decimal', 'maxmemory 1.5gb', 'invalid-value'],
  ['memory negative', 'maxmemory -1', 'invalid-value'],
  ['memory tb', 'maxmemory 10tb', 'invalid-value'],
  ['memory space', 'maxmemory 10 mb', 'wrong-arity'],
  ['memory units any case', 'maxmemory 1GB', null],
  ['memory leading zeros', 'maxmemory 007', null],
  ['memory empty', 'maxmemory ""', null],
  ['memory bare unit', 'maxmemory mb', null],
  ['memory percent on non-percent', 'maxmemory 10%', 'invalid-value'],
  ['percent too big', 'maxmemory-clients 101%', 'out-of-range'],
  ['percent', 'maxmemory-clients 10%', null],
  ['percent zero', 'maxmemory-clients 0%', null],
  ['percent leading zero', 'maxmemory-clients 00%', 'invalid-value'],
  ['percent double', 'maxmemory-clients 5%%', 'invalid-value'],
  ['octal bad digit', 'unixsocketperm 999', 'invalid-value'],
  ['octal too big', 'unixsocketperm 1777', 'out-of-range'],
  ['octal', 'unixsocketperm 700', null],
  ['octal empty', 'unixsocketperm ""', null],
  ['octal plus', 'unixsocketperm +700', null],
  ['octal trailing blank', 'unixsocketperm "700 "', 'invalid-value'],
  ['enum', 'maxmemory-policy foo', 'invalid-value'],
  ['enum any case', 'MAXMEMORY-POLICY ALLKEYS-LRU', null],
  ['enum of another directive', 'loglevel allkeys-lru', 'invalid-value'],
  ['multi enum', 'shutdown-on-sigint save bogus', 'invalid-value'],
  ['multi enum conflict', 'shutdown-on-sigint save nosave', 'invalid-value'],
  ['multi enum quoted', 'shutdown-on-sigint "nosave now"', null],
  ['multi enum bare', 'shutdown-on-sigint', 'wrong-arity'],
  ['protected enum', 'enable-debug-command maybe', 'invalid-value'],
  ['protected enum local', 'enable-debug-command local', null],
  ['save odd', 'save 900', 'invalid-value'],
  ['save zero seconds', 'save 0 1', 'invalid-value'],
  ['save pairs', 'save 900 1 300 10', null],
  ['save quoted', 'save "900 1 300 10"', null],
  ['save off', 'save ""', null],
  ['save bare', 'save', null],
  ['bind too many', `bind ${Array.from({ length: 17 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}`, 'invalid-value'],
  ['bind sixteen', `bind ${Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`).join(' ')}`, null],
  ['buffer class', 'client-output-buffer-limit master 0 0 0', 'invalid-value'],
  ['buffer arity', 'client-output-buffer-limit normal 0 0', 'wrong-arity'],
  ['buffer ok', 'client-output-buffer-limit replica 256mb 64mb 60 pubsub 32mb 8mb 60', null],
  ['buffer bare', 'client-output-buffer-limit', null],
  ['buffer bad limit', 'client-output-buffer-limit normal 1.5mb 0 0', 'invalid-value'],
  ['oom range', 'oom-score-adj-values 0 200 3000', 'out-of-range'],
  ['oom ok', 'oom-score-adj-values 0 200 800', null],
  ['oom arity', 'oom-score-adj-values 0 200', 'wrong-arity'],
  ['notify bad char', 'notify-keyspace-events Kq', 'invalid-value'],
  ['notify ok', 'notify-keyspace-events KEA', null],
  ['replicaof port', 'replicaof 127.0.0.1 70000', 'invalid-value'],
  ['replicaof arity', 'replicaof 127.0.0.1', 'wrong-arity'],
  ['replicaof no one', 'replicaof NO ONE', null],
  ['replicaof empty port', 'replicaof 127.0.0.1 ""', null],
  ['percentiles', 'latency-tracking-info-percentiles 50 101', 'out-of-range'],
  ['percentiles ok', 'latency-tracking-info-percentiles 50 99 99.9', null],
  ['percentiles hex', 'latency-tracking-info-percentiles 0x10', null],
  ['percentiles empty', 'latency-tracking-info-percentiles ""', null],
  ['dbfilename path', 'dbfilename /tmp/x.rdb', 'invalid-file-name'],
  ['appendfilename path', 'appendfilename a/b.aof', 'invalid-file-name'],
  ['appendfilename empty', 'appendfilename ""', 'invalid-value'],
  ['dbfilename dot (a directory)', 'dbfilename .', 'invalid-file-name'],
  ['dbfilename dotted name', 'dbfilename .dump.rdb', null],
  ['proc title only title', 'proc-title-template "{title}"', 'invalid-value'],
  ['proc title ok', 'proc-title-template "{title} {listen-addr} {server-mode}"', null],
  ['proc title unknown var', 'proc-title-template "{bogus}"', 'invalid-value'],
  ['hostname charset', 'cluster-announce-hostname "my host"', 'invalid-value'],
  ['ignored old name', 'list-max-ziplist-entries 512', 'ignored-directive'],
  ['ignored old name, wrong count', 'list-max-ziplist-entries 1 2', 'wrong-arity'],
  ['alias', 'slave-read-only yes', 'deprecated-directive'],
  ['alias with a bad value', 'slave-read-only maybe', 'deprecated-directive,invalid-value'],
  ['slaveof', 'slaveof 10.0.0.1 6379', 'deprecated-directive'],
  ['hz clamped', 'hz 1000', 'value-clamped'],
  ['hz zero', 'hz 0', 'value-clamped'],
  ['hz ok', 'hz 10', null],
  ['module config without value', 'mymod.option', 'wrong-arity'],
  ['include arity', 'include a.conf b.conf', 'wrong-arity'],
  ['rename-command arity', 'rename-command get', 'wrong-arity'],
  ['sentinel in redis.conf', 'sentinel monitor m 127.0.0.1 6379 2', 'sentinel-directive-outside-sentinel'],
  ['bare sentinel', 'sentinel', null],
  ['empty directive', '""', 'unknown-directive'],
  ['trailing comment, not arity', 'timeout 0 # x', 'trailing-comment'],
  ['kelvin sign is not K', 'tcp-\u212Aeepalive 60', 'unknown-directive'],
];

for (const [name, line, expected] of CASES) {
  test(`value rule (redis-7.0): ${name}`, () => {
    const codes = findingsOf(`${H}${line}\n`, 'config', { target: 'redis-7.0' })
      .filter((f) => CODES.includes(f.code))
      .map((f) => f.code)
      .join(',');
    assert.equal(codes || null, expected, line);
  });
}

test('sentinel.conf: sub-directives and their argument counts', () => {
  const only = { kind: 'sentinel' as const, codes: ['wrong-arity', 'unknown-directive', 'sentinel-directive-outside-sentinel'] };
  check('sentinel monitor mymaster 127.0.0.1 6379 2\nsentinel down-after-milliseconds mymaster 5000\n', [], only);
  check('sentinel monitor mymaster 127.0.0.1 6379\n', ['1:10 error wrong-arity'], only);
  check('sentinel monitr mymaster 127.0.0.1 6379 2\n', ['1:10 error unknown-directive'], only);
  check('sentinel known-sentinel m 10.0.0.1 26379\nsentinel known-sentinel m 10.0.0.1 26379 abc\n', [], only);
});

test('problems point at the value at fault', () => {
  check(`${H}save 900 1 300 x\n`, ['2:16 error invalid-value'], { codes: CODES });
  check(`${H}maxmemory 1mb 2mb 3mb\n`, ['2:15 error wrong-arity'], { codes: CODES });
  check(`${H}save "900 1 300 x"\n`, ['2:6 error invalid-value'], { codes: CODES });
});

test('messages quote Redis and say what to write', () => {
  const [f] = findingsOf(`${H}maxmemory 1.5gb\n`).filter((x) => x.code === 'invalid-value');
  assert.match(f?.message ?? '', /"argument must be a memory value"/);
  assert.match(f?.message ?? '', /no decimals/);
  const [d] = findingsOf(`${H}slave-read-only yes\n`).filter((x) => x.code === 'deprecated-directive');
  assert.equal(d?.message, messages.deprecatedDirective('slave-read-only', 'replica-read-only'));
  assert.deepEqual(d?.tags, ['deprecated']);
});

test('redis 6.x loader rules: save one pair per line, unixsocketperm read with strtol', () => {
  const opts = { codes: CODES, settings: { target: 'redis-6.2' as const } };
  check(`${H}save 900 1\nsave 0 1\nunixsocketperm 999\nunixsocketperm 1777\n`, ['3:6 error invalid-value', '5:16 error out-of-range'], opts);
});

// [line after the header, { target: expected code or null }], each checked on the live servers
// (Redis 6.0.16, 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2 from Debian): null where they start.
const PER_VERSION: [string, Partial<Record<'redis-6.0' | 'redis-7.0' | 'redis-8.0' | 'valkey-8.1' | 'valkey-9.1', string | null>>][] = [
  ['io-threads 129', { 'redis-8.0': 'out-of-range', 'valkey-8.1': null, 'valkey-9.1': null }],
  ['io-threads 257', { 'valkey-9.1': 'out-of-range' }],
  ['log-format json', { 'valkey-8.1': 'invalid-value', 'valkey-9.1': null }],
  ['shutdown-on-sigint safe failover', { 'redis-8.0': 'invalid-value', 'valkey-8.1': 'invalid-value', 'valkey-9.1': null }],
  ['loglevel nothing', { 'redis-6.0': 'invalid-value', 'redis-7.0': 'invalid-value', 'redis-8.0': null }],
  ['maxmemory 18446744073709551616', { 'redis-8.0': null, 'valkey-8.1': null, 'valkey-9.1': 'invalid-value' }],
  ['maxmemory 18446744073709551615', { 'valkey-9.1': null }],
  ['client-output-buffer-limit normal 0 0 2147483647', { 'redis-6.0': null, 'redis-7.0': null, 'valkey-9.1': null }],
  [
    'client-output-buffer-limit normal 0 0 2147483648',
    { 'redis-6.0': 'invalid-value', 'redis-7.0': 'invalid-value', 'redis-8.0': 'invalid-value', 'valkey-9.1': 'invalid-value' },
  ],
  ['client-output-buffer-limit normal 0 0 4294967296', { 'redis-6.0': null, 'redis-7.0': null, 'valkey-9.1': null }],
  ['client-output-buffer-limit normal 0 0 -99999999999999999999', { 'redis-6.0': null, 'redis-8.0': null }],
  ['client-output-buffer-limit normal 0 0 99999999999999999999', { 'redis-6.0': 'invalid-value', 'redis-8.0': 'invalid-value' }],
  ['bind 127.0.0.1 127.0.0.1', { 'redis-6.0': 'invalid-value', 'redis-7.0': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['bind 127.0.0.1 -127.0.0.1', { 'redis-7.0': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['bind * 0.0.0.0', { 'redis-6.0': 'invalid-value', 'redis-8.0': 'invalid-value' }],
  ['bind :: ::1', { 'redis-6.0': 'invalid-value', 'valkey-8.1': 'invalid-value' }],
  ['bind 0.0.0.0 ::', { 'redis-6.0': null, 'redis-7.0': null, 'valkey-9.1': null }],
  ['bind 127.0.0.1 127.0.0.2', { 'redis-7.0': null }],
  ['bind 127.0.0.1 -::1', { 'redis-6.0': 'invalid-value', 'redis-7.0': null, 'valkey-9.1': null }],
  ['replicaof 127.0.0.1 99999', { 'redis-6.0': 'invalid-value', 'redis-7.0': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['replicaof 127.0.0.1 12x', { 'redis-6.0': 'invalid-value' }],
  ['replicaof 127.0.0.1 4294967297', { 'redis-6.0': null, 'redis-7.0': null }],
  ['cluster-announce-client-ipv4 abc', { 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-client-ipv4 ::1', { 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-client-ipv4 10.0.0.1', { 'valkey-8.1': null }],
  ['cluster-announce-client-ipv4 ""', { 'valkey-8.1': null }],
  ['cluster-announce-client-ipv6 10.0.0.1', { 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-client-ipv6 ::1', { 'valkey-9.1': null }],
  ['cluster-config-file ""', { 'redis-6.0': null, 'redis-7.0': null, 'redis-8.0': null, 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['hash-seed abc', { 'valkey-9.1': null }],
  ['lua-enable-insecure-api yes', { 'valkey-9.1': null }],
  // Found by the config oracles of every version:
  ['mymod.opt 5', { 'redis-6.0': 'unknown-directive', 'redis-7.0': null, 'valkey-9.1': null }],
  ['"maxmemory\\x00" 1mb', { 'redis-6.0': null, 'redis-7.0': 'unknown-directive' }],
  ['dir ""', { 'redis-6.0': 'invalid-value', 'redis-7.0': 'invalid-value', 'valkey-8.1': 'invalid-value' }],
  ['dbfilename ""', { 'redis-6.0': null, 'redis-7.0': null, 'redis-8.0': null, 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-human-nodename "a b"', { 'redis-8.0': null, 'valkey-8.1': null, 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-human-nodename a:b', { 'redis-8.0': 'invalid-value', 'valkey-8.1': null, 'valkey-9.1': null }],
  ['cluster-announce-human-nodename #x', { 'redis-8.0': 'invalid-value', 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-human-nodename "\\x00z"', { 'redis-8.0': 'invalid-value', 'valkey-8.1': 'invalid-value', 'valkey-9.1': 'invalid-value' }],
  ['cluster-announce-human-nodename node-1.example', { 'redis-8.0': null, 'valkey-8.1': null, 'valkey-9.1': null }],
  ['cluster-announce-ip "\\x00z"', { 'valkey-8.1': null, 'valkey-9.1': 'invalid-value' }],
  ['latency-tracking-info-percentiles 0x10', { 'redis-7.0': null, 'redis-8.0': null, 'valkey-8.1': null, 'valkey-9.1': 'invalid-value' }],
  ['latency-tracking-info-percentiles 1e1', { 'valkey-9.1': null }],
  ['slot-migration-max-failover-repl-bytes -1', { 'valkey-9.1': null }],
  ['slot-migration-max-failover-repl-bytes -2', { 'valkey-9.1': 'out-of-range' }],
  ['slot-migration-max-failover-repl-bytes 1gb', { 'valkey-9.1': null }],
];

for (const [line, expected] of PER_VERSION) {
  for (const [target, code] of Object.entries(expected)) {
    test(`value rule (${target}, as its live server): ${line}`, () => {
      const codes = findingsOf(`${H}${line}\n`, 'config', { target: target as 'redis-7.0' })
        .filter((f) => CODES.includes(f.code))
        .map((f) => f.code)
        .join(',');
      assert.equal(codes || null, code, `${target}: ${line}`);
    });
  }
}

test('Redis 8.0 keeps a line it cannot place for the modules and refuses after the file: the finding says so', () => {
  const later = (text: string, target: 'redis-7.0' | 'redis-8.0'): string[] =>
    findingsOf(`${H}${text}\n`, 'config', { target })
      .filter((f) => f.severity === 'error' && CODES.includes(f.code))
      .map((f) => `${f.code}${f.data?.afterLoad === true ? ' after load' : ''}`);
  for (const line of [
    'maxmemroy 1gb',
    'include a.conf b.conf',
    'rename-command get',
    'list-max-ziplist-value 1 2',
    'list-max-ziplist-value # c',
    '"" x',
    'mptcp yes',
  ]) {
    assert.ok(
      later(line, 'redis-8.0').every((c) => c.endsWith(' after load')) && later(line, 'redis-8.0').length > 0,
      `redis-8.0: ${line}: ${later(line, 'redis-8.0').join(', ')}`,
    );
    assert.ok(later(line, 'redis-7.0').length > 0 && later(line, 'redis-7.0').every((c) => !c.endsWith(' after load')), `redis-7.0: ${line}`);
  }
  // Without a value the line is refused where it stands, on 8.0 too.
  assert.deepEqual(later('maxmemroy', 'redis-8.0'), ['unknown-directive']);
  const [f] = findingsOf(`${H}maxmemroy 1gb\n`, 'config', { target: 'redis-8.0' }).filter((x) => x.code === 'unknown-directive');
  assert.match(f?.message ?? '', /reads the file, then exits \("Module Configuration detected without loadmodule directive/);
  // With a module loaded, the module may declare the name: a warning that says so.
  check(`${H}loadmodule /opt/redis/modules/search.so\nsearch-timeout 500\n`, ['3:1 warning unknown-directive'], {
    codes: CODES,
    settings: { target: 'redis-8.0' },
  });
  check(`${H}loadmodule /opt/redis/modules/search.so\nsearch-timeout 500\n`, ['3:1 error unknown-directive'], {
    codes: CODES,
    settings: { target: 'redis-7.0' },
  });
});

test('rdma-port: builds without RDMA stop at startup, a warning that names them', () => {
  check(`${H}rdma-port 6380\n`, ['2:11 warning build-dependent'], { codes: ['build-dependent', ...CODES], settings: { target: 'valkey-9.1' } });
  check(`${H}rdma-port 0\n`, [], { codes: ['build-dependent', ...CODES], settings: { target: 'valkey-8.1' } });
  const [f] = findingsOf(`${H}rdma-port 6380\n`, 'config', { target: 'valkey-8.1' }).filter((x) => x.code === 'build-dependent');
  assert.match(f?.message ?? '', /"Failed finding connection listener of rdma"/);
});

test('the server texts differ by product where the servers do', () => {
  const text = (target: 'redis-8.0' | 'valkey-9.1'): string =>
    findingsOf(`${H}replicaof 10.0.0.1 70000\n`, 'config', { target }).find((f) => f.code === 'invalid-value')?.message ?? '';
  assert.match(text('redis-8.0'), /"Invalid master port"/);
  assert.match(text('valkey-9.1'), /"Invalid primary port"/);
  const bind = findingsOf(`${H}bind 127.0.0.1 -127.0.0.1\n`.replace(H, ''), 'config', { target: 'redis-7.0' }).find((f) => f.code === 'invalid-value');
  assert.equal(bind?.range.start.character, 15);
  assert.match(bind?.message ?? '', /"bind: Address already in use"/);
});

test('Redis 6.x ignores a save line that is not one pair or "": a warning, and a trailing comment there is one too', () => {
  for (const target of ['redis-6.0', 'redis-6.2'] as const) {
    const opts = { codes: CODES, settings: { target } };
    check(`${H}save 900\n`, ['2:1 warning ignored-directive'], opts);
    check(`${H}save 900 1 300 10\n`, ['2:1 warning ignored-directive'], opts);
    check(`${H}save 900 1 # hourly\n`, ['2:12 warning trailing-comment'], opts);
    check(`${H}save 900 1\nsave ""\n`, [], opts);
  }
  check(`${H}save 900 1 # hourly\n`, ['2:12 error trailing-comment'], { codes: CODES, settings: { target: 'redis-7.0' } });
  const [f] = findingsOf(`${H}save 900\n`, 'config', { target: 'redis-6.0' }).filter((x) => x.code === 'ignored-directive');
  assert.equal(f?.message, messages.ignoredSaveLine(1, 'redis-6.0'));
});

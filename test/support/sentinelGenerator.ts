/**
 * A deterministic generator of sentinel.conf bodies for the Sentinel oracle
 * (test/oracle/sentinel.test.ts): each body is started with `--sentinel` by the live server of a
 * version, and the analyzer (kind sentinel, that version's target) must refuse exactly the bodies
 * the server refuses.
 *
 * The `sentinel` sub-directives come from the target's own table (their names and argument
 * counts), with values around each rule Sentinel applies: quorum, times, ids, yes/no, ports,
 * addresses, a master that is or is not monitored (before or after the line), duplicates. Plain
 * server lines, good and bad, are mixed in. Only what every machine decides alike: addresses are
 * IP literals (no name is ever looked up: Redis 6.0 and `resolve-hostnames yes` would ask DNS,
 * except for a name that is no IP while the target reads IPs only), and scripts are left out
 * (whether a path is an executable file is the machine's; `machineDependentSentinel` lists one).
 */
import { sentinelDirectives } from '../../server/src/knowledge/directives';
import type { TargetId } from '../../server/src/knowledge/types';
import { mulberry32 } from './quotingGenerator';

export interface SentinelCase {
  readonly id: string;
  readonly category: string;
  readonly body: string;
}

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

const MASTERS = ['mymaster', 'cache', 'm2'];
const GOOD_IPS = ['127.0.0.1', '10.0.0.5', '::1', '192.168.1.20'];
/** Only where names are not looked up (7.0 on, resolve-hostnames no): refused there without DNS. */
const NON_IPS = ['localhost', 'redis-1.example', '127.0.0.256', '1.2.3', 'host_name', '::g'];
/** IPv4 forms C's inet_aton reads, which a numeric-host lookup may accept. */
const ODD_IPS = ['127.1', '2130706433', '0x7f.0.0.1', '0177.0.0.1', '127.0.0.01'];
const PORTS = ['6379', '6380', '0', '65535', '65536', '-1', 'abc', '6379x', '4294967297', '99999999999'];
const QUORUMS = ['2', '1', '0', '-1', 'abc', '2x', ' 2', '4294967298', '2147483648'];
const TIMES = ['5000', '1', '0', '-1', 'abc', '10s', '2147483648', '4294967296', '99999999999999999999'];
const YESNO = ['yes', 'no', 'YES', 'No', 'maybe', '1', '""'];
const MYIDS = [
  '0123456789abcdef0123456789abcdef01234567',
  'abc',
  '0123456789abcdef0123456789abcdef012345678',
  '""',
  '0123456789ABCDEF0123456789ABCDEF01234567',
];
const RUNIDS = ['0123456789abcdef0123456789abcdef0123456a', '0123456789abcdef0123456789abcdef0123456b', 'x'];

/**
 * A line of sentinel.conf for sub-directive `sub` (already known to the target); `odd` is the
 * share of values drawn from the edge cases rather than the plain ones.
 */
function sentinelLine(rng: Rng, sub: string, canLookUp: boolean, ipOnly: boolean, odd = 0.3, monitored: readonly string[] = MASTERS.slice(0, 2)): string {
  const plain = (): boolean => !chance(rng, odd);
  const master = (): string => (plain() || chance(rng, 0.5) ? pick(rng, monitored) : pick(rng, ['nosuch', 'MyMaster', MASTERS[2] as string]));
  const host = (): string => {
    if (plain() || canLookUp) return pick(rng, GOOD_IPS);
    if (chance(rng, 0.5) && ipOnly) return pick(rng, NON_IPS);
    return pick(rng, ODD_IPS);
  };
  const port = (): string => (plain() ? pick(rng, ['6379', '6380', '6381']) : pick(rng, PORTS));
  const time = (): string => (plain() ? pick(rng, ['5000', '30000', '1']) : pick(rng, TIMES));
  switch (sub) {
    case 'monitor':
      return `sentinel monitor ${plain() || chance(rng, 0.5) ? pick(rng, monitored) : pick(rng, ['a b', '"x y"', 'M'])} ${host()} ${port()} ${plain() ? '2' : pick(rng, QUORUMS)}`;
    case 'down-after-milliseconds':
    case 'failover-timeout':
    case 'master-reboot-down-after-period':
    case 'primary-reboot-down-after-period':
      return `sentinel ${sub} ${master()} ${time()}`;
    case 'parallel-syncs':
      return `sentinel ${sub} ${master()} ${pick(rng, ['1', '0', '-1', 'x'])}`;
    case 'auth-pass':
    case 'auth-user':
      return `sentinel ${sub} ${master()} ${pick(rng, ['secret', '"a b"', '""', '#x'])}`;
    case 'config-epoch':
    case 'leader-epoch':
      return `sentinel ${sub} ${master()} ${pick(rng, ['0', '1', '-1', 'abc', '99999999999999999999999'])}`;
    case 'current-epoch':
      return `sentinel current-epoch ${pick(rng, ['0', '7', '-3', 'abc'])}`;
    case 'myid':
      return `sentinel myid ${plain() ? (MYIDS[0] as string) : pick(rng, MYIDS)}`;
    case 'known-slave':
    case 'known-replica':
      return `sentinel ${sub} ${master()} ${host()} ${port()}`;
    case 'known-sentinel':
      return `sentinel known-sentinel ${master()} ${host()} ${port()}${chance(rng, 0.8) ? ` ${pick(rng, RUNIDS)}` : ''}`;
    case 'rename-command':
      return `sentinel rename-command ${master()} ${pick(rng, ['CONFIG', 'config', 'FLUSHALL', 'nosuchcmd'])} ${pick(rng, ['MYCONFIG', 'x', '""'])}`;
    case 'announce-ip':
      return `sentinel announce-ip ${pick(rng, ['10.0.0.9', '""', 'host.example', 'not an ip'.replace(/ /g, '_')])}`;
    case 'announce-port':
      return `sentinel announce-port ${pick(rng, ['26379', '0', '-5', 'abc', '70000'])}`;
    case 'sentinel-user':
    case 'sentinel-pass':
      return `sentinel ${sub} ${pick(rng, ['admin', '""', '"a b"'])}`;
    case 'deny-scripts-reconfig':
    case 'announce-hostnames':
      return `sentinel ${sub} ${plain() ? pick(rng, ['yes', 'no']) : pick(rng, YESNO)}`;
    case 'resolve-hostnames':
      // `yes` would make every later name a DNS question: only the refused spellings and `no`.
      return `sentinel resolve-hostnames ${plain() ? 'no' : pick(rng, ['no', 'NO', 'maybe', '1', '""'])}`;
    default:
      return `sentinel ${sub} ${master()}`;
  }
}

/** Lines that break the shape of a sentinel line: names of no version, wrong word counts. */
const ODD_LINES: readonly string[] = [
  'sentinel',
  'SENTINEL monitor mymaster 127.0.0.1 6379 2',
  'sentinel MONITOR mymaster 127.0.0.1 6379 2',
  'sentinel monitor mymaster 127.0.0.1 6379',
  'sentinel monitor mymaster 127.0.0.1 6379 2 extra',
  'sentinel down-after-milliseconds mymaster',
  'sentinel known-sentinel mymaster 127.0.0.1',
  'sentinel monitr mymaster 127.0.0.1 6379 2',
  'sentinel foo',
  'sentinel ""',
  'sentinel myid',
  'sentinel known-slave mymaster 127.0.0.1 6390 x',
  'sentinel monitor "mymaster 127.0.0.1 6379 2"',
  'sentinel deny-scripts-reconfig yes # default',
  'sentinel announce-ip 10.0.0.1 # public',
];

/** Plain server lines, as a sentinel.conf holds them, good and bad. */
const SERVER_LINES: readonly string[] = [
  'port 26379',
  'protected-mode no',
  'protected-mode yes',
  'daemonize no',
  'loglevel notice',
  'logfile ""',
  'dir .',
  'maxmemroy 1gb',
  'port abc',
  'requirepass s3cret',
  'user default on nopass ~* +@all',
  'bind 127.0.0.1',
  'timeout 0 # none',
  'acllog-max-len 64',
];

/** Sub-directives Sentinel reads a file with, but which need a file on this machine. */
const MACHINE_SUBS = new Set(['notification-script', 'client-reconfig-script']);

/**
 * Bodies whose verdict depends on the machine (a script path): refused here, where no such
 * executable exists. Listed in exceptions.json.
 */
export function machineDependentSentinel(): string[] {
  return ['sentinel monitor mymaster 127.0.0.1 6379 2\nsentinel notification-script mymaster /nonexistent-dir/notify.sh'];
}

/** `count` bodies for `target` from `seed`; the same arguments give the same bodies. */
export function generateSentinelFiles(target: TargetId, count = 2000, seed = 0x5e471e1): SentinelCase[] {
  const rng = mulberry32(seed);
  const subs = sentinelDirectives(target)
    .map((s) => s.name)
    .filter((n) => !MACHINE_SUBS.has(n));
  // Redis 6.0 resolves every address it is given; names are never written there.
  const canLookUp = target === 'redis-6.0' || target === 'redis-6.2';
  const cases: SentinelCase[] = [];
  const seen = new Set<string>();
  const add = (category: string, body: string): void => {
    if (seen.has(body)) return;
    seen.add(body);
    cases.push({ id: `${category}/${cases.length}`, category, body });
  };
  // Each sub-directive alone after a good monitor line, and before it.
  for (const sub of subs) {
    for (let k = 0; k < 6; k++) {
      const line = sentinelLine(rng, sub, canLookUp, !canLookUp);
      add('single', `sentinel monitor mymaster 127.0.0.1 6379 2\n${line}`);
      add('before-monitor', `${line}\nsentinel monitor mymaster 127.0.0.1 6379 2`);
    }
  }
  for (const l of ODD_LINES) add('shape', `sentinel monitor mymaster 127.0.0.1 6379 2\n${l}`);
  for (const body of machineDependentSentinel()) add('machine-dependent', body);
  // Files of several lines, sentinel and plain ones in any order; every other file mostly clean.
  for (let f = 0; cases.length < count; f++) {
    const clean = f % 2 === 0;
    const odd = clean ? 0.01 : 0.3;
    const lines: string[] = [];
    const n = 2 + Math.floor(rng() * 6);
    // A clean file monitors its masters once each and sets options of those only.
    const monitored = clean ? MASTERS.slice(0, 1 + Math.floor(rng() * 2)) : MASTERS.slice(0, 2);
    if (clean)
      for (const m of monitored) lines.push(`sentinel monitor ${m} ${pick(rng, GOOD_IPS)} ${pick(rng, ['6379', '6380'])} ${pick(rng, ['1', '2', '3'])}`);
    else if (chance(rng, 0.85)) lines.push(sentinelLine(rng, 'monitor', canLookUp, !canLookUp, odd));
    const options = clean ? subs.filter((s) => s !== 'monitor') : subs;
    for (let i = 0; i < n; i++) {
      const r = rng();
      const line =
        r < 0.7
          ? sentinelLine(rng, pick(rng, options), canLookUp, !canLookUp, odd, monitored)
          : r < 0.85 || clean
            ? pick(rng, clean ? SERVER_LINES.slice(0, 7) : SERVER_LINES)
            : pick(rng, ODD_LINES);
      lines.splice(Math.floor(rng() * (lines.length + 1)), 0, line);
    }
    add(clean ? 'clean' : 'multi-line', lines.join(chance(rng, 0.2) ? '\r\n' : '\n'));
  }
  return cases;
}

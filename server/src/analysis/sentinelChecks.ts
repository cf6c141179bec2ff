/**
 * The values of a sentinel.conf's `sentinel` lines, as Sentinel applies them: a quorum of at
 * least 1, positive times, a 40-character id, yes/no switches, ports from 0 to 65535, addresses
 * (IP literals only, unless `resolve-hostnames yes`), masters that are monitored, no duplicate
 * master, replica, Sentinel or renamed command.
 *
 * From Redis 7.0 Sentinel reads these lines once the whole file is read: first the settings
 * (announce-*, deny-scripts-reconfig, sentinel-user/pass, current-epoch, myid, resolve- and
 * announce-hostnames), then every `monitor`, then the rest, so a master may be monitored on a
 * later line than its options. Redis 6 reads each line where it stands. The line named is the
 * first one refused in that order. Unknown sub-directives and word counts are checked per line
 * (directiveChecks.ts).
 */
import { supports } from '../knowledge/features';
import { sentinelArgcAllows, sentinelDirectives } from '../knowledge/directives';
import { RULES } from '../knowledge/rules';
import type { TargetId } from '../knowledge/types';
import type { ConfigTree, DirectiveLine, Token } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { messages } from './messages';
import type { Finding } from './types';
import { atoi, cstr, isIPv6 } from './values';

/** Read before the masters (Redis 7.0 on). */
const SETTINGS = new Set([
  'announce-ip',
  'announce-port',
  'deny-scripts-reconfig',
  'sentinel-user',
  'sentinel-pass',
  'current-epoch',
  'myid',
  'resolve-hostnames',
  'announce-hostnames',
]);

/** Options of one master: the master must be monitored. */
const MASTER_OPTIONS = new Set([
  'down-after-milliseconds',
  'failover-timeout',
  'parallel-syncs',
  'notification-script',
  'client-reconfig-script',
  'auth-pass',
  'auth-user',
  'config-epoch',
  'leader-epoch',
  'known-slave',
  'known-replica',
  'rename-command',
  'master-reboot-down-after-period',
  'primary-reboot-down-after-period',
]);

const YES_NO: Readonly<Record<string, string>> = {
  'deny-scripts-reconfig': 'Please specify yes or no for the deny-scripts-reconfig options.',
  'resolve-hostnames': 'Please specify yes or no for the resolve-hostnames option.',
  'announce-hostnames': 'Please specify yes or no for the announce-hostnames option.',
};

/** Redis 6 reads each sentinel line as it comes, with its own texts for some refusals. */
function readsInPlace(target: TargetId): boolean {
  return !supports(target, 'sentinel-lines-after-file');
}

/**
 * C's `inet_aton` without trailing text, as a numeric-host lookup reads IPv4: one to four parts,
 * each decimal, octal (leading 0) or hexadecimal (0x), the last one filling the remaining bytes.
 * The address as four bytes, or undefined.
 */
export function inetAton(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    const m = /^(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)$/.exec(p);
    if (!m) return undefined;
    const v = /^0[xX]/.test(p) ? (p.length === 2 ? 0 : Number.parseInt(p.slice(2), 16)) : p.startsWith('0') ? Number.parseInt(p, 8) || 0 : Number(p);
    if (!Number.isFinite(v) || v > 0xffffffff) return undefined;
    values.push(v);
  }
  const last = values.pop() as number;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return undefined;
  const bytes = [...values];
  for (let i = 4 - values.length - 1; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes;
}

/** The address as the server keeps it after a numeric lookup (for duplicates), or undefined. */
function numericAddress(host: string): string | undefined {
  const v4 = inetAton(host);
  if (v4) return v4.join('.');
  if (isIPv6(host)) return expandIPv6(host);
  return undefined;
}

/** Eight groups of four hex digits, so that two spellings of one IPv6 address compare equal. */
function expandIPv6(s: string): string {
  const [head = '', tail] = asciiLower(s).split('::');
  const groups = (side: string): string[] =>
    side === ''
      ? []
      : side.split(':').flatMap((g) => {
          const v4 = g.includes('.') ? inetAton(g) : undefined;
          return v4 ? [((v4[0] as number) * 256 + (v4[1] as number)).toString(16), ((v4[2] as number) * 256 + (v4[3] as number)).toString(16)] : [g];
        });
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const all = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return all.map((g) => g.padStart(4, '0')).join(':');
}

interface Master {
  readonly replicas: Set<string>;
  readonly sentinels: Set<string>;
  readonly renamed: Set<string>;
}

interface State {
  readonly masters: Map<string, Master>;
  resolveHostnames: boolean;
  announceHostnames: boolean;
}

export function sentinelValueFindings(tree: ConfigTree, target: TargetId): Finding[] {
  const known = new Map(sentinelDirectives(target).map((s) => [s.name, s.argc]));
  const lines = tree.directives.filter((d) => {
    if (d.name !== 'sentinel' || d.broken || d.tokens.length < 2) return false;
    const argc = known.get(asciiLower((d.tokens[1] as Token).value));
    // Unknown names and word counts are reported line by line.
    return argc !== undefined && sentinelArgcAllows(argc, d.tokens.length - 1);
  });
  const inPlace = readsInPlace(target);
  const sub = (d: DirectiveLine): string => asciiLower((d.tokens[1] as Token).value);
  const ordered = inPlace
    ? lines
    : [
        ...lines.filter((d) => SETTINGS.has(sub(d))),
        ...lines.filter((d) => sub(d) === 'monitor'),
        ...lines.filter((d) => sub(d) !== 'monitor' && !SETTINGS.has(sub(d))),
      ];
  const state: State = { masters: new Map(), resolveHostnames: false, announceHostnames: false };
  const out: Finding[] = [];
  for (const d of ordered) {
    const p = checkLine(d, sub(d), state, target);
    if (!p) continue;
    const token = d.tokens[p.arg + 2] ?? (d.tokens[1] as Token);
    out.push({
      code: 'invalid-value',
      severity: RULES['invalid-value'].severity,
      message: messages.sentinelValue(p.hint, p.redisText),
      range: token.range,
      // From 7.0 these lines are read once the file is, in the order above; the line is named.
      data: { name: `sentinel ${sub(d)}`, redisText: p.redisText, ...(inPlace ? {} : { afterLoad: true }) },
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

interface Problem {
  /** Index of the argument at fault after the sub-directive (0 = first). */
  readonly arg: number;
  readonly redisText: string;
  readonly hint: string;
}

function checkLine(d: DirectiveLine, sub: string, state: State, target: TargetId): Problem | undefined {
  const args = d.tokens.slice(2).map((t) => t.value);
  const inPlace = readsInPlace(target);
  const noMaster: Problem = {
    arg: 0,
    redisText: 'No such master with specified name.',
    hint: `No 'sentinel monitor' line names the master '${args[0] ?? ''}'${inPlace ? ' before this line (Redis 6 needs it first)' : ''}.`,
  };
  if (MASTER_OPTIONS.has(sub) && !state.masters.has(cstr(args[0] ?? ''))) return noMaster;
  const master = state.masters.get(cstr(args[0] ?? ''));
  switch (sub) {
    case 'monitor': {
      const [name = '', host = '', port = '', quorum = ''] = args;
      if (atoi(quorum) <= 0)
        return {
          arg: 3,
          redisText: 'Quorum must be 1 or greater.',
          hint: 'The quorum is how many Sentinels must agree that the master is down: a whole number of at least 1.',
        };
      const addr = address(host, port, state, target, 'master');
      if (addr) return addr;
      if (state.masters.has(cstr(name)))
        return {
          arg: 0,
          redisText: inPlace ? 'Duplicated master name.' : 'Duplicate master name.',
          hint: `The master '${name}' is already monitored by an earlier line: give each master its own name.`,
        };
      state.masters.set(cstr(name), { replicas: new Set(), sentinels: new Set(), renamed: new Set() });
      return undefined;
    }
    case 'down-after-milliseconds':
    case 'failover-timeout':
      return atoi(args[1] ?? '') <= 0
        ? { arg: 1, redisText: 'negative or zero time parameter.', hint: 'Give a time in milliseconds of at least 1.' }
        : undefined;
    case 'master-reboot-down-after-period':
    case 'primary-reboot-down-after-period':
      return atoi(args[1] ?? '') < 0 ? { arg: 1, redisText: 'negative time parameter.', hint: 'Give a time in milliseconds, 0 or more.' } : undefined;
    case 'myid':
      return cstr(args[0] ?? '').length !== 40
        ? {
            arg: 0,
            redisText: 'Malformed Sentinel id in myid option.',
            hint: 'A Sentinel id is exactly 40 characters (Sentinel writes one itself when there is none: the line can go).',
          }
        : undefined;
    case 'deny-scripts-reconfig':
    case 'resolve-hostnames':
    case 'announce-hostnames': {
      const v = asciiLower(cstr(args[0] ?? ''));
      if (v !== 'yes' && v !== 'no') return { arg: 0, redisText: YES_NO[sub] as string, hint: `'sentinel ${sub}' is a yes/no setting.` };
      if (sub === 'resolve-hostnames') state.resolveHostnames = v === 'yes';
      if (sub === 'announce-hostnames') state.announceHostnames = v === 'yes';
      return undefined;
    }
    case 'known-slave':
    case 'known-replica': {
      const [, host = '', port = ''] = args;
      const duplicate: Problem = {
        arg: 1,
        redisText: inPlace ? 'Wrong hostname or port for replica.' : 'Duplicate hostname and port for replica.',
        hint: 'This replica is already listed for this master.',
      };
      const addr = address(host, port, state, target, 'replica');
      if (addr) return addr;
      const key = `${state.announceHostnames ? host : (numericAddress(host) ?? host)}:${atoi(port)}`;
      if (master?.replicas.has(key)) return duplicate;
      master?.replicas.add(key);
      return undefined;
    }
    case 'known-sentinel': {
      // The old form without a run id is read and ignored.
      if (args.length !== 4) return undefined;
      if (!master) return noMaster;
      const [, host = '', port = '', runid = ''] = args;
      const addr = address(host, port, state, target, 'sentinel');
      if (addr) return addr;
      if (master.sentinels.has(cstr(runid)))
        return {
          arg: 3,
          redisText: inPlace ? 'Wrong hostname or port for sentinel.' : 'Duplicate runid for sentinel.',
          hint: 'Another Sentinel of this master has this run id.',
        };
      master.sentinels.add(cstr(runid));
      return undefined;
    }
    case 'rename-command': {
      const cmd = asciiLower(cstr(args[1] ?? ''));
      if (master?.renamed.has(cmd))
        return {
          arg: 1,
          redisText: 'Same command renamed multiple times with rename-command.',
          hint: `'${args[1] ?? ''}' is already renamed for this master.`,
        };
      master?.renamed.add(cmd);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The port and host checks of an instance: a port from 0 to 65535, an address the server can use. */
function address(host: string, port: string, state: State, target: TargetId, role: 'master' | 'replica' | 'sentinel'): Problem | undefined {
  const inPlace = readsInPlace(target);
  const p = atoi(port);
  const wrong = (text7: string, text6: string): string => (inPlace && role !== 'master' ? `Wrong hostname or port for ${role}.` : inPlace ? text6 : text7);
  if (p < 0 || p > 65535) return { arg: 2, redisText: wrong('Invalid port number.', 'Invalid port number'), hint: 'The port is a number from 0 to 65535.' };
  // Redis 6 and `resolve-hostnames yes` look names up: only the server's network can say.
  if (inPlace || state.resolveHostnames) return undefined;
  if (numericAddress(host) === undefined && !host.includes('%')) {
    return {
      arg: 1,
      redisText: "Can't resolve instance hostname.",
      hint: `'${host}' is not an IP address, and Sentinel only looks names up with 'sentinel resolve-hostnames yes' (set before the masters).`,
    };
  }
  return undefined;
}

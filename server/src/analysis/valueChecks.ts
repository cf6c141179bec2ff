/**
 * The value rules of every directive, as redis-server applies them when it loads a file:
 * the type readers of its config table and the setters of the special directives. Each
 * check names the argument at fault and quotes Redis's own error text.
 */
import type { DirectiveVariant, TargetId } from '../knowledge/types';
import { NOTIFY_KEYSPACE_CHARS } from '../knowledge/generated/directives';
import { quoting, supports } from '../knowledge/features';
import { isAtLeast } from '../knowledge/versions';
import { argcAllows } from '../knowledge/directives';
import { splitArgs } from '../syntax/configParser';
import { asciiLower } from '../syntax/text';
import { asSigned64, atoi, cstr, isIPv4, isIPv6, LLONG_MAX, memoryUnit, memtoull, string2d, string2ll, strtollWhole, ULLONG_MAX } from './values';

export type ValueCode = 'wrong-arity' | 'invalid-value' | 'out-of-range' | 'invalid-file-name';

/** What Redis 8.0 prints once it has read a file with lines no module claimed. */
export const MODULE_QUEUE_TEXT = 'Module Configuration detected without loadmodule directive or no ApplyConfig call: aborting';

export interface ValueProblem {
  readonly code: ValueCode;
  /** Index of the argument at fault (0 = first value), or -1 for the directive name. */
  readonly arg: number;
  /** What Redis prints. */
  readonly redisText: string;
  /** What we add: what is expected, how to fix it. */
  readonly hint: string;
  /** Redis reads the line, then fails later at startup without naming it (a socket that cannot be bound). */
  readonly afterLoad?: boolean;
  /** The failure happens when the server opens its listening sockets (a test harness that replaces them cannot see it). */
  readonly socket?: boolean;
}

export interface ValueContext {
  readonly name: string;
  readonly target: TargetId;
  readonly variant: DirectiveVariant;
  /** The values after the directive name, unquoted. */
  readonly args: readonly string[];
  /** What earlier lines set, for the rare checks that depend on them. */
  readonly earlier?: { readonly unixsocket: boolean; readonly clusterEnabled: boolean; readonly sentinel: boolean };
}

const UNSIGNED = new Set(['uint', 'ulong', 'ulong-long', 'size_t']);

function problem(code: ValueCode, arg: number, redisText: string, hint: string): ValueProblem {
  return { code, arg, redisText, hint };
}

/** Redis 6.x, before the one config table of 7.0: its own value readers and refusal texts. */
function isRedis6(target: TargetId): boolean {
  return !supports(target, 'config-table');
}

/**
 * Redis re-splits the single value of a multi-value directive (`save "900 1"`), so the
 * arguments the setter sees may differ from the tokens.
 */
export function effectiveArgs(variant: DirectiveVariant, args: readonly string[], target: TargetId): { args: readonly string[]; resplit: boolean } {
  if (variant.multiArg && args.length === 1 && args[0] !== '') {
    const value = args[0] as string;
    const split = splitArgs(value, 0, value.length, quoting(target));
    // A value that does not split leaves the setter with no argument at all.
    return { args: split.error ? [] : split.tokens.map((t) => t.value), resplit: true };
  }
  return { args, resplit: false };
}

/** Checks one directive line's values. Undefined when Redis accepts them. */
export function checkValues(ctx: ValueContext): ValueProblem | undefined {
  const { variant } = ctx;
  if (variant.kind === 'ignored' || variant.kind === 'loader') return checkLoader(ctx);
  if (!variant.multiArg && ctx.args.length !== 1) {
    return problem(
      'wrong-arity',
      ctx.args.length === 0 ? -1 : 1,
      'wrong number of arguments',
      `'${ctx.name}' takes exactly one value${ctx.args.length > 1 ? '; put a value that contains spaces in quotes' : ''}.`,
    );
  }
  const { args, resplit } = effectiveArgs(variant, ctx.args, ctx.target);
  // After a re-split the problem is inside the one quoted token.
  const at = (i: number): number => (resplit ? 0 : i);
  if (variant.kind === 'special') {
    const special = SPECIAL[ctx.name];
    return special ? remap(special(args, ctx), at) : undefined;
  }
  // Most readers see a C string: a NUL byte ends the value (string2ll is the exception).
  const raw = args[0] ?? '';
  const value = variant.type === 'string' || variant.type === 'sds' || variant.type === 'bool' || variant.type === 'enum' ? cstr(raw) : raw;
  switch (variant.type) {
    case 'bool':
      return /^(yes|no)$/i.test(value) ? undefined : problem('invalid-value', 0, "argument must be 'yes' or 'no'", `'${ctx.name}' is a yes/no setting.`);
    case 'enum':
      return variant.multiArg ? remap(checkMultiEnum(args, ctx), at) : checkEnum(value, ctx);
    case 'string':
    case 'sds':
      return checkString(value, ctx, raw);
    default:
      return checkNumber(value, ctx);
  }
}

function remap(p: ValueProblem | undefined, at: (i: number) => number): ValueProblem | undefined {
  return p && p.arg >= 0 ? { ...p, arg: at(p.arg) } : p;
}

function enumList(ctx: ValueContext): string {
  return (ctx.variant.values ?? []).join(', ');
}

function checkEnum(value: string, ctx: ValueContext): ValueProblem | undefined {
  if ((ctx.variant.values ?? []).some((v) => asciiLower(v) === asciiLower(value))) return undefined;
  const verb = isRedis6(ctx.target) ? 'argument must be' : 'argument(s) must be';
  return problem('invalid-value', 0, `${verb} one of the following: ${enumList(ctx)}`, `'${value}' is not a value of '${ctx.name}'.`);
}

function checkMultiEnum(args: readonly string[], ctx: ValueContext): ValueProblem | undefined {
  if (args.length === 0) return problem('wrong-arity', -1, 'wrong number of arguments', `'${ctx.name}' needs at least one of: ${enumList(ctx)}.`);
  const lower = args.map((a) => asciiLower(cstr(a)));
  for (let i = 0; i < args.length; i++) {
    if (!(ctx.variant.values ?? []).includes(lower[i] as string)) {
      return problem('invalid-value', i, `argument(s) must be one of the following: ${enumList(ctx)}`, `'${args[i]}' is not a value of '${ctx.name}'.`);
    }
  }
  if (lower.includes('save') && lower.includes('nosave')) {
    return problem('invalid-value', lower.indexOf('nosave'), "shutdown options SAVE and NOSAVE can't be used simultaneously", 'Choose either save or nosave.');
  }
  return undefined;
}

/**
 * `value` is what a C string reader sees (up to a NUL byte); `raw` every byte, as the
 * validators that take the length of the value see it.
 */
function checkString(value: string, ctx: ValueContext, raw = value): ValueProblem | undefined {
  switch (ctx.name) {
    case 'dbfilename':
    case 'appendfilename':
    case 'appenddirname':
      // Valkey 8.0 refuses an empty dbfilename too.
      if (value === '' && !isRedis6(ctx.target) && (ctx.name !== 'dbfilename' || isAtLeast(ctx.target, 'valkey', 8, 0))) {
        return problem('invalid-value', 0, `${ctx.name} can't be empty`, `Give '${ctx.name}' a name.`);
      }
      if (value.includes('/') || value.includes('\\')) {
        return problem('invalid-file-name', 0, `${ctx.name} can't be a path, just a filename`, `Put the directory in 'dir' and only the file name here.`);
      }
      if (ctx.name === 'dbfilename' && (value === '.' || value === '..')) {
        return problem(
          'invalid-file-name',
          0,
          'Unexpected EOF reading RDB file',
          `'${value}' names a directory: the server starts, then fails to load it as the RDB file.`,
        );
      }
      return undefined;
    case 'cluster-announce-hostname':
      if (!/^[A-Za-z0-9.-]*$/.test(value) || value.length >= 256) {
        return problem(
          'invalid-value',
          0,
          'Hostnames must be less than 256 characters and only contain alphanumeric characters, - or .',
          'Use letters, digits, dots and dashes only.',
        );
      }
      return undefined;
    case 'proc-title-template':
      return validProcTitle(value, ctx.earlier)
        ? undefined
        : problem(
            'invalid-value',
            0,
            'template format is invalid or contains unknown variables',
            'Use only {title}, {listen-addr}, {server-mode}, {port}, {tls-port}, {unixsocket} and {config-file}, and leave something besides {title}.',
          );
    case 'cluster-config-file':
      return value === '' && isAtLeast(ctx.target, 'valkey', 8, 0)
        ? problem('invalid-value', 0, "cluster-config-file can't be empty", 'Name the file where the cluster node keeps its state (nodes.conf by default).')
        : undefined;
    case 'cluster-announce-client-ipv4':
      return value !== '' && !isIPv4(value)
        ? problem(
            'invalid-value',
            0,
            'Invalid IPv4 address',
            'Write an IPv4 address such as 10.0.0.5 (four numbers from 0 to 255, no leading zeros), or "" for none.',
          )
        : undefined;
    case 'cluster-announce-client-ipv6':
      return value !== '' && !isIPv6(value)
        ? problem('invalid-value', 0, 'Invalid IPv6 address', 'Write an IPv6 address such as fd00::5 (no zone such as %eth0), or "" for none.')
        : undefined;
    case 'cluster-announce-ip':
      if (!isAtLeast(ctx.target, 'valkey', 9, 1)) return undefined;
      if (byteLength(raw) >= 46) return problem('invalid-value', 0, 'cluster-announce-ip is too long', 'An address is at most 45 characters.');
      return [...raw].some((c) => !isValkeyAuxChar(c))
        ? problem(
            'invalid-value',
            0,
            'cluster-announce-ip contains invalid character',
            'Write the address only: no blank, comma, quote or any of ;<=>?@[]^{|}~\\.',
          )
        : undefined;
    case 'cluster-announce-human-nodename': {
      // Kept in nodes.conf, so a few characters are refused; the set depends on the version.
      const valid = isAtLeast(ctx.target, 'valkey', 9, 1) ? isValkeyAuxChar : isAtLeast(ctx.target, 'valkey', 8, 0) ? isValkey8AuxChar : isRedisAuxChar;
      const bad = [...raw].find((c) => !valid(c));
      return bad === undefined
        ? undefined
        : problem(
            'invalid-value',
            0,
            'Announced human node name contained invalid character',
            `${bad === '\0' ? 'A NUL byte' : `'${bad}'`} cannot be part of a node name. Use letters, digits, dots and dashes.`,
          );
    }
    case 'hash-seed':
      return value.length > 256
        ? problem('invalid-value', 0, 'hash-seed must be less than or equal to 256 characters', 'Use a seed of at most 256 characters.')
        : undefined;
    case 'requirepass':
      return isRedis6(ctx.target) && ctx.variant.kind === 'loader' && value.length > 512
        ? problem('invalid-value', 0, 'Password is longer than CONFIG_AUTHPASS_MAX_LEN', 'Redis 6.0 limits requirepass to 512 characters.')
        : undefined;
    default:
      return undefined;
  }
}

/** Redis's rule for text kept in nodes.conf (7.2 on): no NUL and none of !#$%&()*+:;<>?@[]^{|}~. */
function isRedisAuxChar(c: string): boolean {
  return c !== '\0' && !'!#$%&()*+:;<>?@[]^{|}~'.includes(c);
}

/** Valkey 8's rule: Redis's, except that ':' is allowed. */
function isValkey8AuxChar(c: string): boolean {
  return c !== '\0' && !'!#$%&()*+;<>?@[]^{|}~'.includes(c);
}

/** The length of a token value in the bytes Redis sees (a `\xHH` escape is one byte, other chars UTF-8). */
function byteLength(s: string): number {
  let n = 0;
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    n += code < 0x100 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Valkey 9.1's rule for text kept in nodes.conf: no control or blank character, none of !"#$%&'()*+, and none of ;<=>?@[]^{|}~\\. */
function isValkeyAuxChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return code > 0x2c && code !== 0x7f && !';<=>?@[]^{|}~\\'.includes(c);
}

/**
 * `proc-title-template`, expanded as Redis does when it checks it: `{{` is a literal brace,
 * `{name}` a variable, a lone `}` plain text; the result, trimmed of spaces, must not be
 * empty when the title is. `{server-mode}` and `{unixsocket}` are empty unless cluster mode
 * or a socket was set on an earlier line.
 */
function validProcTitle(template: string, earlier: ValueContext['earlier']): boolean {
  const variables: Readonly<Record<string, boolean>> = {
    title: false,
    'listen-addr': true,
    'server-mode': earlier?.clusterEnabled === true || earlier?.sentinel === true,
    port: true,
    'tls-port': true,
    unixsocket: earlier?.unixsocket === true,
    'config-file': true,
  };
  let out = '';
  let p = 0;
  while (p < template.length) {
    const open = template.indexOf('{', p);
    if (open < 0) {
      out += template.slice(p);
      break;
    }
    out += template.slice(p, open);
    if (open + 1 >= template.length) return false;
    if (template[open + 1] === '{') {
      out += '{';
      p = open + 2;
      continue;
    }
    const close = template.indexOf('}', open + 1);
    if (close < 0) return false;
    const name = template.slice(open + 1, close);
    if (!(name in variables)) return false;
    if (variables[name]) out += 'x';
    p = close + 1;
  }
  return out.replace(/^ +| +$/g, '') !== '';
}

function boundsText(ctx: ValueContext, octal = false): string {
  const fmt = (s: string | undefined): string => (octal ? BigInt(s ?? '0').toString(8) : (s ?? '?'));
  return `argument must be between ${fmt(ctx.variant.min)} and ${fmt(ctx.variant.max)} inclusive`;
}

function inBounds(v: bigint, ctx: ValueContext): boolean {
  return v >= BigInt(ctx.variant.min ?? '0') && v <= BigInt(ctx.variant.max ?? ULLONG_MAX.toString());
}

function checkNumber(value: string, ctx: ValueContext): ValueProblem | undefined {
  const numeric = ctx.variant.numeric ?? ['integer'];
  const unsigned = UNSIGNED.has(ctx.variant.type ?? '');
  if (numeric.includes('memory')) {
    const mem = isRedis6(ctx.target) ? memtoll6(cstr(value)) : memtoull(cstr(value), supports(ctx.target, 'memory-overflow-refused'))?.bytes;
    // A signed memory setting (Valkey 9.1) also takes a plain integer, such as -1 for "off".
    if (mem === undefined && numeric.includes('signed_memory')) {
      const n = string2ll(value);
      if (n !== undefined) return inBounds(n, ctx) ? undefined : problem('out-of-range', 0, boundsText(ctx), rangeHint(ctx));
    }
    if (mem === undefined) {
      if (numeric.includes('percent')) return checkPercent(value, ctx);
      return problem(
        'invalid-value',
        0,
        'argument must be a memory value',
        `'${ctx.name}' takes a size in bytes, optionally with a unit: b, k (1000), kb (1024), m, mb, g, gb — no decimals, no sign, no space.`,
      );
    }
    const v = unsigned ? mem : asSigned64(mem);
    return inBounds(v, ctx) ? undefined : problem('out-of-range', 0, boundsText(ctx), rangeHint(ctx));
  }
  if (numeric.includes('octal')) {
    const v = strtollWhole(cstr(value), 8);
    if (v === undefined)
      return problem('invalid-value', 0, "argument couldn't be parsed as an octal number", `'${ctx.name}' takes octal file permissions such as 700 or 770.`);
    return inBounds(v, ctx) ? undefined : problem('out-of-range', 0, boundsText(ctx, true), 'Use octal permissions from 0 to 777.');
  }
  const parsed = string2ll(value);
  if (parsed === undefined) {
    return problem(
      'invalid-value',
      0,
      "argument couldn't be parsed into an integer",
      `'${ctx.name}' takes a whole number written plainly: no unit, no '+', no leading zero, no decimals.`,
    );
  }
  const v = unsigned && parsed < 0n ? parsed + 2n ** 64n : parsed;
  return inBounds(v, ctx) ? undefined : problem('out-of-range', 0, boundsText(ctx), rangeHint(ctx));
}

function rangeHint(ctx: ValueContext): string {
  return `'${ctx.name}' accepts ${ctx.variant.min} to ${ctx.variant.max}.`;
}

function checkPercent(value: string, ctx: ValueContext): ValueProblem | undefined {
  const pct = value.length > 1 && value.endsWith('%') ? string2ll(value.slice(0, -1)) : undefined;
  if (pct === undefined || pct < 0n) {
    return problem(
      'invalid-value',
      0,
      'argument must be a memory or percent value',
      `'${ctx.name}' takes a size (such as 1gb) or a percentage of maxmemory (such as 10%).`,
    );
  }
  const limit = -BigInt(ctx.variant.min ?? '-100');
  return pct <= limit ? undefined : problem('out-of-range', 0, `percentage argument must be less or equal to ${limit}`, `Use at most ${limit}%.`);
}

/** Redis 6's signed memory reader: a leading `-` is read, and negative results are refused. */
function memtoll6(value: string): bigint | undefined {
  const negative = value.startsWith('-');
  const m = memtoull(negative ? value.slice(1) : value);
  if (!m || (negative && m.digits === '')) return undefined;
  let digits = m.digits === '' ? 0n : BigInt(m.digits);
  if (digits > LLONG_MAX) digits = LLONG_MAX;
  const v = asSigned64(BigInt.asUintN(64, (negative ? -digits : digits) * memoryUnit(m.unit)));
  return v < 0n ? undefined : v;
}

type SpecialCheck = (args: readonly string[], ctx: ValueContext) => ValueProblem | undefined;

const SPECIAL: Readonly<Record<string, SpecialCheck>> = {
  dir(args, ctx) {
    // Whether another folder exists depends on the machine; an empty name never does.
    if (args[0] !== '') return undefined;
    return problem(
      'invalid-value',
      0,
      isAtLeast(ctx.target, 'valkey', 8, 0) ? "dir can't be empty" : 'No such file or directory',
      "'dir' needs a folder name.",
    );
  },
  save(args) {
    if (args.length === 1 && args[0] === '') return undefined;
    if (args.length % 2 === 1)
      return problem('invalid-value', args.length - 1, 'Invalid save parameters', '\'save\' takes pairs: <seconds> <changes>, or "" to turn snapshots off.');
    for (let i = 0; i < args.length; i++) {
      const v = strtollWhole(args[i] as string);
      if (v === undefined || (i % 2 === 0 && v < 1n) || (i % 2 === 1 && v < 0n)) {
        return problem(
          'invalid-value',
          i,
          'Invalid save parameters',
          i % 2 === 0 ? 'Seconds must be a whole number of at least 1.' : 'Changes must be a whole number of at least 0.',
        );
      }
    }
    return undefined;
  },
  bind: checkBind,
  'client-output-buffer-limit'(args, ctx) {
    if (args.length % 4 !== 0)
      return problem(
        'wrong-arity',
        Math.max(0, args.length - 1),
        'Wrong number of arguments in buffer limit configuration.',
        'Each class takes four values: <class> <hard limit> <soft limit> <soft seconds>.',
      );
    const refused = 'Error in hard, soft or soft_seconds setting in buffer limit configuration.';
    for (let i = 0; i < args.length; i += 4) {
      if (!/^(normal|replica|slave|pubsub)$/i.test(args[i] as string)) {
        return problem(
          'invalid-value',
          i,
          'Invalid client class specified in buffer limit configuration.',
          'The class is normal, replica (or slave) or pubsub.',
        );
      }
      for (const j of [i + 1, i + 2]) {
        if (!memtoull(args[j] as string, supports(ctx.target, 'memory-overflow-refused')))
          return problem('invalid-value', j, refused, 'Limits are memory values such as 256mb, or 0 for none.');
      }
      // strtoll's result is stored in an int: only its low 32 bits count, and they must not be negative.
      const secs = strtollWhole(args[i + 3] as string);
      if (secs === undefined || BigInt.asIntN(32, secs) < 0n) {
        return problem('invalid-value', i + 3, refused, 'Soft seconds is a whole number from 0 to 2147483647.');
      }
    }
    return undefined;
  },
  'oom-score-adj-values'(args) {
    if (args.length !== 3)
      return problem(
        'wrong-arity',
        args.length > 3 ? 3 : -1,
        'wrong number of arguments',
        "'oom-score-adj-values' takes three values: for the master, replicas and background children.",
      );
    for (let i = 0; i < 3; i++) {
      const v = strtollWhole(args[i] as string);
      if (v === undefined || v < -2000n || v > 2000n) {
        return problem(
          'out-of-range',
          i,
          'Invalid oom-score-adj-values, elements must be between -2000 and 2000.',
          'Each value is a whole number from -2000 to 2000.',
        );
      }
    }
    return undefined;
  },
  'notify-keyspace-events'(args, ctx) {
    const allowed = NOTIFY_KEYSPACE_CHARS[ctx.target];
    const bad = [...cstr(args[0] ?? '')].find((c) => !allowed.includes(c));
    return bad === undefined ? undefined : problem('invalid-value', 0, `Invalid event class character. Use '${allowed}'.`, `'${bad}' is not an event class.`);
  },
  replicaof: checkReplicaof,
  slaveof: checkReplicaof,
  'latency-tracking-info-percentiles'(args, ctx) {
    if (args.length === 1 && args[0] === '') return undefined;
    // Valkey 9.1 reads decimal numbers only (no 0x...).
    const hexadecimal = !isAtLeast(ctx.target, 'valkey', 9, 1);
    for (let i = 0; i < args.length; i++) {
      const v = string2d(args[i] as string, hexadecimal);
      if (v === undefined)
        return problem(
          'invalid-value',
          i,
          'Invalid latency-tracking-info-percentiles parameters',
          `Each percentile is a number from 0 to 100, written plainly${hexadecimal ? '' : ' in decimal'}.`,
        );
      if (v < 0 || v > 100)
        return problem(
          'out-of-range',
          i,
          'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]',
          'Each percentile is a number from 0 to 100.',
        );
    }
    return undefined;
  },
};

/**
 * `bind`: at most 16 addresses, and no two that claim the same socket — the same address
 * twice, or a wildcard (`*`, `0.0.0.0`; `::*`, `::`) with another address of its family:
 * the second listener fails with EADDRINUSE and the server exits, on every version, even
 * for an optional (`-`) address. Redis 6.0 has no optional addresses at all.
 */
function checkBind(args: readonly string[], ctx: ValueContext): ValueProblem | undefined {
  if (args.length > 16) return problem('invalid-value', 16, 'Too many bind addresses specified.', 'Redis binds at most 16 addresses.');
  // An empty address does not resolve; alone, from 6.2 on, it means "no TCP address" instead.
  const empty = args.findIndex((a) => a === '');
  if (empty >= 0 && (args.length > 1 || !supports(ctx.target, 'bind-no-address'))) {
    return {
      ...problem(
        'invalid-value',
        empty,
        'Name or service not known',
        args.length > 1
          ? 'An empty address among others does not resolve, and the server exits. Remove it.'
          : 'Redis 6.0 reads \'bind ""\' as an address with no name, which does not resolve, and exits. Remove the line to listen on every interface, or name the addresses.',
      ),
      afterLoad: true,
      socket: true,
    };
  }
  if (!supports(ctx.target, 'bind-optional-address')) {
    const dash = args.findIndex((a) => a.startsWith('-'));
    if (dash >= 0)
      return {
        ...problem(
          'invalid-value',
          dash,
          'Name or service not known',
          "Redis 6.0 has no optional addresses: it reads the '-' (added in 6.2) as part of the name, which does not resolve, and exits. Remove the '-'.",
        ),
        afterLoad: true,
        socket: true,
      };
  }
  const seen: { family: 4 | 6 | 0; any: boolean; name: string }[] = [];
  for (const [i, raw] of args.entries()) {
    const name = asciiLower(raw.replace(/^-/, ''));
    if (name === '') continue;
    const any4 = name === '*' || name === '0.0.0.0';
    const any6 = name === '::*' || (isIPv6(name) && /^[0:]+$/.test(name));
    const family = any4 || isIPv4(name) ? 4 : any6 || isIPv6(name) ? 6 : 0;
    const any = any4 || any6;
    const clash = seen.find((s) => s.name === name || (family !== 0 && s.family === family && (any || s.any)));
    if (clash) {
      return {
        ...problem(
          'invalid-value',
          i,
          'bind: Address already in use',
          `'${raw}' claims the same socket as '${clash.name}' (a wildcard covers every address of its family): the server cannot listen on both and exits. Keep one of them.`,
        ),
        afterLoad: true,
        socket: true,
      };
    }
    seen.push({ family, any, name });
  }
  return undefined;
}

function checkReplicaof(args: readonly string[], ctx: ValueContext): ValueProblem | undefined {
  if (args.length !== 2)
    return problem('wrong-arity', args.length > 2 ? 2 : -1, 'wrong number of arguments', `'${ctx.name}' takes <host> <port>, or 'no one'.`);
  if (asciiLower(args[0] as string) === 'no' && asciiLower(args[1] as string) === 'one') return undefined;
  // strtol's long is then stored in an int: only the low 32 bits count.
  const read = strtollWhole(args[1] as string);
  const port = read === undefined ? undefined : BigInt.asIntN(32, read);
  if (port === undefined || port < 0n || port > 65535n)
    return problem(
      'invalid-value',
      1,
      isAtLeast(ctx.target, 'valkey', 8, 1) ? 'Invalid primary port' : 'Invalid master port',
      'The port is a number from 0 to 65535.',
    );
  return undefined;
}

/** Redis 6's loader directives (handled before the table existed for them) and ignored names. */
function checkLoader(ctx: ValueContext): ValueProblem | undefined {
  const rule = ctx.variant.argc ?? [];
  if (!argcAllows(rule, ctx.args.length + 1)) {
    const at = ctx.args.length === 0 ? -1 : Math.max(0, ctx.args.length - 1);
    // Redis 8.0 takes a line it cannot place, with a value, for a module setting.
    if (supports(ctx.target, 'deferred-unknown-names') && ctx.args.length > 0)
      return {
        ...problem(
          'wrong-arity',
          at,
          MODULE_QUEUE_TEXT,
          `${arityHint(ctx.name, rule)} With another number, ${ctx.name === 'include' || ctx.name === 'rename-command' ? 'the line' : 'the name'} is taken for a module setting.`,
        ),
        afterLoad: true,
      };
    return problem('wrong-arity', at, 'Bad directive or wrong number of arguments', arityHint(ctx.name, rule));
  }
  const a = ctx.args;
  switch (ctx.name) {
    case 'bind':
      return checkBind(a, ctx);
    case 'replicaof':
    case 'slaveof':
      return checkReplicaof(a, ctx);
    case 'unixsocketperm': {
      const m = /^[ \t\n\v\f\r]*([+-]?)([0-7]*)/.exec(a[0] as string);
      const v = m && m[2] !== '' ? BigInt(`0o${m[2]}`) * (m[1] === '-' ? -1n : 1n) : 0n;
      return v < 0n || v > 0o777n ? problem('out-of-range', 0, 'Invalid socket file permissions', 'Use octal permissions from 0 to 777.') : undefined;
    }
    case 'save':
      if (a.length === 2) {
        return atoi(a[0] as string) < 1 || atoi(a[1] as string) < 0
          ? problem('invalid-value', 0, 'Invalid save parameters', 'Seconds must be at least 1 and changes at least 0.')
          : undefined;
      }
      return undefined;
    case 'client-output-buffer-limit': {
      if (!/^(normal|replica|slave|pubsub)$/i.test(a[0] as string))
        return problem(
          'invalid-value',
          0,
          "Unrecognized client limit class: the user specified an invalid one, or 'master' which has no buffer limits.",
          'The class is normal, replica (or slave) or pubsub.',
        );
      // atoi keeps the low 32 bits: 2147483648 is negative there.
      return atoi(a[3] as string) < 0
        ? problem('invalid-value', 3, 'Negative number of seconds in soft limit is invalid', 'Soft seconds is a whole number from 0 to 2147483647.')
        : undefined;
    }
    case 'oom-score-adj-values':
      for (let i = 0; i < 3; i++) {
        const v = strtollWhole(a[i] as string);
        if (v === undefined || v < -2000n || v > 2000n)
          return problem(
            'out-of-range',
            i,
            'Invalid oom-score-adj-values, elements must be between -2000 and 2000.',
            'Each value is a whole number from -2000 to 2000.',
          );
      }
      return undefined;
    case 'notify-keyspace-events':
      return SPECIAL['notify-keyspace-events']?.(a, ctx);
    case 'requirepass':
      return checkString(a[0] as string, ctx);
    case 'dir':
      // Redis 6 changes folder as it reads the line, and exits without naming the line.
      return a[0] === '' ? problem('invalid-value', 0, "Can't chdir to '': No such file or directory", "'dir' needs a folder name.") : undefined;
    default:
      return undefined;
  }
}

function arityHint(name: string, rule: readonly (readonly [string, number])[]): string {
  const parts = rule.map(([op, n]) => `${op === '==' ? 'exactly' : op === '>=' ? 'at least' : 'at most'} ${n - 1}`);
  return parts.length ? `'${name}' takes ${parts.join(' and ')} argument${rule.every(([, n]) => n === 2) ? '' : 's'}.` : `Check the arguments of '${name}'.`;
}

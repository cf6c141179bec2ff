/**
 * A deterministic generator of redis.conf bodies, valid and broken, for the config oracle
 * (test/oracle/config.test.ts): each body is loaded by the live server of a version after a
 * harmless header, and the analyzer, with that version's target, must refuse exactly the
 * bodies the server refuses. The bodies are drawn from the target's own table.
 *
 * What it covers:
 *   - every directive of the target's table, by type: bool, integer of each C type (min, max,
 *     one past each, the 32- and 64-bit limits, signed and unsigned), memory (units in any case,
 *     decimals, signs, leading zeros, wrap-around), percent, octal, enum, multi-value enum, strings;
 *   - empty strings, quoting, multi-argument values given as one quoted string (re-split);
 *   - the special directives: save, bind, client-output-buffer-limit, oom-score-adj-values,
 *     notify-keyspace-events, replicaof/slaveof, latency-tracking-info-percentiles, dir;
 *   - the value validators: dbfilename, appendfilename, appenddirname, proc-title-template,
 *     cluster-announce-hostname;
 *   - names: case, aliases, ignored names with the right and wrong arity, unknown names, names of
 *     other versions, module settings with and without a value and a loadmodule, sentinel lines,
 *     include, rename-command, user, trailing comments, duplicates;
 *   - multi-line files whose first error is not on line 1, with comments, blanks and CRLF.
 *
 * Inputs whose verdict depends on the machine are left out (see UNSAFE below and the notes at
 * each special list): values that make the server listen on a TCP port or need TLS files,
 * `activedefrag yes` (refused by Debian's jemalloc), `cluster-enabled yes` on its own (binds the
 * cluster bus port), paths of log/pid/ACL files, module loading, and very large `databases`
 * (the server allocates them all at start). The runner also neutralises `port`, `unixsocket`,
 * `daemonize`, `logfile` and `loglevel` with command-line options appended after the file.
 */
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import { directiveVariant } from '../../server/src/knowledge/directives';
import type { DirectiveVariant, TargetId } from '../../server/src/knowledge/types';
import { mulberry32 } from './quotingGenerator';

export interface ConfigCase {
  /** Unique and stable: category, directive, index. */
  readonly id: string;
  /** What the case is about, for the coverage summary. */
  readonly category: string;
  /** The file body (what comes after the runner's header). */
  readonly body: string;
}

export const DEFAULT_SEED = 0x0c0f16e7;

// ---------------------------------------------------------------------------------------------
// Random numbers

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** `k` distinct items in a random order (all of them when k >= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a.slice(0, Math.min(k, a.length));
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** A value as written in the file: the raw text of zero or more arguments. */
type Raw = string;

/** Double-quoted, with `\` and `"` escaped. */
export function dq(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Plain when it needs no quotes, else double-quoted. `''` is written `""`. */
export function arg(s: string): string {
  return /^[^\s"'\\]+$/.test(s) ? s : dq(s);
}

/** One argument written plain, double- or single-quoted (single only when nothing needs escaping). */
function anyQuote(s: string, rng: Rng): string {
  const r = rng.int(10);
  if (r === 0 && !/['\\]/.test(s)) return `'${s}'`;
  if (r === 1) return dq(s);
  return arg(s);
}

/** The name written in another case or quoted now and then. */
function nameForm(name: string, rng: Rng, p = 0.08): string {
  if (!rng.chance(p)) return name;
  switch (rng.int(4)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.replace(/(^|-)([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase());
    case 2:
      return dq(name);
    default:
      return [...name].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
  }
}

function line(name: string, raw: Raw): string {
  return raw === '' ? name : `${name} ${raw}`;
}

// ---------------------------------------------------------------------------------------------
// The target's table

interface Directive {
  readonly name: string;
  readonly v: DirectiveVariant;
}

function tableOf(target: TargetId): Directive[] {
  const out: Directive[] = [];
  for (const d of DIRECTIVES) {
    const v = d.variants.find((x) => x.targets.includes(target));
    if (v) out.push({ name: d.name, v });
  }
  return out;
}

/** True when the first word of `line` (unquoted, lower-cased) is a directive of `target`. */
function knownIn(line: string, target: TargetId): boolean {
  const m = /^\s*("?)([^\s"]+)\1/.exec(line);
  return m !== null && directiveVariant((m[2] as string).toLowerCase(), target) !== undefined;
}

/** Names whose `yes` needs something this machine may not have, or that this build refuses. */
const UNSAFE_YES = new Set([
  'activedefrag', // Debian's build (system jemalloc) refuses it: oracle-behaviour.md appendix
  'cluster-enabled', // binds the cluster bus port (port + 10000)
  'tls-replication', // needs TLS certificate files
  'tls-cluster', // idem
]);

/**
 * String directives used at startup (paths, CPU lists, a locale, a group of this machine):
 * only `""` and arity errors.
 */
const STARTUP_STRINGS = new Set([
  'aclfile',
  'logfile',
  'pidfile',
  'unixsocket',
  'aof_rewrite_cpulist',
  'bgsave_cpulist',
  'bio_cpulist',
  'server_cpulist',
  'locale-collate',
  'unixsocketgroup',
]);

/** Validated strings: their own lists below. */
const VALIDATED_STRINGS = new Set(['dbfilename', 'appendfilename', 'appenddirname', 'proc-title-template', 'cluster-announce-hostname']);

/** Digits of a value written as a plain (possibly signed, padded) integer, for the safety filter. */
function plainNumber(s: string): bigint | undefined {
  const m = /^\s*[+-]?0*([0-9]{1,30})\s*$/.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[1] as string);
  return s.trim().startsWith('-') ? -v : v;
}

/**
 * True when Redis might accept the value and then depend on the machine: a TCP or TLS port,
 * a huge number of databases (allocated at start: 2^31 of them exhaust the memory), a
 * maxclients above the open-files limit.
 */
function unsafeValue(name: string, value: string): boolean {
  const n = plainNumber(value);
  if (name === 'databases') return n !== undefined && n > 1000n && n <= 2147483647n;
  // Above the open-files limit the server lowers maxclients 16 at a time, one setrlimit call
  // each: minutes for 2^31, and the limit is the machine's.
  if (name === 'maxclients') return n !== undefined && n > 10000n && n <= 4294967295n;
  if (name === 'tls-port') return n !== undefined && n !== 0n && n > 0n && n <= 65535n;
  // Only builds with RDMA can listen there (see machineDependent).
  if (name === 'rdma-port') return n !== undefined && n > 0n && n <= 65535n;
  if (UNSAFE_YES.has(name)) return /^\s*yes\s*$/i.test(value);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Value pools

const BOOL_VALUES: readonly Raw[] = [
  'YES',
  'No',
  'nO',
  'yEs',
  '"yes"',
  "'no'",
  '""',
  '1',
  '0',
  'true',
  'false',
  'on',
  'off',
  'y',
  'n',
  '"yes "',
  '" no"',
  'yes yes',
  '',
  'yess',
  '"\\"yes\\""',
  'no\\',
  '-yes',
  "'YES'",
  '"No"',
];

const INT_LIMITS: readonly string[] = [
  '0',
  '-0',
  '1',
  '-1',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '4294967295',
  '4294967296',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '99999999999999999999999',
];

/** Formats applied to an in-range value `v`: leading zeros, signs, decimals, units, blanks... */
const INT_FORMATS: readonly ((v: string) => Raw)[] = [
  (v) => `0${v}`,
  (v) => `00${v}`,
  (v) => `+${v}`,
  (v) => `${v}.0`,
  (v) => `${v}.5`,
  (v) => `${v}k`,
  (v) => `${v}mb`,
  (v) => `${v}KB`,
  (v) => dq(` ${v}`),
  (v) => dq(`${v} `),
  (v) => dq(`\t${v}`),
  () => '""',
  () => '0x10',
  () => '1e3',
  (v) => `${v}abc`,
  (v) => `${v} ${v}`,
  () => '',
  () => '--1',
  () => '- 1',
  () => '1_000',
  () => '\uff11', // FULLWIDTH DIGIT ONE
  (v) => dq(v),
  (v) => `'${v}'`,
  () => '-',
  () => '+',
  () => '1,000',
  (v) => `${v}%`,
];

const MEM_FORMATS: readonly Raw[] = [
  '1k',
  '1K',
  '1kb',
  '1KB',
  '1kB',
  '1Kb',
  '1m',
  '1M',
  '1mb',
  '1MB',
  '1mB',
  '1g',
  '1G',
  '1gb',
  '1GB',
  '1gB',
  '1b',
  '1B',
  '1t',
  '1tb',
  '1TB',
  '1kib',
  '1kbb',
  '1bb',
  '1.5mb',
  '1.5',
  '0.5gb',
  '-1',
  '-1mb',
  '-0',
  '+1',
  '+1mb',
  '007',
  '007mb',
  '""',
  'mb',
  'MB',
  'b',
  'kb',
  'G',
  dq('1 mb'),
  dq('1mb '),
  dq(' 1mb'),
  '1k b',
  '0x10',
  '1e3',
  '%',
  '10%',
  '1mb 1mb',
  '',
  '100B',
  '2Gb',
  '3gB',
  '00',
  '0mb',
  '0kb',
  '1024kb',
  '1023kb',
  '1048576',
  '1048575',
  '8589934591gb',
  '8589934592gb',
  '17179869183gb',
  '17179869184gb',
  '16777216tb',
  '18446744073709551615b',
  '12345678901234567890kb',
  '99999999999999999999999',
  '18446744073709551616',
  '18446744073709551615',
  '9223372036854775807',
  '9223372036854775808',
  "'1gb'",
  '"1gb"',
  '1 gb',
  '1\\x6db',
  '"1\\x6db"',
  '1mb\\',
  'ten',
  '\uff11mb',
];

const PERCENT_VALUES: readonly Raw[] = [
  '0%',
  '1%',
  '10%',
  '99%',
  '100%',
  '101%',
  '-1%',
  '00%',
  '01%',
  dq('10 %'),
  '%',
  '%%',
  '10%%',
  '1.5%',
  '+5%',
  '9223372036854775807%',
  '9223372036854775808%',
  '100%x',
  '5mb',
  '0',
  '-1',
  '""',
  '18446744073709551615',
  '18446744073709551516',
  '9223372036854775807',
  '9223372036854775808',
  dq(' 5%'),
  dq('5% '),
  '%5',
  '5 %',
  '1gb%',
  '1k%',
  '50%',
];

const OCTAL_VALUES: readonly Raw[] = [
  '0',
  '700',
  '777',
  '0777',
  '00777',
  '1000',
  '-1',
  '+700',
  '8',
  '778',
  '""',
  dq('700 '),
  dq(' 700'),
  dq('\t700'),
  '0x1ff',
  '1e2',
  '7777',
  '511',
  '-0',
  '0o700',
  '700abc',
  '777777777777777777777777',
  '777777777777777777777',
  '77777777777777777777',
  '660',
  '1',
  '007',
  '00000000000000000000777',
  '7 7',
  '',
  "'750'",
  '9',
  '-777',
  '+0',
];

// ---------------------------------------------------------------------------------------------
// Generation

class Builder {
  readonly cases: ConfigCase[] = [];
  private readonly ids = new Set<string>();
  private readonly seen = new Set<string>();

  add(category: string, key: string, body: string): void {
    // Drop exact duplicate bodies: each text is checked once.
    if (this.seen.has(body)) return;
    this.seen.add(body);
    let id = `${category}/${key}`;
    for (let n = 2; this.ids.has(id); n++) id = `${category}/${key}#${n}`;
    this.ids.add(id);
    this.cases.push({ id, category, body });
  }
}

/** In-range typical value of a numeric directive, for the format variants. */
function typical(v: DirectiveVariant): string {
  const d = v.default ?? '1';
  return /^-?[0-9]+$/.test(d) ? d : '1';
}

function boundaries(v: DirectiveVariant): string[] {
  const out: string[] = [];
  if (v.min !== undefined) {
    const min = BigInt(v.min);
    out.push(String(min), String(min - 1n));
  }
  if (v.max !== undefined) {
    const max = BigInt(v.max);
    out.push(String(max), String(max + 1n));
  }
  return out;
}

function genTable(b: Builder, rng: Rng, target: TargetId): void {
  const dirs = tableOf(target);
  let boolIndex = 0;
  let intIndex = 0;
  let memIndex = 0;
  for (const { name, v } of dirs) {
    if (v.aliasOf || v.kind !== 'table') continue;
    const emit = (category: string, values: readonly Raw[], raw = false): void => {
      values.forEach((value, i) => {
        // `raw` values are written as they are; others are single arguments, quoted as needed.
        const text = raw ? value : anyQuote(value, rng);
        const probe = raw ? value.replace(/^(["'])(.*)\1$/, '$2') : value;
        if (unsafeValue(name, probe)) return;
        b.add(category, `${name}/${i}`, line(nameForm(name, rng), text));
      });
    };
    const t = v.type ?? '';
    const numeric = v.numeric ?? [];
    if (t === 'bool') {
      // Every bool: yes and no, plus a rotating share of the odd spellings (each used somewhere).
      const odd = Array.from({ length: 6 }, (_, k) => BOOL_VALUES[(boolIndex * 6 + k) % BOOL_VALUES.length] as Raw);
      boolIndex++;
      emit('bool', ['yes', 'no']);
      emit('bool', odd, true);
    } else if (t === 'enum' && v.multiArg) {
      emit('enum-multi', multiEnumValues(v.values ?? []), true);
    } else if (t === 'enum') {
      emit('enum', enumValues(v.values ?? [], rng), true);
    } else if (numeric.includes('percent')) {
      emit('percent', [...boundaries(v), ...PERCENT_VALUES], true);
      emit(
        'percent',
        MEM_FORMATS.filter((_, k) => k % 3 === 0),
        true,
      );
    } else if (numeric.includes('octal')) {
      emit('octal', [...boundaries(v), ...OCTAL_VALUES], true);
    } else if (numeric.includes('memory')) {
      const formats = Array.from({ length: 16 }, (_, k) => MEM_FORMATS[(memIndex * 16 + k) % MEM_FORMATS.length] as Raw);
      memIndex++;
      emit(`memory:${t}`, [...boundaries(v), typical(v), ...INT_LIMITS]);
      emit(`memory:${t}`, formats, true);
    } else if (numeric.includes('integer')) {
      const tv = typical(v);
      const formats = Array.from({ length: 5 }, (_, k) => (INT_FORMATS[(intIndex * 5 + k) % INT_FORMATS.length] as (x: string) => Raw)(tv));
      intIndex++;
      emit(`integer:${t}`, [...boundaries(v), tv, ...INT_LIMITS]);
      emit(`integer:${t}`, formats, true);
    } else if (t === 'string' || t === 'sds') {
      if (VALIDATED_STRINGS.has(name)) continue;
      if (STARTUP_STRINGS.has(name)) {
        emit('string-startup', ['""', '', 'a b', "''", name === 'pidfile' ? 'redis.pid' : '""'], true);
      } else {
        emit('string', ['abc', '""', dq('a b'), "'x y'", 'a b', '', '#hash', dq('#x'), '"\\x00z"', 'x\\y'], true);
      }
    } else {
      throw new Error(`configGenerator: no value pool for ${name} (${t})`);
    }
  }
}

function enumValues(values: readonly string[], rng: Rng): Raw[] {
  const first = values[0] ?? 'x';
  const last = values[values.length - 1] ?? 'x';
  return [
    ...values,
    first.toUpperCase(),
    last.replace(/^./, (c) => c.toUpperCase()),
    dq(first),
    `'${last}'`,
    '""',
    '',
    'bogus',
    first.slice(0, Math.max(1, first.length - 1)),
    `${first}s`,
    `${first} ${last}`,
    dq(`${first} `),
    dq(`${first} ${last}`),
    `${first},${last}`,
    rng.pick(['0', '1', 'yes', 'none', 'default']),
  ];
}

function multiEnumValues(values: readonly string[]): Raw[] {
  return [
    ...values,
    'save now',
    'nosave now',
    'nosave force',
    'now force',
    'save now force',
    'save nosave',
    'nosave save',
    'default save',
    'default nosave now force',
    'SAVE',
    'NoSave Now',
    dq('nosave now'),
    dq('save nosave'),
    dq(' now'),
    dq('now '),
    "'save'",
    'save save',
    'bogus',
    'save bogus',
    '""',
    dq(''),
    '',
    dq('"now'),
    'now ""',
    'now,force',
  ];
}

// ---------------------------------------------------------------------------------------------
// Special directives (hand-written lists; each line is one file)

const BIND16 = Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`);

/**
 * `bind`: only the count is checked at load time; the addresses are used when the server
 * listens on a TCP port, which the runner's `port 0` turns off. So no trailing comment on a
 * bind line (its words would be addresses that fail to bind on a real port).
 */
const BIND: readonly string[] = [
  'bind 127.0.0.1',
  'bind 127.0.0.1 ::1',
  'bind * -::*',
  'bind -127.0.0.1',
  'bind ""',
  'bind',
  'bind "127.0.0.1 ::1"',
  'bind " 127.0.0.1"',
  `bind ${BIND16.join(' ')}`,
  `bind ${BIND16.join(' ')} 127.0.0.17`,
  `bind ${dq(BIND16.join(' '))}`,
  `bind ${dq([...BIND16, '127.0.0.17'].join(' '))}`,
  `bind ${BIND16.slice(0, 15).join(' ')} ""`,
  `bind ${BIND16.join(' ')} ""`,
  'bind "" ""',
  'bind 0.0.0.0',
  'BIND 127.0.0.1',
  'bind "\\"127.0.0.1"',
  `bind ${dq(`${BIND16.slice(0, 16).join(' ')} "127.0.0.17`)}`,
];

const SAVE: readonly string[] = [
  'save 900 1',
  'save 900 1 300 10',
  'save 3600 1 300 100 60 10000',
  'save 900',
  'save 900 1 300',
  'save 0 1',
  'save 1 0',
  'save -1 1',
  'save 1 -1',
  'save ""',
  'save',
  "save ''",
  'save "900 1"',
  'save "900 1 300 10"',
  'save "900 1" "300 10"',
  'save " 900 1"',
  'save "900"',
  'save " "',
  'save "\\"900 1"',
  'save "\'900 1"',
  'save 900 1x',
  'save 0x10 1',
  'save 010 1',
  'save +900 1',
  'save 900 +1',
  'save " 900" 1',
  'save "900 " 1',
  'save 9223372036854775807 1',
  'save 9223372036854775808 1',
  'save 1 9223372036854775808',
  'save -9223372036854775809 1',
  'save "" ""',
  'save 900 ""',
  'save "" 900 1',
  'save 900 1 ""',
  'save 1.5 1',
  'save 1e3 1',
  'save 900 1 # every 15 minutes',
  'save 1 1 1 1 1 1 1 1 1 1',
  'save 1 1 1 1 1 1 1 1 1',
  'SAVE 900 1',
  'save 900\t1',
  'save "900\t1"',
];

const CLIENT_OUTPUT_BUFFER_LIMIT: readonly string[] = [
  'client-output-buffer-limit normal 0 0 0',
  'client-output-buffer-limit replica 256mb 64mb 60',
  'client-output-buffer-limit slave 256mb 64mb 60',
  'client-output-buffer-limit pubsub 32mb 8mb 60',
  'client-output-buffer-limit master 0 0 0',
  'client-output-buffer-limit NORMAL 0 0 0',
  'client-output-buffer-limit PubSub 1 1 1',
  'client-output-buffer-limit normal 0 0',
  'client-output-buffer-limit normal 0 0 0 pubsub 1mb 1mb 1',
  'client-output-buffer-limit normal 0 0 0 pubsub 1mb 1mb',
  'client-output-buffer-limit normal 1x 0 0',
  'client-output-buffer-limit normal 0 1.5mb 0',
  'client-output-buffer-limit normal 0 0 -1',
  'client-output-buffer-limit normal 0 0 1.5',
  'client-output-buffer-limit normal 0 0 ""',
  'client-output-buffer-limit normal "" "" ""',
  'client-output-buffer-limit normal mb gb 0',
  'client-output-buffer-limit normal -1 0 0',
  'client-output-buffer-limit normal +1 0 0',
  'client-output-buffer-limit normal 0 0 +5',
  'client-output-buffer-limit normal 0 0 " 5"',
  'client-output-buffer-limit normal 0 0 "5 "',
  'client-output-buffer-limit normal 0 0 99999999999999999999',
  'client-output-buffer-limit normal 0 0 0x10',
  'client-output-buffer-limit normal 18446744073709551615 18446744073709551616 0',
  'client-output-buffer-limit normal 1TB 0 0',
  'client-output-buffer-limit normal 1GB 1Gb 0',
  'client-output-buffer-limit pubsub 1gb 2gb 0',
  'client-output-buffer-limit "normal 0 0 0"',
  'client-output-buffer-limit "normal 0 0 0 pubsub 1 1 1"',
  'client-output-buffer-limit "normal 0 0"',
  'client-output-buffer-limit "normal 0 0 \\"0"',
  'client-output-buffer-limit',
  'client-output-buffer-limit ""',
  'client-output-buffer-limit normal',
  'client-output-buffer-limit "" 0 0 0',
  'client-output-buffer-limit replica 0 0 0 slave 1 1 1 normal 2 2 2 pubsub 3 3 3',
  'client-output-buffer-limit normal 0 0 0 # no limit',
];

const OOM_SCORE_ADJ_VALUES: readonly string[] = [
  'oom-score-adj-values 0 200 800',
  'oom-score-adj-values 0 200',
  'oom-score-adj-values 0 200 800 1000',
  'oom-score-adj-values -2000 0 2000',
  'oom-score-adj-values -2001 0 0',
  'oom-score-adj-values 0 0 2001',
  'oom-score-adj-values "0 200 800"',
  'oom-score-adj-values " 0 200 800"',
  'oom-score-adj-values "0 200"',
  'oom-score-adj-values 0 200 abc',
  'oom-score-adj-values 0 200 ""',
  'oom-score-adj-values "" "" ""',
  'oom-score-adj-values +5 0 0',
  'oom-score-adj-values 010 0 0',
  'oom-score-adj-values " 5" 0 0',
  'oom-score-adj-values "5 " 0 0',
  'oom-score-adj-values 0x10 0 0',
  'oom-score-adj-values 1.5 0 0',
  'oom-score-adj-values 800 200 0',
  'oom-score-adj-values 99999999999999999999 0 0',
  'oom-score-adj-values',
  'oom-score-adj-values ""',
  'oom-score-adj-values 0 200 800 # defaults',
];

const NOTIFY_KEYSPACE_EVENTS: readonly string[] = [
  'notify-keyspace-events KEA',
  'notify-keyspace-events ""',
  'notify-keyspace-events Kq',
  'notify-keyspace-events AKE',
  'notify-keyspace-events K$lshzxeEtmdng',
  'notify-keyspace-events Ag$lshzxeKEtmdn',
  'notify-keyspace-events x',
  'notify-keyspace-events KEA KEA',
  'notify-keyspace-events kea',
  'notify-keyspace-events " "',
  'notify-keyspace-events "K E"',
  'notify-keyspace-events n',
  'notify-keyspace-events d',
  'notify-keyspace-events m',
  'notify-keyspace-events t',
  'notify-keyspace-events Ex',
  'notify-keyspace-events a',
  'notify-keyspace-events G',
  'notify-keyspace-events KEAKEA',
  'notify-keyspace-events "\\x00K"',
  'notify-keyspace-events',
  "notify-keyspace-events 'Elg'",
  'notify-keyspace-events KEA # all',
  'notify-keyspace-events 1',
  'notify-keyspace-events "$"',
];

/**
 * `replicaof`: an accepted line makes the server connect to that address later; the ports used
 * are never listened on by these tests, and hosts are IP literals (no name lookup).
 */
const REPLICAOF: readonly string[] = [
  'replicaof no one',
  'replicaof NO ONE',
  'replicaof No One',
  'replicaof 127.0.0.1 1',
  'replicaof 127.0.0.1 0',
  'replicaof 127.0.0.1 65535',
  'replicaof 127.0.0.1 65536',
  'replicaof 127.0.0.1 -1',
  'replicaof 127.0.0.1 ""',
  'replicaof 127.0.0.1 +1',
  'replicaof 127.0.0.1 01',
  'replicaof 127.0.0.1 1x',
  'replicaof 127.0.0.1 " 1"',
  'replicaof 127.0.0.1 "1 "',
  'replicaof 127.0.0.1 0x10',
  'replicaof 127.0.0.1 1.0',
  'replicaof 127.0.0.1',
  'replicaof 127.0.0.1 1 extra',
  'replicaof "127.0.0.1 1"',
  'replicaof "no one"',
  'replicaof no',
  'replicaof no one two',
  'replicaof',
  'replicaof ""',
  'replicaof "" 1',
  'replicaof 127.0.0.1 4294967297',
  'replicaof 127.0.0.1 4294967296',
  'replicaof 127.0.0.1 -4294967295',
  'replicaof 127.0.0.1 2147483648',
  'replicaof 127.0.0.1 2147549183',
  'replicaof 127.0.0.1 99999999999999999999',
  'replicaof ::1 1',
  'replicaof no 1',
  'replicaof 127.0.0.1 one',
  'slaveof no one',
  'slaveof 127.0.0.1 1',
  'slaveof 127.0.0.1 65536',
  'slaveof 127.0.0.1',
  'SLAVEOF No One',
  'slaveof "127.0.0.1 1"',
  'replicaof no one # standalone',
];

const LATENCY_PERCENTILES: readonly string[] = [
  'latency-tracking-info-percentiles 50 99 99.9',
  'latency-tracking-info-percentiles ""',
  'latency-tracking-info-percentiles',
  'latency-tracking-info-percentiles 101',
  'latency-tracking-info-percentiles -1',
  'latency-tracking-info-percentiles -0',
  'latency-tracking-info-percentiles 0',
  'latency-tracking-info-percentiles 100',
  'latency-tracking-info-percentiles 100.0000001',
  'latency-tracking-info-percentiles 100.00000000000000000001',
  'latency-tracking-info-percentiles 1e2',
  'latency-tracking-info-percentiles 1e3',
  'latency-tracking-info-percentiles 1e-5000',
  'latency-tracking-info-percentiles 1e5000',
  'latency-tracking-info-percentiles 0x10',
  'latency-tracking-info-percentiles 0x64',
  'latency-tracking-info-percentiles 0x65',
  'latency-tracking-info-percentiles 0x1p6',
  'latency-tracking-info-percentiles inf',
  'latency-tracking-info-percentiles -inf',
  'latency-tracking-info-percentiles nan',
  'latency-tracking-info-percentiles NaN',
  'latency-tracking-info-percentiles -nan',
  'latency-tracking-info-percentiles infinity',
  'latency-tracking-info-percentiles abc',
  'latency-tracking-info-percentiles 50,99',
  'latency-tracking-info-percentiles " 50"',
  'latency-tracking-info-percentiles "50 99"',
  'latency-tracking-info-percentiles 50 " 99"',
  'latency-tracking-info-percentiles 50 "99 "',
  'latency-tracking-info-percentiles 50 ""',
  'latency-tracking-info-percentiles "" ""',
  'latency-tracking-info-percentiles .5',
  'latency-tracking-info-percentiles 5.',
  'latency-tracking-info-percentiles +50',
  'latency-tracking-info-percentiles 50%',
  'latency-tracking-info-percentiles 1e',
  'latency-tracking-info-percentiles 0.0000000000000000000000000000001',
  'latency-tracking-info-percentiles 1e-400',
  'latency-tracking-info-percentiles 1e-4950',
  'latency-tracking-info-percentiles 1e-310',
  'latency-tracking-info-percentiles 4e-320',
  'latency-tracking-info-percentiles 2.2250738585072014e-308',
  'latency-tracking-info-percentiles 0x1p-1074',
  'latency-tracking-info-percentiles 0x1p-1075',
  'latency-tracking-info-percentiles 50 99 # defaults',
  `latency-tracking-info-percentiles ${'1'.padEnd(5200, '0')}`,
  `latency-tracking-info-percentiles 1.${'0'.repeat(5200)}`,
];

/** `dir`: only directories every machine has (`.`) or that no machine has (`""`). */
const DIR: readonly string[] = ['dir .', 'dir ""', 'dir', 'dir a b', 'dir ./', 'dir "."', 'DIR .', 'dir . # here'];

/**
 * TLS: without a certificate and key the server refuses to start whatever the machine has.
 * Lines naming certificate files that would then be read are left out (they depend on files).
 */
const TLS: readonly string[] = [
  'tls-port 6380',
  'tls-port 1',
  'tls-port 65535',
  'tls-port 6380\ntls-port 0',
  'tls-port 0\ntls-port 6380',
  'tls-port 6380\ntls-cert-file redis.crt',
  'tls-port 6380\ntls-key-file redis.key',
  'tls-port 6380\ntls-cert-file redis.crt\ntls-key-file redis.key',
  'tls-replication yes',
  'tls-cluster yes',
  'tls-replication yes\ntls-replication no',
  'tls-replication yes\ntls-cert-file redis.crt\ntls-key-file redis.key',
  'tls-auth-clients no\ntls-port 6380\ntls-cert-file redis.crt',
  'TLS-PORT 6380',
  'tls-port "6380"',
];

/** ACL file and `user` lines: Redis refuses the two together, and a missing ACL file. */
const ACLFILE: readonly string[] = [
  'user alice on\naclfile users.acl',
  'aclfile users.acl\nuser alice',
  'aclfile ""\nuser alice',
  'aclfile users.acl',
  'aclfile users.acl\naclfile ""',
];

const FILE_NAMES: readonly string[] = [
  'dbfilename dump.rdb',
  'dbfilename "my dump.rdb"',
  'dbfilename /tmp/x.rdb',
  'dbfilename a/b.rdb',
  'dbfilename "a\\\\b.rdb"',
  "dbfilename 'a\\b.rdb'",
  'dbfilename ""',
  'dbfilename .',
  'dbfilename ..',
  'dbfilename ...',
  'dbfilename .rdb',
  'dbfilename dump.rdb/',
  'dbfilename ~x.rdb',
  'dbfilename -',
  'dbfilename my dump.rdb',
  'dbfilename',
  'dbfilename "\\x2f"',
  'dbfilename "a\\x00/b"',
  'appendfilename appendonly.aof',
  'appendfilename ""',
  'appendfilename a/b.aof',
  'appendfilename "a\\\\b.aof"',
  'appendfilename .',
  'appendfilename ..',
  'appendfilename "x y.aof"',
  'appendfilename',
  'appendfilename a b',
  'appenddirname appendonlydir',
  'appenddirname ""',
  'appenddirname x/y',
  'appenddirname /abs',
  'appenddirname "x\\\\y"',
  'appenddirname .',
  'appenddirname ..',
  'appenddirname',
  'appenddirname "my dir"',
  'APPENDDIRNAME x/y',
];

const PROC_TITLE: readonly string[] = [
  'proc-title-template "{title} {listen-addr} {server-mode}"',
  'proc-title-template "{title}"',
  'proc-title-template ""',
  'proc-title-template "{title} "',
  'proc-title-template " {title} "',
  'proc-title-template "{title}\\t"',
  'proc-title-template "\\t"',
  'proc-title-template " "',
  'proc-title-template x',
  'proc-title-template "x}"',
  'proc-title-template "}"',
  'proc-title-template "{{"',
  'proc-title-template "{{title}"',
  'proc-title-template "{title}}"',
  'proc-title-template "{"',
  'proc-title-template "x{"',
  'proc-title-template "{title"',
  'proc-title-template "{unknown}"',
  'proc-title-template "{TITLE}"',
  'proc-title-template "{}"',
  'proc-title-template "{title}{title}"',
  'proc-title-template "{title} {port}"',
  'proc-title-template "{port}"',
  'proc-title-template "{tls-port}"',
  // {unixsocket} is empty unless a unixsocket line came before (the runner's header has one).
  'unixsocket ""\nproc-title-template "{unixsocket}"',
  'unixsocket ""\nproc-title-template "{title} {unixsocket}"',
  'proc-title-template "{config-file}"',
  'proc-title-template "{server-mode}"',
  'proc-title-template "{listen-addr}"',
  'proc-title-template "{ title}"',
  'proc-title-template "{title} {{"',
  'proc-title-template "{{}}"',
  'proc-title-template {title} {port}',
  'proc-title-template {title}',
  'proc-title-template',
  'proc-title-template "{title}\\n"',
  'proc-title-template "redis {port}"',
];

const HOSTNAME: readonly string[] = [
  'cluster-announce-hostname ""',
  'cluster-announce-hostname host.example.com',
  'cluster-announce-hostname host_name',
  'cluster-announce-hostname "a b"',
  'cluster-announce-hostname -',
  'cluster-announce-hostname .',
  'cluster-announce-hostname HOST-1.Example',
  'cluster-announce-hostname 1.2.3.4',
  'cluster-announce-hostname host:1',
  'cluster-announce-hostname "h\\xc3\\xa9"',
  'cluster-announce-hostname h\u00e9',
  'cluster-announce-hostname ::1',
  `cluster-announce-hostname ${'a'.repeat(255)}`,
  `cluster-announce-hostname ${'a'.repeat(256)}`,
  `cluster-announce-hostname ${'b.'.repeat(127)}c`,
  'cluster-announce-hostname',
  'cluster-announce-hostname a b',
  'cluster-announce-hostname "a\\x00b"',
  'cluster-announce-hostname *',
  'cluster-announce-hostname a/b',
];

// ---------------------------------------------------------------------------------------------
// Names

/** `rename-command`: a renamed or removed command is gone for later lines of the same file. */
const RENAME: readonly string[] = [
  'rename-command',
  'rename-command get',
  'rename-command get a b',
  'rename-command get g2',
  'rename-command GET g2',
  'rename-command get GET',
  'rename-command get ""',
  'rename-command flushall ""',
  'rename-command nosuchcmd foo',
  'rename-command get set',
  'rename-command get SET',
  'rename-command "config|get" foo',
  'rename-command config|get foo',
  'rename-command "" x',
  'rename-command get g2\nrename-command get g3',
  'rename-command get g2\nrename-command g2 get',
  'rename-command get ""\nrename-command get x',
  'rename-command get g2\nrename-command set get',
  'rename-command get g2 # renamed',
  'RENAME-COMMAND ping p2',
  'rename-command "get" "g 2"',
];

const INCLUDE: readonly string[] = [
  'include',
  'include a.conf b.conf',
  'include nomatch-*.conf',
  'include "nomatch-*.conf"',
  'include nomatch-?.conf',
  'include nomatch-[.conf',
  'include "nomatch-[ab].conf"',
  'include ""',
  'include missing.conf',
  'include ./missing.conf',
  'include nomatch-*.conf # optional',
  'INCLUDE nomatch-*.conf',
  'include nomatch-*.conf\ninclude nomatch-*.conf',
];

const SENTINEL: readonly string[] = [
  'sentinel',
  'SENTINEL',
  'Sentinel',
  '"sentinel"',
  'sentinel monitor mymaster 127.0.0.1 6379 2',
  'sentinel myid 0123456789abcdef0123456789abcdef01234567',
  'sentinel ""',
  'sentinel foo',
  'sentinel # comment',
  'sentinel resolve-hostnames yes',
];

/** `user`: the ACL oracle covers rules; these are the loader's side (arity, duplicates). */
const USER: readonly string[] = [
  'user',
  'user alice',
  'user alice on nopass ~* +@all',
  'user alice on nopass foo',
  'user alice on\nuser alice off',
  'USER bob on >pw ~k +get',
  'user ""',
];

/** Module settings: Redis hands any name with a dot to the modules. */
const MODULE: readonly string[] = [
  'mymod.opt 5',
  'mymod.opt',
  'MyMod.Opt',
  'mymod.opt ""',
  'mymod.opt a b',
  '.foo 1',
  'foo. 1',
  'a.b.c 1',
  '.',
  '. 1',
  'mymod.opt 5\nmymod.opt 6',
  'loadmodule',
  'LOADMODULE',
  'loadmodule /nonexistent-dir/mod.so\nmymod.opt',
  'mymod.opt\nloadmodule /nonexistent-dir/mod.so',
  'loadmodule /nonexistent-dir/mod.so\nfoo-bar 1',
  'mymod.opt 1 # comment',
];

/**
 * Bodies whose verdict depends on what the machine has (a module file at that path, a locale,
 * a group) or on how the server was built (RDMA): the server refuses them here. Listed in
 * exceptions.json.
 */
export function machineDependent(target: TargetId): string[] {
  const out = ['loadmodule /nonexistent-dir/mod.so\nmymod.opt 5', 'loadmodule /nonexistent-dir/mod.so'];
  if (directiveVariant('locale-collate', target)) out.push('locale-collate xx_NOWHERE.UTF-8');
  if (directiveVariant('unixsocketgroup', target)) out.push('unixsocketgroup no-such-group');
  if (directiveVariant('rdma-port', target)) out.push('rdma-port 6380');
  return out;
}

const UNKNOWN: readonly string[] = [
  'foo-bar yes',
  'Foo-Bar yes',
  'maxmemroy 1mb',
  'max-memory 1mb',
  'maxmemory_policy noeviction',
  'requirepas x',
  'vm-enabled no',
  'hash-max-zipmap-entries 64',
  'glueoutputbuf yes',
  'slave-output-buffer-limit 0',
  '"" x',
  '""',
  "''",
  "'' 1",
  'daemonize-me yes',
  `${'x'.repeat(300)} 1`,
  'timeout\u00a00',
  'tcp-keepalive:60',
  'port=6379',
  '-port 1',
  'bind-address 127.0.0.1',
  'include-file x',
  'masteruser-x a',
  'maxmemory-policy-x noeviction',
  'ma\\xmemory 1',
  '"max memory" 1',
  'foo',
  'FOO',
  '\ufefftimeout 0',
  'tcp-\u212Aeepalive 60',
  'lua-replicate-commands-x yes',
  'slave-announce-ip-x 1',
  'replica-of no one',
  'cluster-slave-lazy-flush no',
  'replica-lazy-flush-x no',
  'hash-max-ziplist-value-x 1',
];

/** Ignored names: accepted (and ignored) with exactly one value. */
const IGNORED_NAMES = ['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands'];
const IGNORED_VALUES: readonly Raw[] = ['512', 'yes', '""', 'anything', '', '1 2', 'a b c', '-1', '"1 2"', '# c'];

const TRAILING_COMMENTS: readonly string[] = [
  'timeout 0 # no timeout',
  'timeout 0 #',
  'timeout 0 #no-space',
  'maxmemory 1gb # limit',
  'maxmemory #1',
  'maxmemory "#1"',
  'requirepass #secret',
  'requirepass abc #x',
  'requirepass "#x" y',
  'masterauth #pw',
  'ignore-warnings #x',
  'appendonly no # off',
  'loglevel notice #comment',
  'maxmemory-policy noeviction # default',
  'hz 10 #',
  'hz "10" "#"',
  'shutdown-on-sigint save # c',
  'shutdown-on-sigint "save #"',
  'databases 16 # dbs',
  'dbfilename dump.rdb # c',
  'dbfilename #dump.rdb',
  'list-max-ziplist-entries 512 # c',
  'lua-replicate-commands #',
  'notify-keyspace-events "" # none',
  'slave-read-only yes # legacy',
  'tcp-keepalive 60 # seconds',
  'maxmemory-clients 10% # of maxmemory',
  'unixsocketperm 700 # owner',
  'protected-mode yes #',
  'port 6379 # default',
  'masteruser #u',
  'masteruser a #u',
  'syslog-ident #redis',
  'enable-debug-command local # dev',
];

// ---------------------------------------------------------------------------------------------
// Lines known good and bad, for multi-line files and duplicates

const GOOD_LINES: readonly string[] = [
  'maxmemory 1mb',
  'maxmemory 2gb',
  'maxmemory-policy allkeys-lru',
  'timeout 0',
  'timeout 300',
  'tcp-keepalive 60',
  'loglevel notice',
  'loglevel warning',
  'hz 20',
  'databases 16',
  'save 900 1',
  'save ""',
  'appendfsync everysec',
  'requirepass "s3cret pass"',
  'masterauth x',
  'slave-read-only yes',
  'replica-read-only no',
  'notify-keyspace-events KEA',
  'client-output-buffer-limit normal 0 0 0',
  'client-output-buffer-limit pubsub 32mb 8mb 60',
  'oom-score-adj-values 0 200 800',
  'latency-tracking-info-percentiles 50 99',
  'bind 127.0.0.1 ::1',
  'port 6379',
  'protected-mode yes',
  'lazyfree-lazy-eviction yes',
  'list-max-listpack-size -2',
  'hash-max-ziplist-entries 512',
  'zset-max-listpack-value 64',
  'stream-node-max-bytes 4kb',
  'unixsocketperm 700',
  'maxmemory-clients 5%',
  'shutdown-on-sigterm nosave now',
  'rename-command flushall ""',
  'include nomatch-*.conf',
  'sentinel',
  'list-max-ziplist-entries 512',
  'dbfilename dump.rdb',
  'appenddirname aof',
  'proc-title-template "{title} {port}"',
  'cluster-announce-hostname node-1.example',
  'replicaof no one',
  'repl-backlog-size 1mb',
  'slowlog-log-slower-than -1',
  'acllog-max-len 0',
  'io-threads 2',
  'enable-debug-command local',
  'ignore-warnings ARM64-COW-BUG',
  'supervised no',
  'always-show-logo no',
  'maxclients 128',
  'active-defrag-cycle-max 50',
  'MAXMEMORY 100MB',
  '"timeout" 10',
  'user alice on nopass ~* +@all',
  'dir .',
];

const BAD_LINES: readonly string[] = [
  'maxmemory 1.5gb',
  'maxmemory 10 mb',
  'maxmemory-policy foo',
  'timeout -1',
  'timeout 0 # no timeout',
  'timeout',
  'hz 010',
  'databases 0',
  'save 900',
  'save 0 1',
  'appendfsync sometimes',
  'appendonly maybe',
  'protected-mode 1',
  'notify-keyspace-events Kq',
  'client-output-buffer-limit master 0 0 0',
  'oom-score-adj-values 0 200 3000',
  'latency-tracking-info-percentiles 50 101',
  'replicaof 127.0.0.1 70000',
  'replicaof 127.0.0.1',
  'foo-bar yes',
  'maxmemroy 1mb',
  'locale-collate ""',
  'enable-debug-assert yes',
  'requirepass "abc',
  "logfile 'abc",
  'dbfilename "a"b',
  'dbfilename /tmp/x.rdb',
  'appendfilename ""',
  'proc-title-template "{title}"',
  'cluster-announce-hostname a_b',
  'unixsocketperm 1000',
  'maxmemory-clients 101%',
  'shutdown-on-sigint save nosave',
  'rename-command nosuchcmd foo',
  'rename-command get',
  'include a b',
  'sentinel monitor m 127.0.0.1 6379 2',
  'list-max-ziplist-entries 1 2',
  'mymod.opt',
  'mymod.opt 5',
  'loadmodule',
  '""',
  'io-threads 0',
  'maxclients 0',
  'tls-port 65536',
  'bind 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17',
  'save "\\"900 1"',
  'dir ""',
];

const FILLERS: readonly string[] = ['', '# a comment', '   # indented comment', '\t', '  ', '#timeout x y z', '# redis.conf', '\t# tab "comment'];

function genMultiLine(b: Builder, rng: Rng, singles: readonly string[], count: number, target: TargetId): void {
  // Good lines of other versions would be bad ones here: keep the target's names only.
  const good = GOOD_LINES.filter((l) => knownIn(l, target));
  for (let i = 0; i < count; i++) {
    const body: string[] = [];
    for (let k = rng.int(4); k > 0; k--) body.push(rng.pick(FILLERS));
    const goods = rng.sample(good, 2 + rng.int(6));
    const lines = [...goods];
    // Three files in four hold errors; they go anywhere but first, mostly.
    const bad = i % 4 === 3 ? 0 : 1 + rng.int(2);
    for (let k = 0; k < bad; k++) {
      const source = rng.chance(0.6) ? rng.pick(BAD_LINES) : rng.pick(singles);
      const at = rng.chance(0.9) ? 1 + rng.int(lines.length) : 0;
      lines.splice(at, 0, source);
    }
    for (const l of lines) {
      body.push(nameFormLine(l, rng));
      if (rng.chance(0.25)) body.push(rng.pick(FILLERS));
    }
    const style = i % 3; // 0: LF, 1: CRLF, 2: mixed
    let text = '';
    const all = body.join('\n').split('\n'); // singles may hold several lines
    all.forEach((l, j) => {
      const eol = style === 0 ? '\n' : style === 1 ? '\r\n' : rng.chance(0.5) ? '\r\n' : '\n';
      text += l + (j === all.length - 1 && rng.chance(0.3) ? '' : eol);
    });
    b.add('multi-line', String(i), text);
  }
}

/** Leading blanks and another name case now and then, on a line whose first word is the name. */
function nameFormLine(l: string, rng: Rng): string {
  const m = /^([a-z][a-z0-9_.-]*)( .*)?$/s.exec(l);
  const lead = rng.chance(0.1) ? rng.pick([' ', '\t', '  ']) : '';
  if (!m) return lead + l;
  return lead + nameForm(m[1] as string, rng, 0.15) + (m[2] ?? '');
}

function genDuplicates(b: Builder): void {
  const pairs: readonly string[] = [
    'maxmemory 1mb\nmaxmemory 2mb',
    'maxmemory 1mb\nmaxmemory 2xb',
    'maxmemory 1xb\nmaxmemory 2mb',
    'slave-read-only no\nreplica-read-only yes',
    'replica-read-only yes\nslave-read-only maybe',
    'save 900 1\nsave 300 10',
    'save ""\nsave 60 1',
    'save 60 1\nsave 60',
    'bind 127.0.0.1\nbind 127.0.0.2',
    'client-output-buffer-limit normal 0 0 0\nclient-output-buffer-limit normal 1mb 1mb 1',
    'requirepass a\nrequirepass b',
    'hz 10\nHZ 20',
    'hz 10\nhz 0',
    'sentinel\nsentinel',
    'notify-keyspace-events KEA\nnotify-keyspace-events ""',
    'replicaof 127.0.0.1 1\nreplicaof no one',
    'replicaof no one\nslaveof 127.0.0.1 1',
    'list-max-ziplist-entries 1\nlist-max-ziplist-entries 2',
    'dbfilename a.rdb\ndbfilename b.rdb',
    'dbfilename a.rdb\ndbfilename b/c.rdb',
    'timeout 1\ntimeout 2\ntimeout 3\ntimeout x',
    'maxmemory-policy noeviction\nmaxmemory-policy allkeys-lru',
    'hash-max-ziplist-entries 1\nhash-max-listpack-entries 2',
    'lua-time-limit 100\nbusy-reply-threshold 200',
    'cluster-enabled no\nreplicaof 127.0.0.1 1',
    'cluster-enabled yes\nreplicaof 127.0.0.1 1',
    'cluster-enabled yes\nslaveof 127.0.0.1 1',
    'replicaof 127.0.0.1 1\ncluster-enabled yes',
    'cluster-enabled yes\nreplicaof 127.0.0.1 1\ncluster-enabled no',
    'cluster-enabled yes\nreplicaof 127.0.0.1 1\nreplicaof no one\ncluster-enabled no',
    'cluster-enabled yes\nreplicaof 127.0.0.1 1\nfoo-bar 1',
    'cluster-enabled yes\nreplicaof 127.0.0.1 1\nmymod.x 1',
    'mymod.x 1\ncluster-enabled yes\nreplicaof 127.0.0.1 1',
    'CLUSTER-ENABLED YES\nREPLICAOF 127.0.0.1 1',
    'cluster-enabled "yes"\nreplicaof "127.0.0.1 1"',
    'proto-max-bulk-len 2gb\nclient-query-buffer-limit 1mb',
    'client-query-buffer-limit 1mb\nproto-max-bulk-len 512mb',
    'maxmemory-clients 10%\nmaxmemory 0',
    'appendonly yes\nappendfilename a.aof\nappenddirname d',
    'appendonly yes',
    'appendonly yes\nappendfsync always\naof-timestamp-enabled yes',
  ];
  pairs.forEach((p, i) => b.add('duplicates', String(i), p));
}

// ---------------------------------------------------------------------------------------------

/** Names of other versions (not in the target's table), each with a plausible value and without. */
function genOtherVersions(b: Builder, target: TargetId): void {
  for (const d of DIRECTIVES) {
    if (d.variants.some((v) => v.targets.includes(target))) continue;
    const v = d.variants[0];
    const value = v?.type === 'bool' ? 'yes' : v?.type === 'enum' ? (v.values?.[0] ?? 'x') : v?.numeric ? (v.default ?? '1') : '""';
    b.add('other-version', d.name, `${d.name} ${arg(value)}`);
    b.add('other-version', `${d.name}/bare`, d.name);
  }
}

function genAliases(b: Builder, rng: Rng, target: TargetId): void {
  const dirs = tableOf(target);
  const byName = new Map(dirs.map((d) => [d.name, d.v]));
  for (const { name, v } of dirs) {
    if (!v.aliasOf) continue;
    const p = byName.get(v.aliasOf);
    if (!p) continue;
    let values: Raw[];
    if (v.aliasOf === 'replicaof') values = ['no one', '127.0.0.1 1', '127.0.0.1', '127.0.0.1 65536', '"no one"'];
    else if (p.type === 'bool') values = ['yes', 'no', 'YES', 'maybe', '1', '""', 'yes no'];
    else if (p.numeric?.includes('memory')) values = [typical(p), '1kb', '1.5kb', '-1', '""', ...boundaries(p)];
    else values = [typical(p), '-1', '0', '1k', '01', '""', ...boundaries(p)];
    values.forEach((value, i) => b.add('alias', `${name}/${i}`, line(nameForm(name, rng, 0.2), value)));
    b.add('alias', `${name}/bare`, name);
  }
}

function genNameCase(b: Builder): void {
  const lines = [
    'MAXMEMORY 1mb',
    'MaxMemory-Policy allkeys-lru',
    'maxmemory-policy ALLKEYS-LRU',
    '"TIMEOUT" 0',
    "'Timeout' 0",
    'Save 900 1',
    'AppendOnly no',
    'APPENDONLY YES',
    'Slave-Read-Only yes',
    'SlaveOf No One',
    'List-Max-Ziplist-Entries 1',
    'Lua-Replicate-Commands yes',
    'MaxMemory-Clients 10%',
    'UnixSocketPerm 700',
    'Notify-Keyspace-Events KEA',
    'Latency-Tracking-Info-Percentiles 50',
    'OOM-SCORE-ADJ-VALUES 0 200 800',
    'Client-Output-Buffer-Limit Normal 0 0 0',
    'Shutdown-On-SIGINT Save',
    'DBFILENAME dump.rdb',
    'Proc-Title-Template "{title} x"',
    'maxMEMORY 1mb',
    'max"memory" 1mb',
    '"max"memory 1mb',
    "max'memory' 1mb",
    '"max\\x6demory" 1mb',
    '"maxmemory\\x00" 1mb',
    'MAXMEMORY',
    'Locale-Collate ""',
    'ENABLE-DEBUG-ASSERT yes',
  ];
  lines.forEach((l, i) => b.add('name-case', String(i), l));
}

function genIgnored(b: Builder): void {
  for (const name of IGNORED_NAMES) IGNORED_VALUES.forEach((v, i) => b.add('ignored', `${name}/${i}`, line(name, v)));
  b.add('ignored', 'upper', 'LIST-MAX-ZIPLIST-ENTRIES 1');
}

function addList(b: Builder, category: string, list: readonly string[]): void {
  list.forEach((l, i) => b.add(category, String(i), l));
}

/**
 * The categories (before any `:`) a target's files must each have at least a few of: the
 * hand-written ones, and those of the value types its table has.
 */
export function expectedCategories(target: TargetId): string[] {
  const kinds = new Set<string>();
  for (const { v } of tableOf(target)) {
    if (v.aliasOf || v.kind !== 'table') continue;
    const n = v.numeric ?? [];
    if (v.type === 'bool') kinds.add('bool');
    else if (v.type === 'enum') kinds.add(v.multiArg ? 'enum-multi' : 'enum');
    else if (n.includes('percent')) kinds.add('percent');
    else if (n.includes('octal')) kinds.add('octal');
    else if (n.includes('memory')) kinds.add('memory');
    else if (n.includes('integer')) kinds.add('integer');
    else kinds.add('string');
  }
  const handWritten = [
    'save',
    'bind',
    'client-output-buffer-limit',
    'oom-score-adj-values',
    'notify-keyspace-events',
    'replicaof',
    'latency-tracking-info-percentiles',
    'file-name',
    'proc-title-template',
    'cluster-announce-hostname',
    'rename-command',
    'include',
    'sentinel',
    'module',
    'unknown',
    'trailing-comment',
    'ignored',
    'other-version',
    'alias',
    'name-case',
    'duplicates',
    'multi-line',
  ];
  return [...kinds, ...handWritten];
}

/** Every generated body for `target`, in a fixed order. Deterministic for a given target and seed. */
export function generateConfigFiles(target: TargetId, seed = DEFAULT_SEED): ConfigCase[] {
  const rng = new Rng(seed);
  const b = new Builder();
  genTable(b, rng, target);
  addList(b, 'save', SAVE);
  addList(b, 'bind', BIND);
  addList(b, 'client-output-buffer-limit', CLIENT_OUTPUT_BUFFER_LIMIT);
  addList(b, 'oom-score-adj-values', OOM_SCORE_ADJ_VALUES);
  addList(b, 'notify-keyspace-events', NOTIFY_KEYSPACE_EVENTS);
  addList(b, 'replicaof', REPLICAOF);
  addList(b, 'latency-tracking-info-percentiles', LATENCY_PERCENTILES);
  addList(b, 'dir', DIR);
  addList(b, 'file-name', FILE_NAMES);
  addList(b, 'tls', TLS);
  addList(b, 'aclfile', ACLFILE);
  addList(b, 'proc-title-template', PROC_TITLE);
  addList(b, 'cluster-announce-hostname', HOSTNAME);
  addList(b, 'rename-command', RENAME);
  addList(b, 'include', INCLUDE);
  addList(b, 'sentinel', SENTINEL);
  addList(b, 'user', USER);
  addList(b, 'module', MODULE);
  addList(b, 'machine-dependent', machineDependent(target));
  addList(b, 'unknown', UNKNOWN);
  addList(b, 'trailing-comment', TRAILING_COMMENTS);
  genIgnored(b);
  genOtherVersions(b, target);
  genAliases(b, rng, target);
  genNameCase(b);
  genDuplicates(b);
  // One-line bodies for the multi-line files; appendonly is left out there, since it would
  // use the file and directory names of other lines (`appenddirname ..` writes outside).
  const singles = b.cases.filter((c) => c.category !== 'machine-dependent' && !c.body.includes('\n') && !/appendonly/i.test(c.body)).map((c) => c.body);
  genMultiLine(b, rng, singles, 420, target);
  return b.cases;
}

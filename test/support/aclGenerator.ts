/**
 * Deterministic generators for the ACL oracle tests: ACL files and redis.conf bodies with
 * `user` lines (valid and broken rules of every kind, odd spacing), and permission cases
 * (a user's rules plus a command line) for ACL DRYRUN. Same target and seed, same output.
 *
 * The commands, subcommands and categories come from the target's own tables; rules also name
 * commands and categories of other versions only (which the target must refuse), and the open
 * default user is written as the target accepts it (no channel rule before 6.2).
 */
import { commandInfo, commandNames, topLevelCommands, ACL_CATEGORIES, targetsOfCommand } from '../../server/src/knowledge/commands';
import { aclFeatures, sha256Hex } from '../../server/src/analysis/acl/permissions';
import { TARGETS, type TargetId } from '../../server/src/knowledge/types';
import { directiveVariant } from '../../server/src/knowledge/directives';
import { mulberry32 } from './quotingGenerator';

export type Rng = () => number;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

const HASH_PW1 = sha256Hex('pw1');

/** What the generators draw from for one target. */
interface Vocabulary {
  readonly target: TargetId;
  readonly commands: readonly string[];
  readonly containers: readonly string[];
  readonly plain: readonly string[];
  /** Commands (and subcommands) of other versions that the target does not have. */
  readonly foreign: readonly string[];
  /** `user default` with every permission, as the target writes it. */
  readonly openDefault: string;
  /** The target has channel rules (6.2 on) and selectors (7.0 on). */
  readonly channels: boolean;
  readonly selectors: boolean;
}

const vocabularies = new Map<TargetId, Vocabulary>();

function vocabulary(target: TargetId): Vocabulary {
  let v = vocabularies.get(target);
  if (!v) {
    const top = topLevelCommands(target);
    const own = new Set(commandNames(target));
    const foreign = [...new Set(TARGETS.flatMap((t) => commandNames(t)))].filter((c) => !own.has(c) && targetsOfCommand(c).length > 0).sort();
    v = {
      target,
      commands: commandNames(target),
      containers: top.filter((c) => commandInfo(c, target)?.subcommands),
      plain: top.filter((c) => !commandInfo(c, target)?.subcommands),
      foreign,
      openDefault: `user default on nopass ~* ${aclFeatures(target).channels ? '&* ' : ''}+@all`,
      channels: aclFeatures(target).channels,
      selectors: aclFeatures(target).selectors,
    };
    vocabularies.set(target, v);
  }
  return v;
}

const KEY_PATTERNS = ['*', 'k*', 'k?', 'k[ab]', 'k[^a]*', 'key:*', '*:1', 'x\\*', '[a-c]*', 'ka', 'kb', 'r*', 'w*', '', 'k[', '?'];
const CHANNEL_PATTERNS = ['*', 'ch*', 'ch?', 'news.*', 'c[12]', 'ch1', ''];

const SIMPLE = [
  'on',
  'off',
  'ON',
  'Off',
  'nopass',
  'resetpass',
  'reset',
  'RESET',
  'skip-sanitize-payload',
  'sanitize-payload',
  'allkeys',
  'AllKeys',
  'resetkeys',
  'allchannels',
  'resetchannels',
  'allcommands',
  'nocommands',
  'NoCommands',
  'clearselectors',
  '~*',
  '&*',
  '+@all',
  '-@all',
  '+@ALL',
];

const ODD = [
  '>pw1',
  '>pw2',
  '>',
  '<pw1',
  '<pw2',
  '<',
  `#${HASH_PW1}`,
  `!${HASH_PW1}`,
  `#${HASH_PW1.toUpperCase()}`,
  `#${'a'.repeat(64)}`,
  '#short',
  '!short',
  '#',
  '!',
  '%R',
  '%R~',
  '%~k',
  '%X~k',
  '%RR~k',
  '%',
  '%W',
  '%wr~k*',
  '~',
  '&',
  '+',
  '-',
  '+@',
  '-@',
  '+get|',
  '-get|',
  '+config|',
  '-config|',
  '+config|get|x',
  '+client|kill|x',
  '+get|a|b',
  '+|x',
  '-|x',
  '+nosuch',
  '-nosuch',
  '+sentinel',
  '+sentinel|masters',
  '+@nosuch',
  '-@reads',
  '+lmpop|x',
  '+hexpire',
  '+waitaof',
  '+cluster|myshardid',
  '+client|no-touch',
  '-select|0',
  '+select|0',
  '+select|1',
  '+config|bogus',
  '-config|bogus',
  'foo',
  'enabled',
  'user',
  '~x)',
  ')',
  '(',
  '()',
  '(on)',
  '((~x))',
  '(+nosuch)',
  '(~s* +get)',
  '(%R~r* +@read)',
  '(&ch* +publish)',
  '(>pw)',
  '(reset)',
  '(clearselectors)',
  '(allkeys +@all)',
  '(~k*)',
];

function keyRule(rng: Rng, v?: Vocabulary): string {
  const p = pick(rng, KEY_PATTERNS);
  const form = rng();
  // Before 7.0 (no `%R~` forms) mostly plain patterns, so that most files are valid there too.
  if (form < (v && !v.selectors ? 0.9 : 0.55)) return `~${p}`;
  return `%${pick(rng, ['R', 'W', 'RW', 'WR', 'r', 'rw'])}~${p}`;
}

function channelRule(rng: Rng): string {
  return `&${pick(rng, CHANNEL_PATTERNS)}`;
}

function commandRule(rng: Rng, v: Vocabulary): string {
  const sign = chance(rng, 0.7) ? '+' : '-';
  const r = rng();
  if (r < 0.43) return `${sign}${pick(rng, v.plain)}`;
  if (r < 0.58) return `${sign}${pick(rng, v.containers)}`;
  if (r < 0.83) {
    const c = pick(rng, v.containers);
    const sub = pick(rng, commandInfo(c, v.target)?.subcommands ?? [`${c}|x`]);
    return `${sign}${chance(rng, 0.1) ? sub.toUpperCase() : sub}`;
  }
  if (r < 0.86 && v.foreign.length > 0) return `${sign}${pick(rng, v.foreign)}`;
  return `+${pick(rng, v.plain)}|${pick(rng, ['0', '1', 'a', 'x'])}`;
}

function categoryRule(rng: Rng): string {
  const cat = pick(rng, ACL_CATEGORIES);
  return `${chance(rng, 0.6) ? '+' : '-'}@${chance(rng, 0.1) ? cat.toUpperCase() : cat}`;
}

/** Rules a selector may hold, as one `(...)` word or split over several words. */
function selectorWords(rng: Rng, maxInner: number, v: Vocabulary): string[] {
  const n = 1 + Math.floor(rng() * maxInner);
  const inner: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng();
    inner.push(
      r < 0.3
        ? keyRule(rng)
        : r < 0.4
          ? channelRule(rng)
          : r < 0.75
            ? commandRule(rng, v)
            : r < 0.9
              ? categoryRule(rng)
              : pick(rng, ['allkeys', 'resetkeys', 'allcommands', 'nocommands', 'allchannels', 'resetchannels', '+@all', '-@all']),
    );
  }
  if (chance(rng, 0.5)) return [`(${inner.join(' ')})`];
  // Now and then a selector opened again before it is closed (Redis 7.0 drops the first part; 7.2 on refuses).
  if (inner.length > 1 && chance(rng, 0.1)) inner[1] = `(${inner[1] ?? ''}`;
  inner[0] = `(${inner[0] ?? ''}`;
  inner[inner.length - 1] = `${inner[inner.length - 1] ?? ''})`;
  return inner;
}

/** One rule (maybe several words, for a selector); `broken` raises the share of odd ones. */
export function ruleWords(rng: Rng, broken: number, target: TargetId): string[] {
  const v = vocabulary(target);
  if (chance(rng, broken)) return [pick(rng, ODD)];
  const r = rng();
  // Rule forms the target lacks (channels before 6.2, selectors before 7.0) stay, but rarer.
  const rare = (has: boolean): boolean => has || chance(rng, 0.15);
  if (r < 0.15) {
    const simple = pick(rng, SIMPLE);
    return [
      rare(v.channels || !/chan|&/.test(simple)) && rare(v.selectors || !/selectors|sanitize/.test(simple))
        ? simple
        : pick(rng, ['on', 'off', 'nopass', 'allkeys', '+@all', 'resetpass']),
    ];
  }
  if (r < 0.35) return [keyRule(rng, v)];
  if (r < 0.45) return [rare(v.channels) ? channelRule(rng) : keyRule(rng, v)];
  if (r < 0.7) return [commandRule(rng, v)];
  if (r < 0.85) return [categoryRule(rng)];
  return rare(v.selectors) ? selectorWords(rng, 4, v) : [commandRule(rng, v)];
}

const NAMES = ['alice', 'bob', 'carol', 'dave', 'eve', 'app', 'admin', 'x'];

/** An ACL file: 1 to 6 lines, mostly `user` lines with rules, some broken, odd spacing. */
export function generateAclFile(rng: Rng, target: TargetId): string {
  const lines: string[] = [];
  const n = 1 + Math.floor(rng() * 6);
  const broken = pick(rng, [0, 0.05, 0.15, 0.4]);
  for (let i = 0; i < n; i++) {
    const shape = rng();
    if (shape < 0.04)
      lines.push(
        pick(rng, ['# users', '#', 'USER bob on', 'User bob on', 'user', 'user ', 'user  bob on', 'user\tbob on', 'foo bar', ' ', '\t', '', 'bob on']),
      );
    else if (shape < 0.06) lines.push(`user ${pick(rng, ['bo\u000bb', 'a\fb', 'a\tb'])} on`);
    else {
      const words: string[] = ['user', pick(rng, NAMES)];
      const rules = Math.floor(rng() * 7);
      for (let r = 0; r < rules; r++) {
        if (chance(rng, 0.05)) words.push('');
        words.push(...ruleWords(rng, broken, target));
      }
      let line = words.join(' ');
      if (chance(rng, 0.03)) line = line.replace(' ', ' \t');
      if (chance(rng, 0.05)) line += pick(rng, [' ', '  ', '\t', '\r']);
      if (chance(rng, 0.03)) line = `  ${line}`;
      lines.push(line);
    }
  }
  if (chance(rng, 0.75)) lines.splice(Math.floor(rng() * (lines.length + 1)), 0, vocabulary(target).openDefault);
  const eol = chance(rng, 0.1) ? '\r\n' : '\n';
  return lines.join(eol) + (chance(rng, 0.8) ? eol : '');
}

export function generateAclFiles(count: number, seed: number, target: TargetId): string[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => generateAclFile(rng, target));
}

/** A config word: quoted when it needs it (or sometimes for no reason). */
function configWord(rng: Rng, w: string): string {
  if (w === '' || /[\s"'\\]/.test(w) || chance(rng, 0.05)) return `"${w.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  return w;
}

export interface ConfigCase {
  readonly body: string;
  readonly files: Readonly<Record<string, string>>;
}

/** A redis.conf body: 1 to 3 `user` lines, sometimes acl-pubsub-default or aclfile. */
export function generateConfigCase(rng: Rng, target: TargetId): ConfigCase {
  const lines: string[] = [];
  const n = 1 + Math.floor(rng() * 3);
  const broken = pick(rng, [0, 0.05, 0.2, 0.5]);
  for (let i = 0; i < n; i++) {
    const name = pick(rng, [...NAMES, 'default', 'a b', '']);
    const words: string[] = [];
    const rules = Math.floor(rng() * 6);
    for (let r = 0; r < rules; r++) {
      const w = ruleWords(rng, broken, target);
      // In redis.conf a selector may also be one quoted word, and passwords may hold spaces.
      if (w.length > 1 && chance(rng, 0.3)) words.push(w.join(' '));
      else words.push(...w);
      if (chance(rng, 0.05)) words.push(pick(rng, ['>a b', '~a b', '(~x +get', '"', "'"]));
    }
    lines.push(`${pick(rng, ['user', 'user', 'user', 'USER'])} ${configWord(rng, name)}${words.map((w) => ` ${configWord(rng, w)}`).join('')}`);
  }
  const files: Record<string, string> = {};
  // acl-pubsub-default came with 6.2.
  if (chance(rng, 0.15) && directiveVariant('acl-pubsub-default', target))
    lines.splice(Math.floor(rng() * (lines.length + 1)), 0, `acl-pubsub-default ${pick(rng, ['allchannels', 'resetchannels'])}`);
  if (chance(rng, 0.05)) {
    lines.push(chance(rng, 0.8) ? 'aclfile $DIR/users.acl' : 'aclfile ""');
    files['users.acl'] = `${vocabulary(target).openDefault}\n`;
  }
  return { body: lines.join('\n'), files };
}

export function generateConfigCases(count: number, seed: number, target: TargetId): ConfigCase[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => generateConfigCase(rng, target));
}

// ---------------------------------------------------------------------------------------------
// Permission cases

export interface DryrunCase {
  /** ACL SETUSER arguments after the user name. */
  readonly rules: readonly string[];
  /** The command line for ACL DRYRUN. */
  readonly argv: readonly string[];
}

const KEYS = ['k1', 'ka', 'kb', 'kab', 'key:1', 'key:2', 'x*', 'r1', 'w1', 'other', 'k', '', 'kc'];
const CHANNELS = ['ch1', 'ch2', 'news.a', 'c1', 'other', 'ch*', '*'];
const WORDS = [
  'STORE',
  'store',
  'STOREDIST',
  'GET',
  'get',
  'SET',
  'INCRBY',
  'OVERFLOW',
  'LIMIT',
  'BY',
  'KEYS',
  'COPY',
  'REPLACE',
  'AUTH',
  'AUTH2',
  'STREAMS',
  'COUNT',
  'BLOCK',
  'GROUP',
  'NOACK',
  'LEFT',
  'MIN',
  'EX',
  'WITHSCORES',
  'u8',
  '0',
  '1',
  '2',
  '3',
  '01',
  '1x',
  '-1',
  'x',
];

function argFor(rng: Rng): string {
  const r = rng();
  if (r < 0.45) return pick(rng, KEYS);
  if (r < 0.55) return pick(rng, CHANNELS);
  return pick(rng, WORDS);
}

function commandLine(rng: Rng, v: Vocabulary): string[] {
  const r = rng();
  if (r < 0.01) return ['nosuchcommand', 'x'];
  if (r < 0.02) return ['config', 'nosuchsub'];
  if (r < 0.1) {
    const name = pick(rng, ['publish', 'spublish', 'subscribe', 'ssubscribe', 'psubscribe', 'unsubscribe']);
    return [name, pick(rng, CHANNELS), ...(name.endsWith('publish') ? ['msg'] : chance(rng, 0.5) ? [pick(rng, CHANNELS)] : [])];
  }
  const common = [
    'get',
    'set',
    'del',
    'mset',
    'mget',
    'exists',
    'sort',
    'sort_ro',
    'eval',
    'fcall',
    'migrate',
    'bitfield',
    'xread',
    'georadius',
    'zunionstore',
    'lmpop',
    'object|encoding',
    'select',
    'config|get',
    'config|set',
    'client|id',
    'auth',
    'hello',
    'ping',
    'flushall',
    'keys',
    'copy',
    'rename',
    'lmove',
  ];
  const name = chance(rng, 0.5)
    ? pick(
        rng,
        common.filter((c) => commandInfo(c, v.target)),
      )
    : pick(rng, v.commands);
  const info = commandInfo(name, v.target);
  const head = name.split('|');
  const arity = info?.variant.arity ?? 1;
  let n = arity > 0 ? arity : -arity + Math.floor(rng() * 5);
  if (chance(rng, 0.03)) n += pick(rng, [-1, 1]);
  const argv = [...head];
  if (chance(rng, 0.05)) argv[0] = (argv[0] ?? '').toUpperCase();
  while (argv.length < n) argv.push(argFor(rng));
  return argv;
}

/** Rules that grant (part of) what `argv` needs, so that allowed answers are common too. */
function enablingRules(rng: Rng, argv: readonly string[], v: Vocabulary): string[] {
  const base = (argv[0] ?? '').toLowerCase();
  const full = commandInfo(`${base}|${(argv[1] ?? '').toLowerCase()}`, v.target) ? `${base}|${(argv[1] ?? '').toLowerCase()}` : base;
  const cats = commandInfo(full, v.target)?.variant.categories ?? [];
  const out: string[] = [];
  const r = rng();
  if (r < 0.2) out.push('+@all');
  else if (r < 0.6) out.push(`+${full}`);
  else if (r < 0.9 && cats.length) out.push(`+@${pick(rng, cats)}`);
  else out.push(`+${base}`);
  if (chance(rng, 0.8)) out.push(pick(rng, ['allkeys', '~*', '~k*', '%R~k*', '%W~k*', '%RW~*', '~key:*', '~k?', '%R~*']));
  if (chance(rng, 0.5)) out.push(pick(rng, ['&*', '&ch*', 'allchannels', '&ch?', '&news.*']));
  return out;
}

export function generateDryrunCase(rng: Rng, target: TargetId): DryrunCase {
  const v = vocabulary(target);
  const argv = commandLine(rng, v);
  const rules: string[] = [];
  const n = Math.floor(rng() * 6);
  for (let i = 0; i < n; i++) {
    const w = ruleWords(rng, 0.03, target);
    // ACL SETUSER takes a selector as one argument or split over several.
    if (w.length > 1 && chance(rng, 0.5)) rules.push(w.join(' '));
    else rules.push(...w);
  }
  if (chance(rng, 0.7)) {
    const grant = enablingRules(rng, argv, v);
    if (chance(rng, 0.25)) rules.push(`(${grant.join(' ')})`);
    else rules.splice(Math.floor(rng() * (rules.length + 1)), 0, ...grant);
  }
  if (rules.length === 0) rules.push('on');
  return { rules, argv };
}

export function generateDryrunCases(count: number, seed: number, target: TargetId): DryrunCase[] {
  const rng = mulberry32(seed);
  return Array.from({ length: count }, () => generateDryrunCase(rng, target));
}

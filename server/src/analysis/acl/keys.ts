/**
 * Which arguments of a command are key names, and whether the command reads or writes
 * them: the same answer Redis 7.0 gives when it checks key permissions (and that
 * `COMMAND GETKEYSANDFLAGS` prints). Redis prefers the command's key specs; a few commands
 * (SET, BITFIELD, SORT, SORT_RO, MIGRATE) always use their own parser, and commands whose
 * specs fail on the given arguments (a bad `numkeys`, a keyword at the very end) fall back
 * to theirs. Both paths are reproduced here, quirks included.
 *
 * Limits: key positions come from Redis 7.0.15, and from Redis 8.0.2, Valkey 8.1.1 and
 * 9.1.2 where those servers differ (plus the hash-field-expiry commands of 7.4); the other
 * targets use 7.0.15's. Redis 6.x located keys by simpler first/last/step rules that agree
 * on ordinary arguments.
 */
import { commandInfo, type KeySpec } from '../../knowledge/commands';
import type { TargetId } from '../../knowledge/types';
import { isAtLeast } from '../../knowledge/versions';
import { asciiLower } from '../../syntax/text';

export interface KeyRef {
  /** Index in the argument list (0 is the command name). */
  readonly pos: number;
  /** The command reads the key's value (key spec flag `access`). */
  readonly read: boolean;
  /** The command inserts, updates or deletes (flags `insert`, `update`, `delete`). */
  readonly write: boolean;
}

const NO_FLAGS = { read: false, write: false };
const RO_ACCESS = { read: true, write: false };
const RW_ACCESS_UPDATE = { read: true, write: true };
const OW_UPDATE = { read: false, write: true };
const RW_ACCESS_DELETE = { read: true, write: true };

function flagsOf(spec: KeySpec): { read: boolean; write: boolean } {
  const f = spec.flags;
  return { read: f.includes('access'), write: f.includes('insert') || f.includes('update') || f.includes('delete') };
}

/** C's `strcasecmp(a, b) == 0` for ASCII keywords. */
function same(a: string | undefined, keyword: string): boolean {
  return a !== undefined && asciiLower(a) === keyword;
}

/** Redis's strict integer parser (`string2ll`): optional `-`, digits, no leading zeros. */
function string2ll(s: string): number | undefined {
  if (!/^(0|-?[1-9][0-9]{0,18})$/.test(s)) return undefined;
  return Number(s);
}

/** C's `atoi`: leading blanks, a sign, digits, and whatever follows ignored. */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]*)/.exec(s);
  const digits = m?.[2] ?? '';
  if (digits === '') return 0;
  const n = Number(digits.slice(0, 12)); // far beyond any argument count
  return m?.[1] === '-' ? -n : n;
}

/** Keys from the key specs; undefined when a spec cannot be applied (Redis then falls back). */
function fromSpecs(specs: readonly KeySpec[], argv: readonly string[], negativeArity: boolean, target: TargetId): KeyRef[] | undefined {
  const argc = argv.length;
  const keys: KeyRef[] = [];
  // Specs whose flags depend on the arguments are never used (SET, BITFIELD).
  if (specs.some((s) => s.flags.includes('variable_flags'))) return undefined;
  for (const spec of specs) {
    if (spec.flags.includes('not_key')) continue;
    let first = 0;
    const begin = spec.begin;
    if (begin === 'unknown') return undefined;
    if ('index' in begin) {
      first = begin.index;
    } else {
      const start = begin.startfrom > 0 ? begin.startfrom : argc + begin.startfrom;
      const end = begin.startfrom > 0 ? argc - 1 : 1;
      for (let i = start; i !== end; i = start <= end ? i + 1 : i - 1) {
        if (i >= argc || i < 1) break;
        if (same(argv[i], asciiLower(begin.keyword))) {
          first = i + 1;
          break;
        }
      }
      if (first === 0) continue; // keyword not there: this spec has no keys
    }
    // A spec that may miss keys (MIGRATE ... KEYS) makes Redis use the command's own parser.
    if (spec.flags.includes('incomplete')) return undefined;
    const find = spec.find;
    if (find === 'unknown') return undefined;
    let last: number;
    let step: number;
    if ('range' in find) {
      const [lastkey, keystep, limit] = find.range;
      step = keystep;
      if (lastkey >= 0) last = first + lastkey;
      else if (limit === 0) last = argc + lastkey;
      else last = first + (Math.trunc((argc - first) / limit) + lastkey);
    } else {
      const [keynumidx, firstkey, keystep] = find.keynum;
      step = keystep;
      if (first + keynumidx >= argc) return undefined;
      const numkeys = string2ll(argv[first + keynumidx] as string);
      if (numkeys === undefined || numkeys < 0) return undefined;
      first += firstkey;
      // Valkey 9.1 counts `numkeys` in keys (key-value pairs: one key every `step` arguments);
      // the others count it in arguments.
      last = isAtLeast(target, 'valkey', 9, 1) ? first + (numkeys - 1) * step : first + numkeys - 1;
    }
    if (last >= argc || last < first || first >= argc) return undefined;
    const flags = flagsOf(spec);
    for (let i = first; i <= last; i += step) {
      if (i >= argc || i < first) {
        if (negativeArity) continue;
        break;
      }
      keys.push({ pos: i, ...flags });
    }
  }
  return keys;
}

/** Redis's generic parser for `numkeys key [key ...]` commands; its keys carry no flags. */
function numkeysKeys(argv: readonly string[], storeOfs: number, countOfs: number, firstOfs: number): KeyRef[] {
  const argc = argv.length;
  const num = atoi(argv[countOfs] ?? '');
  if (num < 1 || num > Math.trunc((argc - firstOfs) / 1)) return [];
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: firstOfs + i, ...NO_FLAGS });
  if (storeOfs) keys.push({ pos: storeOfs, ...NO_FLAGS });
  return keys;
}

function setKeys(argv: readonly string[]): KeyRef[] {
  for (let i = 3; i < argv.length; i++) if (same(argv[i], 'get')) return [{ pos: 1, ...RW_ACCESS_UPDATE }];
  return [{ pos: 1, ...OW_UPDATE }];
}

function bitfieldKeys(argv: readonly string[]): KeyRef[] {
  let readonly = true;
  for (let i = 2; i < argv.length; i++) {
    const remaining = argv.length - i - 1;
    const arg = argv[i];
    if (same(arg, 'get') && remaining >= 2) i += 2;
    else if ((same(arg, 'set') || same(arg, 'incrby')) && remaining >= 3) {
      readonly = false;
      break;
    } else if (same(arg, 'overflow') && remaining >= 1) i += 1;
    else {
      readonly = false;
      break;
    }
  }
  return [{ pos: 1, ...(readonly ? RO_ACCESS : RW_ACCESS_UPDATE) }];
}

function sortKeys(argv: readonly string[]): KeyRef[] {
  const keys: KeyRef[] = [{ pos: 1, ...RO_ACCESS }];
  let store: KeyRef | undefined;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    // Redis tests STORE only while comparing with the first option name, LIMIT.
    if (same(arg, 'limit')) i += 2;
    else if (same(arg, 'store') && i + 1 < argv.length) store = { pos: i + 1, ...OW_UPDATE };
    else if (same(arg, 'get') || same(arg, 'by')) i += 1;
  }
  return store ? [...keys, store] : keys;
}

function migrateKeys(argv: readonly string[]): KeyRef[] {
  let first = 3;
  let num = 1;
  const skip: Readonly<Record<string, number>> = { copy: 0, replace: 0, auth: 1, auth2: 2 };
  if (argv.length > 6) {
    for (let i = 6; i < argv.length; i++) {
      const arg = asciiLower(argv[i] as string);
      if (arg === 'keys') {
        if ((argv[3] ?? '').length > 0) return [];
        first = i + 1;
        num = argv.length - first;
        break;
      }
      i += skip[arg] ?? 0;
    }
  }
  const keys: KeyRef[] = [];
  for (let i = 0; i < num; i++) keys.push({ pos: first + i, ...RW_ACCESS_DELETE });
  return keys;
}

function georadiusKeys(argv: readonly string[]): KeyRef[] {
  let stored = -1;
  for (let i = 5; i < argv.length; i++) {
    if ((same(argv[i], 'store') || same(argv[i], 'storedist')) && i + 1 < argv.length) {
      stored = i + 1;
      i++;
    }
  }
  const keys: KeyRef[] = [{ pos: 1, ...RO_ACCESS }];
  if (stored >= 0) keys.push({ pos: stored, ...OW_UPDATE });
  return keys;
}

function xreadKeys(argv: readonly string[]): KeyRef[] {
  let streams = -1;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (same(arg, 'block') || same(arg, 'count')) i++;
    else if (same(arg, 'group')) i += 2;
    else if (same(arg, 'noack')) continue;
    else if (same(arg, 'streams')) {
      streams = i;
      break;
    } else break;
  }
  let num = argv.length - streams - 1;
  if (streams === -1 || num === 0 || num % 2 !== 0) return [];
  num /= 2;
  const keys: KeyRef[] = [];
  for (let i = streams + 1; i < argv.length - num; i++) keys.push({ pos: i, ...RO_ACCESS });
  return keys;
}

/** Commands whose own key parser Redis uses when the key specs cannot be applied. */
const FALLBACK: Readonly<Record<string, (argv: readonly string[]) => KeyRef[]>> = {
  set: setKeys,
  bitfield: bitfieldKeys,
  sort: sortKeys,
  sort_ro: () => [{ pos: 1, ...RO_ACCESS }],
  migrate: migrateKeys,
  eval: (a) => numkeysKeys(a, 0, 2, 3),
  evalsha: (a) => numkeysKeys(a, 0, 2, 3),
  eval_ro: (a) => numkeysKeys(a, 0, 2, 3),
  evalsha_ro: (a) => numkeysKeys(a, 0, 2, 3),
  fcall: (a) => numkeysKeys(a, 0, 2, 3),
  fcall_ro: (a) => numkeysKeys(a, 0, 2, 3),
  zunion: (a) => numkeysKeys(a, 0, 1, 2),
  zinter: (a) => numkeysKeys(a, 0, 1, 2),
  zdiff: (a) => numkeysKeys(a, 0, 1, 2),
  zintercard: (a) => numkeysKeys(a, 0, 1, 2),
  sintercard: (a) => numkeysKeys(a, 0, 1, 2),
  lmpop: (a) => numkeysKeys(a, 0, 1, 2),
  zmpop: (a) => numkeysKeys(a, 0, 1, 2),
  blmpop: (a) => numkeysKeys(a, 0, 2, 3),
  bzmpop: (a) => numkeysKeys(a, 0, 2, 3),
  zunionstore: (a) => numkeysKeys(a, 1, 2, 3),
  zinterstore: (a) => numkeysKeys(a, 1, 2, 3),
  zdiffstore: (a) => numkeysKeys(a, 1, 2, 3),
  georadius: georadiusKeys,
  georadiusbymember: georadiusKeys,
  xread: xreadKeys,
  xreadgroup: xreadKeys,
};

/** True when the command takes key names at all (Redis then checks key patterns). */
export function commandHasKeys(name: string, target: TargetId): boolean {
  const info = commandInfo(name, target);
  const specs = info?.variant.keys ?? info?.entry.keys ?? [];
  return FALLBACK[name] !== undefined || specs.some((s) => !s.flags.includes('not_key'));
}

/**
 * The key arguments of `argv` (argv[0] is the command, then the subcommand if any) for the
 * command or subcommand `name` (`get`, `object|encoding`).
 */
export function commandKeys(name: string, argv: readonly string[], target: TargetId): KeyRef[] {
  const info = commandInfo(name, target);
  if (!info) return [];
  const specs = info.variant.keys ?? info.entry.keys ?? [];
  const hasSpec = specs.some((s) => !s.flags.includes('not_key'));
  if (hasSpec) {
    const keys = fromSpecs(specs, argv, info.variant.arity < 0, target);
    if (keys) return keys;
  }
  return FALLBACK[info.entry.name]?.(argv) ?? [];
}

/** Commands with Pub/Sub channel arguments that ACL rules check. */
const CHANNEL_COMMANDS: Readonly<Record<string, { readonly start: number; readonly count: number; readonly pattern: boolean }>> = {
  publish: { start: 1, count: 1, pattern: false },
  spublish: { start: 1, count: 1, pattern: false },
  subscribe: { start: 1, count: -1, pattern: false },
  ssubscribe: { start: 1, count: -1, pattern: false },
  psubscribe: { start: 1, count: -1, pattern: true },
};

export interface ChannelRef {
  readonly pos: number;
  /** PSUBSCRIBE: the argument is itself a pattern, which must equal an allowed pattern. */
  readonly pattern: boolean;
}

/** The channel arguments that ACL rules check (publishing and subscribing; not unsubscribing). */
export function commandChannels(name: string, argv: readonly string[]): ChannelRef[] {
  const spec = CHANNEL_COMMANDS[name];
  if (!spec) return [];
  const stop = spec.count === -1 ? argv.length : Math.min(argv.length, spec.start + spec.count);
  const out: ChannelRef[] = [];
  for (let i = spec.start; i < stop; i++) out.push({ pos: i, pattern: spec.pattern });
  return out;
}

export function commandHasChannels(name: string): boolean {
  return CHANNEL_COMMANDS[name] !== undefined;
}

/**
 * Lookups over the generated command table: which commands and subcommands a target has,
 * their ACL categories and flags, which commands a category holds, and the commands we
 * call dangerous. All tables are built once, at module load.
 */
import { supports } from './features';
import { ACL_CATEGORIES, COMMANDS } from './generated/commands';
import type { CommandEntry, CommandVariant } from './commandTypes';
import { TARGETS, type TargetId } from './types';
import { asciiLower } from '../syntax/text';

export type { CommandEntry, CommandVariant, KeySpec } from './commandTypes';
export { ACL_CATEGORIES, COMMAND_SOURCES, KEY_SPECS_SOURCE } from './generated/commands';

export interface CommandInfo {
  readonly entry: CommandEntry;
  readonly variant: CommandVariant;
  /** The container of a subcommand (`config` for `config|get`). */
  readonly container?: string;
  /** Subcommand names (`config|get`, ...) when this is a container. */
  readonly subcommands?: readonly string[];
}

interface TargetTable {
  readonly byName: ReadonlyMap<string, CommandInfo>;
  /** Commands and subcommands in table order. */
  readonly names: readonly string[];
  /** Top-level commands only. */
  readonly topLevel: readonly string[];
  /** Per category, the commands and subcommands that declare it, as `ACL CAT <category>` lists them. */
  readonly byCategory: ReadonlyMap<string, readonly string[]>;
  /** Per category, what `+@category` changes (see `categoryMembersForAcl`). */
  readonly aclClosure: ReadonlyMap<string, readonly string[]>;
  /** `topLevel` as a set, made on first use. */
  topLevelSet?: ReadonlySet<string>;
}

function buildTable(target: TargetId): TargetTable {
  const present: { entry: CommandEntry; variant: CommandVariant }[] = [];
  for (const entry of COMMANDS) {
    const variant = entry.variants.find((v) => v.targets.includes(target));
    if (variant) present.push({ entry, variant });
  }
  const subs = new Map<string, string[]>();
  for (const { entry } of present) {
    const bar = entry.name.indexOf('|');
    if (bar > 0) {
      const container = entry.name.slice(0, bar);
      const list = subs.get(container) ?? [];
      list.push(entry.name);
      subs.set(container, list);
    }
  }
  const byName = new Map<string, CommandInfo>();
  for (const { entry, variant } of present) {
    const bar = entry.name.indexOf('|');
    const list = subs.get(entry.name);
    byName.set(entry.name, {
      entry,
      variant,
      ...(bar > 0 ? { container: entry.name.slice(0, bar) } : {}),
      ...(list ? { subcommands: list } : {}),
    });
  }
  const byCategory = new Map<string, string[]>(ACL_CATEGORIES.map((c) => [c, []]));
  for (const { entry, variant } of present) for (const c of variant.categories) byCategory.get(c)?.push(entry.name);
  const names = present.map((p) => p.entry.name);
  const topLevel = names.filter((n) => !n.includes('|'));
  const legacy = !supports(target, 'acl-subcommands');
  const aclClosure = new Map<string, readonly string[]>();
  for (const category of ACL_CATEGORIES) {
    const out = new Set<string>();
    const inCategory = (n: string): boolean => byName.get(n)?.variant.categories.includes(category) === true;
    for (const name of topLevel) {
      const subs = byName.get(name)?.subcommands ?? [];
      if (inCategory(name) || (legacy && subs.some(inCategory))) {
        out.add(name);
        for (const sub of subs) out.add(sub);
      }
      for (const sub of subs) if (inCategory(sub)) out.add(sub);
    }
    aclClosure.set(category, [...out]);
  }
  return { byName, names, topLevel, byCategory, aclClosure };
}

/** Built on first use: a session rarely needs more than one or two targets, and start-up matters. */
const TABLES = new Map<TargetId, TargetTable>();

function table(target: TargetId): TargetTable {
  let t = TABLES.get(target);
  if (!t) {
    t = buildTable(target);
    TABLES.set(target, t);
  }
  return t;
}

const CATEGORY_SET = new Set(ACL_CATEGORIES);

/**
 * A command or subcommand of the target, by its ACL name (`get`, `config|get`), in any case.
 * Undefined when the target has no such command.
 */
export function commandInfo(name: string, target: TargetId): CommandInfo | undefined {
  return table(target).byName.get(asciiLower(name));
}

export function commandExists(name: string, target: TargetId): boolean {
  return commandInfo(name, target) !== undefined;
}

/** Every command and subcommand name the target knows (`get`, `config|get`, ...). */
export function commandNames(target: TargetId): readonly string[] {
  return table(target).names;
}

/** Top-level command names of the target. */
export function topLevelCommands(target: TargetId): readonly string[] {
  return table(target).topLevel;
}

/** The same names as a set, built once per target. */
export function topLevelCommandSet(target: TargetId): ReadonlySet<string> {
  const t = table(target);
  t.topLevelSet ??= new Set(t.topLevel);
  return t.topLevelSet;
}

/** The subcommands (`config|get`, ...) of a container, or an empty list. */
export function subcommandsOf(container: string, target: TargetId): readonly string[] {
  return commandInfo(container, target)?.subcommands ?? [];
}

export function categoriesOf(name: string, target: TargetId): readonly string[] {
  return commandInfo(name, target)?.variant.categories ?? [];
}

export function isCategory(name: string): boolean {
  return CATEGORY_SET.has(asciiLower(name));
}

/** The commands and subcommands that declare the category (lower-case name). */
export function commandsInCategory(category: string, target: TargetId): readonly string[] {
  const c = asciiLower(category);
  if (c === 'all') return table(target).names;
  return table(target).byCategory.get(c) ?? [];
}

/**
 * What `+@category` / `-@category` changes: every command and subcommand in the category,
 * and, for a container in it (containers are all @slow), every one of its subcommands too,
 * as Redis does. For Redis 6.x a container counts as in a category when one of its
 * subcommands is (6.x knew CONFIG, CLIENT, ... as single commands).
 */
export function categoryMembersForAcl(category: string, target: TargetId): readonly string[] {
  return table(target).aclClosure.get(asciiLower(category)) ?? [];
}

/** Targets that know the command, in our version order. */
export function targetsOfCommand(name: string): readonly TargetId[] {
  const entry = COMMANDS.find((e) => e.name === asciiLower(name));
  if (!entry) return [];
  return TARGETS.filter((t) => entry.variants.some((v) => v.targets.includes(t)));
}

/** Our short description of what a category holds, for hovers and completion. */
export const CATEGORY_DOCS: Readonly<Record<string, string>> = {
  all: 'every command, including those added later by modules',
  keyspace: 'commands that work on keys whatever their type, such as DEL, EXPIRE, RENAME and SCAN',
  read: 'commands that read the values of keys',
  write: 'commands that change keys (including FLUSHALL and FLUSHDB)',
  set: 'commands on sets',
  sortedset: 'commands on sorted sets',
  list: 'commands on lists',
  hash: 'commands on hashes',
  string: 'commands on strings',
  bitmap: 'commands on bitmaps',
  hyperloglog: 'commands on HyperLogLogs',
  geo: 'commands on geospatial indexes',
  stream: 'commands on streams',
  pubsub: 'Pub/Sub commands',
  admin: 'administration commands: replication, configuration, debugging and the like',
  fast: 'commands that run in constant or logarithmic time',
  slow: 'every command that is not @fast',
  blocking: 'commands that may block the connection until data arrives',
  dangerous: 'commands Redis marks as potentially dangerous: administration, key listing, flushing and the like',
  connection: 'commands about the connection itself, such as AUTH, HELLO and CLIENT',
  transaction: 'MULTI, EXEC, DISCARD, WATCH and UNWATCH',
  scripting: 'Lua scripting and functions (EVAL, EVALSHA, FCALL, SCRIPT, FUNCTION)',
};

/**
 * The commands we report as dangerous when a user may run them, with the reason in our
 * words. This is narrower than `@dangerous`, which also holds harmless diagnostics such as
 * INFO, SLOWLOG and CLIENT LIST that monitoring users need.
 */
export const DANGEROUS_COMMANDS: Readonly<Record<string, string>> = {
  flushall: 'deletes every key of every database',
  flushdb: 'deletes every key of a database',
  swapdb: 'swaps whole databases',
  'config|set': 'changes server settings at runtime, including where files are written',
  'config|rewrite': 'writes the configuration file',
  debug: 'can crash, block or inspect the server',
  'module|load': 'loads native code into the server',
  'module|loadex': 'loads native code into the server',
  'module|unload': 'unloads modules',
  shutdown: 'stops the server',
  keys: 'scans the whole keyspace and blocks the server while it does',
  monitor: 'shows every command of every client as it runs',
  replicaof: 'makes the server copy (and overwrite its data with) another server',
  slaveof: 'makes the server copy (and overwrite its data with) another server',
  failover: 'hands the primary role to a replica',
  sync: 'streams the whole dataset to the caller',
  psync: 'streams the whole dataset to the caller',
  'acl|setuser': 'creates users and changes their permissions',
  'acl|deluser': 'deletes users',
  'acl|load': 'replaces every user from the ACL file',
  'acl|save': 'writes the ACL file',
  migrate: 'moves keys to another server',
  'cluster|reset': 'resets the cluster state of the node',
  'cluster|forget': 'removes nodes from the cluster view',
  'cluster|failover': 'forces a failover',
  save: 'writes a snapshot synchronously and blocks the server while it does',
  'client|kill': 'disconnects other clients',
  'client|pause': 'stops every client from being served',
};

/** Commands that accept Lua code from the caller: EVAL, SCRIPT LOAD, FUNCTION LOAD, ... */
export const CODE_ACCEPTING_COMMANDS: readonly string[] = ['eval', 'eval_ro', 'script|load', 'function|load', 'function|restore'];

/** Commands that run Lua code that is already loaded. */
export const CODE_RUNNING_COMMANDS: readonly string[] = ['evalsha', 'evalsha_ro', 'fcall', 'fcall_ro'];

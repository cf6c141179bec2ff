/**
 * The permission model: ACL rules applied left to right to a user, the way Redis applies
 * them (ACLSetUser / ACLSetSelector), giving the user's state — enabled or not, passwords,
 * allowed commands, key and channel patterns, selectors — and the errors Redis would
 * report on the way. `dryRun` then answers like `ACL DRYRUN`.
 *
 * Exact for Redis 7.x, 8.0 and Valkey (the rule grammar is the same; command tables differ).
 * Redis 6.x had no selectors, no `%R~`/`%W~`, no `clearselectors`, and 6.0 no channel
 * rules; its subcommand rules (`+config|get`) were "first argument" rules on the whole
 * command. We model 6.x with 7.0's command table cut to the commands 6.x had (see
 * docs/acl.md), which is close but not exact for container commands.
 *
 * Pure: no I/O. Password hashes are computed with SHA-256 as Redis does; no secret is
 * ever put in a message.
 */
import { supports } from '../../knowledge/features';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { categoryMembersForAcl, commandInfo, isCategory, commandNames, type CommandInfo } from '../../knowledge/commands';
import { directiveVariant } from '../../knowledge/directives';
import type { TargetId } from '../../knowledge/types';
import type { AclRule, MergeOptions } from '../../syntax/aclRules';
import { asciiLower } from '../../syntax/text';
import { globMatch } from './glob';
import { commandChannels, commandHasChannels, commandHasKeys, commandKeys } from './keys';

export type PubsubDefault = 'allchannels' | 'resetchannels';

export interface AclContext {
  readonly target: TargetId;
  /** `acl-pubsub-default`: the channel permission a new user or selector starts with. */
  readonly pubsubDefault: PubsubDefault;
}

/** What the target's ACL grammar has. */
export interface AclFeatures {
  /** `( ... )` selectors, `%R~`/`%W~` key permissions, `clearselectors` (7.0). */
  readonly selectors: boolean;
  /** `&pattern`, `allchannels`, `resetchannels` (6.2). */
  readonly channels: boolean;
  /** `sanitize-payload`, `skip-sanitize-payload` (6.2). */
  readonly sanitize: boolean;
  /** 6.x: `+cmd|arg` is a first-argument rule on the whole command; no `-cmd|sub`. */
  readonly legacySubcommands: boolean;
  /** 6.0: a user defined twice is accepted, and the later definition replaces the earlier (checked on 6.0.16). */
  readonly duplicateUserReplaces: boolean;
}

export function aclFeatures(target: TargetId): AclFeatures {
  return {
    selectors: supports(target, 'acl-selectors'),
    channels: supports(target, 'acl-channels'),
    sanitize: supports(target, 'acl-sanitize-payload'),
    legacySubcommands: !supports(target, 'acl-subcommands'),
    duplicateUserReplaces: !supports(target, 'acl-duplicate-user-refused'),
  };
}

/** How the target merges words into selectors: Redis 7.0 restarts one that is opened again (fixed in 7.2). */
export function selectorMerging(target: TargetId): MergeOptions {
  return { reopenDrops: !supports(target, 'acl-selector-reopen-kept') };
}

/** The first version of a rule form, for messages. */
export const FEATURE_SINCE = { selectors: 'Redis 7.0', channels: 'Redis 6.2', sanitize: 'Redis 6.2' } as const;

/** The target's default for `acl-pubsub-default` (6.2: allchannels, 7.0 on: resetchannels). */
export function defaultPubsub(target: TargetId): PubsubDefault {
  const d = directiveVariant('acl-pubsub-default', target)?.default;
  return d === 'resetchannels' ? 'resetchannels' : 'allchannels';
}

export function aclContext(target: TargetId, pubsubDefault?: PubsubDefault): AclContext {
  return { target, pubsubDefault: pubsubDefault ?? defaultPubsub(target) };
}

export interface KeyPermission {
  readonly pattern: string;
  read: boolean;
  write: boolean;
}

/** The permissions of the user itself (the root selector) or of one `( ... )` selector. */
export interface SelectorState {
  /** `allkeys` / `~*`: every key, read and write. */
  allKeys: boolean;
  keys: KeyPermission[];
  /** `allchannels` / `&*`. */
  allChannels: boolean;
  channels: string[];
  /** Set by `allcommands`/`+@all`, cleared by any later removal (it also admits future module commands). */
  allCommands: boolean;
  /** Commands and subcommands allowed (`get`, `config|get`, and containers such as `config`). */
  allowed: Set<string>;
  /** `+select|0`: first arguments allowed for otherwise blocked commands. */
  firstArgs: Map<string, string[]>;
}

export interface UserState {
  readonly name: string;
  enabled: boolean;
  nopass: boolean;
  /** SHA-256 (hex) of each password, in the order they were added. */
  passwords: string[];
  /** The rule that added each hash. */
  passwordRules: Map<string, AclRule>;
  /** `skip-sanitize-payload` is in effect. */
  skipSanitize: boolean;
  root: SelectorState;
  selectors: SelectorState[];
}

export type RuleErrno = 'ENOENT' | 'EINVAL' | 'EEXIST' | 'EISDIR' | 'ENODEV' | 'EBADMSG' | 'ECHILD' | 'EBUSY';

export type ProblemReason =
  | 'unknown-command'
  | 'unknown-subcommand'
  | 'minus-first-arg'
  | 'unknown-category'
  | 'empty-first-arg'
  | 'subcommand-first-arg'
  | 'subcommand-of-allowed'
  | 'syntax'
  | 'user-rule-in-selector'
  | 'whitespace'
  | 'bad-permission'
  | 'no-permission'
  | 'not-in-version'
  | 'bad-hash'
  | 'missing-password'
  | 'missing-hash'
  | 'pattern-after-allkeys'
  | 'pattern-after-allchannels';

export interface RuleProblem {
  readonly errno: RuleErrno;
  readonly reason: ProblemReason;
  /** The rule at fault: a rule of the line, or a rule inside `selector`. */
  readonly rule: AclRule;
  readonly selector?: AclRule;
  /** The command, subcommand or category named by the rule, for messages. */
  readonly name?: string;
  /** For `not-in-version`: the feature's first version. */
  readonly since?: string;
}

export type RuleNote =
  /** `+cmd|arg` on a command without subcommands: allowed, with a deprecation warning in the log. */
  | { readonly kind: 'first-arg'; readonly rule: AclRule; readonly command: string; readonly arg: string; readonly selector?: AclRule }
  /** `nopass` removed passwords that earlier rules added. */
  | { readonly kind: 'nopass-drops'; readonly rule: AclRule; readonly dropped: readonly AclRule[] }
  /** A selector whose quotes are unbalanced: Redis keeps it, empty. */
  | { readonly kind: 'empty-selector'; readonly rule: AclRule };

export interface ApplyLog {
  readonly problems: RuleProblem[];
  readonly notes: RuleNote[];
}

export function sha256Hex(secret: string): string {
  return bytesToHex(sha256(utf8ToBytes(secret)));
}

/** The SHA-256 of bytes, as Redis stores a password: what `#<hash>` must hold. */
export function sha256HexOf(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

export function newSelector(ctx: AclContext): SelectorState {
  const features = aclFeatures(ctx.target);
  return {
    allKeys: false,
    keys: [],
    // 6.0 has no channel rules: every channel is open to whoever may run the command.
    allChannels: !features.channels || ctx.pubsubDefault === 'allchannels',
    channels: [],
    allCommands: false,
    allowed: new Set(),
    firstArgs: new Map(),
  };
}

/** A user as Redis creates it before any rule: off, no password, no permissions. */
export function newUser(name: string, ctx: AclContext): UserState {
  return { name, enabled: false, nopass: false, passwords: [], passwordRules: new Map(), skipSanitize: false, root: newSelector(ctx), selectors: [] };
}

/** The `default` user Redis creates when no rule defines it: `on nopass ~* &* +@all`. */
export function builtinDefaultUser(ctx: AclContext): UserState {
  const u = newUser('default', ctx);
  u.enabled = true;
  u.nopass = true;
  u.root.allKeys = true;
  u.root.allChannels = true;
  setAllCommands(u.root, ctx, true);
  return u;
}

/** Applies the rules in order to `user`; problems and notes go to `log`. */
export function applyRules(user: UserState, rules: readonly AclRule[], ctx: AclContext, log: ApplyLog): void {
  for (const rule of rules) applyUserRule(user, rule, ctx, log);
}

/** A fresh user with the rules applied, and what happened on the way. */
export function buildUser(name: string, rules: readonly AclRule[], ctx: AclContext): { user: UserState; log: ApplyLog } {
  const user = newUser(name, ctx);
  const log: ApplyLog = { problems: [], notes: [] };
  applyRules(user, rules, ctx, log);
  return { user, log };
}

function problem(log: ApplyLog, p: RuleProblem): void {
  log.problems.push(p);
}

function applyUserRule(user: UserState, rule: AclRule, ctx: AclContext, log: ApplyLog): void {
  const features = aclFeatures(ctx.target);
  switch (rule.kind) {
    case 'empty':
      return;
    case 'user-keyword':
      switch (rule.keyword) {
        case 'on':
          user.enabled = true;
          return;
        case 'off':
          user.enabled = false;
          return;
        case 'nopass':
          if (user.passwords.length > 0) {
            const dropped = user.passwords.map((h) => user.passwordRules.get(h)).filter((r): r is AclRule => r !== undefined);
            log.notes.push({ kind: 'nopass-drops', rule, dropped });
          }
          user.nopass = true;
          clearPasswords(user);
          return;
        case 'resetpass':
          user.nopass = false;
          clearPasswords(user);
          return;
        case 'skip-sanitize-payload':
        case 'sanitize-payload':
          if (!features.sanitize) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.sanitize });
          user.skipSanitize = rule.keyword === 'skip-sanitize-payload';
          return;
        case 'clearselectors':
          if (!features.selectors) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.selectors });
          user.selectors = [];
          return;
        case 'reset':
          user.nopass = false;
          clearPasswords(user);
          resetKeys(user.root);
          if (features.channels) {
            user.root.allChannels = false;
            user.root.channels = [];
            if (ctx.pubsubDefault === 'allchannels') user.root.allChannels = true;
          }
          user.enabled = false;
          user.skipSanitize = false;
          user.selectors = [];
          setAllCommands(user.root, ctx, false);
          return;
      }
      return;
    case 'password': {
      const hash = sha256Hex(rule.secret);
      if (rule.op === 'add') return addHash(user, hash, rule);
      return removeHash(user, hash, rule, 'missing-password', log);
    }
    case 'hash':
      if (!rule.valid) return problem(log, { errno: 'EBADMSG', reason: 'bad-hash', rule });
      if (rule.op === 'add') return addHash(user, rule.hash, rule);
      return removeHash(user, rule.hash, rule, 'missing-hash', log);
    case 'selector': {
      if (!features.selectors) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.selectors });
      const selector = newSelector(ctx);
      const inner: ApplyLog = { problems: [], notes: [] };
      for (const r of rule.rules) {
        applySelectorRule(selector, r, ctx, inner, rule);
        if (inner.problems.length > 0) break; // Redis drops the selector at its first error
      }
      for (const n of inner.notes) log.notes.push(n);
      if (inner.problems.length > 0) {
        for (const p of inner.problems) log.problems.push(p);
        return;
      }
      if (rule.brokenQuotes) log.notes.push({ kind: 'empty-selector', rule });
      user.selectors.push(selector);
      return;
    }
    default:
      applySelectorRule(user.root, rule, ctx, log, undefined);
  }
}

function clearPasswords(user: UserState): void {
  user.passwords = [];
  user.passwordRules = new Map();
}

function addHash(user: UserState, hash: string, rule: AclRule): void {
  if (!user.passwords.includes(hash)) {
    user.passwords.push(hash);
    user.passwordRules.set(hash, rule);
  }
  user.nopass = false;
}

function removeHash(user: UserState, hash: string, rule: AclRule, reason: 'missing-password' | 'missing-hash', log: ApplyLog): void {
  const i = user.passwords.indexOf(hash);
  if (i < 0) return problem(log, { errno: 'ENODEV', reason, rule });
  user.passwords.splice(i, 1);
  user.passwordRules.delete(hash);
}

function resetKeys(s: SelectorState): void {
  s.allKeys = false;
  s.keys = [];
}

function setAllCommands(s: SelectorState, ctx: AclContext, allow: boolean): void {
  s.allowed = allow ? new Set(commandNames(ctx.target)) : new Set();
  s.allCommands = allow;
  s.firstArgs = new Map();
}

function setBit(s: SelectorState, name: string, allow: boolean): void {
  if (allow) s.allowed.add(name);
  else {
    s.allowed.delete(name);
    s.allCommands = false;
  }
}

/** Allows or denies a command and, for a container, all of its subcommands. */
function changePermission(s: SelectorState, info: CommandInfo, allow: boolean): void {
  setBit(s, info.entry.name, allow);
  s.firstArgs.delete(info.entry.name);
  for (const sub of info.subcommands ?? []) setBit(s, sub, allow);
}

/** Redis's strict lookup of an ACL command name: `get`, or `config|get` for a container. */
function lookupStrict(name: string, target: TargetId): CommandInfo | undefined {
  if (name === '') return undefined;
  const parts = name.split('|');
  if (parts.length > 2) return undefined;
  const base = commandInfo(parts[0] as string, target);
  if (!base || base.container) return undefined;
  if (parts.length === 1) return base;
  if (!base.subcommands) return undefined;
  return commandInfo(`${base.entry.name}|${parts[1] as string}`, target);
}

function applySelectorRule(s: SelectorState, rule: AclRule, ctx: AclContext, log: ApplyLog, selector: AclRule | undefined): void {
  const features = aclFeatures(ctx.target);
  const at = selector ? { selector } : {};
  switch (rule.kind) {
    case 'selector-keyword':
      switch (rule.keyword) {
        case 'allkeys':
          s.allKeys = true;
          s.keys = [];
          return;
        case 'resetkeys':
          resetKeys(s);
          return;
        case 'allchannels':
        case 'resetchannels':
          if (!features.channels) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.channels, ...at });
          s.allChannels = rule.keyword === 'allchannels';
          s.channels = [];
          return;
        case 'allcommands':
        case 'nocommands':
          setAllCommands(s, ctx, rule.keyword === 'allcommands');
          return;
      }
      return;
    case 'key-pattern': {
      if (rule.percent && !features.selectors) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.selectors, ...at });
      if (s.allKeys) return problem(log, { errno: 'EEXIST', reason: 'pattern-after-allkeys', rule, ...at });
      if (rule.problem === 'permission') return problem(log, { errno: 'EINVAL', reason: 'bad-permission', rule, ...at });
      if (rule.problem === 'no-permission') return problem(log, { errno: 'EINVAL', reason: 'no-permission', rule, ...at });
      if (rule.problem === 'whitespace') return problem(log, { errno: 'EINVAL', reason: 'whitespace', rule, ...at });
      const same = s.keys.find((k) => k.pattern === rule.pattern);
      if (same) {
        same.read ||= rule.read;
        same.write ||= rule.write;
      } else s.keys.push({ pattern: rule.pattern, read: rule.read, write: rule.write });
      s.allKeys = false;
      return;
    }
    case 'channel-pattern':
      if (!features.channels) return problem(log, { errno: 'EINVAL', reason: 'not-in-version', rule, since: FEATURE_SINCE.channels, ...at });
      if (s.allChannels) return problem(log, { errno: 'EISDIR', reason: 'pattern-after-allchannels', rule, ...at });
      if (rule.whitespace) return problem(log, { errno: 'EINVAL', reason: 'whitespace', rule, ...at });
      if (!s.channels.includes(rule.pattern)) s.channels.push(rule.pattern);
      s.allChannels = false;
      return;
    case 'command':
      return features.legacySubcommands
        ? applyLegacyCommand(s, rule, rule.allow, rule.name, ctx, log)
        : applyCommand(s, rule, rule.allow, rule.name, ctx, log, selector);
    case 'category': {
      const category = asciiLower(rule.category);
      if (!isCategory(category)) return problem(log, { errno: 'ENOENT', reason: 'unknown-category', rule, name: rule.category, ...at });
      applyCategory(s, category, rule.allow, ctx);
      return;
    }
    case 'invalid':
      return problem(log, { errno: 'EINVAL', reason: 'syntax', rule, ...at });
    default:
      // User rules (on, >pw, nested selectors, ...) inside a selector, or an empty word there.
      return problem(log, { errno: 'EINVAL', reason: rule.kind === 'empty' ? 'syntax' : 'user-rule-in-selector', rule, ...at });
  }
}

function applyCommand(s: SelectorState, rule: AclRule, allow: boolean, name: string, ctx: AclContext, log: ApplyLog, selector: AclRule | undefined): void {
  const at = selector ? { selector } : {};
  if (!allow) {
    const info = lookupStrict(name, ctx.target);
    if (!info) return problem(log, { errno: 'ENOENT', reason: unknownReason(name, ctx.target), rule, name, ...at });
    changePermission(s, info, false);
    return;
  }
  const bar = name.lastIndexOf('|');
  if (bar < 0) {
    const info = lookupStrict(name, ctx.target);
    if (!info) return problem(log, { errno: 'ENOENT', reason: 'unknown-command', rule, name, ...at });
    changePermission(s, info, true);
    return;
  }
  const head = name.slice(0, bar);
  const arg = name.slice(bar + 1);
  const info = lookupStrict(head, ctx.target);
  if (!info) return problem(log, { errno: 'ENOENT', reason: head.includes('|') ? 'unknown-subcommand' : 'unknown-command', rule, name: head, ...at });
  if (info.container) return problem(log, { errno: 'ECHILD', reason: 'subcommand-first-arg', rule, name: head, ...at });
  if (arg === '') return problem(log, { errno: 'EINVAL', reason: 'empty-first-arg', rule, name: head, ...at });
  if (info.subcommands) {
    const sub = lookupStrict(name, ctx.target);
    if (!sub) return problem(log, { errno: 'ENOENT', reason: 'unknown-subcommand', rule, name, ...at });
    changePermission(s, sub, true);
    return;
  }
  const list = s.firstArgs.get(info.entry.name) ?? [];
  if (!list.includes(arg)) list.push(arg);
  s.firstArgs.set(info.entry.name, list);
  log.notes.push({ kind: 'first-arg', rule, command: info.entry.name, arg, ...at });
}

/** Why `-name` names nothing: an unknown command, an unknown subcommand, or a first argument. */
function unknownReason(name: string, target: TargetId): ProblemReason {
  const bar = name.indexOf('|');
  if (bar < 0) return 'unknown-command';
  const head = lookupStrict(name.slice(0, bar), target);
  if (!head) return 'unknown-command';
  return head.subcommands ? 'unknown-subcommand' : 'minus-first-arg';
}

/** Redis 6.x: `+cmd|arg` allows the whole command with that first argument only. */
function applyLegacyCommand(s: SelectorState, rule: AclRule, allow: boolean, name: string, ctx: AclContext, log: ApplyLog): void {
  const bar = name.indexOf('|');
  if (!allow || bar < 0) {
    const info = bar < 0 ? lookupStrict(name, ctx.target) : undefined;
    if (!info) return problem(log, { errno: 'ENOENT', reason: unknownReason(name, ctx.target), rule, name });
    changePermission(s, info, allow);
    return;
  }
  const head = name.slice(0, bar);
  const arg = name.slice(bar + 1);
  const info = lookupStrict(head, ctx.target);
  if (!info) return problem(log, { errno: 'ENOENT', reason: 'unknown-command', rule, name: head });
  if (arg === '') return problem(log, { errno: 'EINVAL', reason: 'empty-first-arg', rule, name: head });
  if (s.allowed.has(info.entry.name)) return problem(log, { errno: 'EBUSY', reason: 'subcommand-of-allowed', rule, name: head });
  const list = s.firstArgs.get(info.entry.name) ?? [];
  if (!list.includes(asciiLower(arg))) list.push(asciiLower(arg));
  s.firstArgs.set(info.entry.name, list);
  setBit(s, info.entry.name, false);
}

function applyCategory(s: SelectorState, category: string, allow: boolean, ctx: AclContext): void {
  if (category === 'all') return setAllCommands(s, ctx, allow);
  for (const name of categoryMembersForAcl(category, ctx.target)) {
    setBit(s, name, allow);
    s.firstArgs.delete(name);
  }
}

// ---------------------------------------------------------------------------------------------
// Questions about a user

/**
 * The commands and subcommands a single command, category or all/no-commands rule changes
 * on its own: what `+rule` allows starting from nothing, or what `-rule` denies starting
 * from everything.
 */
export function commandsTouchedBy(rule: AclRule, ctx: AclContext): Set<string> {
  const allow = rule.kind === 'command' || rule.kind === 'category' ? rule.allow : !(rule.kind === 'selector-keyword' && rule.keyword === 'nocommands');
  const s = newSelector(ctx);
  setAllCommands(s, ctx, !allow);
  applySelectorRule(s, rule, ctx, { problems: [], notes: [] }, undefined);
  if (allow) return s.allowed;
  return new Set(commandNames(ctx.target).filter((n) => !s.allowed.has(n)));
}

/** True when a selector may run the command regardless of its arguments. */
export function selectorAllows(s: SelectorState, name: string): boolean {
  return s.allowed.has(name);
}

/** The commands and subcommands a user may run (any selector), in table order. */
export function allowedCommands(user: UserState, target: TargetId): string[] {
  return commandNames(target).filter((n) => user.root.allowed.has(n) || user.selectors.some((s) => s.allowed.has(n)));
}

/** How a user can log in. */
export type LoginState = 'disabled' | 'nopass' | 'password' | 'no-password';

export function loginState(user: UserState): LoginState {
  if (!user.enabled) return 'disabled';
  if (user.nopass) return 'nopass';
  return user.passwords.length > 0 ? 'password' : 'no-password';
}

// ---------------------------------------------------------------------------------------------
// ACL DRYRUN

export type DryRunResult =
  | { readonly verdict: 'allowed' }
  | {
      readonly verdict: 'denied';
      /** What no selector allowed: the command, a key, or a channel. */
      readonly reason: 'command' | 'key' | 'channel';
      /** The command's ACL name (`get`, `config|get`). */
      readonly command: string;
      /** The key or channel refused. */
      readonly subject?: string;
      readonly message: string;
    }
  | { readonly verdict: 'error'; readonly message: string };

/** Resolves a command line to a command or subcommand as Redis's dispatcher does. */
export function resolveCommand(argv: readonly string[], target: TargetId): CommandInfo | undefined {
  const base = argv[0] === undefined ? undefined : commandInfo(argv[0], target);
  if (!base || base.container) return undefined;
  if (argv.length >= 2 && base.subcommands) return commandInfo(`${base.entry.name}|${argv[1] as string}`, target);
  return base;
}

const DENIED_ORDER = { command: 1, key: 2, channel: 4 } as const;

/**
 * What `ACL DRYRUN <user> <command> [arg ...]` answers: the command must exist and have the
 * right number of arguments, then one selector (the user's own permissions first) must allow
 * the command, every key it touches and every channel it publishes or subscribes to.
 * Like ACL DRYRUN, it ignores `on`/`off` and passwords.
 */
export function dryRun(user: UserState, argv: readonly string[], target: TargetId): DryRunResult {
  const info = resolveCommand(argv, target);
  if (!info) return { verdict: 'error', message: `unknown command '${argv[0] ?? ''}'${argv.length > 1 ? ` (or subcommand '${argv[1] as string}')` : ''}` };
  const arity = info.variant.arity;
  if ((arity > 0 && arity !== argv.length) || argv.length < -arity) return { verdict: 'error', message: `wrong number of arguments for '${info.entry.name}'` };
  const legacy = aclFeatures(target).legacySubcommands;
  const name = info.entry.name;
  let keys: ReturnType<typeof commandKeys> | undefined;
  let worst: { reason: 'command' | 'key' | 'channel'; index: number } = { reason: 'command', index: 0 };
  const selectors = [user.root, ...user.selectors];
  for (const s of selectors) {
    const r = checkSelector(s, info, argv, target, legacy, () => (keys ??= commandKeys(name, argv, target)));
    if (r === undefined) return { verdict: 'allowed' };
    if (DENIED_ORDER[r.reason] > DENIED_ORDER[worst.reason] || (r.reason === worst.reason && r.index > worst.index)) worst = r;
  }
  const subject = worst.reason === 'command' ? undefined : argv[worst.index];
  const message =
    worst.reason === 'command'
      ? `user '${user.name}' may not run '${name}'`
      : worst.reason === 'key'
        ? `user '${user.name}' may not access key '${subject ?? ''}' with '${name}'`
        : `user '${user.name}' may not use channel '${subject ?? ''}' with '${name}'`;
  return { verdict: 'denied', reason: worst.reason, command: name, ...(subject !== undefined ? { subject } : {}), message };
}

function checkSelector(
  s: SelectorState,
  info: CommandInfo,
  argv: readonly string[],
  target: TargetId,
  legacy: boolean,
  keys: () => ReturnType<typeof commandKeys>,
): { reason: 'command' | 'key' | 'channel'; index: number } | undefined {
  const name = info.entry.name;
  if (!s.allCommands && !info.variant.flags.includes('no_auth')) {
    // Redis 6.x checked the whole command (`config`), with first-argument rules on it.
    const id = legacy && info.container ? info.container : name;
    if (!s.allowed.has(id)) {
      const argIndex = legacy && info.container ? 1 : info.container ? 2 : 1;
      const allowedArgs = s.firstArgs.get(id);
      const arg = argv[argIndex];
      if (argv.length < 2 || !allowedArgs || arg === undefined || !allowedArgs.some((a) => asciiLower(a) === asciiLower(arg)))
        return { reason: 'command', index: 0 };
    }
  }
  if (!s.allKeys && commandHasKeys(name, target)) {
    for (const k of keys()) {
      const key = argv[k.pos] as string;
      const ok = s.keys.some((p) => (!k.read || p.read) && (!k.write || p.write) && globMatch(p.pattern, key));
      if (!ok) return { reason: 'key', index: k.pos };
    }
  }
  if (!s.allChannels && commandHasChannels(name)) {
    for (const c of commandChannels(name, argv)) {
      const channel = argv[c.pos] as string;
      const ok = s.channels.some((p) => (c.pattern ? p === channel : globMatch(p, channel)));
      if (!ok) return { reason: 'channel', index: c.pos };
    }
  }
  return undefined;
}

/**
 * Hovers inside ACL rules, in an ACL file or on a redis.conf `user` line: the user (can it
 * log in, what may it run, which keys and channels, its selectors), categories (what they
 * hold for the target), commands (categories, flags) and every other rule form.
 * Passwords are never shown: a hover says that a password is set, or shows its hash.
 */
import { contains } from '../ranges';
import { ACL_KEYWORDS, V6_COMMANDS_NOTE } from '../../knowledge/aclKeywords';
import { CATEGORY_DOCS, DANGEROUS_COMMANDS, commandInfo, commandNames, targetsOfCommand, type CommandInfo } from '../../knowledge/commands';
import { describeTargets, targetLabel } from '../../knowledge/targets';
import type { TargetId } from '../../knowledge/types';
import type { AclTree } from '../../syntax/aclParser';
import type { AclRule } from '../../syntax/aclRules';
import type { ConfigTree } from '../../syntax/configParser';
import { asciiLower } from '../../syntax/text';
import type { Position, Range, Settings } from '../types';
import { aclFeatures, applyRules, buildUser, commandsTouchedBy, loginState, newUser, type AclContext, type SelectorState, type UserState } from './permissions';
import { aclFileUsers, configUsers, type UserDefinition, type UserDocument } from './users';

export interface AclHover {
  readonly markdown: string;
  readonly range: Range;
}

/** The document to hover in: an ACL file, or a redis.conf (its `user` lines). */
export type AclHoverDocument = { readonly kind: 'acl'; readonly tree: AclTree } | { readonly kind: 'config' | 'sentinel'; readonly tree: ConfigTree };

export function userDocument(doc: AclHoverDocument, target: TargetId): UserDocument {
  return doc.kind === 'acl' ? aclFileUsers(doc.tree, target) : configUsers(doc.tree, target);
}

export function aclHover(doc: AclHoverDocument, position: Position, settings: Settings): AclHover | undefined {
  const users = userDocument(doc, settings.target);
  const def = users.users.find((u) => contains(u.range, position));
  if (!def) return undefined;
  const ctx = users.context;
  if (contains(def.nameToken.range, position)) return { markdown: userHover(def, users, ctx), range: def.nameToken.range };
  for (const rule of def.rules) {
    if (!contains(rule.range, position)) continue;
    if (rule.kind === 'selector') {
      const inner = rule.rules.find((r) => contains(r.range, position) && r.range.start.character !== rule.range.start.character);
      if (inner) return { markdown: ruleHover(inner, ctx), range: inner.range };
    }
    return { markdown: ruleHover(rule, ctx), range: rule.range };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Users

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

function upper(name: string): string {
  return name.toUpperCase().replace('|', ' ');
}

function runnable(target: TargetId): string[] {
  // Containers with subcommands are counted through their subcommands.
  return commandNames(target).filter((n) => !commandInfo(n, target)?.subcommands);
}

function passwordLine(user: UserState): string {
  switch (loginState(user)) {
    case 'disabled':
      return 'Log in: not possible, the user is `off`.';
    case 'nopass':
      return 'Log in: with any password, or none (`nopass`).';
    case 'no-password':
      return 'Log in: not possible, no password is set and `nopass` is not given.';
    case 'password': {
      const rules = [...user.passwordRules.values()];
      const clear = rules.filter((r) => r.kind === 'password').length;
      const hashed = rules.length - clear;
      const parts = [clear > 0 ? `${clear} written in clear in this file` : '', hashed > 0 ? `${hashed} given as a SHA-256 hash` : ''].filter((p) => p !== '');
      return `Log in: with ${user.passwords.length === 1 ? 'a password' : `one of ${user.passwords.length} passwords`} (${parts.join(', ')}).`;
    }
  }
}

function keysText(s: SelectorState): string {
  if (s.allKeys) return 'every key';
  if (s.keys.length === 0) return 'none';
  return s.keys.map((k) => `${code(k.pattern)} (${k.read && k.write ? 'read, write' : k.read ? 'read' : 'write'})`).join(', ');
}

function channelsText(s: SelectorState, ctx: AclContext): string {
  if (!aclFeatures(ctx.target).channels) return 'every channel (Redis 6.0 has no channel rules)';
  if (s.allChannels) return 'every channel';
  if (s.channels.length === 0) return 'none';
  return s.channels.map(code).join(', ');
}

function commandsText(s: SelectorState, target: TargetId): string {
  if (s.allCommands) return 'every command (`+@all`), including those modules add later';
  const all = runnable(target);
  const n = all.filter((c) => s.allowed.has(c)).length;
  const firstArgs = [...s.firstArgs].map(([c, args]) => `${upper(c)} with first argument ${args.map(code).join(' or ')}`);
  return `${n} of ${all.length} commands and subcommands${firstArgs.length ? `; ${firstArgs.join('; ')}` : ''}`;
}

function userHover(def: UserDefinition, doc: UserDocument, ctx: AclContext): string {
  const { user, log } = buildUser(def.name, def.rules, ctx);
  const lines: string[] = [];
  const first = doc.users.find((u) => u.name === def.name);
  lines.push(`**User ${code(def.name)}** — ${user.enabled ? 'enabled (`on`)' : 'disabled (`off`)'}`);
  const facts: string[] = [passwordLine(user)];
  facts.push(`Commands: ${commandsText(user.root, ctx.target)}.`);
  const dangerous = Object.keys(DANGEROUS_COMMANDS).filter((c) => user.root.allowed.has(c) || user.selectors.some((s) => s.allowed.has(c)));
  if (dangerous.length > 0) facts.push(`Dangerous commands allowed: ${dangerous.map(upper).join(', ')}.`);
  facts.push(`Keys: ${keysText(user.root)}.`);
  facts.push(`Channels: ${channelsText(user.root, ctx)}.`);
  if (user.selectors.length > 0) {
    facts.push(`Selectors: ${user.selectors.length}.`);
    user.selectors.forEach((s, i) =>
      facts.push(`  ${i + 1}. commands: ${commandsText(s, ctx.target)}; keys: ${keysText(s)}; channels: ${channelsText(s, ctx)}.`),
    );
  }
  if (user.skipSanitize) facts.push('RESTORE payloads are not checked in depth (`skip-sanitize-payload`).');
  lines.push(facts.map((f) => (f.startsWith('  ') ? f : `- ${f}`)).join('\n'));
  const notes: string[] = [];
  if (first && first !== def) notes.push(`This is a second definition of ${code(def.name)}: Redis refuses it.`);
  if (log.problems.length > 0 || def.classified.unclosed) notes.push('Some rules of this line have errors: Redis refuses the line (see the diagnostics).');
  if (aclFeatures(ctx.target).legacySubcommands) notes.push(V6_COMMANDS_NOTE);
  if (notes.length) lines.push(notes.join(' '));
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Rules

/** The runnable commands and subcommands a single allow/deny rule touches, on its own. */
export function namesTouchedBy(rule: AclRule, ctx: AclContext): string[] {
  const touched = commandsTouchedBy(rule, ctx);
  return runnable(ctx.target).filter((n) => touched.has(n));
}

function v6(ctx: AclContext): string {
  return aclFeatures(ctx.target).legacySubcommands ? `\n\n${V6_COMMANDS_NOTE}` : '';
}

function categoryHover(rule: Extract<AclRule, { kind: 'category' }>, ctx: AclContext): string {
  const name = asciiLower(rule.category);
  const doc = CATEGORY_DOCS[name];
  if (!doc) return `**@${rule.category}** — not a category of ${targetLabel(ctx.target)}.`;
  const names = namesTouchedBy(rule, ctx);
  const verb = rule.allow ? 'allows' : 'denies';
  return `**@${name}** — ${doc}.\n\n${code(rule.text)} ${verb} these ${names.length} commands and subcommands of ${targetLabel(ctx.target)}:\n\n${names.map(code).join(', ')}${v6(ctx)}`;
}

function commandFacts(info: CommandInfo): string[] {
  const v = info.variant;
  const facts = [`Categories: ${v.categories.map((c) => `@${c}`).join(' ')}`, `Flags: ${v.flags.length ? v.flags.join(', ') : 'none'}`];
  if (info.entry.since) facts.push(`Since: ${info.entry.since}`);
  if (info.entry.deprecatedSince) facts.push(`Deprecated since ${info.entry.deprecatedSince}${info.entry.replacedBy ? `; use ${info.entry.replacedBy}` : ''}`);
  if (DANGEROUS_COMMANDS[info.entry.name]) facts.push(`Dangerous: ${DANGEROUS_COMMANDS[info.entry.name] ?? ''}`);
  if (info.subcommands)
    facts.push(`Subcommands (${info.subcommands.length}): ${info.subcommands.map((s) => code(s.slice(info.entry.name.length + 1))).join(', ')}`);
  return facts;
}

function commandHover(rule: Extract<AclRule, { kind: 'command' }>, ctx: AclContext): string {
  const target = ctx.target;
  const name = asciiLower(rule.name);
  const direct = name.split('|').length <= 2 ? commandInfo(name, target) : undefined;
  if (direct && (!name.includes('|') || direct.container)) {
    const what = direct.subcommands
      ? `${rule.allow ? 'allows' : 'denies'} ${upper(direct.entry.name)} with all of its subcommands`
      : `${rule.allow ? 'allows' : 'denies'} ${upper(direct.entry.name)}`;
    return `**${upper(direct.entry.name)}** (${code(direct.entry.name)})\n\n${code(rule.text)} ${what}.\n\n${commandFacts(direct)
      .map((f) => `- ${f}`)
      .join('\n')}${v6(ctx)}`;
  }
  const bar = name.lastIndexOf('|');
  const head = bar > 0 ? commandInfo(name.slice(0, bar), target) : undefined;
  if (rule.allow && head && !head.subcommands && !head.container) {
    const arg = rule.name.slice(bar + 1);
    return `**${upper(head.entry.name)}** with first argument ${code(arg)}\n\n${code(rule.text)} allows ${upper(head.entry.name)} only when its first argument is ${code(arg)} (compared without regard to case); later arguments are not checked. Deprecated: Redis logs a warning and may stop accepting this form.\n\n${commandFacts(
      head,
    )
      .map((f) => `- ${f}`)
      .join('\n')}`;
  }
  const known = targetsOfCommand(name);
  return `**${code(rule.name)}** — no such command or subcommand in ${targetLabel(target)}${known.length ? `; it exists in ${describeTargets(known)}` : ''}.`;
}

function keywordDoc(key: string): string {
  const doc = ACL_KEYWORDS[key];
  if (!doc) return '';
  const since = doc.since ? ` (${doc.since} and later)` : '';
  const scope = doc.scope === 'user' ? ' It applies to the user, not inside a selector.' : '';
  return `**${code(doc.label)}**${since} — ${doc.summary}${scope}`;
}

function selectorSummary(rule: Extract<AclRule, { kind: 'selector' }>, ctx: AclContext): string {
  const probe = newUser('probe', ctx);
  applyRules(probe, [rule], ctx, { problems: [], notes: [] });
  const s = probe.selectors[0];
  if (!s) return 'Redis refuses this selector (see the diagnostics).';
  if (rule.brokenQuotes) return 'Its quotes are unbalanced, so Redis keeps it empty: it grants nothing.';
  return `This selector: commands: ${commandsText(s, ctx.target)}; keys: ${keysText(s)}; channels: ${channelsText(s, ctx)}.`;
}

export function ruleHover(rule: AclRule, ctx: AclContext): string {
  switch (rule.kind) {
    case 'empty':
      return 'An empty rule (two spaces in a row): Redis skips it.';
    case 'user-keyword':
      return keywordDoc(rule.keyword);
    case 'selector-keyword': {
      if (rule.keyword === 'allcommands' || rule.keyword === 'nocommands') {
        const names = runnable(ctx.target);
        return `${keywordDoc(rule.keyword)}\n\n${rule.keyword === 'allcommands' ? 'Allows' : 'Denies'} all ${names.length} commands and subcommands of ${targetLabel(ctx.target)}.`;
      }
      return keywordDoc(rule.keyword);
    }
    case 'password':
      return `${keywordDoc(rule.op === 'add' ? '>' : '<')}\n\n(The password itself is not shown.)`;
    case 'hash':
      return `${keywordDoc(rule.op === 'add' ? '#' : '!')}${rule.valid ? '' : '\n\nThis hash is not valid: Redis refuses it.'}`;
    case 'key-pattern': {
      const access = rule.read && rule.write ? 'read and write' : rule.read ? 'read' : rule.write ? 'write' : 'no';
      return `${keywordDoc(rule.percent ? '%' : '~')}\n\nThis rule: ${access} access to the keys matching ${code(rule.pattern)}.`;
    }
    case 'channel-pattern':
      return `${keywordDoc('&')}\n\nThis rule: the channels matching ${code(rule.pattern)}.`;
    case 'command':
      return commandHover(rule, ctx);
    case 'category':
      return categoryHover(rule, ctx);
    case 'selector':
      return `${keywordDoc('(')}\n\n${selectorSummary(rule, ctx)}`;
    case 'invalid':
      return rule.inSelector ? 'Not a selector rule: Redis refuses it ("Syntax error").' : 'Not an ACL rule: Redis refuses it ("Syntax error").';
  }
}

/**
 * Validation of ACL users, as Redis would judge them for the targeted version, from an ACL
 * file or from the `user` lines of a redis.conf. The two entry points are what
 * analyze.ts calls:
 *
 * - `aclFileFindings(tree, settings)`: everything beyond the line-shape errors that
 *   `invalid-acl-line` already reports;
 * - `configUserFindings(tree, settings)`: the `user` lines of a redis.conf.
 *
 * Pure: no I/O.
 */
import { finding } from '../findings';
import { commandNames, subcommandsOf, targetsOfCommand, ACL_CATEGORIES } from '../../knowledge/commands';
import { describeTargets } from '../../knowledge/targets';
import type { TargetId } from '../../knowledge/types';
import type { AclTree } from '../../syntax/aclParser';
import { hasSpaceOrNul, type AclRule } from '../../syntax/aclRules';
import type { ConfigTree } from '../../syntax/configParser';
import { asciiLower } from '../../syntax/text';
import { suggest } from '../didYouMean';
import type { Finding, RelatedInformation, Settings } from '../types';
import { aclMessages, type RuleSource } from './aclMessages';
import { aclFeatures, buildUser, type AclContext, type RuleNote, type RuleProblem } from './permissions';
import { userSecurityFindings, type UserGrade } from './userSecurity';
import { aclFileUsers, configUsers, type UserDefinition, type UserDocument } from './users';

/** Categories that the modules bundled with Redis 8 add (search, JSON, time series, probabilistic). */
const REDIS8_MODULE_CATEGORIES = new Set(['search', 'json', 'timeseries', 'bloom', 'cuckoo', 'cms', 'topk', 'tdigest']);

export function aclFileFindings(tree: AclTree, settings: Settings): Finding[] {
  const doc = aclFileUsers(tree, settings.target);
  const findings = userFindings(doc, settings.minPasswordLength);
  // Redis creates an open `default` user when the file does not define one.
  const first = tree.lines[0];
  if (first && !doc.users.some((u) => u.name === 'default')) {
    const anchor = doc.users[0]?.keyword.range ?? first.range;
    findings.push(finding('acl-missing-default-user', aclMessages.missingDefaultUser(), anchor, { data: { fix: 'user default off' } }));
  }
  return findings;
}

/** `grade` tells how the config exposes password-less users (the exposure model's verdict). */
export function configUserFindings(tree: ConfigTree, settings: Settings, grade?: UserGrade): Finding[] {
  const doc = configUsers(tree, settings.target);
  const findings = userFindings(doc, settings.minPasswordLength, grade);
  const aclfile = [...tree.directives].reverse().find((d) => d.name === 'aclfile' && !d.broken && d.tokens.length === 2);
  const firstUser = doc.users[0];
  if (firstUser && aclfile && (aclfile.tokens[1]?.value ?? '') !== '') {
    const related: RelatedInformation[] = [{ message: "'aclfile' is set here", range: aclfile.range }];
    findings.push(finding('acl-users-with-aclfile', aclMessages.usersWithAclfile(), firstUser.keyword.range, { related, data: { afterLoad: true } }));
  }
  return findings;
}

function userFindings(doc: UserDocument, minPasswordLength: number | undefined, grade?: UserGrade): Finding[] {
  const out: Finding[] = [];
  const seen = new Map<string, UserDefinition>();
  // Redis 6.0 accepts a second definition and lets it replace the first.
  const replaces = aclFeatures(doc.context.target).duplicateUserReplaces;
  const last = new Map<string, UserDefinition>(doc.users.map((d) => [d.name, d]));
  for (const def of doc.users) {
    const source: RuleSource = doc.source;
    if (hasSpaceOrNul(def.name)) {
      // Redis skips the line (ACL file) or stops (redis.conf): its rules are not applied.
      out.push(finding('acl-invalid-username', aclMessages.invalidUsername(source), def.nameToken.range));
      continue;
    }
    const earlier = seen.get(def.name);
    if (earlier && replaces) {
      out.push(
        finding('acl-duplicate-user', aclMessages.duplicateUserReplaced(def.name, doc.context.target), earlier.nameToken.range, {
          severity: 'warning',
          tags: ['unnecessary'],
          related: [{ message: aclMessages.definitionWins(def.name), range: def.nameToken.range }],
          data: { user: def.name },
        }),
      );
    } else if (earlier) {
      out.push(
        finding('acl-duplicate-user', aclMessages.duplicateUser(def.name, source), def.nameToken.range, {
          related: [{ message: aclMessages.firstDefinition(def.name), range: earlier.nameToken.range }],
          data: { user: def.name },
        }),
      );
    }
    if (!earlier) seen.set(def.name, def);
    const effective = replaces ? last.get(def.name) === def : !earlier;
    if (source === 'acl') {
      for (const r of def.rules)
        if (r.kind === 'empty')
          out.push(finding('acl-extra-space', aclMessages.extraSpace(), doc.index.rangeAt(r.start, r.start + 1), { tags: ['unnecessary'] }));
    }
    for (const d of def.classified.dropped) out.push(finding('acl-selector-ignored', aclMessages.selectorDropped(), d.range, { data: { detail: 'dropped' } }));
    const unclosed = def.classified.unclosed;
    if (unclosed) {
      // Redis skips a duplicate line before merging selectors: only a first definition crashes.
      const crashes = source === 'acl' && unclosed.rulesBefore > 0 && !earlier;
      out.push(finding('acl-unclosed-selector', aclMessages.unclosedSelector(source, crashes), unclosed.range, { data: { crashes } }));
    }
    const { user, log } = buildUser(def.name, def.rules, doc.context);
    for (const p of log.problems) out.push(problemFinding(p, def, doc.context, source));
    for (const n of log.notes) out.push(noteFinding(n));
    if (effective && !unclosed) out.push(...userSecurityFindings(def, user, doc.context, minPasswordLength, grade));
  }
  return out;
}

/** Was the channel permission that refused `rule` given by a rule, or by acl-pubsub-default? */
function allChannelsFromRule(p: RuleProblem, def: UserDefinition): boolean {
  const scope: readonly AclRule[] = p.selector?.kind === 'selector' ? p.selector.rules : def.rules;
  for (const r of scope) {
    if (r === p.rule) return false;
    if (r.kind === 'selector-keyword' && r.keyword === 'allchannels') return true;
  }
  return false;
}

function knownIn(name: string, target: TargetId): string | undefined {
  const targets = targetsOfCommand(name).filter((t) => t !== target);
  return targets.length > 0 ? describeTargets(targets) : undefined;
}

function syntaxDetail(rule: AclRule, source: RuleSource): 'unknown' | 'tab' | 'quote' {
  if (source === 'acl' && rule.text.includes('\t')) return 'tab';
  if (source === 'acl' && /["']/.test(rule.text)) return 'quote';
  return 'unknown';
}

const VERSION_FORMS: Readonly<Record<string, string>> = {
  selector: "Selectors '( ... )'",
  'key-pattern': "Key permissions such as '%R~' and '%W~'",
  'channel-pattern': "Channel rules ('&pattern', 'allchannels', 'resetchannels')",
  'selector-keyword': "Channel rules ('&pattern', 'allchannels', 'resetchannels')",
};

function versionForm(rule: AclRule): string {
  if (rule.kind === 'user-keyword') return rule.keyword === 'clearselectors' ? "'clearselectors'" : "'sanitize-payload' and 'skip-sanitize-payload'";
  return VERSION_FORMS[rule.kind] ?? 'This rule';
}

function problemFinding(p: RuleProblem, def: UserDefinition, ctx: AclContext, source: RuleSource): Finding {
  const f = problemFindingOf(p, def, ctx, source);
  // A word with a quote in an ACL file is likely a piece of a quoted password: never echo it.
  if (source === 'acl' && /["']/.test(p.rule.text) && f.severity === 'error')
    return { ...f, message: aclMessages.quotedWord(source), data: { ...f.data, detail: 'quote' } } as Finding; // ACL rule problems carry informational data only
  return f;
}

function problemFindingOf(p: RuleProblem, def: UserDefinition, ctx: AclContext, source: RuleSource): Finding {
  const range = p.rule.range;
  const target = ctx.target;
  const name = p.name ?? '';
  switch (p.reason) {
    case 'unknown-command': {
      if (name.includes('.')) return finding('acl-module-rule', aclMessages.moduleCommand(name), range, { data: { name } });
      const lower = asciiLower(name);
      const candidates = commandNames(target).filter((n) => !n.includes('|'));
      return finding('acl-unknown-command', aclMessages.unknownCommand(name, target, source, suggest(lower, candidates), knownIn(lower, target)), range, {
        data: { name },
      });
    }
    case 'unknown-subcommand': {
      const bar = name.indexOf('|');
      const container = asciiLower(name.slice(0, bar));
      const sub = name.slice(bar + 1);
      const subs = subcommandsOf(container, target).map((s) => s.slice(container.length + 1));
      return finding(
        'acl-unknown-command',
        aclMessages.unknownSubcommand(container, sub, target, source, suggest(asciiLower(sub), subs), knownIn(`${container}|${asciiLower(sub)}`, target)),
        range,
        {
          data: { name },
        },
      );
    }
    case 'minus-first-arg':
      return finding('acl-unknown-command', aclMessages.minusFirstArg(asciiLower(name.slice(0, name.indexOf('|'))), source), range, { data: { name } });
    case 'unknown-category': {
      const lower = asciiLower(name);
      if (REDIS8_MODULE_CATEGORIES.has(lower) && target === 'redis-8.0')
        return finding('acl-module-rule', aclMessages.moduleCategory(lower, target), range, { data: { name } });
      return finding('acl-unknown-category', aclMessages.unknownCategory(name, source, suggest(lower, [...ACL_CATEGORIES, 'all'])), range, { data: { name } });
    }
    case 'syntax':
      return finding('acl-syntax-error', aclMessages.syntax(syntaxDetail(p.rule, source), source), range, { data: { detail: 'unknown' } });
    case 'user-rule-in-selector':
    case 'whitespace':
    case 'bad-permission':
    case 'empty-first-arg':
      return finding('acl-syntax-error', aclMessages.syntax(p.reason, source), range, { data: { detail: p.reason } });
    case 'no-permission':
      return finding('acl-empty-key-permission', aclMessages.emptyKeyPermission(source), range);
    case 'not-in-version':
      return finding('acl-rule-unsupported-version', aclMessages.unsupportedVersion(versionForm(p.rule), p.since ?? 'a later version', target, source), range, {
        data: { since: p.since },
      });
    case 'bad-hash':
      return finding('acl-invalid-hash', aclMessages.invalidHash(p.rule.kind === 'hash' ? p.rule.hash.length : 0, source), range);
    case 'missing-password':
    case 'missing-hash':
      return finding('acl-remove-missing-password', aclMessages.removeMissingPassword(p.reason === 'missing-password' ? 'password' : 'hash', source), range);
    case 'pattern-after-allkeys':
      return finding('acl-pattern-after-all', aclMessages.patternAfterAll('key', source), range, { data: { kind: 'key' } });
    case 'pattern-after-allchannels': {
      const message =
        ctx.pubsubDefault === 'allchannels' && !allChannelsFromRule(p, def)
          ? aclMessages.channelAfterDefault(source)
          : aclMessages.patternAfterAll('channel', source);
      return finding('acl-pattern-after-all', message, range, { data: { kind: 'channel' } });
    }
    case 'subcommand-first-arg':
      return finding('acl-subcommand-first-arg', aclMessages.subcommandFirstArg(asciiLower(name), source), range);
    case 'subcommand-of-allowed':
      return finding('acl-subcommand-of-allowed-command', aclMessages.subcommandOfAllowed(asciiLower(name), source), range);
  }
}

function noteFinding(n: RuleNote): Finding {
  switch (n.kind) {
    case 'first-arg':
      return finding('acl-first-arg', aclMessages.firstArg(n.command), n.rule.range, { tags: ['deprecated'], data: { command: n.command } });
    case 'nopass-drops':
      return finding('acl-nopass-drops-password', aclMessages.nopassDropsPassword(n.dropped.length), n.rule.range, {
        related: n.dropped.map((r) => ({ message: aclMessages.passwordAddedHere(), range: r.range })),
      });
    case 'empty-selector':
      return finding('acl-selector-ignored', aclMessages.selectorEmptied(), n.rule.range, { data: { detail: 'quotes' } });
  }
}

/**
 * The user definitions of a document, from either source: the lines of an ACL file, or the
 * `user` lines of a redis.conf. Each one comes with its rules classified (selectors merged)
 * and the context its rules are applied in.
 */
import type { AclTree } from '../../syntax/aclParser';
import { classifyRules, type AclRule, type ClassifiedRules, type RuleToken } from '../../syntax/aclRules';
import type { ConfigTree, DirectiveLine } from '../../syntax/configParser';
import { asciiLower, type LineIndex, type Range } from '../../syntax/text';
import type { TargetId } from '../../knowledge/types';
import { aclContext, selectorMerging, type AclContext, type PubsubDefault } from './permissions';

export interface UserDefinition {
  readonly source: 'acl' | 'config';
  readonly name: string;
  readonly nameToken: RuleToken;
  /** The `user` word. */
  readonly keyword: RuleToken;
  /** The whole line. */
  readonly range: Range;
  /** Line number as Redis counts it. */
  readonly redisLine: number;
  /** The words after the name. */
  readonly tokens: readonly RuleToken[];
  readonly classified: ClassifiedRules;
  readonly rules: readonly AclRule[];
}

export interface UserDocument {
  readonly source: 'acl' | 'config';
  readonly users: readonly UserDefinition[];
  readonly index: LineIndex;
  /** The `acl-pubsub-default` the rules are applied with. */
  readonly context: AclContext;
}

function definition(
  source: 'acl' | 'config',
  keyword: RuleToken,
  nameToken: RuleToken,
  tokens: readonly RuleToken[],
  range: Range,
  redisLine: number,
  index: LineIndex,
  target: TargetId,
): UserDefinition {
  const classified = classifyRules(tokens, index, selectorMerging(target));
  return { source, name: nameToken.value, nameToken, keyword, range, redisLine, tokens, classified, rules: classified.rules };
}

/** The users of an ACL file: every valid `user <name>` line. */
export function aclFileUsers(tree: AclTree, target: TargetId): UserDocument {
  const users: UserDefinition[] = [];
  for (const line of tree.lines) {
    if (!line.valid || !line.user) continue;
    const keyword = line.tokens[0] as RuleToken;
    users.push(definition('acl', keyword, line.user, line.rules, line.range, line.redisLine, tree.index, target));
  }
  return { source: 'acl', users, index: tree.index, context: aclContext(target) };
}

/** The `user` lines of a redis.conf that Redis reads as user definitions (two words or more). */
export function configUserLines(tree: ConfigTree): DirectiveLine[] {
  return tree.directives.filter((d) => d.name === 'user' && !d.broken && d.tokens.length >= 2);
}

/** The value of the last `acl-pubsub-default` line, if it is one Redis accepts. */
export function configPubsubDefault(tree: ConfigTree): PubsubDefault | undefined {
  let value: PubsubDefault | undefined;
  for (const d of tree.directives) {
    if (d.name !== 'acl-pubsub-default' || d.broken || d.tokens.length !== 2) continue;
    const v = asciiLower((d.tokens[1] as RuleToken).value);
    if (v === 'allchannels' || v === 'resetchannels') value = v;
  }
  return value;
}

export function configUsers(tree: ConfigTree, target: TargetId): UserDocument {
  const users = configUserLines(tree).map((d) =>
    definition('config', d.tokens[0] as RuleToken, d.tokens[1] as RuleToken, d.tokens.slice(2), d.range, d.redisLine, tree.index, target),
  );
  return { source: 'config', users, index: tree.index, context: aclContext(target, configPubsubDefault(tree)) };
}

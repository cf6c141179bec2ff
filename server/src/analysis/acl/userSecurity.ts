/**
 * Security findings about ACL users: who may log in without a password, who may run
 * everything or the dangerous commands, reach every key or channel, send Lua code, and how
 * the passwords are chosen and stored. Pure; secrets never appear in a message.
 * Severities are the catalogue's defaults; the profile's relaxation is applied by the caller.
 */
import { finding } from '../findings';
import type { DataOf } from '../findingData';
import { DEFAULT_MIN_PASSWORD_LENGTH } from '../../knowledge/secrets';
import { CODE_ACCEPTING_COMMANDS, DANGEROUS_COMMANDS } from '../../knowledge/commands';
import { RULES } from '../../knowledge/rules';
import type { AclRule } from '../../syntax/aclRules';
import type { Finding } from '../types';
import { aclMessages } from './aclMessages';
import { securityMessages } from '../security/securityMessages';
import { newSelector, applyRules, newUser, sha256Hex, type AclContext, type UserState } from './permissions';
import type { UserDefinition } from './users';

type SecurityCode =
  | 'default-user-nopass'
  | 'user-nopass'
  | 'acl-all-commands'
  | 'acl-dangerous-commands'
  | 'acl-all-keys'
  | 'acl-all-channels'
  | 'acl-scripting'
  | 'weak-password'
  | 'plaintext-password';

/**
 * Passwords seen in leaks, defaults and examples (redis.conf's own example is `foobared`).
 * Compared case-insensitively.
 */
const COMMON_PASSWORDS = [
  '',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '12345',
  '1234',
  '111111',
  '000000',
  '123123',
  '654321',
  '666666',
  '888888',
  'qwerty',
  'qwerty123',
  'qwertyuiop',
  'azerty',
  'abc123',
  'abcdef',
  'letmein',
  'welcome',
  'welcome1',
  'monkey',
  'dragon',
  'master',
  'login',
  'admin',
  'admin123',
  'administrator',
  'root',
  'toor',
  'secret',
  'secret123',
  'changeme',
  'changeit',
  'default',
  'guest',
  'test',
  'test123',
  'testing',
  'pass',
  'pass123',
  'iloveyou',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'trustno1',
  'shadow',
  'superman',
  'redis',
  'redis123',
  'redispass',
  'redispassword',
  'valkey',
  'foobared',
  'foobar',
  'mypassword',
  'mypass',
  'mysecret',
  'yourpassword',
  'yourpass',
  'strongpassword',
  'supersecret',
  'topsecret',
  'hunter2',
  'opensesame',
  'cache',
];
const COMMON_SET = new Set(COMMON_PASSWORDS);
/** Their SHA-256 hashes, made on the first `#<hash>` rule: hashing them costs start-up time otherwise. */
let commonHashes: ReadonlySet<string> | undefined;
function isCommonHash(hash: string): boolean {
  commonHashes ??= new Set(COMMON_PASSWORDS.map(sha256Hex));
  return commonHashes.has(hash);
}

export type Weakness = 'short' | 'common' | 'low-entropy';

/**
 * How the config that holds a `user` line exposes a password-less user: the severity and
 * message of its finding. Undefined (an ACL file on its own): the catalogue's severity.
 */
export type UserGrade = (
  code: 'default-user-nopass' | 'user-nopass',
  user: string,
) => { readonly severity: Finding['severity']; readonly message: string } | undefined;

/** Why a password is weak, or undefined. `user` counts as common (a password equal to the user name). */
export function passwordWeakness(secret: string, user: string, minLength = DEFAULT_MIN_PASSWORD_LENGTH): Weakness | undefined {
  const lower = secret.toLowerCase();
  if (COMMON_SET.has(lower) || lower === user.toLowerCase()) return 'common';
  if ([...secret].length < minLength) return 'short';
  return entropyBits(secret) < 100 ? 'low-entropy' : undefined;
}

/** Length times the Shannon entropy of the character distribution. */
function entropyBits(s: string): number {
  const chars = [...s];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    h -= p * Math.log2(p);
  }
  return h * chars.length;
}

/** Root rules and the rules inside selectors, in order. */
function allRules(rules: readonly AclRule[]): AclRule[] {
  return rules.flatMap((r) => (r.kind === 'selector' ? [r, ...r.rules] : [r]));
}

/** The last rule that grants one of `names` on its own (the rule to point at). */
function culprit(rules: readonly AclRule[], names: readonly string[], ctx: AclContext): AclRule | undefined {
  const flat = allRules(rules);
  for (let i = flat.length - 1; i >= 0; i--) {
    const r = flat[i] as AclRule;
    const grants = r.kind === 'command' ? r.allow : r.kind === 'category' ? r.allow : r.kind === 'selector-keyword' && r.keyword === 'allcommands';
    if (!grants) continue;
    const probe = newUser('probe', ctx);
    probe.root = newSelector(ctx);
    applyRules(probe, [r], ctx, { problems: [], notes: [] });
    if (names.some((n) => probe.root.allowed.has(n))) return r;
  }
  return undefined;
}

function lastKeyword(rules: readonly AclRule[], keyword: 'allkeys' | 'allchannels' | 'allcommands'): AclRule | undefined {
  const flat = allRules(rules);
  for (let i = flat.length - 1; i >= 0; i--) {
    const r = flat[i] as AclRule;
    if (r.kind === 'selector-keyword' && r.keyword === keyword) return r;
  }
  return undefined;
}

function mayRun(user: UserState, name: string): boolean {
  return user.root.allowed.has(name) || user.selectors.some((s) => s.allowed.has(name));
}

/** The security findings of one user definition, given the state its rules produce. */
export function userSecurityFindings(
  def: UserDefinition,
  user: UserState,
  ctx: AclContext,
  minPasswordLength = DEFAULT_MIN_PASSWORD_LENGTH,
  grade?: UserGrade,
): Finding[] {
  const out: Finding[] = [];
  const add = <C extends SecurityCode>(
    code: C,
    message: string,
    rule: { range: Finding['range'] } | undefined,
    data?: DataOf<C>,
    severity: Finding['severity'] = RULES[code].severity,
  ): void => {
    out.push(finding(code, message, (rule ?? def.nameToken).range, { severity, ...(data ? { data } : {}) }));
  };
  const selectors = [user.root, ...user.selectors];
  if (user.enabled) {
    const anyCommand = selectors.some((s) => s.allowed.size > 0);
    const nopassRule = def.rules.find((r) => r.kind === 'user-keyword' && r.keyword === 'nopass');
    const nopassCode = def.name === 'default' ? 'default-user-nopass' : 'user-nopass';
    if (user.nopass && anyCommand) {
      const graded = grade?.(nopassCode, def.name);
      const message = graded?.message ?? (nopassCode === 'default-user-nopass' ? aclMessages.defaultUserNopass() : aclMessages.userNopass(def.name));
      add(nopassCode, message, nopassRule, undefined, graded?.severity);
    }
    const all = selectors.some((s) => s.allCommands);
    if (all) add('acl-all-commands', aclMessages.allCommands(def.name), lastKeyword(def.rules, 'allcommands'));
    else {
      const dangerous = Object.keys(DANGEROUS_COMMANDS).filter((c) => mayRun(user, c));
      if (dangerous.length > 0) {
        const rule = culprit(def.rules, dangerous, ctx);
        const viaCategory = rule?.kind === 'category' && rule.category.toLowerCase() === 'dangerous';
        add('acl-dangerous-commands', aclMessages.dangerousCommands(def.name, dangerous, viaCategory), rule, { commands: dangerous });
      }
    }
    if (selectors.some((s) => s.allKeys)) add('acl-all-keys', aclMessages.allKeys(def.name), lastKeyword(def.rules, 'allkeys'));
    const channelsRule = lastKeyword(def.rules, 'allchannels');
    if (channelsRule && selectors.some((s) => s.allChannels)) add('acl-all-channels', aclMessages.allChannels(def.name), channelsRule);
    const scripting = CODE_ACCEPTING_COMMANDS.filter((c) => mayRun(user, c));
    if (scripting.length > 0 && !all)
      add('acl-scripting', aclMessages.scripting(def.name, scripting), culprit(def.rules, scripting, ctx), { commands: scripting });
  }
  const owner = { kind: 'acl-user', user: def.name } as const;
  for (const r of def.rules) {
    if (r.kind === 'password' && r.op === 'add') {
      const why = passwordWeakness(r.secret, def.name, minPasswordLength);
      if (why) add('weak-password', securityMessages.weakPassword(owner, why, minPasswordLength, [...r.secret].length), r, { weakness: why });
      add('plaintext-password', securityMessages.plaintextPassword(owner), r);
    } else if (r.kind === 'hash' && r.op === 'add' && r.valid && isCommonHash(r.hash)) {
      add('weak-password', securityMessages.weakPassword(owner, 'common', minPasswordLength), r, { weakness: 'common' });
    }
  }
  return out;
}

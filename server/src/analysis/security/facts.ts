/**
 * The facts the security rules share, read once from the effective configuration: the
 * value of each directive (aliases included), where the server listens, and whether the
 * default user needs a password.
 */
import { supports } from '../../knowledge/features';
import { primaryName } from '../../knowledge/directives';
import type { TargetId } from '../../knowledge/types';
import { parseAcl } from '../../syntax/aclParser';
import { asciiLower } from '../../syntax/text';
import { buildUser, loginState, type UserState } from '../acl/permissions';
import { aclFileUsers, configUsers } from '../acl/users';
import { aclfileOf, pathScope, type ConfigModel, type FileSource, type ModelLine } from '../configModel';
import type { ConfigTree } from '../../syntax/configParser';
import type { DocumentKind, Settings } from '../types';
import { exposureOf, type Exposure } from './exposure';

export type DefaultUserState =
  /** Anyone who connects is the default user, with no password. */
  | 'open'
  | 'password'
  /** Disabled, or with neither password nor nopass: nobody logs in as default. */
  | 'closed'
  /** An ACL file we could not read decides. */
  | 'unknown';

export interface DefaultUserFacts {
  readonly state: DefaultUserState;
  readonly decidedBy: 'requirepass' | 'user-line' | 'aclfile' | 'nothing';
  readonly line?: ModelLine;
  /**
   * The user carries the nopass flag, enabled or not: what protected mode looks at. Redis
   * creates it with the flag; a password, `resetpass` or a `user default` line without
   * `nopass` clears it.
   */
  readonly nopassFlag: boolean;
  /** Its permissions when a `user default` line decides them; undefined: Redis's own `+@all`. */
  readonly user?: UserState;
  /** Sentinel 6.0 ignores `user` lines and `aclfile`: some were written, none counts. */
  readonly usersIgnored?: boolean;
}

/** An enabled user other than default that accepts any password. */
export interface NopassUser {
  readonly name: string;
  /** Its `user` line in this document; undefined when it is in the ACL file. */
  readonly line?: ModelLine;
}

export interface SecurityFacts {
  readonly model: ConfigModel;
  readonly tree: ConfigTree;
  readonly target: TargetId;
  readonly kind: DocumentKind;
  readonly settings: Settings;
  /** The line that sets a directive last, under its name or one of its aliases. */
  last(primary: string): ModelLine | undefined;
  /** Its first value, lower-cased with ASCII rules when `lower` is set. */
  value(primary: string, lower?: boolean): string | undefined;
  /** Every line of a directive, in load order. */
  all(primary: string): readonly ModelLine[];
  readonly plainPortOpen: boolean;
  readonly tlsPortOpen: boolean;
  readonly defaultUser: DefaultUserFacts;
  /** Enabled users other than default with `nopass`, from the `user` lines or the ACL file. */
  readonly nopassUsers: readonly NopassUser[];
  /** The aclfile path as resolved, and its text when readable. */
  readonly aclFile?: { readonly path: string; readonly text: string | undefined; readonly line: ModelLine };
  /** Who reaches the server and who gets in without a password, on the targeted version. */
  readonly exposure: Exposure;
}

export interface FactsInput {
  readonly model: ConfigModel;
  readonly tree: ConfigTree;
  readonly kind: DocumentKind;
  readonly settings: Settings;
  readonly path?: string;
  readonly source?: FileSource;
}

export function securityFacts(input: FactsInput): SecurityFacts {
  const { model, settings } = input;
  const target = settings.target;
  const primaryOf = (name: string): string => primaryName(name, target);
  const byPrimary = new Map<string, ModelLine[]>();
  for (const m of model.lines) {
    const key = primaryOf(m.line.name);
    const list = byPrimary.get(key) ?? [];
    list.push(m);
    byPrimary.set(key, list);
  }
  const all = (primary: string): readonly ModelLine[] => byPrimary.get(primary) ?? [];
  const last = (primary: string): ModelLine | undefined => all(primary).at(-1);
  const value = (primary: string, lower = false): string | undefined => {
    const v = last(primary)?.line.tokens[1]?.value;
    return v === undefined ? undefined : lower ? asciiLower(v) : v;
  };

  const port = value('port');
  const plainPortOpen = port === undefined || port !== '0';
  const tlsPort = value('tls-port');
  const tlsPortOpen = tlsPort !== undefined && tlsPort !== '0' && tlsPort !== '';

  const acl = aclfileOf(model, pathScope(input.path, settings.includeBaseDirectory));
  const aclFile = acl?.path !== undefined ? { path: acl.path, text: input.source?.read(acl.path), line: acl.line } : undefined;

  const facts: Omit<SecurityFacts, 'exposure'> = {
    model,
    tree: input.tree,
    target,
    kind: input.kind,
    settings,
    last,
    value,
    all,
    plainPortOpen,
    tlsPortOpen,
    ...usersOf(input, last, aclFile, acl !== undefined),
    ...(aclFile ? { aclFile } : {}),
  };
  return { ...facts, exposure: exposureOf(facts) };
}

/** Sentinel 6.0 loads no ACL users: its `user` lines and `aclfile` are read and ignored. */
export function sentinelIgnoresUsers(kind: DocumentKind, target: TargetId): boolean {
  return kind === 'sentinel' && !supports(target, 'sentinel-acl-users');
}

function usersOf(
  input: FactsInput,
  last: (p: string) => ModelLine | undefined,
  aclFile: { path: string; text: string | undefined } | undefined,
  hasAclFile: boolean,
): { defaultUser: DefaultUserFacts; nopassUsers: NopassUser[] } {
  const target = input.settings.target;
  const requirepass = (): DefaultUserFacts => {
    const line = last('requirepass');
    const secret = line?.line.tokens[1]?.value;
    if (line && secret !== undefined && secret !== '') return { state: 'password', decidedBy: 'requirepass', line, nopassFlag: false };
    return { state: 'open', decidedBy: 'nothing', nopassFlag: true };
  };
  if (sentinelIgnoresUsers(input.kind, target)) {
    const ignored = hasAclFile || configUsers(input.tree, target).users.length > 0;
    return { defaultUser: { ...requirepass(), ...(ignored ? { usersIgnored: true } : {}) }, nopassUsers: [] };
  }
  if (hasAclFile) {
    if (aclFile?.text === undefined) return { defaultUser: { state: 'unknown', decidedBy: 'aclfile', nopassFlag: false }, nopassUsers: [] };
    const users = aclFileUsers(parseAcl(aclFile.text).tree, target);
    // Where a user is defined twice and the server still loads (Redis 6.0), the last definition wins.
    const built = [...new Map(users.users.map((u) => [u.name, buildUser(u.name, u.rules, users.context).user])).values()];
    const nopassUsers = built.filter((u) => u.name !== 'default' && opensWithoutPassword(u)).map((u) => ({ name: u.name }));
    const def = built.find((u) => u.name === 'default');
    // Without a `default` line Redis keeps the one it made: on, nopass, every command.
    if (!def) return { defaultUser: { state: 'open', decidedBy: 'aclfile', nopassFlag: true }, nopassUsers };
    return { defaultUser: { state: stateOf(def), decidedBy: 'aclfile', nopassFlag: def.nopass, user: def }, nopassUsers };
  }
  // An inline `user default` line overrides requirepass, whatever their order.
  const users = configUsers(input.tree, target);
  const lineOf = (start: number): ModelLine | undefined => input.model.lines.find((m) => m.file === undefined && m.line.range.start.line === start);
  const nopassUsers: NopassUser[] = [];
  let def: { user: UserState; start: number } | undefined;
  // Where a user is defined twice and the server still starts (Redis 6.0), the last definition wins.
  const lastOf = new Map(users.users.map((u) => [u.name, u]));
  for (const u of lastOf.values()) {
    const user = buildUser(u.name, u.rules, users.context).user;
    if (u.name === 'default') def = { user, start: u.range.start.line };
    else if (opensWithoutPassword(user)) {
      const line = lineOf(u.range.start.line);
      nopassUsers.push({ name: u.name, ...(line ? { line } : {}) });
    }
  }
  if (def) {
    const line = lineOf(def.start);
    return {
      defaultUser: { state: stateOf(def.user), decidedBy: 'user-line', nopassFlag: def.user.nopass, user: def.user, ...(line ? { line } : {}) },
      nopassUsers,
    };
  }
  return { defaultUser: requirepass(), nopassUsers };
}

/** Enabled, nopass, and allowed some command: logging in as it gets a client somewhere. */
function opensWithoutPassword(user: UserState): boolean {
  return user.enabled && user.nopass && [user.root, ...user.selectors].some((s) => s.allowed.size > 0);
}

function stateOf(user: UserState): DefaultUserState {
  const s = loginState(user);
  return s === 'nopass' ? 'open' : s === 'password' ? 'password' : 'closed';
}

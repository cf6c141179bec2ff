/**
 * The facts the security rules share, read once from the effective configuration: the
 * value of each directive (aliases included), where the server listens, and whether the
 * default user needs a password.
 */
import { directiveVariant } from '../../knowledge/directives';
import type { TargetId } from '../../knowledge/types';
import { parseAcl } from '../../syntax/aclParser';
import { asciiLower } from '../../syntax/text';
import { buildUser, loginState } from '../acl/permissions';
import { aclFileUsers, configUsers } from '../acl/users';
import { includeBase, resolvePath, type ConfigModel, type FileSource, type ModelLine } from '../configModel';
import type { ConfigTree } from '../../syntax/configParser';
import type { DocumentKind, Settings } from '../types';

export type DefaultUserState =
  /** Anyone who connects is the default user, with no password. */
  | 'open'
  | 'password'
  /** Disabled, or with neither password nor nopass: nobody logs in as default. */
  | 'closed'
  /** An ACL file we could not read decides. */
  | 'unknown';

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
  /** True when a TCP port (plain or TLS) is open on an address other than loopback. */
  readonly beyondLoopback: boolean;
  readonly plainPortOpen: boolean;
  readonly tlsPortOpen: boolean;
  readonly defaultUser: { readonly state: DefaultUserState; readonly decidedBy: 'requirepass' | 'user-line' | 'aclfile' | 'nothing'; readonly line?: ModelLine };
  /** The aclfile path as resolved, and its text when readable. */
  readonly aclFile?: { readonly path: string; readonly text: string | undefined; readonly line: ModelLine };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

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
  const primaryOf = (name: string): string => directiveVariant(name, target)?.aliasOf ?? (name === 'slaveof' ? 'replicaof' : name);
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
  const bind = last('bind');
  const addresses = bind ? bind.line.tokens.slice(1).flatMap((t) => t.value.split(' ')).filter((a) => a !== '') : ['*'];
  const everyAddressLoopback = addresses.length > 0 && addresses.every((a) => LOOPBACK.test(a.replace(/^-/, '')));
  const beyondLoopback = (plainPortOpen || tlsPortOpen) && !everyAddressLoopback;

  const aclLine = last('aclfile');
  const aclPath = aclLine?.line.tokens[1]?.value;
  const base = includeBase({ ...(input.path ? { path: input.path } : {}), ...(settings.includeBaseDirectory ? { baseDirectory: settings.includeBaseDirectory } : {}) });
  const aclFile =
    aclLine && aclPath && base !== undefined
      ? { path: resolvePath(base, aclPath), text: input.source?.read(resolvePath(base, aclPath)), line: aclLine }
      : undefined;

  return {
    model,
    tree: input.tree,
    target,
    kind: input.kind,
    settings,
    last,
    value,
    all,
    beyondLoopback,
    plainPortOpen,
    tlsPortOpen,
    defaultUser: defaultUserState(input, last, aclFile, aclLine !== undefined && aclPath !== undefined && aclPath !== ''),
    ...(aclFile ? { aclFile } : {}),
  };
}

function defaultUserState(
  input: FactsInput,
  last: (p: string) => ModelLine | undefined,
  aclFile: { path: string; text: string | undefined } | undefined,
  hasAclFile: boolean,
): SecurityFacts['defaultUser'] {
  const target = input.settings.target;
  if (hasAclFile) {
    if (aclFile?.text === undefined) return { state: 'unknown', decidedBy: 'aclfile' };
    const users = aclFileUsers(parseAcl(aclFile.text).tree, target);
    const def = users.users.find((u) => u.name === 'default');
    if (!def) return { state: 'open', decidedBy: 'aclfile' };
    return { state: stateOf(buildUser('default', def.rules, users.context).user), decidedBy: 'aclfile' };
  }
  // An inline `user default` line overrides requirepass, whatever their order.
  const users = configUsers(input.tree, target);
  const def = users.users.filter((u) => u.name === 'default').at(-1);
  if (def) {
    const line = input.model.lines.find((m) => m.file === undefined && m.line.range.start.line === def.range.start.line);
    return { state: stateOf(buildUser('default', def.rules, users.context).user), decidedBy: 'user-line', ...(line ? { line } : {}) };
  }
  const requirepass = last('requirepass');
  const secret = requirepass?.line.tokens[1]?.value;
  if (requirepass && secret !== undefined && secret !== '') return { state: 'password', decidedBy: 'requirepass', line: requirepass };
  return { state: 'open', decidedBy: 'nothing' };
}

function stateOf(user: ReturnType<typeof buildUser>['user']): DefaultUserState {
  const s = loginState(user);
  return s === 'nopass' ? 'open' : s === 'password' ? 'password' : 'closed';
}

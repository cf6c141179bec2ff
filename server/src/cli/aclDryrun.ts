/**
 * `redis-config-lint acl-dryrun [--target ID] FILE USER COMMAND [ARG...]`: would USER be
 * allowed to run COMMAND with these arguments? The answer of `ACL DRYRUN`, worked out from
 * the file alone, without a server.
 *
 * FILE is an ACL file (`*.acl`, or a file whose lines all start with `user `), or a
 * redis.conf with `user` lines; a redis.conf with `aclfile` is followed to its ACL file
 * (a relative path starts from the folder of the redis.conf). Like ACL DRYRUN, `on`/`off`
 * and passwords do not matter. Prints `allowed` (exit 0) or `denied: <reason>` (exit 1);
 * usage, file and lookup errors print one line on stderr and exit 2. Never prints a password.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { dryRun, buildUser, builtinDefaultUser, type AclContext, type UserState } from '../analysis/acl/permissions';
import { aclFileUsers, configPubsubDefault, configUsers, type UserDocument } from '../analysis/acl/users';
import { aclContext } from '../analysis/acl/permissions';
import { DEFAULT_TARGET, TARGETS, isTargetId, type TargetId } from '../knowledge/types';
import { quoting } from '../knowledge/versions';
import { parseAcl } from '../syntax/aclParser';
import { parseConfig } from '../syntax/configParser';
import { readConfigFile } from './files';

export const ACL_DRYRUN_USAGE = `Usage: redis-config-lint acl-dryrun [--target ID] FILE USER COMMAND [ARG...]

Says whether USER may run COMMAND with these arguments, as ACL DRYRUN would.
FILE is an ACL file, or a redis.conf with 'user' lines or an 'aclfile'.
--target ID: ${TARGETS.join(', ')} (default: ${DEFAULT_TARGET})
Exit status: 0 allowed, 1 denied, 2 usage, file or lookup error.`;

/** True when every non-blank line starts with `user `: the shape of an ACL file. */
function looksLikeAclFile(path: string, text: string): boolean {
  if (path.toLowerCase().endsWith('.acl')) return true;
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => l.startsWith('user '));
}

interface Loaded {
  readonly doc: UserDocument;
  readonly file: string;
}

function load(path: string, target: TargetId): Loaded | string {
  const read = readConfigFile(path);
  if (!read.ok) return `cannot read ${path}: ${read.reason}`;
  if (looksLikeAclFile(path, read.text)) return { doc: aclFileUsers(parseAcl(read.text).tree, target), file: path };
  const tree = parseConfig(read.text, quoting(target)).tree;
  const aclfile = [...tree.directives].reverse().find((d) => d.name === 'aclfile' && !d.broken && d.tokens.length === 2 && d.tokens[1]?.value !== '');
  if (!aclfile) return { doc: configUsers(tree, target), file: path };
  const name = aclfile.tokens[1]?.value ?? '';
  const aclPath = isAbsolute(name) ? name : resolve(dirname(path), name);
  const acl = readConfigFile(aclPath);
  if (!acl.ok) return `cannot read ${aclPath} (the aclfile of ${path}): ${acl.reason}`;
  const doc = aclFileUsers(parseAcl(acl.text).tree, target);
  const pubsub = configPubsubDefault(tree);
  return { doc: pubsub ? { ...doc, context: aclContext(target, pubsub) } : doc, file: aclPath };
}

function findUser(doc: UserDocument, name: string, ctx: AclContext): { user: UserState; problems: number } | undefined {
  const def = doc.users.find((u) => u.name === name);
  if (!def) return name === 'default' ? { user: builtinDefaultUser(ctx), problems: 0 } : undefined;
  const { user, log } = buildUser(def.name, def.rules, ctx);
  return { user, problems: log.problems.length + (def.classified.unclosed ? 1 : 0) };
}

export function runAclDryrun(args: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const rest = [...args];
  let target: TargetId = DEFAULT_TARGET;
  if (rest[0] === '--help' || rest[0] === '-h') {
    out(ACL_DRYRUN_USAGE);
    return 0;
  }
  if (rest[0] === '--target' || rest[0]?.startsWith('--target=')) {
    const value = rest[0] === '--target' ? rest[1] : rest[0].slice('--target='.length);
    rest.splice(0, rest[0] === '--target' ? 2 : 1);
    if (!isTargetId(value)) {
      err(`acl-dryrun: invalid --target '${value ?? ''}' (expected ${TARGETS.join(', ')})`);
      return 2;
    }
    target = value;
  }
  const [file, userName, ...command] = rest;
  if (file === undefined || userName === undefined || command.length === 0) {
    err(`acl-dryrun: expected FILE USER COMMAND [ARG...]\n${ACL_DRYRUN_USAGE}`);
    return 2;
  }
  const loaded = load(file, target);
  if (typeof loaded === 'string') {
    err(`acl-dryrun: ${loaded}`);
    return 2;
  }
  const found = findUser(loaded.doc, userName, loaded.doc.context);
  if (!found) {
    err(`acl-dryrun: no user '${userName}' in ${loaded.file}`);
    return 2;
  }
  if (found.problems > 0) err(`acl-dryrun: warning: the rules of '${userName}' have errors, so Redis would refuse ${loaded.file}; answering from the rules it understands`);
  const result = dryRun(found.user, command, target);
  switch (result.verdict) {
    case 'allowed':
      out('allowed');
      return 0;
    case 'denied':
      out(`denied: ${result.message}`);
      return 1;
    case 'error':
      err(`acl-dryrun: ${result.message}`);
      return 2;
  }
}

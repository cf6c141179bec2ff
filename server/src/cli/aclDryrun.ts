/**
 * `redis-config-lint acl-dryrun [--target ID] [--include-base DIR] FILE USER COMMAND [ARG...]`: would USER be
 * allowed to run COMMAND with these arguments? The answer of `ACL DRYRUN`, worked out from
 * the file alone, without a server.
 *
 * FILE is an ACL file (`*.acl`, or a file whose lines all start with `user `), or a
 * redis.conf with `user` lines; a redis.conf with `aclfile` is followed to its ACL file
 * (a relative path starts from --include-base, else from the folder of the redis.conf, as in
 * the lint). Like ACL DRYRUN, `on`/`off`
 * and passwords do not matter. A command that the redis.conf's `rename-command` removed
 * (renamed to "") or renamed is denied under its old name, with the line that did it; its
 * new name is checked against the rules of the old one, as Redis does. Prints `allowed` (exit 0) or `denied: <reason>` (exit 1);
 * usage, file and lookup errors print one line on stderr and exit 2. Never prints a password.
 */
import { resolve } from 'node:path';
import { aclfileOf, pathScope, singleFileModel } from '../analysis/configModel';
import { dryRun, buildUser, builtinDefaultUser, type AclContext, type UserState } from '../analysis/acl/permissions';
import { aclFileUsers, configPubsubDefault, configUsers, type UserDocument } from '../analysis/acl/users';
import { aclContext } from '../analysis/acl/permissions';
import { DEFAULT_TARGET, TARGETS, isTargetId, type TargetId } from '../knowledge/types';
import { quoting } from '../knowledge/features';
import { parseAcl } from '../syntax/aclParser';
import { parseConfig } from '../syntax/configParser';
import { readConfigFile } from './files';

export const ACL_DRYRUN_USAGE = `Usage: redis-config-lint acl-dryrun [--target ID] [--include-base DIR] FILE USER COMMAND [ARG...]

Says whether USER may run COMMAND with these arguments, as ACL DRYRUN would.
FILE is an ACL file, or a redis.conf with 'user' lines or an 'aclfile'.
--target ID: ${TARGETS.join(', ')} (default: ${DEFAULT_TARGET})
--include-base DIR: where a relative aclfile starts (default: the folder of FILE)
Exit status: 0 allowed, 1 denied, 2 usage, file or lookup error.`;

/** True when every non-blank line starts with `user `: the shape of an ACL file. */
function looksLikeAclFile(path: string, text: string): boolean {
  if (path.toLowerCase().endsWith('.acl')) return true;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => l.startsWith('user '));
}

/** A `rename-command` line: the new name ('' removes the command) and where it is. */
interface Rename {
  readonly to: string;
  readonly line: number;
  readonly file: string;
}

interface Loaded {
  readonly doc: UserDocument;
  readonly file: string;
  /** By lower-case original name; the last line for a name wins, as Redis applies them in order. */
  readonly renames: ReadonlyMap<string, Rename>;
}

function renamesOf(tree: ReturnType<typeof parseConfig>['tree'], file: string): Map<string, Rename> {
  const out = new Map<string, Rename>();
  for (const d of tree.directives) {
    if (d.name !== 'rename-command' || d.broken || d.tokens.length !== 3) continue;
    const [, from, to] = d.tokens;
    if (from && to) out.set(from.value.toLowerCase(), { to: to.value, line: d.redisLine, file });
  }
  return out;
}

function load(path: string, target: TargetId, baseDirectory: string | undefined): Loaded | string {
  const read = readConfigFile(path);
  if (!read.ok) return `cannot read ${path}: ${read.reason}`;
  if (looksLikeAclFile(path, read.text)) return { doc: aclFileUsers(parseAcl(read.text).tree, target), file: path, renames: new Map() };
  const tree = parseConfig(read.text, quoting(target)).tree;
  const renames = renamesOf(tree, path);
  const aclPath = aclfileOf(singleFileModel(tree), pathScope(resolve(path), baseDirectory))?.path;
  if (aclPath === undefined) return { doc: configUsers(tree, target), file: path, renames };
  const acl = readConfigFile(aclPath);
  if (!acl.ok) return `cannot read ${aclPath} (the aclfile of ${path}): ${acl.reason}`;
  const doc = aclFileUsers(parseAcl(acl.text).tree, target);
  const pubsub = configPubsubDefault(tree);
  return { doc: pubsub ? { ...doc, context: aclContext(target, pubsub) } : doc, file: aclPath, renames };
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
  let baseDirectory: string | undefined;
  for (;;) {
    const flag = ['--target', '--include-base'].find((f) => rest[0] === f || rest[0]?.startsWith(`${f}=`));
    if (flag === undefined) break;
    const value = rest[0] === flag ? rest[1] : rest[0]?.slice(flag.length + 1);
    rest.splice(0, rest[0] === flag ? 2 : 1);
    if (flag === '--include-base') {
      if (!value) {
        err(`acl-dryrun: --include-base needs a folder\n${ACL_DRYRUN_USAGE}`);
        return 2;
      }
      baseDirectory = resolve(value);
    } else if (!isTargetId(value)) {
      err(`acl-dryrun: invalid --target '${value ?? ''}' (expected ${TARGETS.join(', ')})`);
      return 2;
    } else target = value;
  }
  const [file, userName, ...command] = rest;
  if (file === undefined || userName === undefined || command.length === 0) {
    err(`acl-dryrun: expected FILE USER COMMAND [ARG...]\n${ACL_DRYRUN_USAGE}`);
    return 2;
  }
  const loaded = load(file, target, baseDirectory);
  if (typeof loaded === 'string') {
    err(`acl-dryrun: ${loaded}`);
    return 2;
  }
  const found = findUser(loaded.doc, userName, loaded.doc.context);
  if (!found) {
    err(`acl-dryrun: no user '${userName}' in ${loaded.file}`);
    return 2;
  }
  if (found.problems > 0)
    err(`acl-dryrun: warning: the rules of '${userName}' have errors, so Redis would refuse ${loaded.file}; answering from the rules it understands`);
  const name = (command[0] ?? '').toLowerCase();
  const renamed = loaded.renames.get(name);
  // A rename to the same name changes nothing; any other hides the old name from every client.
  if (renamed && renamed.to.toLowerCase() !== name) {
    const how = renamed.to === '' ? 'removed' : 'renamed';
    out(
      `denied: '${command[0]}' was ${how} by the rename-command on line ${renamed.line} of ${renamed.file}: no client can call it by this name, whatever its ACL rules (ACL DRYRUN answers "Command '${command[0]}' not found")`,
    );
    return 1;
  }
  // Called by its new name, the command keeps its ACL identity: the rules name the original.
  const original = [...loaded.renames].find(([, r]) => r.to !== '' && r.to.toLowerCase() === name)?.[0];
  const result = dryRun(found.user, original ? [original, ...command.slice(1)] : command, target);
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

/**
 * Fixes that move a config to ACL rules: `rename-command` lines become `-command` rules for
 * every user they applied to (one line, or every rename of the file at once), and the
 * password fixes of passwords.ts.
 *
 * `rename-command CMD ""` removes CMD for everybody. The fix appends `-cmd` to every user
 * that may run it — at the end of the rules, so that no later `+@all` gives it back, and
 * inside each `( ... )` selector that allows it — in the ACL file when `aclfile` is set,
 * else in the `user` lines. The default user, when nothing defines it, is written out with
 * the rights Redis gives it (`on nopass ~* &* +@all`, or the requirepass password as its
 * SHA-256, the requirepass line going) minus the commands. Users that cannot run a command
 * are left as they are. `-cmd` on a container (`CONFIG`) removes every subcommand.
 *
 * `rename-command CMD <secret>` left CMD to whoever knows the name; the fix offers the same
 * `-cmd` for everybody, or that plus a dedicated user that may run CMD and nothing else
 * (`-@all +cmd`, with `~*` / `&*` when the command takes keys / channels), with a generated
 * password stored as its SHA-256 and shown once in `Fix.notice`. Least privilege: those who
 * knew the secret name keep their own user for everything else.
 *
 * The rename lines become comments that say what replaced them. Nothing here is safe for
 * fix-all: every fix changes who may run what.
 */
import type { Analysis, ConfigAnalysis } from '../analyze';
import { commandHasChannels, commandHasKeys } from '../acl/keys';
import { aclFeatures, buildUser, sha256Hex, sha256HexOf, type SelectorState } from '../acl/permissions';
import { commandInfo, type CommandInfo } from '../../knowledge/commands';
import type { DirectiveLine } from '../../syntax/configParser';
import { asciiLower } from '../../syntax/text';
import {
  builtinDefaultRules,
  canHandOver,
  defaultUser,
  effectiveRequirepass,
  freeUserName,
  generatePassword,
  lineEnd,
  passwordFixes,
  requirepassLines,
  UTF8_GUESS,
  storeName,
  userStore,
  type FixContext,
  type PlacedUser,
  type UserStore,
} from './passwords';
import { EditSet, appendLine, deleteLine, eolOf, indentOf, insertAt, replaceSpan } from './edits';
import type { Finding } from '../types';
import type { Fix } from './types';

export type { FixContext, RandomHex } from './passwords';

interface Rename {
  readonly line: DirectiveLine;
  /** The command as written. */
  readonly written: string;
  /** Its name in ACL rules (lower case). */
  readonly acl: string;
  /** Renamed to `""`. */
  readonly removed: boolean;
  readonly info: CommandInfo;
}

/**
 * The rename-command lines of the document that ACL rules can replace: a command of the
 * target (no subcommand), which ACL checks (not AUTH, HELLO, QUIT), renamed once.
 */
function renamesOf(a: ConfigAnalysis): Rename[] {
  const seen = new Set<string>();
  const out: Rename[] = [];
  for (const line of a.tree.directives) {
    if (line.name !== 'rename-command' || line.broken || line.tokens.length !== 3) continue;
    const written = line.tokens[1]?.value ?? '';
    const acl = asciiLower(written);
    const info = commandInfo(acl, a.settings.target);
    if (!info || acl.includes('|') || info.variant.flags.includes('no_auth') || seen.has(acl)) continue;
    seen.add(acl);
    out.push({ line, written, acl, removed: line.tokens[2]?.value === '', info });
  }
  return out;
}

/** Whether `-cmd` changes what a selector may run: the command, a subcommand, or a first argument. */
function touches(s: SelectorState, info: CommandInfo): boolean {
  const name = info.entry.name;
  return s.allowed.has(name) || s.firstArgs.has(name) || (info.subcommands ?? []).some((sub) => s.allowed.has(sub));
}

function denyWords(renames: readonly Rename[]): string {
  return renames.map((r) => ` -${r.acl}`).join('');
}

/** `-cmd` for one existing user: at the end of its rules, and inside each selector that allows it. */
function denyForUser(user: PlacedUser, renames: readonly Rename[], edits: EditSet): void {
  const state = buildUser(user.def.name, user.def.rules, user.context).user;
  const root = renames.filter((r) => touches(state.root, r.info));
  if (root.length > 0) edits.add(user.file, insertAt(user.index, lineEnd(user), denyWords(root)));
  for (const rule of user.def.rules) {
    if (rule.kind !== 'selector') continue;
    // A selector starts from nothing: on its own it has the permissions it has in the user.
    const selector = buildUser('probe', [rule], user.context).user.selectors[0];
    if (!selector) continue;
    const hit = renames.filter((r) => touches(selector, r.info));
    const close = user.index.text.lastIndexOf(')', rule.end - 1);
    if (hit.length > 0 && close >= rule.start) edits.add(user.file, insertAt(user.index, close, denyWords(hit)));
  }
}

interface Admin {
  readonly name: string;
  readonly password: string;
}

function adminLine(a: ConfigAnalysis, admin: Admin, renames: readonly Rename[]): string {
  const target = a.settings.target;
  const names = renames.flatMap((r) => [r.acl, ...(r.info.subcommands ?? [])]);
  const keys = names.some((n) => commandHasKeys(n, target)) ? ' ~*' : '';
  const channels = aclFeatures(target).channels && names.some((n) => commandHasChannels(n)) ? ' &*' : '';
  return `user ${admin.name} on #${sha256Hex(admin.password)}${keys}${channels} -@all${renames.map((r) => ` +${r.acl}`).join('')}`;
}

function shown(r: Rename): string {
  return r.removed ? `${r.written} ""` : `${r.written} <secret name>`;
}

/**
 * One fix replacing `renames` with ACL rules; `admin` adds a user that may run the
 * secretly renamed ones among them.
 */
function renameFix(
  a: ConfigAnalysis,
  store: UserStore,
  code: string,
  renames: readonly Rename[],
  admin: Admin | undefined,
  title: (where: string) => string,
): Fix | undefined {
  const first = renames[0];
  if (!first) return undefined;
  const edits = new EditSet();
  for (const user of store.users) denyForUser(user, renames, edits);

  const newLines: string[] = [];
  let requirepassMoved = false;
  let guessed = false;
  if (!defaultUser(store)) {
    // Redis's own default user, written out: in the inline case it has the requirepass password.
    const requirepass = store.kind === 'inline' ? effectiveRequirepass(a) : undefined;
    // Redis hashes the password's bytes: when the editor lost them, no default user can be written.
    if (requirepass?.lost) return undefined;
    if (requirepass && !requirepass.known) guessed = true;
    newLines.push(`user default ${builtinDefaultRules(a.settings.target, requirepass ? sha256HexOf(requirepass.bytes) : undefined)}${denyWords(renames)}`);
    if (requirepass) {
      requirepassMoved = true;
      for (const line of requirepassLines(a)) edits.add(undefined, deleteLine(a.tree.index, line.range.start.line));
    }
  }
  const privileged = renames.filter((r) => !r.removed);
  if (admin && privileged.length > 0) newLines.push(adminLine(a, admin, privileged));

  const index = a.tree.index;
  const eol = eolOf(index.text);
  const where = store.kind === 'aclfile' ? ` in ${store.written}` : '';
  for (const r of renames) {
    const also = admin && !r.removed ? ` and user ${admin.name}` : '';
    let text = `# rename-command ${shown(r)} replaced by ACL rule -${r.acl}${where}${also} (redis-config)`;
    if (r === first && store.kind === 'inline') {
      const indent = indentOf(index, r.line);
      for (const l of newLines) text += `${eol}${indent}${l}`;
    }
    edits.add(undefined, replaceSpan(index, r.line.start, r.line.end, text));
  }
  if (store.kind === 'aclfile' && newLines.length > 0) edits.add(store.path, appendLine(store.index, newLines.join(eolOf(store.index.text))));

  const place = storeName(store, edits) + (requirepassMoved ? '; requirepass → user default' : '') + (guessed ? UTF8_GUESS : '');
  const fix: Fix = { code, title: title(place), edits: edits.toFileEdits(), safe: false };
  if (!admin) return fix;
  const commands = privileged.map((r) => r.written.toUpperCase()).join(', ');
  return {
    ...fix,
    notice: `User '${admin.name}' may run ${commands}. Its password, shown only this once (the file keeps only its SHA-256): ${admin.password}`,
    password: { value: admin.password, owner: `user '${admin.name}'` },
  };
}

function renameFixes(a: ConfigAnalysis, f: Finding<'rename-command-deprecated'>, ctx: FixContext): Fix[] {
  const all = renamesOf(a);
  const mine = all.find((r) => r.line.range.start.line <= f.range.start.line && r.line.range.end.line >= f.range.start.line);
  if (!mine || (f.data !== undefined && asciiLower(f.data.command) !== mine.acl)) return [];
  const store = userStore(a, ctx);
  if (!store) return [];
  const fixes: (Fix | undefined)[] = [];
  const rule = `'-${mine.acl}'`;
  const single = (where: string): string => `Use ACL rule ${rule} for every user${where}`;
  const deny = renameFix(a, store, f.code, [mine], undefined, single);
  // `""` has one fix; a secret name prefers keeping the command for a dedicated user.
  const withAdmin = !mine.removed && canHandOver(ctx);
  fixes.push(deny && !withAdmin ? { ...deny, preferred: true } : deny);
  if (withAdmin) {
    const admin = { name: freeUserName(store, `${mine.acl}-admin`), password: generatePassword(ctx) };
    const fix = renameFix(a, store, f.code, [mine], admin, (where) => `Use ${rule} for all but a new user '${admin.name}'${where}`);
    fixes.push(fix ? { ...fix, preferred: true } : undefined);
  }
  if (all.length >= 2) {
    const count = a.tree.directives.filter((d) => d.name === 'rename-command').length;
    const lines = count === all.length ? `all ${all.length}` : `${all.length} of the ${count}`;
    fixes.push(renameFix(a, store, f.code, all, undefined, (where) => `Replace ${lines} rename-commands with ACL rules${where}`));
    const secret = all.filter((r) => !r.removed);
    if (secret.length > 0 && canHandOver(ctx)) {
      const admin = { name: freeUserName(store, 'admin'), password: generatePassword(ctx) };
      fixes.push(renameFix(a, store, f.code, all, admin, (where) => `Replace ${lines} rename-commands with ACL rules + user '${admin.name}'${where}`));
    }
  }
  return fixes.filter((x): x is Fix => x !== undefined);
}

/** The ACL fixes of a finding: rename-command → ACL rules, and the password fixes. */
export function aclFixes(analysis: Analysis, f: Finding, ctx: FixContext = {}): Fix[] {
  if (f.code === 'rename-command-deprecated') return analysis.kind === 'config' ? renameFixes(analysis, f, ctx) : [];
  return passwordFixes(analysis, f, ctx);
}

/**
 * Fixes for passwords, and what they share with the ACL fixes (aclFixes.ts): where the
 * users of a config live (`user` lines, or the ACL file named by `aclfile`, read through the
 * FileSource) and how to write the default user out. The text edits they make are in edits.ts.
 *
 * - `plaintext-password` on an ACL rule: `>secret` becomes `#<sha256>` (safe: Redis keeps
 *   only the hash either way);
 * - `weak-password`: a generated password of ACL GENPASS strength replaces it, stored as
 *   `#<sha256>` in ACL rules and shown once through `Fix.notice`;
 * - `requirepass` (`requirepass-prefer-acl`, or `plaintext-password` / `weak-password` on
 *   it): a `user default` with the same rights and the hashed password, in this file or in
 *   the ACL file when there is one (never both: Redis refuses `user` lines with `aclfile`).
 *
 * Pure apart from the randomness of generated passwords, which the caller may inject. No
 * title or notice ever holds a password that is already in a file.
 */
import { bytesToHex, randomBytes } from '@noble/hashes/utils';
import type { AclAnalysis, Analysis, ConfigAnalysis } from '../analyze';
import { aclFeatures, sha256Hex, sha256HexOf, type AclContext } from '../acl/permissions';
import { aclFileUsers, configUsers, type UserDefinition } from '../acl/users';
import { argumentBytes, encodeText, hasNonAscii } from '../../syntax/bytes';
import { directiveAt, indexUsers, type IndexedUsers } from './lookup';
import { aclfileOf, includeBase, pathScope, relativePath, type FileSource } from '../configModel';
import { securityFacts } from '../security/facts';
import { parseAcl } from '../../syntax/aclParser';
import type { AclRule, RuleToken } from '../../syntax/aclRules';
import type { DirectiveLine } from '../../syntax/configParser';
import type { LineIndex } from '../../syntax/text';
import type { TargetId } from '../../knowledge/types';
import { EditSet, appendLine, deleteLine, insertAt, replaceSpan } from './edits';
import type { Fix, FixRequest, TextEdit } from './types';

/** `bytes` random bytes as lower-case hex. */
export type RandomHex = (bytes: number) => string;

/** From the platform's cryptographic generator (Web Crypto, in Node and in browsers alike). */
const cryptoRandomHex: RandomHex = (bytes) => bytesToHex(randomBytes(bytes));

/** What fixes may need beyond the analysis: the files around the document, and randomness. */
export interface FixContext {
  /** Absolute path of the document, to resolve a relative `aclfile`. */
  readonly path?: string;
  /** Where the ACL file is read from. */
  readonly source?: FileSource;
  /** Randomness for generated passwords (Web Crypto by default; tests pass a fixed one). */
  readonly randomHex?: RandomHex;
  /**
   * The caller shows `Fix.notice` to the user after applying a fix. Fixes that generate a
   * password are offered only then: applied without it, nobody would know the new password.
   */
  readonly showsNotices?: boolean;
  /**
   * The caller shows no notice, but fixes that generate a password may write it in a comment
   * the user must copy and delete (an editor without message dialogs).
   */
  readonly passwordComments?: boolean;
}

/** Whether a generated password can reach the user: in a notice, or in a comment. */
export function canHandOver(ctx: FixContext): boolean {
  return ctx.showsNotices === true || ctx.passwordComments === true;
}

/** A fresh password as strong as ACL GENPASS makes them: 256 random bits, 64 hex digits. */
export function generatePassword(ctx: FixContext): string {
  return (ctx.randomHex ?? cryptoRandomHex)(32);
}

export function hashRule(secret: string): string {
  return `#${sha256Hex(secret)}`;
}

// ---------------------------------------------------------------------------------------------
// Where the users live

/** A user definition and the file its line is in. */
export interface PlacedUser {
  readonly def: UserDefinition;
  /** The file of the line; undefined for the document. */
  readonly file: string | undefined;
  readonly index: LineIndex;
  readonly context: AclContext;
}

export type UserStore =
  /** `aclfile` is set: every user is defined there, and `user` lines must not be added. */
  | {
      readonly kind: 'aclfile';
      readonly path: string;
      /** The path as the config writes it: what titles and comments show (never the editing machine's path). */
      readonly written: string;
      readonly index: LineIndex;
      readonly users: readonly PlacedUser[];
    }
  /** `user` lines of this file and of the files it includes; `base`: where relative paths start, to name those files. */
  | { readonly kind: 'inline'; readonly users: readonly PlacedUser[]; readonly base: string | undefined };

/**
 * Where the users are, or undefined when an ACL file is configured but cannot be read (its
 * path cannot be resolved without the document's path, or the file is missing): then no fix
 * can say what its users are.
 */
export function userStore(a: ConfigAnalysis, ctx: FixContext): UserStore | undefined {
  const target = a.settings.target;
  const acl = aclfileOf(a.model, pathScope(ctx.path, a.settings.includeBaseDirectory));
  if (acl !== undefined) {
    const { path, value } = acl;
    if (path === undefined) return undefined;
    const text = ctx.source?.read(path);
    if (text === undefined) return undefined;
    const tree = parseAcl(text).tree;
    const doc = aclFileUsers(tree, target);
    return {
      kind: 'aclfile',
      path,
      written: value,
      index: tree.index,
      users: doc.users.map((def) => ({ def, file: path, index: tree.index, context: doc.context })),
    };
  }
  const own = configUsers(a.tree, target);
  const users: PlacedUser[] = own.users.map((def) => ({ def, file: undefined, index: a.tree.index, context: own.context }));
  for (const [file, tree] of a.model.files) {
    const doc = configUsers(tree, target);
    for (const def of doc.users) users.push({ def, file, index: tree.index, context: own.context });
  }
  return { kind: 'inline', users, base: includeBase(pathScope(ctx.path, a.settings.includeBaseDirectory)) };
}

export function defaultUser(store: UserStore): PlacedUser | undefined {
  return store.users.find((u) => u.def.name === 'default');
}

/** Where to add words at the end of a user's rules. */
export function lineEnd(user: PlacedUser): number {
  return user.def.tokens.at(-1)?.end ?? user.def.nameToken.end;
}

/**
 * Where a title says the edit happens, as the config names the files: nothing for this
 * file alone, ` (in users.acl)`, ` (also in conf.d/users.conf)`. Never an absolute path
 * the user did not write.
 */
export function storeName(store: UserStore, edits: EditSet): string {
  if (store.kind === 'aclfile') return ` (in ${store.written})`;
  const others = edits.otherFiles();
  return others.length === 0
    ? ''
    : ` (also in ${others.map((f) => (store.base === undefined ? (f.split('/').pop() ?? f) : relativePath(store.base, f))).join(', ')})`;
}

/**
 * The rights of the default user Redis creates when nothing defines it (`on nopass ~* &* +@all`,
 * without `&*` on 6.0, which has no channel rules), with a password hash instead of `nopass`
 * when one is given.
 */
export function builtinDefaultRules(target: TargetId, hash?: string): string {
  const channels = aclFeatures(target).channels ? ' &*' : '';
  return `on ${hash === undefined ? 'nopass' : `#${hash}`} ~*${channels} +@all`;
}

/** The user names in use, to pick a new one. */
export function freeUserName(store: UserStore, base: string): string {
  const taken = new Set(store.users.map((u) => u.def.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ---------------------------------------------------------------------------------------------
// requirepass

/** The requirepass line Redis uses (the last one), when it sets a password, with the bytes Redis hashes. */
export function effectiveRequirepass(
  a: ConfigAnalysis,
): { line: DirectiveLine; file: string | undefined; secret: string; bytes: Uint8Array; known: boolean; lost: boolean } | undefined {
  for (let i = a.model.lines.length - 1; i >= 0; i--) {
    const m = a.model.lines[i];
    if (m?.line.name !== 'requirepass') continue;
    const token = m.line.tokens[1];
    if (token === undefined || token.value === '' || m.line.tokens.length !== 2) return undefined;
    const text = (m.file === undefined ? a.tree : a.model.files.get(m.file))?.index.text ?? '';
    const raw = argumentBytes(text, token.start, token.end);
    return {
      line: m.line,
      file: m.file,
      secret: token.value,
      bytes: raw.bytes,
      known: !raw.nonAscii || a.exactBytes,
      lost: !a.exactBytes && text.slice(token.start, token.end).includes('\ufffd'),
    };
  }
  return undefined;
}

/** The requirepass lines of the document. */
export function requirepassLines(a: ConfigAnalysis): DirectiveLine[] {
  return a.tree.directives.filter((d) => d.name === 'requirepass');
}

/** Rules that set or clear a user's passwords: what "replace its passwords" removes. */
function isPasswordRule(r: AclRule): boolean {
  return r.kind === 'password' || r.kind === 'hash' || (r.kind === 'user-keyword' && (r.keyword === 'nopass' || r.keyword === 'resetpass'));
}

/** Removes a single-word rule with the separator before it. */
function removeRule(user: PlacedUser, rule: AclRule): TextEdit {
  const tokens: readonly RuleToken[] = user.def.tokens;
  const i = tokens.findIndex((t) => t.start === rule.start);
  const before = i > 0 ? (tokens[i - 1] as RuleToken).end : user.def.nameToken.end;
  return replaceSpan(user.index, before, rule.end, '');
}

/**
 * Edits that make the default user log in with `hash` only, for a requirepass line of the
 * document (`effective`). ACL file: its `default` line loses its password rules and gets
 * `#<hash>`, or a `user default` line with the built-in rights is added. Inline: a `user
 * default` line with the built-in rights takes the place of the requirepass line (callers
 * check there is no `user default` line yet). Every requirepass line of the document goes;
 * in the ACL file case a comment says where it went.
 */
function requirepassToAcl(a: ConfigAnalysis, store: UserStore, effective: DirectiveLine, hash: string, edits: EditSet): void {
  const index = a.tree.index;
  let replacement: string;
  if (store.kind === 'aclfile') {
    const def = defaultUser(store);
    if (def) {
      for (const r of def.def.rules) if (isPasswordRule(r)) edits.add(def.file, removeRule(def, r));
      edits.add(def.file, insertAt(def.index, lineEnd(def), ` #${hash}`));
    } else edits.add(store.path, appendLine(store.index, `user default ${builtinDefaultRules(a.settings.target, hash)}`));
    replacement = `# requirepass moved to the default user in ${store.written}, as a SHA-256 hash (redis-config)`;
  } else replacement = `user default ${builtinDefaultRules(a.settings.target, hash)}`;
  for (const line of requirepassLines(a)) {
    if (line === effective) edits.add(undefined, replaceSpan(index, line.start, line.end, replacement));
    else edits.add(undefined, deleteLine(index, line.range.start.line));
  }
}

/**
 * What giving the default user a password changes for remote clients: while it has the nopass
 * flag, protected mode may refuse them all; with a password it stops, and nopass users become
 * reachable. Empty when protected mode refuses nobody today.
 */
function protectedModeNote(a: ConfigAnalysis, ctx: FixContext): string {
  const { exposure } = securityFacts({
    model: a.model,
    tree: a.tree,
    kind: a.kind,
    settings: a.settings,
    ...(ctx.path ? { path: ctx.path } : {}),
    ...(ctx.source ? { source: ctx.source } : {}),
  });
  if (exposure.remote !== 'refused') return '';
  const users = exposure.nopassUsers.map((u) => `'${u.name}'`);
  return users.length > 0
    ? ` — protected mode stops refusing clients on other hosts; nopass ${users.length === 1 ? 'user' : 'users'} ${users.join(', ')} ${users.length === 1 ? 'lets' : 'let'} them in`
    : ' — protected mode stops refusing clients on other hosts (they need the password)';
}

/** The fixes that move requirepass (with this password, or a generated one) into the ACL. */
function requirepassFixes(a: ConfigAnalysis, f: FixRequest, ctx: FixContext, weak: boolean): Fix[] {
  if (a.kind !== 'config') return [];
  const effective = effectiveRequirepass(a);
  if (!effective || effective.file !== undefined || effective.lost) return [];
  const store = userStore(a, ctx);
  if (!store) return [];
  const fixes: Fix[] = [];
  if (store.kind === 'inline' && defaultUser(store)) {
    // A `user default` line resets the default user after requirepass: requirepass does nothing.
    const edits = new EditSet();
    for (const line of requirepassLines(a)) edits.add(undefined, deleteLine(a.tree.index, line.range.start.line));
    fixes.push({
      code: f.code,
      title: "Remove 'requirepass' (the 'user default' line overrides it)",
      edits: edits.toFileEdits(),
      safe: false,
      preferred: true,
    });
    return fixes;
  }
  const replacing = store.kind === 'aclfile' && defaultUser(store) ? ', replacing its passwords' : '';
  if (!weak) {
    const edits = new EditSet();
    requirepassToAcl(a, store, effective.line, sha256HexOf(effective.bytes), edits);
    const guess = effective.known ? '' : UTF8_GUESS;
    const title =
      store.kind === 'aclfile'
        ? `Move 'requirepass' to the default user in ${store.written}, hashed${replacing}${guess}`
        : `Turn 'requirepass' into 'user default' (same password, hashed)${guess}`;
    fixes.push({ code: f.code, title: title + protectedModeNote(a, ctx), edits: edits.toFileEdits(), safe: false, preferred: true });
    return fixes;
  }
  if (!canHandOver(ctx)) return fixes;
  const password = generatePassword(ctx);
  const edits = new EditSet();
  requirepassToAcl(a, store, effective.line, sha256Hex(password), edits);
  const notice = `The new password of the default user, shown only this once (the file keeps only its SHA-256): ${password}`;
  const title =
    store.kind === 'aclfile'
      ? `Give the default user in ${store.written} a new password, drop 'requirepass'`
      : "Turn 'requirepass' into 'user default' with a new password";
  fixes.push({
    code: f.code,
    title: title + protectedModeNote(a, ctx),
    edits: edits.toFileEdits(),
    safe: false,
    preferred: true,
    notice,
    password: { value: password, owner: 'the default user' },
  });
  if (store.kind === 'inline') {
    const fresh = generatePassword(ctx);
    const token = effective.line.tokens[1];
    if (token) {
      fixes.push({
        code: f.code,
        title: "Generate a new 'requirepass' password (kept in clear)",
        edits: [{ edits: [replaceSpan(a.tree.index, token.start, token.end, fresh)] }],
        safe: false,
        notice: `The new 'requirepass' password, shown only this once: ${fresh}`,
        password: { value: fresh, owner: "'requirepass'" },
      });
    }
  }
  return fixes;
}

// ---------------------------------------------------------------------------------------------
// ACL rules with a password

/** The user definition and rule at the finding's start, in an ACL file or a `user` line. */
function ruleAt(
  a: ConfigAnalysis | AclAnalysis,
  f: FixRequest,
  users: () => IndexedUsers = () => indexUsers(a),
): { user: PlacedUser; rule: AclRule } | undefined {
  const { doc, byLine } = users();
  for (const def of byLine.get(f.range.start.line) ?? []) {
    const rule = def.rules.find((r) => r.range.start.line === f.range.start.line && r.range.start.character === f.range.start.character);
    if (rule) return { user: { def, file: undefined, index: doc.index, context: doc.context }, rule };
  }
  return undefined;
}

/**
 * The bytes Redis hashes for a password written in the document: an ACL file's rule as it
 * stands (`written`: the secret without its `>`), a redis.conf argument after its quotes and
 * escapes (`text[start, end)`, less the first `skip` bytes). `known` is false when
 * characters outside ASCII went in and the text is an editor's decoding, not the file's
 * bytes; `lost` when the editor could not decode them at all (U+FFFD).
 */
export function secretBytes(a: Analysis, start: number, end: number, written: string, skip: number): { bytes: Uint8Array; known: boolean; lost: boolean } {
  const text = a.tree.index.text;
  // An ACL file has no quoting: the rule is the bytes. A redis.conf argument is unquoted first.
  const raw = a.kind === 'acl' ? { bytes: encodeText(written), nonAscii: hasNonAscii(written) } : argumentBytes(text, start, end);
  const bytes = a.kind === 'acl' ? raw.bytes : raw.bytes.subarray(skip);
  return { bytes, known: !raw.nonAscii || a.exactBytes, lost: !a.exactBytes && text.slice(start, end).includes('\ufffd') };
}

/** What a hash fix must add to its title when the bytes are a guess. */
export const UTF8_GUESS = ' (assumes UTF-8)';

/** The hash a password rule adds. */
function addedHash(rule: AclRule): string | undefined {
  if (rule.kind === 'password' && rule.op === 'add') return sha256Hex(rule.secret);
  if (rule.kind === 'hash' && rule.op === 'add' && rule.valid) return rule.hash;
  return undefined;
}

function plaintextFix(a: ConfigAnalysis | AclAnalysis, f: FixRequest, users?: () => IndexedUsers): Fix[] {
  const at = ruleAt(a, f, users);
  if (!at || at.rule.kind !== 'password' || at.rule.op !== 'add') return [];
  const { user, rule } = at;
  // Redis hashes the bytes of the password: a guess at them would lock the user out.
  const secret = secretBytes(a, rule.start, rule.end, rule.secret, 1);
  if (secret.lost) return [];
  return [
    {
      code: f.code,
      title: `Store the password of '${user.def.name}' as its SHA-256${secret.known ? '' : UTF8_GUESS}`,
      edits: [{ edits: [replaceSpan(user.index, rule.start, rule.end, `#${sha256HexOf(secret.bytes)}`)] }],
      safe: secret.known,
      preferred: true,
    },
  ];
}

/** The safe password fixes of a finding, for fix-all: `>secret` rules only. */
export function safePasswordFixes(a: Analysis, f: FixRequest, users: () => IndexedUsers): Fix[] {
  if (a.kind === 'config' && directiveAt(a.tree, f.range.start.line)?.name !== 'user') return [];
  return plaintextFix(a, f, users);
}

function weakRuleFix(a: ConfigAnalysis | AclAnalysis, f: FixRequest, ctx: FixContext): Fix[] {
  const at = ruleAt(a, f);
  const old = at ? addedHash(at.rule) : undefined;
  if (!at || old === undefined) return [];
  const { user, rule } = at;
  // A later `<secret` / `!hash` of the same password would fail once it is gone.
  const removedLater = user.def.rules.some(
    (r) =>
      r.start > rule.start &&
      ((r.kind === 'password' && r.op === 'remove' && sha256Hex(r.secret) === old) || (r.kind === 'hash' && r.op === 'remove' && r.hash === old)),
  );
  if (removedLater || !canHandOver(ctx)) return [];
  const password = generatePassword(ctx);
  return [
    {
      code: f.code,
      title: `Replace the weak password of '${user.def.name}' with a generated one`,
      edits: [{ edits: [replaceSpan(user.index, rule.start, rule.end, hashRule(password))] }],
      safe: false,
      preferred: true,
      notice: `The new password of user '${user.def.name}', shown only this once (the file keeps only its SHA-256): ${password}`,
      password: { value: password, owner: `user '${user.def.name}'` },
    },
  ];
}

export function passwordFixes(a: ConfigAnalysis | AclAnalysis, f: FixRequest, ctx: FixContext): Fix[] {
  if (a.kind === 'acl') {
    if (f.code === 'plaintext-password') return plaintextFix(a, f);
    if (f.code === 'weak-password') return weakRuleFix(a, f, ctx);
    return [];
  }
  const line = directiveAt(a.tree, f.range.start.line);
  switch (f.code) {
    case 'plaintext-password':
      if (line?.name === 'user') return plaintextFix(a, f);
      return line?.name === 'requirepass' ? requirepassFixes(a, f, ctx, false) : [];
    case 'weak-password':
      if (line?.name === 'user') return weakRuleFix(a, f, ctx);
      return line?.name === 'requirepass' ? requirepassFixes(a, f, ctx, true) : [];
    case 'requirepass-prefer-acl':
    case 'requirepass-ignored-with-aclfile':
      return line?.name === 'requirepass' ? requirepassFixes(a, f, ctx, false) : [];
    default:
      return [];
  }
}

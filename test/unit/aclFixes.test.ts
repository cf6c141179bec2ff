/**
 * The fixes that move a config to ACL rules (rename-command → `-cmd`) and the password fixes:
 * each one applied — to the document, and to an in-memory copy of the ACL file or included
 * file it edits — then the result analysed again: the finding is gone, no new error appears,
 * and the text outside the edits is untouched byte for byte (the expected outputs say so
 * exactly). Generated passwords come from a fixed `randomHex`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { sha256Hex } from '../../server/src/analysis/acl/permissions';
import { applyEdits, fixAllText, fixesFor, type Fix } from '../../server/src/analysis/fixes';
import type { DocumentKind, Settings } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { memoryFiles } from '../support/memoryFiles';

const CONF = '/etc/redis/redis.conf';
const ACL = '/etc/redis/users.acl';
const INC = '/etc/redis/users.conf';
/** A fixed "random" source with the spread of a real one (a repeated digit would read as weak). */
const randomHex = (bytes: number): string => Array.from({ length: bytes * 2 }, (_, i) => '0123456789abcdef'[(i * 7) % 16]).join('');
const NEW = randomHex(32);
const H = (secret: string): string => sha256Hex(secret);
const STRONG = '9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f';
const APP = 'c1d2e3f4a5b6978812345678abcdef0123456789';

/** The files of a test: the document under its own path, others by path. */
type Files = Record<string, string>;

interface Case {
  readonly name: string;
  readonly files: Files;
  /** The document; CONF by default. */
  readonly doc?: string;
  readonly kind?: DocumentKind;
  readonly target?: TargetId;
  readonly code: string;
  /** The line of the finding, when the code is reported more than once. */
  readonly line?: number;
  readonly title: RegExp;
  readonly expected: Files;
  readonly safe?: boolean;
  /** How many findings of the code the fix removes (1 by default). */
  readonly removes?: number;
  /** The fix shows the generated password in its notice. */
  readonly notice?: boolean;
  /** Passwords of the input that no title or notice may show. */
  readonly secrets?: readonly string[];
}

function analyse(files: Files, doc: string, kind: DocumentKind, target: TargetId): Analysis {
  const settings: Settings = { target, profile: 'production' };
  return analyzeDocument(files[doc] ?? '', kind, settings, { path: doc, source: memoryFiles(files) });
}

function fixesOf(c: Case): { fixes: Fix[]; before: Analysis } {
  const doc = c.doc ?? CONF;
  const before = analyse(c.files, doc, c.kind ?? 'config', c.target ?? 'redis-7.4');
  const finding = before.findings.find((f) => f.code === c.code && (c.line === undefined || f.range.start.line === c.line));
  assert.ok(finding, `no ${c.code} in ${JSON.stringify(c.files[doc])}: ${before.findings.map((f) => `${f.range.start.line}:${f.code}`).join(' ')}`);
  return { fixes: fixesFor(before, finding, { path: doc, source: memoryFiles(c.files), randomHex, showsNotices: true }), before };
}

function applyFix(files: Files, doc: string, fix: Fix): Files {
  const out = { ...files };
  for (const fe of fix.edits) {
    const path = fe.file ?? doc;
    assert.ok(out[path] !== undefined, `the fix edits ${path}, which the test does not have`);
    out[path] = applyEdits(out[path] as string, fe.edits).text;
  }
  return out;
}

function errors(a: Analysis): Set<string> {
  return new Set(a.findings.filter((f) => f.severity === 'error').map((f) => f.code));
}

function check(c: Case): void {
  test(`${c.code}: ${c.name}`, () => {
    const doc = c.doc ?? CONF;
    const { fixes, before } = fixesOf(c);
    const fix = fixes.find((f) => c.title.test(f.title));
    assert.ok(fix, `no fix matching ${c.title} among ${fixes.map((f) => f.title).join(' | ')}`);
    assert.equal(fix.safe, c.safe ?? false);
    const output = applyFix(c.files, doc, fix);
    assert.deepEqual(output, { ...c.files, ...c.expected });
    const after = analyse(output, doc, c.kind ?? 'config', c.target ?? 'redis-7.4');
    const count = (a: Analysis): number => a.findings.filter((f) => f.code === c.code).length;
    assert.equal(count(after), count(before) - (c.removes ?? 1), `${c.code} is still reported`);
    const was = errors(before);
    assert.deepEqual(
      [...errors(after)].filter((e) => !was.has(e)),
      [],
      'a new error appeared',
    );
    if (c.notice) assert.ok(fix.notice?.includes(NEW), `the notice does not show the new password: ${fix.notice ?? ''}`);
    else assert.equal(fix.notice, undefined);
    for (const f of fixes) for (const s of c.secrets ?? []) assert.ok(!f.title.includes(s) && !(f.notice ?? '').includes(s), `'${f.title}' shows a password`);
  });
}

// ---------------------------------------------------------------------------------------------
// rename-command → ACL rules

check({
  name: 'every user loses the command (FLUSHALL is in @write), the implicit default user is written out',
  files: {
    [CONF]: `bind 127.0.0.1\nrename-command FLUSHALL ""\nuser app on #${H(APP)} ~app:* -@all +@read +@write\nuser ops on #${H(STRONG)} ~* &* +@all\nuser late on #${H(STRONG)} ~* -flushall +@all (~b:* +@all)\n`,
  },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-flushall' for every user$/,
  expected: {
    [CONF]: `bind 127.0.0.1\n# rename-command FLUSHALL "" replaced by ACL rule -flushall (redis-config)\nuser default on nopass ~* &* +@all -flushall\nuser app on #${H(APP)} ~app:* -@all +@read +@write -flushall\nuser ops on #${H(STRONG)} ~* &* +@all -flushall\nuser late on #${H(STRONG)} ~* -flushall +@all (~b:* +@all -flushall) -flushall\n`,
  },
});

check({
  name: 'requirepass becomes the hashed password of the default user',
  files: { [CONF]: `bind 127.0.0.1\nrequirepass ${STRONG}\nrename-command CONFIG ""\ntimeout 0\n` },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-config' for every user; requirepass → user default$/,
  expected: {
    [CONF]: `bind 127.0.0.1\n# rename-command CONFIG "" replaced by ACL rule -config (redis-config)\nuser default on #${H(STRONG)} ~* &* +@all -config\ntimeout 0\n`,
  },
  secrets: [STRONG],
});

check({
  name: 'an explicit default user gets the rule like the others; users that cannot run it are left alone',
  files: { [CONF]: `bind 127.0.0.1\nuser default on #${H(STRONG)} ~* &* +@all\n  rename-command flushdb ''\nuser reader on #${H(APP)} ~* -@all +@read\n` },
  code: 'rename-command-deprecated',
  title: /'-flushdb' for every user$/,
  expected: {
    [CONF]: `bind 127.0.0.1\nuser default on #${H(STRONG)} ~* &* +@all -flushdb\n  # rename-command flushdb "" replaced by ACL rule -flushdb (redis-config)\nuser reader on #${H(APP)} ~* -@all +@read\n`,
  },
});

check({
  name: 'a subcommand allowed on its own goes with the container',
  files: { [CONF]: `bind 127.0.0.1\nuser default off\nuser cfg on #${H(APP)} ~* -@all +config|get +info\nrename-command CONFIG ""\n` },
  code: 'rename-command-deprecated',
  title: /'-config' for every user/,
  expected: {
    [CONF]: `bind 127.0.0.1\nuser default off\nuser cfg on #${H(APP)} ~* -@all +config|get +info -config\n# rename-command CONFIG "" replaced by ACL rule -config (redis-config)\n`,
  },
});

check({
  name: 'with an aclfile the ACL file is edited, and its missing default user written out',
  files: {
    [CONF]: 'bind 127.0.0.1\naclfile /etc/redis/users.acl\nrename-command FLUSHALL ""\nport 6379\n',
    [ACL]: `user app on #${H(APP)} ~app:* +@all\nuser reader on #${H(STRONG)} ~* -@all +@read`,
  },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-flushall' for every user \(in \/etc\/redis\/users\.acl\)$/,
  expected: {
    [CONF]:
      'bind 127.0.0.1\naclfile /etc/redis/users.acl\n# rename-command FLUSHALL "" replaced by ACL rule -flushall in /etc/redis/users.acl (redis-config)\nport 6379\n',
    [ACL]: `user app on #${H(APP)} ~app:* +@all -flushall\nuser reader on #${H(STRONG)} ~* -@all +@read\nuser default on nopass ~* &* +@all -flushall`,
  },
});

check({
  name: 'a relative aclfile is resolved against the folder of the config; its default user is kept',
  files: {
    [CONF]: 'bind 127.0.0.1\naclfile users.acl\nrename-command KEYS ""\n',
    [ACL]: `user default on #${H(STRONG)} ~* &* +@all\r\nuser app on #${H(APP)} ~app:* (~x:* +@all)\r\n`,
  },
  code: 'rename-command-deprecated',
  // Titles and comments show the path as the config writes it, never where the file is on this machine.
  title: /'-keys' for every user \(in users\.acl\)$/,
  expected: {
    [CONF]: 'bind 127.0.0.1\naclfile users.acl\n# rename-command KEYS "" replaced by ACL rule -keys in users.acl (redis-config)\n',
    [ACL]: `user default on #${H(STRONG)} ~* &* +@all -keys\r\nuser app on #${H(APP)} ~app:* (~x:* +@all -keys)\r\n`,
  },
});

check({
  name: 'a secret name: the command for nobody',
  files: { [CONF]: `bind 127.0.0.1\nrequirepass ${STRONG}\nrename-command CONFIG ops-config-3f9a1c\n` },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-config' for every user; requirepass → user default$/,
  expected: {
    [CONF]: `bind 127.0.0.1\n# rename-command CONFIG <secret name> replaced by ACL rule -config (redis-config)\nuser default on #${H(STRONG)} ~* &* +@all -config\n`,
  },
  secrets: [STRONG, 'ops-config-3f9a1c'],
});

check({
  name: 'a secret name: the command for a new admin user with a generated password',
  files: { [CONF]: 'bind 127.0.0.1\r\nuser config-admin off\r\nuser default off\r\nrename-command CONFIG ops-config-3f9a1c\r\n' },
  code: 'rename-command-deprecated',
  title: /^Use '-config' for all but a new user 'config-admin-2'$/,
  expected: {
    [CONF]: `bind 127.0.0.1\r\nuser config-admin off\r\nuser default off\r\n# rename-command CONFIG <secret name> replaced by ACL rule -config and user config-admin-2 (redis-config)\r\nuser config-admin-2 on #${H(NEW)} -@all +config\r\n`,
  },
  notice: true,
  secrets: ['ops-config-3f9a1c'],
});

check({
  name: 'a secret name with an aclfile: the admin user, with the key pattern its command needs, goes to the ACL file',
  files: { [CONF]: 'bind 127.0.0.1\naclfile /etc/redis/users.acl\nrename-command DEL remove-7f3a\n', [ACL]: `user default on #${H(STRONG)} ~* &* +@all\n` },
  code: 'rename-command-deprecated',
  title: /but a new user 'del-admin' \(in \/etc\/redis\/users\.acl\)$/,
  expected: {
    [CONF]:
      'bind 127.0.0.1\naclfile /etc/redis/users.acl\n# rename-command DEL <secret name> replaced by ACL rule -del in /etc/redis/users.acl and user del-admin (redis-config)\n',
    [ACL]: `user default on #${H(STRONG)} ~* &* +@all -del\nuser del-admin on #${H(NEW)} ~* -@all +del\n`,
  },
  notice: true,
});

check({
  name: 'every rename-command line at once',
  files: {
    [CONF]: `bind 127.0.0.1\nrename-command FLUSHALL ""\nuser ops on #${H(STRONG)} ~* &* +@all\nrename-command DEBUG ""\nrename-command CONFIG cfg-9c1e\n`,
  },
  code: 'rename-command-deprecated',
  line: 3,
  title: /^Replace all 3 rename-commands with ACL rules$/,
  removes: 3,
  expected: {
    [CONF]: `bind 127.0.0.1\n# rename-command FLUSHALL "" replaced by ACL rule -flushall (redis-config)\nuser default on nopass ~* &* +@all -flushall -debug -config\nuser ops on #${H(STRONG)} ~* &* +@all -flushall -debug -config\n# rename-command DEBUG "" replaced by ACL rule -debug (redis-config)\n# rename-command CONFIG <secret name> replaced by ACL rule -config (redis-config)\n`,
  },
});

check({
  name: 'every rename-command line at once, with an admin user for the secret ones',
  files: {
    [CONF]: `bind 127.0.0.1\nrename-command FLUSHALL ""\nrename-command CONFIG cfg-9c1e\nrename-command EVAL ev-77\nuser admin on #${H(STRONG)} ~* -@all +info\n`,
  },
  code: 'rename-command-deprecated',
  title: /^Replace all 3 rename-commands with ACL rules \+ user 'admin-2'$/,
  removes: 3,
  expected: {
    [CONF]: `bind 127.0.0.1\n# rename-command FLUSHALL "" replaced by ACL rule -flushall (redis-config)\nuser default on nopass ~* &* +@all -flushall -config -eval\nuser admin-2 on #${H(NEW)} ~* -@all +config +eval\n# rename-command CONFIG <secret name> replaced by ACL rule -config and user admin-2 (redis-config)\n# rename-command EVAL <secret name> replaced by ACL rule -eval and user admin-2 (redis-config)\nuser admin on #${H(STRONG)} ~* -@all +info\n`,
  },
  notice: true,
});

check({
  name: 'user lines of an included file are edited in that file',
  files: {
    [CONF]: 'bind 127.0.0.1\ninclude users.conf\nrename-command SAVE ""\n',
    [INC]: `user default on #${H(STRONG)} ~* &* +@all\nuser ops on #${H(APP)} ~* +@all\n`,
  },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-save' for every user \(also in users\.conf\)$/,
  expected: {
    [CONF]: 'bind 127.0.0.1\ninclude users.conf\n# rename-command SAVE "" replaced by ACL rule -save (redis-config)\n',
    [INC]: `user default on #${H(STRONG)} ~* &* +@all -save\nuser ops on #${H(APP)} ~* +@all -save\n`,
  },
});

check({
  name: 'an included file outside the config folder is named relative to it, not by its path on this machine',
  files: {
    [CONF]: 'bind 127.0.0.1\ninclude ../shared/users.conf\nrename-command SAVE ""\n',
    '/etc/shared/users.conf': `user default on #${H(STRONG)} ~* &* +@all\n`,
  },
  code: 'rename-command-deprecated',
  title: /^Use ACL rule '-save' for every user \(also in \.\.\/shared\/users\.conf\)$/,
  expected: {
    [CONF]: 'bind 127.0.0.1\ninclude ../shared/users.conf\n# rename-command SAVE "" replaced by ACL rule -save (redis-config)\n',
    '/etc/shared/users.conf': `user default on #${H(STRONG)} ~* &* +@all -save\n`,
  },
});

check({
  name: 'Redis 6.0 has no channel rules: the default user is written without &*',
  target: 'redis-6.0',
  files: { [CONF]: 'bind 127.0.0.1\nrename-command FLUSHALL ""' },
  code: 'rename-command-deprecated',
  title: /'-flushall' for every user/,
  expected: { [CONF]: 'bind 127.0.0.1\n# rename-command FLUSHALL "" replaced by ACL rule -flushall (redis-config)\nuser default on nopass ~* +@all -flushall' },
});

test('rename-command: no ACL fix for a command ACL cannot name, or an ACL file that cannot be read', () => {
  const titles = (files: Files): string[] => {
    const a = analyse(files, CONF, 'config', 'redis-7.4');
    const f = a.findings.find((x) => x.code === 'rename-command-deprecated');
    assert.ok(f);
    return fixesFor(a, f, { path: CONF, source: memoryFiles(files), randomHex, showsNotices: true })
      .filter((x) => !x.suppression)
      .map((x) => x.title);
  };
  assert.deepEqual(titles({ [CONF]: 'rename-command NOSUCHCMD ""\n' }), []);
  assert.deepEqual(titles({ [CONF]: 'rename-command AUTH ""\n' }), []);
  assert.deepEqual(titles({ [CONF]: 'aclfile /etc/redis/missing.acl\nrename-command FLUSHALL ""\n' }), []);
  // Without the document's path a relative aclfile cannot be found.
  const a = analyzeDocument('aclfile users.acl\nrename-command FLUSHALL ""\n', 'config', { target: 'redis-7.4', profile: 'production' });
  const f = a.findings.find((x) => x.code === 'rename-command-deprecated');
  assert.ok(f);
  assert.deepEqual(
    fixesFor(a, f).filter((x) => !x.suppression),
    [],
  );
});

test('rename-command: none of the fixes is safe, and fix-all leaves the renames alone', () => {
  const input = `bind 127.0.0.1\nrename-command FLUSHALL ""\nrename-command CONFIG x-1\nuser app on >${APP} ~* +@all\n`;
  const analyseText = (text: string): Analysis =>
    analyzeDocument(text, 'config', { target: 'redis-7.4', profile: 'production' }, { path: CONF, source: memoryFiles({}) });
  const { text } = fixAllText(input, analyseText);
  assert.equal(text, `bind 127.0.0.1\nrename-command FLUSHALL ""\nrename-command CONFIG x-1\nuser app on #${H(APP)} ~* +@all\n`);
});

// ---------------------------------------------------------------------------------------------
// Passwords in ACL rules

check({
  name: 'a clear-text password in an ACL file becomes its SHA-256 (safe)',
  doc: ACL,
  kind: 'acl',
  files: { [ACL]: `user default off\nuser app on >${APP} ~app:* +@read\n` },
  code: 'plaintext-password',
  title: /^Store the password of 'app' as its SHA-256$/,
  safe: true,
  expected: { [ACL]: `user default off\nuser app on #${H(APP)} ~app:* +@read\n` },
  secrets: [APP],
});

check({
  name: 'a quoted clear-text password in a user line becomes its SHA-256',
  files: { [CONF]: `bind 127.0.0.1\nuser default off\nuser app on ">${APP} x" ~app:* +@read\n` },
  code: 'plaintext-password',
  title: /password of 'app' as its SHA-256/,
  safe: true,
  expected: { [CONF]: `bind 127.0.0.1\nuser default off\nuser app on #${H(`${APP} x`)} ~app:* +@read\n` },
  secrets: [APP],
});

check({
  name: 'a weak password in an ACL file is replaced by a generated one',
  doc: ACL,
  kind: 'acl',
  files: { [ACL]: 'user default off\nuser app on >foobared ~app:* +@read\n' },
  code: 'weak-password',
  title: /^Replace the weak password of 'app' with a generated one$/,
  expected: { [ACL]: `user default off\nuser app on #${H(NEW)} ~app:* +@read\n` },
  notice: true,
  secrets: ['foobared'],
});

check({
  name: 'the hash of a well-known password is replaced by a generated one',
  files: { [CONF]: `bind 127.0.0.1\nuser default off\nuser app on #${H('redis')} ~app:* +@read\n` },
  code: 'weak-password',
  title: /weak password of 'app'/,
  expected: { [CONF]: `bind 127.0.0.1\nuser default off\nuser app on #${H(NEW)} ~app:* +@read\n` },
  notice: true,
});

test('weak-password: no fix when a later rule removes the same password', () => {
  const a = analyzeDocument('user default off\nuser app on >foobared ~* +@read <foobared >other-password-of-forty-chars-0123456789\n', 'acl', {
    target: 'redis-7.4',
    profile: 'production',
  });
  const f = a.findings.find((x) => x.code === 'weak-password');
  assert.ok(f);
  assert.deepEqual(fixesFor(a, f, { randomHex, showsNotices: true }), []);
});

test('fix-all in an ACL file hashes every clear-text password and nothing else', () => {
  const analyseAcl = (text: string): Analysis => analyzeDocument(text, 'acl', { target: 'redis-7.4', profile: 'production' });
  const { text, applied } = fixAllText(`user default off\nuser a on >${APP} >${STRONG} ~a:* +@read\nuser b on >foobared ~b:* +@read\n`, analyseAcl);
  assert.equal(text, `user default off\nuser a on #${H(APP)} #${H(STRONG)} ~a:* +@read\nuser b on #${H('foobared')} ~b:* +@read\n`);
  assert.equal(applied.length, 3);
  assert.ok(
    analyseAcl(text).findings.some((f) => f.code === 'weak-password'),
    'the weak one is still reported, as a known hash',
  );
});

// ---------------------------------------------------------------------------------------------
// requirepass → the default user

check({
  name: 'requirepass becomes a user default line with the same password, hashed',
  files: { [CONF]: `bind 127.0.0.1\nuser app on #${H(APP)} ~app:* +@read\nrequirepass "${STRONG}"\ntimeout 0\n` },
  code: 'requirepass-prefer-acl',
  title: /^Turn 'requirepass' into 'user default' \(same password, hashed\)$/,
  expected: { [CONF]: `bind 127.0.0.1\nuser app on #${H(APP)} ~app:* +@read\nuser default on #${H(STRONG)} ~* &* +@all\ntimeout 0\n` },
  secrets: [STRONG],
});

check({
  name: 'the same from the plaintext-password finding; an overridden requirepass line goes too',
  files: { [CONF]: `requirepass first-${STRONG}\nbind 127.0.0.1\nrequirepass ${STRONG}\n` },
  code: 'plaintext-password',
  title: /^Turn 'requirepass' into 'user default'/,
  expected: { [CONF]: `bind 127.0.0.1\nuser default on #${H(STRONG)} ~* &* +@all\n` },
  secrets: [STRONG],
});

check({
  name: 'with an aclfile the password goes to a new default user there',
  files: { [CONF]: `bind 127.0.0.1\naclfile /etc/redis/users.acl\nrequirepass ${STRONG}\n`, [ACL]: `user app on #${H(APP)} ~app:* +@read\n` },
  code: 'plaintext-password',
  title: /^Move 'requirepass' to the default user in \/etc\/redis\/users\.acl, hashed$/,
  expected: {
    [CONF]: 'bind 127.0.0.1\naclfile /etc/redis/users.acl\n# requirepass moved to the default user in /etc/redis/users.acl, as a SHA-256 hash (redis-config)\n',
    [ACL]: `user app on #${H(APP)} ~app:* +@read\nuser default on #${H(STRONG)} ~* &* +@all\n`,
  },
  secrets: [STRONG],
});

check({
  name: "with an aclfile that defines the default user, the password replaces that user's passwords",
  files: { [CONF]: `bind 127.0.0.1\naclfile /etc/redis/users.acl\nrequirepass ${STRONG}\n`, [ACL]: `user default on >${APP} nopass ~* &* +@all #${H('x')}\n` },
  code: 'plaintext-password',
  title: /default user in \/etc\/redis\/users\.acl, hashed, replacing its passwords$/,
  expected: {
    [CONF]: 'bind 127.0.0.1\naclfile /etc/redis/users.acl\n# requirepass moved to the default user in /etc/redis/users.acl, as a SHA-256 hash (redis-config)\n',
    [ACL]: `user default on ~* &* +@all #${H(STRONG)}\n`,
  },
  secrets: [STRONG, APP],
});

check({
  name: 'a weak requirepass becomes a default user with a generated password',
  files: { [CONF]: 'bind 127.0.0.1\nrequirepass foobared\n' },
  code: 'weak-password',
  title: /^Turn 'requirepass' into 'user default' with a new password$/,
  expected: { [CONF]: `bind 127.0.0.1\nuser default on #${H(NEW)} ~* &* +@all\n` },
  notice: true,
  secrets: ['foobared'],
});

check({
  name: 'or keeps requirepass, with a generated password',
  files: { [CONF]: 'bind 127.0.0.1\nrequirepass foobared\n' },
  code: 'weak-password',
  title: /^Generate a new 'requirepass' password \(kept in clear\)$/,
  expected: { [CONF]: `bind 127.0.0.1\nrequirepass ${NEW}\n` },
  notice: true,
  secrets: ['foobared'],
});

check({
  name: 'a requirepass that a user default line overrides is removed',
  files: { [CONF]: `bind 127.0.0.1\nrequirepass ${STRONG}\nuser default on #${H(APP)} ~* &* +@all\n` },
  code: 'plaintext-password',
  title: /^Remove 'requirepass' \(the 'user default' line overrides it\)$/,
  expected: { [CONF]: `bind 127.0.0.1\nuser default on #${H(APP)} ~* &* +@all\n` },
  secrets: [STRONG],
});

test('passwords the server must send (masterauth) get no ACL fix', () => {
  const a = analyzeDocument(`bind 127.0.0.1\nmasterauth ${STRONG}\n`, 'config', { target: 'redis-7.4', profile: 'production' });
  const f = a.findings.find((x) => x.code === 'plaintext-password');
  assert.ok(f);
  assert.deepEqual(
    fixesFor(a, f, { randomHex, showsNotices: true }).filter((x) => !x.suppression),
    [],
  );
});

test('generated passwords come from node:crypto by default: 64 hex digits, a new one each time', () => {
  const a = analyzeDocument('user default off\nuser app on >foobared ~* +@read\n', 'acl', { target: 'redis-7.4', profile: 'production' });
  const f = a.findings.find((x) => x.code === 'weak-password');
  assert.ok(f);
  const pw = (): string => /: ([0-9a-f]+)$/.exec(fixesFor(a, f, { showsNotices: true })[0]?.notice ?? '')?.[1] ?? '';
  const one = pw();
  assert.match(one, /^[0-9a-f]{64}$/);
  assert.notEqual(one, pw());
});

test('fixes that generate a password are offered only to callers that show notices', () => {
  const settings: Settings = { target: 'redis-7.4', profile: 'production' };
  const titles = (text: string, kind: DocumentKind, code: string, showsNotices: boolean): string[] => {
    const a = analyzeDocument(text, kind, settings, { path: CONF, source: memoryFiles({}) });
    const f = a.findings.find((x) => x.code === code);
    assert.ok(f, code);
    return fixesFor(a, f, { path: CONF, source: memoryFiles({}), randomHex, showsNotices })
      .filter((x) => !x.suppression)
      .map((x) => `${x.title}${x.notice ? ' +notice' : ''}`);
  };
  assert.deepEqual(titles('user default off\nuser app on >foobared ~* +@read\n', 'acl', 'weak-password', false), []);
  assert.deepEqual(titles('bind 127.0.0.1\nrequirepass foobared\n', 'config', 'weak-password', false), []);
  assert.deepEqual(titles('bind 127.0.0.1\nrename-command CONFIG x-1\n', 'config', 'rename-command-deprecated', false), [
    "Use ACL rule '-config' for every user",
  ]);
  assert.deepEqual(titles('bind 127.0.0.1\nrename-command CONFIG x-1\n', 'config', 'rename-command-deprecated', true), [
    "Use ACL rule '-config' for every user",
    "Use '-config' for all but a new user 'config-admin' +notice",
  ]);
});

test('requirepass-ignored-with-aclfile offers to move the password into the ACL file', () => {
  const path = '/etc/redis/redis.conf';
  const files = { '/etc/redis/users.acl': 'user app on #' + 'b'.repeat(64) + ' ~app:* +get\n' };
  const text = 'bind 127.0.0.1\nrequirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\naclfile /etc/redis/users.acl\n';
  const source = memoryFiles(files);
  const a = analyzeDocument(text, 'config', { target: 'redis-7.4', profile: 'production' }, { path, source });
  const finding = a.findings.find((f) => f.code === 'requirepass-ignored-with-aclfile');
  assert.ok(finding);
  const fixes = fixesFor(a, finding, { path, source });
  assert.ok(
    fixes.some((f) => /default user in \/etc\/redis\/users\.acl/.test(f.title) && f.edits.some((e) => e.file === '/etc/redis/users.acl')),
    fixes.map((f) => f.title).join(' | '),
  );
});

test('a password for a default user that had none: the title says protected mode stops refusing remote clients', () => {
  const path = '/etc/redis/redis.conf';
  // The ACL file has no default user: requirepass is ignored, the default user has no password,
  // and protected mode refuses every client on another host (Redis 7.0 and later).
  const files = { '/etc/redis/users.acl': 'user np on nopass ~* +get\n' };
  const text = 'bind 10.0.0.5\nrequirepass 9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a8c3b6d9e2f\naclfile /etc/redis/users.acl\n';
  const source = memoryFiles(files);
  const a = analyzeDocument(text, 'config', { target: 'redis-7.4', profile: 'production' }, { path, source });
  const finding = a.findings.find((f) => f.code === 'requirepass-ignored-with-aclfile');
  assert.ok(finding);
  const fix = fixesFor(a, finding, { path, source }).find((f) => !f.suppression);
  assert.match(
    fix?.title ?? '',
    /^Move 'requirepass' to the default user in \/etc\/redis\/users\.acl, hashed — protected mode stops refusing clients on other hosts; nopass user 'np' lets them in$/,
  );
  // Where protected mode refuses nobody (loopback only), nothing changes for remote clients.
  const local = analyzeDocument(text.replace('10.0.0.5', '127.0.0.1'), 'config', { target: 'redis-7.4', profile: 'production' }, { path, source });
  const f2 = local.findings.find((f) => f.code === 'requirepass-ignored-with-aclfile');
  assert.ok(f2);
  assert.doesNotMatch(fixesFor(local, f2, { path, source }).find((f) => !f.suppression)?.title ?? '', /protected mode/);
});

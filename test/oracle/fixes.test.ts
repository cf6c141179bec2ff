/**
 * Oracle test: the fixes that move a config to ACL rules, proven on the real redis-server
 * (Debian 7.0.15).
 *
 * rename-command → ACL: generated configs (one to several users, one to several renamed
 * commands, `""` and secret targets, `user` lines or an `aclfile`, an implicit or explicit
 * default user, requirepass) are fixed the way a user would — every line at once, or line by
 * line, keeping or dropping the secretly renamed commands for a new admin user — then:
 * - our analysis of the result has no rename-command finding and no new error;
 * - redis-server starts on it (files in a temporary folder, the aclfile by absolute path);
 * - `ACL DRYRUN` denies every removed command to every user, default included (the new admin
 *   user excepted, who may run its commands and logs in with the password of the notice);
 * - every user answers `ACL DRYRUN` on a sample of the other commands exactly as on a server
 *   started on the original config (there the renamed commands do not exist under their
 *   names, so only the others are compared), and a fresh connection gets the same PING.
 *
 * requirepass → ACL: after the fix, `AUTH <old password>` (or the generated one of the
 * notice) works on a fresh connection, and every user's dry runs are unchanged.
 *
 * Passwords that are not UTF-8 (a Latin-1 byte in an ACL file, raw and `\xHH` bytes in
 * redis.conf `user` lines): `--fix` writes the hash of the bytes Redis hashes, so `AUTH`
 * with those bytes works before and after, and every other byte of the files is kept.
 *
 * Servers are started by this file (the helpers in redisServer.ts wait for a PING that a
 * password-protected default user refuses) and always stopped by PID.
 *
 * Run: node --import tsx --test test/oracle/fixes.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument, type Analysis, type ConfigAnalysis } from '../../server/src/analysis/analyze';
import { run } from '../../server/src/cli/main';
import { applyEdits, fixesFor, type Fix } from '../../server/src/analysis/fixes';
import { RULES } from '../../server/src/knowledge/rules';
import type { Settings } from '../../server/src/analysis/types';
import { pick } from '../support/aclGenerator';
import { memoryFiles } from '../support/memoryFiles';
import { mulberry32 } from '../support/quotingGenerator';
import { ensureRedisServer, freePort, mapLimit, RespClient, RespError, type RespValue } from '../support/redisServer';

const SETTINGS: Settings = { target: 'redis-7.0', profile: 'production' };
const RENAME_CASES = 150;
const PASSWORD_CASES = 60;
const PARALLEL = 4;

// ---------------------------------------------------------------------------------------------
// Servers, started and stopped by PID

interface Server {
  readonly pid: number;
  readonly port: number;
  stop(): Promise<void>;
}

const live = new Map<number, ChildProcess>();
process.on('exit', () => {
  for (const pid of live.keys()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const done = exited(child);
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([done.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), 5000)))]);
    clearTimeout(timer);
    if (late) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await done;
    }
  }
  live.delete(pid);
}

/** Writes `body` after a small header to `<dir>/redis.conf` and starts redis-server on it. */
async function launch(dir: string, body: string): Promise<{ server: Server } | { log: string }> {
  const binary = await ensureRedisServer();
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const file = join(dir, 'redis.conf');
    writeFileSync(file, `port ${port}\nbind 127.0.0.1\ndir ${dir}\ndaemonize no\nsave ""\nappendonly no\nlogfile ""\n${body}`);
    const child = spawn(binary, [file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) throw new Error(`could not start ${binary}`);
    const pid = child.pid;
    live.set(pid, child);
    const chunks: Buffer[] = [];
    const outcome = await new Promise<'ready' | 'exit' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 15_000);
      const onData = (d: Buffer): void => {
        chunks.push(d);
        if (Buffer.concat(chunks).includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve('ready');
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (d: Buffer) => chunks.push(d));
      child.once('exit', () => {
        clearTimeout(timer);
        resolve('exit');
      });
    });
    const log = Buffer.concat(chunks).toString('utf8');
    if (outcome === 'ready') return { server: { pid, port, stop: () => stopChild(child) } };
    await stopChild(child);
    if (/Address already in use/i.test(log) && attempt < 5) continue;
    return { log: `${outcome}: ${log}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Talking to a server

const ORACLE = { name: 'oracle', password: 'oracle-login-7f3a9c1e5b2d8f4a6c0e9b7d3f1a5c8e' };

function text(v: RespValue): string {
  if (v === 'OK') return 'allowed';
  if (v instanceof RespError) return `error: ${v.message}`;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
}

/** Runs `fn` on a fresh connection logged in as `login` (or not logged in). */
async function withClient<T>(port: number, login: readonly string[] | undefined, fn: (c: RespClient) => Promise<T>): Promise<T> {
  const c = await RespClient.connect(port);
  try {
    if (login) {
      const r = await c.command('AUTH', ...login);
      if (r !== 'OK') throw new Error(`AUTH ${login[0] ?? ''} failed: ${text(r)}`);
    }
    return await fn(c);
  } finally {
    c.close();
  }
}

/** `ACL DRYRUN` of every user on every command line, keyed `user argv`. */
async function dryRuns(port: number, users: readonly string[], lines: readonly (readonly string[])[]): Promise<Map<string, string>> {
  return withClient(port, [ORACLE.name, ORACLE.password], async (c) => {
    const keys: string[] = [];
    const replies: Promise<RespValue>[] = [];
    for (const u of users)
      for (const argv of lines) {
        keys.push(`${u} ${argv.join(' ')}`);
        replies.push(c.command('ACL', 'DRYRUN', u, ...argv));
      }
    const got = await Promise.all(replies);
    return new Map(keys.map((k, i) => [k, text(got[i] as RespValue)]));
  });
}

/** What a client that does not log in gets for PING, and each AUTH attempt on its own connection. */
async function logins(port: number, attempts: readonly (readonly string[])[]): Promise<string[]> {
  const out = [await withClient(port, undefined, async (c) => text(await c.command('PING')))];
  for (const a of attempts) out.push(await withClient(port, undefined, async (c) => text(await c.command('AUTH', ...a))));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands

/** Command lines for ACL DRYRUN: the renamed commands and a sample of others. */
const LINES: readonly (readonly string[])[] = [
  ['get', 'k'],
  ['set', 'app:1', 'v'],
  ['get', 'b:1'],
  ['del', 'a:1'],
  ['hset', 'app:h', 'f', 'v'],
  ['lpush', 'b:l', 'x'],
  ['info'],
  ['ping'],
  ['select', '0'],
  ['flushdb'],
  ['flushall'],
  ['keys', '*'],
  ['config', 'get', 'maxmemory'],
  ['config', 'set', 'maxmemory', '0'],
  ['debug', 'sleep', '0'],
  ['save'],
  ['bgsave'],
  ['bgrewriteaof'],
  ['eval', 'return 1', '0'],
  ['script', 'flush'],
  ['publish', 'app:ch', 'm'],
  ['subscribe', 'ch'],
  ['client', 'list'],
  ['monitor'],
  ['swapdb', '0', '1'],
  ['shutdown'],
  ['acl', 'whoami'],
  ['lastsave'],
];

const RENAMEABLE = ['flushall', 'flushdb', 'config', 'debug', 'keys', 'save', 'bgsave', 'bgrewriteaof', 'eval', 'script', 'monitor', 'swapdb', 'shutdown'];

/** User templates (`{pw}` is replaced): the shapes a removed command can hide in. */
const USER_TEMPLATES = [
  'app on {pw} ~app:* &app:* -@all +@read +@write',
  'ops on {pw} ~* &* +@all',
  'safe on {pw} ~* &* +@all -@dangerous',
  'cfg on {pw} ~* -@all +config|get +info +flushdb',
  'late on {pw} ~* -flushall -config +@all',
  'sel on {pw} ~a:* -@all +get (~b:* &* +@all)',
  'sleeper off {pw} ~* +@all',
  'scripter on {pw} ~* -@all +@scripting +keys +debug',
  'np on nopass ~* &* -@all +@admin',
];

type Rng = () => number;

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 16).toString(16);
  return s;
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function someUsers(rng: Rng, max: number): string[] {
  const n = 1 + Math.floor(rng() * max);
  return shuffle(rng, [...USER_TEMPLATES])
    .slice(0, n)
    .map((t) => t.replace('{pw}', `>${hex(rng, 40)}`));
}

function userNames(lines: readonly string[]): string[] {
  return lines.map((l) => l.split(' ')[0] as string);
}

// ---------------------------------------------------------------------------------------------
// Fixing

/** The document and other files by path. */
type Files = Map<string, string>;

function analyse(files: Files, conf: string): ConfigAnalysis {
  const a = analyzeDocument(files.get(conf) ?? '', 'config', SETTINGS, { path: conf, source: memoryFiles(Object.fromEntries(files)) });
  assert.ok(a.kind !== 'acl');
  return a;
}

function fixesOf(files: Files, conf: string, a: Analysis, code: string, line?: number): Fix[] {
  const f = a.findings.find((x) => x.code === code && (line === undefined || x.range.start.line === line));
  if (!f) return [];
  // Generated passwords come from node:crypto, as in the editor.
  return fixesFor(a, f, { path: conf, source: memoryFiles(Object.fromEntries(files)), showsNotices: true });
}

function apply(files: Files, conf: string, fix: Fix): void {
  for (const fe of fix.edits) {
    const path = fe.file ?? conf;
    files.set(path, applyEdits(files.get(path) ?? '', fe.edits).text);
  }
}

function errorCodes(a: Analysis): Set<string> {
  return new Set(a.findings.filter((f) => f.severity === 'error').map((f) => f.code));
}

/** The users a notice introduces, with their passwords. */
function noticeLogin(fix: Fix): [string, string] | undefined {
  const m = /^User '([^']+)' may run .*: ([0-9a-f]{64})$/.exec(fix.notice ?? '');
  return m ? [m[1] as string, m[2] as string] : undefined;
}

// ---------------------------------------------------------------------------------------------
// rename-command → ACL

interface RenameCase {
  readonly id: number;
  readonly inline: boolean;
  readonly users: string[];
  readonly defaultLine?: string;
  readonly requirepass?: string;
  readonly renames: { command: string; to: string }[];
  readonly strategy: 'all' | 'each';
  readonly admin: boolean;
}

function renameCases(count: number, seed: number): RenameCase[] {
  const rng = mulberry32(seed);
  const out: RenameCase[] = [];
  for (let id = 0; id < count; id++) {
    const defaults = [
      undefined,
      undefined,
      'default on {pw} ~* &* +@all',
      'default on nopass ~* &* +@all -@dangerous',
      'default off',
      'default on nopass ~* &* -@all +@read',
    ];
    const d = pick(rng, defaults);
    const renames = shuffle(rng, [...RENAMEABLE])
      .slice(0, 1 + Math.floor(rng() * 3))
      .map((command) => ({ command: rng() < 0.5 ? command.toUpperCase() : command, to: rng() < 0.5 ? '' : `${command}-${hex(rng, 12)}` }));
    out.push({
      id,
      inline: id % 2 === 0,
      users: someUsers(rng, 4),
      ...(d ? { defaultLine: d.replace('{pw}', `>${hex(rng, 40)}`) } : {}),
      ...(d === undefined && rng() < 0.5 ? { requirepass: hex(rng, 40) } : {}),
      renames,
      strategy: renames.length > 1 && rng() < 0.6 ? 'all' : 'each',
      admin: rng() < 0.5,
    });
  }
  return out;
}

function quote(s: string): string {
  return s === '' ? '""' : s;
}

/** The files of a case: redis.conf's body and, for the aclfile variant, the ACL file. */
function caseFiles(
  c: { inline: boolean; users: readonly string[]; defaultLine?: string; requirepass?: string; renames?: readonly { command: string; to: string }[] },
  dir: string,
): Files {
  const conf = join(dir, 'redis.conf');
  const acl = join(dir, 'users.acl');
  const userLines = [...c.users, `${ORACLE.name} on >${ORACLE.password} ~* &* +@all`, ...(c.defaultLine ? [c.defaultLine] : [])].map((u) => `user ${u}`);
  const body: string[] = [];
  if (c.requirepass) body.push(`requirepass ${c.requirepass}`);
  if (!c.inline) body.push(`aclfile ${acl}`);
  const renames = (c.renames ?? []).map((r) => `rename-command ${r.command} ${quote(r.to)}`);
  // Renames between the user lines, the way files grow.
  const mixed = c.inline ? [...userLines] : [];
  for (const r of renames) mixed.splice(Math.min(mixed.length, renames.indexOf(r) * 2), 0, r);
  body.push(...mixed, 'timeout 0');
  const files: Files = new Map([[conf, `${body.join('\n')}\n`]]);
  if (!c.inline) files.set(acl, `${userLines.join('\n')}\n`);
  return files;
}

function writeFiles(files: Files, conf: string): string {
  for (const [path, content] of files) if (path !== conf) writeFileSync(path, content);
  return files.get(conf) ?? '';
}

/** Applies the rename fixes as the case says; returns the new admin logins, or a problem. */
function fixRenames(c: RenameCase, files: Files, conf: string): { admins: [string, string][] } | { problem: string } {
  const admins: [string, string][] = [];
  for (let round = 0; round < 10; round++) {
    const a = analyse(files, conf);
    const finding = a.findings.find((f) => f.code === 'rename-command-deprecated');
    if (!finding) return { admins };
    const fixes = fixesOf(files, conf, a, 'rename-command-deprecated', finding.range.start.line).filter((f) => !f.suppression);
    const all = fixes.filter((f) => f.title.startsWith('Replace all'));
    const pool = c.strategy === 'all' && all.length > 0 ? all : fixes.filter((f) => !all.includes(f));
    const fix = pool.find((f) => (f.password !== undefined) === c.admin) ?? pool[0];
    if (!fix || fix.suppression) return { problem: `no fix among ${fixes.map((f) => f.title).join(' | ')}` };
    if (fix.safe) return { problem: `'${fix.title}' is marked safe` };
    const login = noticeLogin(fix);
    if (login) admins.push(login);
    apply(files, conf, fix);
  }
  return { problem: 'the fixes never end' };
}

async function checkRenameCase(c: RenameCase): Promise<string[]> {
  const before = mkdtempSync(join(tmpdir(), 'fix-oracle-before-'));
  const after = mkdtempSync(join(tmpdir(), 'fix-oracle-after-'));
  const servers: Server[] = [];
  const problems: string[] = [];
  try {
    const confBefore = join(before, 'redis.conf');
    const original = caseFiles(c, before);
    const b = await launch(before, writeFiles(original, confBefore));
    if (!('server' in b)) return [`the original config does not start: ${b.log}`];
    servers.push(b.server);

    const conf = join(after, 'redis.conf');
    const files = caseFiles(c, after);
    const errorsBefore = errorCodes(analyse(files, conf));
    const fixed = fixRenames(c, files, conf);
    if ('problem' in fixed) return [fixed.problem];
    const analysed = analyse(files, conf);
    if (analysed.findings.some((f) => f.code === 'rename-command-deprecated')) problems.push('rename-command is still reported');
    const newErrors = [...errorCodes(analysed)].filter((e) => !errorsBefore.has(e));
    if (newErrors.length > 0) problems.push(`new errors: ${newErrors.join(', ')}`);
    const a = await launch(after, writeFiles(files, conf));
    if (!('server' in a)) return [...problems, `the fixed config does not start: ${a.log}`, ...files.values()];
    servers.push(a.server);

    const removed = new Set(c.renames.map((r) => r.command.toLowerCase()));
    const users = ['default', ORACLE.name, ...userNames(c.users)];
    const removedLines = LINES.filter((l) => removed.has(l[0] as string));
    const otherLines = LINES.filter((l) => !removed.has(l[0] as string));
    const denied = await dryRuns(a.server.port, users, removedLines);
    for (const [key, reply] of denied) if (!/has no permissions to run the '[^']+' command$/.test(reply)) problems.push(`${key}: ${reply}, not denied`);
    const was = await dryRuns(b.server.port, users, otherLines);
    const now = await dryRuns(a.server.port, users, otherLines);
    for (const [key, reply] of was) if (now.get(key) !== reply) problems.push(`${key}: ${reply} before, ${now.get(key) ?? '?'} after`);
    for (const [name, password] of fixed.admins) {
      const own = c.renames.filter((r) => r.to !== '' && removed.has(r.command.toLowerCase()));
      const mine = await dryRuns(
        a.server.port,
        [name],
        LINES.filter((l) => own.some((r) => r.command.toLowerCase() === l[0])),
      );
      const runs = [...mine.values()].filter((r) => r === 'allowed').length;
      if (runs === 0) problems.push(`the new user ${name} may run none of its commands: ${[...mine.values()].join('; ')}`);
      const auth = await withClient(a.server.port, undefined, async (cl) => text(await cl.command('AUTH', name, password)));
      if (auth !== 'allowed') problems.push(`AUTH ${name} <password of the notice>: ${auth}`);
    }
    const attempts = c.requirepass ? [[c.requirepass], ['default', c.requirepass], ['wrong-password']] : [['wrong-password']];
    const loginBefore = await logins(b.server.port, attempts);
    const loginAfter = await logins(a.server.port, attempts);
    if (loginBefore.join('\n') !== loginAfter.join('\n')) problems.push(`logins differ: ${loginBefore.join(' / ')} before, ${loginAfter.join(' / ')} after`);
    if (problems.length > 0) problems.push(...[...files.entries()].map(([p, t]) => `${p}:\n${t}`));
    return problems;
  } finally {
    for (const s of servers) await s.stop();
    rmSync(before, { recursive: true, force: true });
    rmSync(after, { recursive: true, force: true });
  }
}

test(`rename-command → ACL: redis-server agrees on ${RENAME_CASES} fixed configs`, { timeout: 120_000 }, async () => {
  await ensureRedisServer();
  const cases = renameCases(RENAME_CASES, 0xac1f);
  const started = Date.now();
  const results = await mapLimit(cases, PARALLEL, (c) => checkRenameCase(c));
  const bad = results.map((p, i) => ({ p, c: cases[i] as RenameCase })).filter((r) => r.p.length > 0);
  const stats = {
    inline: cases.filter((c) => c.inline).length,
    secret: cases.filter((c) => c.renames.some((r) => r.to !== '')).length,
    admin: cases.filter((c) => c.admin && c.renames.some((r) => r.to !== '')).length,
    all: cases.filter((c) => c.strategy === 'all').length,
    implicitDefault: cases.filter((c) => !c.defaultLine).length,
    requirepass: cases.filter((c) => c.requirepass).length,
  };
  console.log(
    `fix oracle: ${cases.length - bad.length}/${cases.length} configs agree (rename-command → ACL; ${stats.inline} inline, ${cases.length - stats.inline} aclfile; ${stats.secret} with secret names, ${stats.admin} with an admin user; ${stats.all} fixed all at once; ${stats.implicitDefault} implicit default users, ${stats.requirepass} with requirepass) in ${Date.now() - started} ms`,
  );
  assert.deepEqual(
    bad.slice(0, 3).map((r) => `case ${r.c.id}: ${r.p.slice(0, 12).join('\n')}`),
    [],
  );
});

// ---------------------------------------------------------------------------------------------
// requirepass → ACL

interface PasswordCase {
  readonly id: number;
  readonly inline: boolean;
  readonly users: string[];
  readonly defaultLine?: string;
  readonly requirepass: string;
  readonly weak: boolean;
}

function passwordCases(count: number, seed: number): PasswordCase[] {
  const rng = mulberry32(seed);
  const out: PasswordCase[] = [];
  for (let id = 0; id < count; id++) {
    const inline = id % 2 === 0;
    const weak = rng() < 0.3;
    const d = pick(rng, [undefined, undefined, 'default on {pw} ~* &* +@all', 'default on nopass ~* &* +@all -@dangerous']);
    out.push({
      id,
      inline,
      users: rng() < 0.2 ? [] : someUsers(rng, 3),
      ...(d ? { defaultLine: d.replace('{pw}', `>${hex(rng, 40)}`) } : {}),
      requirepass: weak ? pick(rng, ['foobared', 'redis', 'secret123']) : hex(rng, 48),
      weak,
    });
  }
  return out;
}

async function checkPasswordCase(c: PasswordCase): Promise<string[]> {
  const before = mkdtempSync(join(tmpdir(), 'fix-oracle-before-'));
  const after = mkdtempSync(join(tmpdir(), 'fix-oracle-after-'));
  const servers: Server[] = [];
  const problems: string[] = [];
  try {
    const original = caseFiles(c, before);
    const b = await launch(before, writeFiles(original, join(before, 'redis.conf')));
    if (!('server' in b)) return [`the original config does not start: ${b.log}`];
    servers.push(b.server);

    const conf = join(after, 'redis.conf');
    const files = caseFiles(c, after);
    const a0 = analyse(files, conf);
    const errorsBefore = errorCodes(a0);
    const requirepassLine = a0.tree.directives.find((d) => d.name === 'requirepass')?.range.start.line;
    const codes = c.weak ? ['weak-password'] : ['requirepass-prefer-acl', 'plaintext-password'];
    const code = codes.find((k) => a0.findings.some((f) => f.code === k && f.range.start.line === requirepassLine));
    if (!code) return [`no ${codes.join('/')} finding on requirepass`];
    const fix = fixesOf(files, conf, a0, code, requirepassLine).find((f) => !f.suppression && !f.title.includes('kept in clear'));
    if (!fix) return [`no fix for ${code}`];
    if (fix.safe) problems.push(`'${fix.title}' is marked safe`);
    // A `user default` line in redis.conf overrides requirepass: the fix only removes it.
    const overridden = c.inline && c.defaultLine !== undefined;
    const generated = /: ([0-9a-f]{64})$/.exec(fix.notice ?? '')?.[1];
    if (c.weak && !overridden && !generated) problems.push('no generated password in the notice');
    if (fix.notice?.includes(c.requirepass) && !generated?.includes(c.requirepass)) problems.push('the notice shows the old password');
    if (fix.title.includes(c.requirepass)) problems.push('the title shows the password');
    apply(files, conf, fix);
    const analysed = analyse(files, conf);
    if (analysed.tree.directives.some((d) => d.name === 'requirepass')) problems.push('requirepass is still there');
    // (Weak passwords such as 'redis' are words of the files themselves.)
    if (!c.weak && [...files.values()].some((t) => t.includes(c.requirepass))) problems.push('the old password is still in a file');
    // A password on a default user that had none ends protected mode's refusal of remote
    // clients: the title says so, and the exposure findings that follow are expected.
    const announced = / — protected mode stops refusing clients on other hosts/.test(fix.title);
    const newErrors = [...errorCodes(analysed)].filter(
      (e) => !errorsBefore.has(e) && !(announced && (RULES[e as keyof typeof RULES] as { exposure?: boolean }).exposure),
    );
    if (newErrors.length > 0) problems.push(`new errors: ${newErrors.join(', ')}`);
    const a = await launch(after, writeFiles(files, conf));
    if (!('server' in a)) return [...problems, `the fixed config does not start: ${a.log}`, ...files.values()];
    servers.push(a.server);

    const password = generated ?? c.requirepass;
    if (overridden) {
      const attempts = [[c.requirepass], ['wrong-password']];
      const was = await logins(b.server.port, attempts);
      const now = await logins(a.server.port, attempts);
      if (was.join('\n') !== now.join('\n')) problems.push(`logins differ: ${was.join(' / ')} before, ${now.join(' / ')} after`);
    } else {
      for (const attempt of [[password], ['default', password]]) {
        const r = await withClient(a.server.port, undefined, async (cl) => text(await cl.command('AUTH', ...attempt)));
        if (r !== 'allowed') problems.push(`AUTH ${attempt.length === 2 ? 'default ' : ''}<password>: ${r}`);
      }
      const wrong = await withClient(a.server.port, undefined, async (cl) => text(await cl.command('AUTH', 'wrong-password')));
      if (wrong === 'allowed') problems.push('AUTH with a wrong password works');
    }
    const users = ['default', ORACLE.name, ...userNames(c.users)];
    const was = await dryRuns(b.server.port, users, LINES);
    const now = await dryRuns(a.server.port, users, LINES);
    for (const [key, reply] of was) if (now.get(key) !== reply) problems.push(`${key}: ${reply} before, ${now.get(key) ?? '?'} after`);
    if (problems.length > 0) problems.push(fix.title, ...[...files.entries()].map(([p, t]) => `${p}:\n${t}`));
    return problems;
  } finally {
    for (const s of servers) await s.stop();
    rmSync(before, { recursive: true, force: true });
    rmSync(after, { recursive: true, force: true });
  }
}

test(`requirepass → ACL: redis-server agrees on ${PASSWORD_CASES} fixed configs`, { timeout: 120_000 }, async () => {
  await ensureRedisServer();
  const cases = passwordCases(PASSWORD_CASES, 0x9a55);
  const started = Date.now();
  const results = await mapLimit(cases, PARALLEL, (c) => checkPasswordCase(c));
  const bad = results.map((p, i) => ({ p, c: cases[i] as PasswordCase })).filter((r) => r.p.length > 0);
  const inline = cases.filter((c) => c.inline).length;
  console.log(
    `fix oracle: ${cases.length - bad.length}/${cases.length} configs agree (requirepass → ACL; ${inline} inline, ${cases.length - inline} aclfile; ${cases.filter((c) => c.weak).length} weak passwords replaced by generated ones; ${cases.filter((c) => c.defaultLine).length} with a default user already) in ${Date.now() - started} ms`,
  );
  assert.deepEqual(
    bad.slice(0, 3).map((r) => `case ${r.c.id}: ${r.p.slice(0, 12).join('\n')}`),
    [],
  );
});

// ---------------------------------------------------------------------------------------------
// Passwords that are not UTF-8: `--fix` hashes the bytes Redis hashes and keeps every other byte

test('--fix on passwords that are not UTF-8: AUTH works before and after, other bytes unchanged', { timeout: 60_000 }, async () => {
  await ensureRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'fix-oracle-bytes-'));
  const servers: Server[] = [];
  try {
    const latin1 = Buffer.concat([Buffer.from('p'), Buffer.from('e9', 'hex'), Buffer.from('ss-4b1d9e7c2a5f8036')]);
    const raw = Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from('-7c2a5f80364b1d9e')]);
    const escaped = Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from('-e7c2a5f80364b1d9')]);
    const stray = Buffer.from('~k\xff*', 'latin1');
    const acl = join(dir, 'users.acl');
    const users = join(dir, 'users.conf');
    writeFileSync(
      acl,
      Buffer.concat([
        Buffer.from(`user ${ORACLE.name} on >${ORACLE.password} ~* &* +@all\nuser ops on >`),
        latin1,
        Buffer.from(' '),
        stray,
        Buffer.from(' +@all\n'),
      ]),
    );
    // A config fragment with a raw byte password, an escaped one, and a comment in Latin-1.
    writeFileSync(
      users,
      Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from('e9', 'hex'),
        Buffer.from('\nbind 127.0.0.1\nuser raw on >'),
        raw,
        Buffer.from(' ~* +@all\nuser esc on ">\\xff\\xfe-e7c2a5f80364b1d9" ~* +@all\n'),
      ]),
    );
    const body = `include ${users}\n`;
    const auth = async (port: number, name: string, password: Buffer): Promise<string> =>
      withClient(port, undefined, async (c) => text(await c.command('AUTH', name, password)));
    const checkLogins = async (when: string): Promise<void> => {
      // An aclfile and `user` lines cannot be used together: one server for each.
      const a = await launch(dir, `aclfile ${acl}\n`);
      assert.ok('server' in a, `${when}: ${'log' in a ? a.log : ''}`);
      servers.push(a.server);
      assert.equal(await auth(a.server.port, 'ops', latin1), 'allowed', `${when}: AUTH ops`);
      assert.notEqual(await auth(a.server.port, 'ops', Buffer.from(latin1.toString('latin1'), 'utf8')), 'allowed', `${when}: the UTF-8 spelling must not work`);
      const b = await launch(dir, body);
      assert.ok('server' in b, `${when}: ${'log' in b ? b.log : ''}`);
      servers.push(b.server);
      assert.equal(await auth(b.server.port, 'raw', raw), 'allowed', `${when}: AUTH raw`);
      assert.equal(await auth(b.server.port, 'esc', escaped), 'allowed', `${when}: AUTH esc`);
    };
    await checkLogins('before the fix');
    for (const file of [acl, users])
      assert.equal(
        run(['--fix', '--fail-on', 'none', '--target', 'redis-7.0', file], () => undefined),
        0,
      );
    const aclAfter = readFileSync(acl);
    const usersAfter = readFileSync(users);
    assert.ok(!aclAfter.includes('>p') && aclAfter.includes(stray), aclAfter.toString('latin1'));
    assert.ok(aclAfter.includes(Buffer.from(`#${createHash('sha256').update(latin1).digest('hex')}`)));
    assert.ok(usersAfter.includes(Buffer.from('# caf\xe9\n', 'latin1')), usersAfter.toString('latin1'));
    assert.ok(!usersAfter.includes(raw) && !usersAfter.includes('\\xff'), usersAfter.toString('latin1'));
    await checkLogins('after the fix');
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

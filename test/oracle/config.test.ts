/**
 * Oracle test: the analyzer against the real redis-server 7.0 on thousands of generated config
 * files (test/support/configGenerator.ts).
 *
 * For each file: Redis refuses it  <=>  we report at least one error (target redis-7.0, profile
 * production; the errors of the security checklist, such as no-auth, are advice and do not count,
 * except tls-incomplete, which is a refusal at startup); and when
 * Redis names a line (`FATAL CONFIG FILE ERROR ... at line N`), our first error is on that line.
 * When Redis names no line (checks after parsing: module settings, replicaof in cluster mode,
 * a missing include, a data file it cannot load...), only the refusal must agree.
 *
 * Each file is loaded after a header that keeps the server off the network and out of the way,
 *
 *     port 0 / unixsocket <tmp>/redis.sock / dir <tmp> / daemonize no / save "" / appendonly no / logfile ""
 *
 * and with command-line options that Redis applies after the file (`--port 0 --unixsocket ...
 * --daemonize no --logfile "" --loglevel notice`): a generated `port`, `unixsocket`, `daemonize`,
 * `logfile` or `loglevel` line is still parsed and checked, but cannot make the server listen on
 * TCP, detach, or hide its log. With port 0, `bind` addresses are never used either. A file is
 * accepted when the server logs that it is ready; it is then killed by its PID. A refused file
 * makes the server exit at once.
 *
 * Disagreements fail the test unless exceptions.json lists the exact body with a reason.
 * Set CONFIG_ORACLE_REPORT=<file> to get every outcome as JSON.
 *
 * Run: node --import tsx --test test/oracle/config.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { FileSource } from '../../server/src/analysis/configModel';
import type { Finding } from '../../server/src/analysis/types';
import { RULES } from '../../server/src/knowledge/rules';
import { ensureRedisServer, mapLimit, parseFatalBanner, quoteArg, redisServerVersion } from '../support/redisServer';
import { generateConfigFiles, MACHINE_DEPENDENT, TARGET, type ConfigCase } from '../support/configGenerator';

/** Servers run at once. */
const CONCURRENCY = 4;
/** A server that neither exits nor says it is ready by then is a harness failure. */
const START_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------------------------
// Running redis-server on a body

const HEADER_LINES = 7;

function header(dir: string, sock: string): string[] {
  return ['port 0', `unixsocket ${quoteArg(sock)}`, `dir ${quoteArg(dir)}`, 'daemonize no', 'save ""', 'appendonly no', 'logfile ""'];
}

function overrides(sock: string): string[] {
  return ['--port', '0', '--unixsocket', sock, '--daemonize', 'no', '--logfile', '', '--loglevel', 'notice'];
}

/** Only what the server needs: no NOTIFY_SOCKET / UPSTART_JOB for `supervised`, no locale surprises. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
}

interface RedisVerdict {
  readonly accepted: boolean;
  /** The body line (1-based) Redis named, when it named one. */
  readonly line?: number;
  readonly message?: string;
  readonly exit?: string;
}

const live = new Map<number, { child: ChildProcess; dir: string }>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const [pid, { dir }] of live) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

/** The trimmed text of body line `n` (1-based), as Redis echoes it. */
function bodyLine(body: string, n: number): string | undefined {
  const l = body.split('\n')[n - 1];
  return l === undefined ? undefined : l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/** The last warning of the log (`pid:X date # text`), else its last line. */
function lastWarning(log: string): string {
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  const warn = lines.filter((l) => /^\d+:[A-Z] .*? # /.test(l)).pop();
  const pick = warn ?? lines.pop() ?? '';
  return pick.replace(/^\d+:[A-Z] \d+ \w+ \d+ [\d:.]+ [#*.-] /, '').trim();
}

async function runRedis(binary: string, body: string): Promise<RedisVerdict> {
  hookExit();
  const dir = mkdtempSync(join(tmpdir(), 'redis-cfg-oracle-'));
  const sock = join(dir, 'redis.sock');
  const file = join(dir, 'redis.conf');
  writeFileSync(file, `${header(dir, sock).join('\n')}\n${body}`);
  const child = spawn(binary, [file, ...overrides(sock)], { cwd: dir, env: serverEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start ${binary}`);
  }
  live.set(pid, { child, dir });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outText = '';
  try {
    const outcome = await new Promise<'ready' | 'closed' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), START_TIMEOUT_MS);
      child.stdout?.on('data', (d: Buffer) => {
        out.push(d);
        outText += d.toString('latin1');
        if (/ready to accept connections/i.test(outText)) {
          clearTimeout(timer);
          resolve('ready');
        }
      });
      child.stderr?.on('data', (d: Buffer) => err.push(d));
      child.once('close', () => {
        clearTimeout(timer);
        resolve('closed');
      });
    });
    if (outcome !== 'closed') {
      const closed = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('close', () => resolve())));
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
      await closed;
      if (outcome === 'timeout') throw new Error(`redis-server (pid ${pid}) neither exited nor became ready within ${START_TIMEOUT_MS} ms on:\n${body}\nlog:\n${outText}`);
      return { accepted: true };
    }
    const stderr = Buffer.concat(err);
    const log = Buffer.concat(out).toString('utf8');
    const exit = child.signalCode ? `signal ${child.signalCode}` : `exit ${child.exitCode}`;
    if (child.exitCode === 0) throw new Error(`redis-server exited with status 0 before it was ready on:\n${body}\nlog:\n${log}`);
    const banner = parseFatalBanner(stderr);
    if (!banner) return { accepted: false, message: lastWarning(log) || stderr.toString('utf8').trim().split('\n').pop() || '', exit };
    if (banner.fileLine === undefined) return { accepted: false, message: banner.message, exit };
    const line = banner.fileLine - HEADER_LINES;
    // The harness must know which line Redis means: it must be a body line, echoed as we trim it.
    const expected = line >= 1 ? bodyLine(body, line) : undefined;
    if (expected === undefined || !banner.echoed || !banner.echoed.equals(Buffer.from(expected, 'utf8'))) {
      throw new Error(`harness: Redis names file line ${banner.fileLine} (${JSON.stringify(banner.echoed?.toString('utf8'))}), body line ${line} is ${JSON.stringify(expected)}; body:\n${body}`);
    }
    return { accepted: false, line, message: banner.message, exit };
  } finally {
    live.delete(pid);
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Our side

/** The files the server can see: a fresh directory with nothing but its own config. */
const EMPTY_DIR: FileSource = { read: () => undefined, glob: () => [] };

function analyze(body: string): readonly Finding[] {
  return analyzeDocument(body, 'config', { target: TARGET, profile: 'production', targetIsDefault: false }, { path: '/oracle/redis.conf', source: EMPTY_DIR }).findings;
}

interface Outcome {
  readonly c: ConfigCase;
  readonly redis: RedisVerdict;
  readonly errors: readonly Finding[];
  readonly agree: boolean;
  readonly why?: string;
}

/**
 * Security rules that describe a refusal at startup rather than advice (the others, such as
 * no-auth, are errors of the production checklist on files Redis loads happily).
 */
const SECURITY_REFUSALS = new Set<string>(['tls-incomplete']);

/** An error that says redis-server refuses the file. */
function isRefusal(f: Finding): boolean {
  if (f.severity !== 'error') return false;
  const rule = RULES[f.code] as { security?: boolean } | undefined;
  return rule?.security !== true || SECURITY_REFUSALS.has(f.code);
}

function judge(c: ConfigCase, redis: RedisVerdict): Outcome {
  // The header and the command line replace the listeners (port 0, a Unix socket), so what
  // happens when the server opens its own sockets cannot be seen here.
  const errors = analyze(c.body).filter(isRefusal).filter((e) => e.data?.socket !== true);
  // Checks Redis makes once the whole file is read name no line: they never come before a
  // line Redis names, so only the others decide "our first error".
  const lineErrors = errors.filter((e) => e.data?.afterLoad !== true);
  const first = lineErrors.length ? Math.min(...lineErrors.map((e) => e.range.start.line)) + 1 : errors.length ? Number.POSITIVE_INFINITY : undefined; // Infinity: only after-load errors
  if (redis.accepted) return { c, redis, errors, agree: errors.length === 0, why: errors.length ? 'we report an error, Redis accepts' : undefined };
  if (first === undefined) return { c, redis, errors, agree: false, why: 'Redis refuses, we report no error' };
  if (redis.line !== undefined && redis.line !== first) return { c, redis, errors, agree: false, why: `Redis names line ${redis.line}, our first error is on line ${first}` };
  return { c, redis, errors, agree: true };
}

// ---------------------------------------------------------------------------------------------
// Exceptions

function loadExceptions(): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(__dirname, 'exceptions.json'), 'utf8')) as { exceptions?: { text: string; reason: string }[] };
  const map = new Map<string, string>();
  for (const e of raw.exceptions ?? []) {
    assert.ok(typeof e.text === 'string' && typeof e.reason === 'string' && e.reason.trim().length > 0, `bad exceptions.json entry: ${JSON.stringify(e)}`);
    map.set(e.text, e.reason);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Reporting

function esc(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function clip(s: string, max = 300): string {
  return s.length <= max ? s : `${s.slice(0, max)}... (${s.length} chars)`;
}

function describeRedis(r: RedisVerdict): string {
  if (r.accepted) return 'accepts';
  return `refuses${r.line !== undefined ? ` at line ${r.line}` : ' (no line)'}: ${r.message ?? ''}${r.exit && r.exit !== 'exit 1' ? ` [${r.exit}]` : ''}`;
}

function describeOurs(errors: readonly Finding[]): string {
  if (!errors.length) return 'no error';
  return errors
    .slice(0, 3)
    .map((e) => `line ${e.range.start.line + 1} ${e.code}: ${e.message.split('\n')[0]}`)
    .join(' | ');
}

function formatOutcome(o: Outcome): string {
  return `${clip(esc(o.c.body))}  [${o.c.id}]\n      ${o.why}\n      Redis: ${clip(describeRedis(o.redis))}\n      ours:  ${clip(describeOurs(o.errors))}`;
}

// ---------------------------------------------------------------------------------------------

test('generated config files: the analyzer refuses exactly what redis-server 7.0 refuses', { timeout: 900_000 }, async (t) => {
  const binary = await ensureRedisServer(); // throws with the install command when it cannot
  const version = redisServerVersion(binary);
  assert.match(version, /^7\.0\./, `the config oracle is written against redis-server 7.0, found ${version}`);
  const exceptions = loadExceptions();
  for (const body of MACHINE_DEPENDENT) assert.ok(exceptions.has(body), `exceptions.json lacks the machine-dependent body ${esc(body)}`);

  const cases = generateConfigFiles();
  assert.deepEqual(
    generateConfigFiles().map((c) => c.body),
    cases.map((c) => c.body),
    'the generator is not deterministic',
  );
  assert.ok(cases.length >= 2000, `only ${cases.length} files generated`);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'duplicate case ids');

  const started = Date.now();
  const outcomes = await mapLimit(cases, CONCURRENCY, async (c) => judge(c, await runRedis(binary, c.body)));
  const seconds = (Date.now() - started) / 1000;

  const accepted = outcomes.filter((o) => o.redis.accepted).length;
  const withLine = outcomes.filter((o) => o.redis.line !== undefined).length;
  const lineAfterFirst = outcomes.filter((o) => (o.redis.line ?? 0) > 1).length;
  const agree = outcomes.filter((o) => o.agree).length;
  const disagreeing = outcomes.filter((o) => !o.agree);
  const excepted = disagreeing.filter((o) => exceptions.has(o.c.body));
  const failures = disagreeing.filter((o) => !exceptions.has(o.c.body));

  const summary =
    `config oracle: ${agree}/${outcomes.length} files agree (redis-server ${version}; ${accepted} accepted, ` +
    `${outcomes.length - accepted} refused, ${withLine} with a line, ${lineAfterFirst} past line 1; ` +
    `${excepted.length} excepted; ${seconds.toFixed(1)} s)`;
  t.diagnostic(summary);
  console.log(summary);

  if (process.env.CONFIG_ORACLE_REPORT) {
    writeFileSync(
      process.env.CONFIG_ORACLE_REPORT,
      JSON.stringify(
        outcomes.map((o) => ({ id: o.c.id, body: o.c.body, agree: o.agree, why: o.why, redis: o.redis, ours: o.errors.map((e) => ({ line: e.range.start.line + 1, code: e.code, message: e.message })) })),
        null,
        1,
      ),
    );
  }

  // The mix must stay meaningful if the generator changes.
  const byCategory = new Map<string, number>();
  for (const c of cases) byCategory.set(c.category.split(':')[0] as string, (byCategory.get(c.category.split(':')[0] as string) ?? 0) + 1);
  for (const cat of ['bool', 'integer', 'memory', 'percent', 'octal', 'enum', 'enum-multi', 'string', 'save', 'bind', 'client-output-buffer-limit', 'oom-score-adj-values', 'notify-keyspace-events', 'replicaof', 'latency-tracking-info-percentiles', 'file-name', 'proc-title-template', 'cluster-announce-hostname', 'rename-command', 'include', 'sentinel', 'module', 'unknown', 'trailing-comment', 'ignored', 'other-version', 'alias', 'name-case', 'duplicates', 'multi-line']) {
    assert.ok((byCategory.get(cat) ?? 0) >= 5, `only ${byCategory.get(cat) ?? 0} files of category ${cat}`);
  }
  assert.ok(accepted >= 500 && outcomes.length - accepted >= 500, `unbalanced mix: ${accepted} accepted of ${outcomes.length}`);
  assert.ok(lineAfterFirst >= 100, `only ${lineAfterFirst} files where Redis names a line past line 1`);

  // Multi-line files that disagree because one of their lines disagrees on its own add nothing:
  // count them, and show the rest, shortest first.
  // (Lines are compared trimmed, with the first word unquoted and lower-cased: the multi-line
  // generator writes names in other cases.)
  const norm = (l: string): string => l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '').replace(/^("?)([^\s"]+)\1(?=\s|$)/, (_m, _q: string, w: string) => w.toLowerCase());
  const failingLines = new Set(failures.filter((o) => !o.c.body.includes('\n')).map((o) => norm(o.c.body)));
  const explained = (o: Outcome): boolean => o.c.body.includes('\n') && o.c.body.split('\n').some((l) => failingLines.has(norm(l)));
  const own = failures.filter((o) => !explained(o)).sort((a, b) => a.c.body.length - b.c.body.length);
  const shown = own.slice(0, 80).map(formatOutcome);
  assert.equal(
    failures.length,
    0,
    [
      `${failures.length} disagreement(s): ${own.length} shown below${own.length > shown.length ? ` (the first ${shown.length})` : ''}, ` +
        `and ${failures.length - own.length} multi-line file(s) holding one of the disagreeing lines below:`,
      ...shown.map((x) => `  ${x}`),
    ].join('\n'),
  );
});

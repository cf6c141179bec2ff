/**
 * What the ACL oracle tests need from a real redis-server, on top of redisServer.ts (used
 * read-only: the servers per version, free ports, the RESP client, the FATAL banner parser):
 *
 * - `startAclServer(version)`: one server with an `aclfile`, kept running; `load(text)` rewrites the
 *   file and runs ACL LOAD, returning the lines Redis names in its error reply.
 * - `startupCheck(body, files, version)`: starts a server on `body` (after a small header, read from stdin,
 *   listening on a unix socket only) and says whether it reached "ready to accept
 *   connections", and if not, which line or user its error names.
 *
 * Every server is stopped by its PID in a finally block (SIGKILL when it is only a probe),
 * with no fixed sleeps: readiness is the server's own log line or a PING reply.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_VERSION,
  ensureServer,
  freePort,
  parseFatalBanner,
  RespClient,
  RespError,
  spawnServer,
  type OracleVersion,
  type RespValue,
} from './redisServer';

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function killPid(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, signal);
    } catch {
      // already gone
    }
  }
  await exited(child);
}

/** Resolves when `predicate` holds for the output so far, or the process exits, or the deadline passes. */
function waitForOutput(child: ChildProcess, chunks: Buffer[], predicate: (text: string) => boolean, ms: number): Promise<'match' | 'exit' | 'timeout'> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: 'match' | 'exit' | 'timeout'): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolve(r);
    };
    const onData = (): void => {
      if (predicate(Buffer.concat(chunks).toString('utf8'))) finish('match');
    };
    const onExit = (): void => finish('exit');
    const timer = setTimeout(() => finish('timeout'), ms);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    if (predicate(Buffer.concat(chunks).toString('utf8'))) finish('match');
    else if (child.exitCode !== null || child.signalCode !== null) finish('exit');
  });
}

const READY = /ready to accept connections/i;

// ---------------------------------------------------------------------------------------------
// One long-running server for ACL LOAD, ACL SETUSER and ACL DRYRUN

export interface AclLoadResult {
  readonly ok: boolean;
  /** Line numbers Redis names in its error reply. */
  readonly lines: ReadonlySet<number>;
  readonly message: string;
}

export interface AclServer {
  readonly pid: number;
  readonly aclPath: string;
  /** Sends commands pipelined; replies in order. */
  send(commands: readonly (readonly (string | Buffer)[])[]): Promise<RespValue[]>;
  /** Writes `text` to the ACL file and runs ACL LOAD. */
  load(text: string): Promise<AclLoadResult>;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** The line numbers in an ACL LOAD error reply. */
export function aclLoadErrorLines(message: string, aclPath: string): Set<number> {
  const lines = new Set<number>();
  const escaped = aclPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of message.matchAll(new RegExp(`${escaped}:(\\d+)`, 'g'))) lines.add(Number(m[1]));
  for (const m of message.matchAll(/Duplicate user '[^']*' found on line (\d+)/g)) lines.add(Number(m[1]));
  return lines;
}

export async function startAclServer(version: OracleVersion = DEFAULT_VERSION): Promise<AclServer> {
  const server = await ensureServer(version);
  const dir = mkdtempSync(join(tmpdir(), 'acl-oracle-'));
  const aclPath = join(dir, 'users.acl');
  // Channel rules (`&*`) exist from 6.2 on.
  writeFileSync(aclPath, `user default on nopass ~* ${version.startsWith('redis-6.0') ? '' : '&* '}+@all\n`);
  const port = await freePort();
  const config = [`port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, `aclfile ${aclPath}`, 'save ""', 'appendonly no', 'logfile ""', 'daemonize no'].join('\n');
  const child = spawnServer(server, ['-'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (d: Buffer) => chunks.push(d));
  child.stderr?.on('data', (d: Buffer) => chunks.push(d));
  child.stdin?.end(`${config}\n`);
  const pid = child.pid;
  let client: RespClient | undefined;
  try {
    if (pid === undefined) throw new Error(`could not start ${server.id}`);
    const ready = await waitForOutput(child, chunks, (t) => READY.test(t), 15_000);
    if (ready !== 'match') throw new Error(`${server.id} did not start (${ready}):\n${Buffer.concat(chunks).toString('utf8')}`);
    client = await RespClient.connect(port);
  } catch (e) {
    await killPid(child, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const c = client;
  const send = async (commands: readonly (readonly (string | Buffer)[])[]): Promise<RespValue[]> => Promise.all(commands.map((args) => c.command(...args)));
  return {
    pid,
    aclPath,
    send,
    async load(text: string): Promise<AclLoadResult> {
      writeFileSync(aclPath, text);
      const r = await c.command('ACL', 'LOAD');
      if (r === 'OK') return { ok: true, lines: new Set(), message: 'OK' };
      const message = r instanceof RespError ? r.message : String(r);
      return { ok: false, lines: aclLoadErrorLines(message, aclPath), message };
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop(): Promise<void> {
      c.close();
      await killPid(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Startup of a redis.conf with `user` lines

export interface StartupResult {
  readonly accepted: boolean;
  /** Refused with a FATAL banner: the line of `body` it names (1-based). */
  readonly line?: number;
  /** Refused while loading the users: the user named in the log. */
  readonly user?: string;
  readonly message: string;
}

/** Lines put before the body; the body's line N is line N + STARTUP_HEADER of the config. */
export const STARTUP_HEADER = 5;

/**
 * Starts redis-server on `body`, reading the config from stdin and listening on a unix
 * socket in a fresh folder. `files` are written into that folder first (an ACL file that
 * `body` names by `<dir>/name`: the string `$DIR` in `body` is replaced by the folder).
 */
export async function startupCheck(
  body: string,
  files: Readonly<Record<string, string>> = {},
  version: OracleVersion = DEFAULT_VERSION,
): Promise<StartupResult> {
  const server = await ensureServer(version);
  const dir = mkdtempSync(join(tmpdir(), 'acl-startup-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const header = ['port 0', `unixsocket ${join(dir, 's.sock')}`, `dir ${dir}`, 'save ""', 'appendonly no'];
    const config = `${header.join('\n')}\n${body.split('$DIR').join(dir)}\n`;
    const child = spawnServer(server, ['-'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => err.push(d));
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.stdin?.on('error', () => undefined); // the server may exit before reading everything
    child.stdin?.end(config);
    try {
      const r = await waitForOutput(child, out, (t) => READY.test(t), 15_000);
      if (r === 'match') return { accepted: true, message: 'ready' };
      if (r === 'timeout') throw new Error(`${server.id} neither started nor exited:\n${Buffer.concat(out).toString('utf8')}`);
      await closed;
      const banner = parseFatalBanner(Buffer.concat(err));
      if (banner) return { accepted: false, ...(banner.fileLine !== undefined ? { line: banner.fileLine - STARTUP_HEADER } : {}), message: banner.message };
      const log = Buffer.concat(out).toString('utf8');
      const user = /Error loading ACL rule '.*' for the user named '(.*)': /.exec(log)?.[1];
      const last =
        log
          .trim()
          .split('\n')
          .filter((l) => !/Critical error while loading ACLs/.test(l))
          .pop() ?? '';
      return { accepted: false, ...(user !== undefined ? { user } : {}), message: last.replace(/^\d+:[A-Z] [^#*]*[#*] /, '') };
    } finally {
      await killPid(child, 'SIGKILL');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

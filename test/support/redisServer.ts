/**
 * Test helpers that run real Redis and Valkey servers as oracles.
 *
 * - Versions: `ORACLE_VERSIONS` lists the servers the oracles can run (Redis 6.0.16, 7.0.15, 8.0.2,
 *   Valkey 8.1.1, 9.1.2); `oracleVersions()` is that list, narrowed by `$REDIS_ORACLE_VERSIONS`
 *   (comma-separated) when set. Every helper below takes `version` (default `redis-7.0.15`, the
 *   system's redis-server). `ensureServer(version)` provisions it (scripts/provision-redis.mjs:
 *   Debian packages unpacked under .cache/redis-oracles/) and says how to start it;
 *   `spawnServer(server, args)` starts it.
 * - `ensureRedisServer()` finds the system's redis-server 7.0, installs the Debian package when we
 *   are root, or throws with the command to run.
 * - `startRedis(config, { version })` writes the config (after a fixed header) into a fresh
 *   temporary directory, starts the server and resolves as soon as it is ready (its own log line,
 *   or a PING reply), or as soon as it exits (a refused config exits within milliseconds).
 *   `sharedServer(version)` is one such server per version, kept for the whole test process.
 * - `checkConfig(text, { version })` says whether the server accepts `text`, and if not, on which
 *   line of `text` and with which message; `probeConfig` is the same verdict without a
 *   connection (the cheap path for thousands of files), `probeConfigs` runs many in parallel.
 * - `RespClient` is a minimal RESP2 client (PING, CONFIG GET, ACL DRYRUN, ...).
 *
 * Every server is stopped by its PID (SIGTERM, then SIGKILL after a deadline) and its temporary
 * directory removed, in `stop()`, and as a last resort when the test process exits.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Launch, OracleServer, OracleVersion } from '../../scripts/provision-redis.mjs' with { 'resolution-mode': 'import' };
import type { TargetId } from '../../server/src/knowledge/types';
import { LIVE_SERVERS } from '../../server/src/knowledge/versions';

export type { Launch, OracleServer, OracleVersion };

// ---------------------------------------------------------------------------------------------
// Finding or installing redis-server

/** Environment variable that may name a specific redis-server binary. */
export const REDIS_SERVER_ENV = 'REDIS_SERVER';

export const INSTALL_MESSAGE =
  'redis-server is required by the oracle tests but was not found on PATH. Install it with\n' +
  '  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y redis-server\n' +
  '(Debian/Ubuntu; the tests were written against Debian redis-server 7.0.15), or set ' +
  `${REDIS_SERVER_ENV}=/path/to/redis-server. The tests install it themselves when run as root.`;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The redis-server binary to use: `$REDIS_SERVER`, else `redis-server` on PATH, else undefined. */
export function findRedisServer(): string | undefined {
  const fromEnv = process.env[REDIS_SERVER_ENV];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  return findOnPath('redis-server');
}

function runQuiet(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync(cmd, args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

let binaryPath: string | undefined;

/**
 * Makes sure a redis-server binary is available and returns its path. When it is missing and
 * we run as root, installs the Debian package (and stops the service the package may start:
 * our servers use their own ports, this only saves memory). Otherwise throws an Error whose
 * message says how to install it.
 */
export async function ensureRedisServer(): Promise<string> {
  if (binaryPath) return binaryPath;
  let found = findRedisServer();
  if (!found && process.env[REDIS_SERVER_ENV]) {
    throw new Error(`${REDIS_SERVER_ENV}=${process.env[REDIS_SERVER_ENV]} is not an executable file.\n${INSTALL_MESSAGE}`);
  }
  if (!found) {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0) throw new Error(INSTALL_MESSAGE);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    // Another test process may be installing at the same time: wait for the dpkg lock.
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    const update = runQuiet('apt-get', [...lock, 'update'], env);
    if (update.status !== 0) throw new Error(`apt-get update failed (status ${update.status}):\n${update.output}\n${INSTALL_MESSAGE}`);
    const install = runQuiet('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'redis-server'], env);
    if (install.status !== 0) throw new Error(`apt-get install redis-server failed (status ${install.status}):\n${install.output}\n${INSTALL_MESSAGE}`);
    // The package may have started its own service on 6379: stop it, best effort.
    runQuiet('systemctl', ['disable', '--now', 'redis-server.service']);
    runQuiet('service', ['redis-server', 'stop']);
    found = findRedisServer() ?? (isExecutable('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
    if (!found) throw new Error(`redis-server was installed but is still not on PATH (${process.env.PATH}).\n${INSTALL_MESSAGE}`);
  }
  binaryPath = found;
  return found;
}

/** `redis-server --version`, e.g. `7.0.15`. */
export function redisServerVersion(binary: string): string {
  const r = runQuiet(binary, ['--version']);
  const m = /v=(\S+)/.exec(r.output);
  if (!m?.[1]) throw new Error(`cannot read the version of ${binary}: ${r.output}`);
  return m[1];
}

// ---------------------------------------------------------------------------------------------
// Versions

/** Every server the oracles can run, oldest first. */
export const ORACLE_VERSIONS: readonly OracleVersion[] = ['redis-6.0.16', 'redis-7.0.15', 'redis-8.0.2', 'valkey-8.1.1', 'valkey-9.1.2'];

/** The version every helper runs when none is named: the system's Debian bookworm redis-server. */
export const DEFAULT_VERSION: OracleVersion = 'redis-7.0.15';

/** Narrows the versions the multi-version suites run, e.g. `REDIS_ORACLE_VERSIONS=redis-7.0.15,valkey-9.1.2`. */
export const ORACLE_VERSIONS_ENV = 'REDIS_ORACLE_VERSIONS';

/** The versions to test: all of them, or those `$REDIS_ORACLE_VERSIONS` names (unknown names throw). */
export function oracleVersions(): readonly OracleVersion[] {
  const wanted = (process.env[ORACLE_VERSIONS_ENV] ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (wanted.length === 0) return ORACLE_VERSIONS;
  const unknown = wanted.filter((v) => !(ORACLE_VERSIONS as readonly string[]).includes(v));
  if (unknown.length > 0) throw new Error(`${ORACLE_VERSIONS_ENV} names unknown versions ${unknown.join(', ')}; known: ${ORACLE_VERSIONS.join(', ')}`);
  return ORACLE_VERSIONS.filter((v) => wanted.includes(v));
}

/** The target whose table was checked against `version` (knowledge/versions.ts LIVE_SERVERS). */
export function targetOf(version: OracleVersion): TargetId {
  const hit = Object.entries(LIVE_SERVERS).find(([, live]) => live === version);
  if (!hit) throw new Error(`no target is checked against ${version} (LIVE_SERVERS)`);
  return hit[0] as TargetId;
}

/** The upstream version a version id names: `valkey-8.1.1` -> `8.1.1`. */
export function upstreamVersion(version: OracleVersion): string {
  return version.replace(/^[a-z]+-/, '');
}

const servers = new Map<OracleVersion, Promise<OracleServer>>();

/**
 * How to start `version`, provisioned first when needed (the default version: the system's
 * redis-server, or `$REDIS_SERVER`). Rejects with a message naming what could not be had.
 */
export function ensureServer(version: OracleVersion = DEFAULT_VERSION): Promise<OracleServer> {
  let p = servers.get(version);
  if (!p) {
    p = version === DEFAULT_VERSION ? systemServer() : provisioned(version);
    servers.set(version, p);
    // A failure is remembered for this process: every test of that version fails with it at once.
  }
  return p;
}

async function systemServer(): Promise<OracleServer> {
  const binary = await ensureRedisServer();
  const cli = findOnPath('redis-cli');
  const none: Readonly<Record<string, string>> = {};
  return {
    id: DEFAULT_VERSION,
    product: 'redis',
    version: upstreamVersion(DEFAULT_VERSION),
    origin: `system ${binary}`,
    server: { command: binary, args: [], env: none },
    cli: cli ? { command: cli, args: [], env: none } : undefined,
  };
}

async function provisioned(version: OracleVersion): Promise<OracleServer> {
  const { provisionRedis, ProvisionError } = await import('../../scripts/provision-redis.mjs');
  try {
    const got = await provisionRedis({ versions: [version], log: (m) => process.stderr.write(`[provision-redis] ${m}\n`) });
    return got[version];
  } catch (e) {
    if (e instanceof ProvisionError) throw new Error(`${version} cannot run: ${e.message}`, { cause: e });
    throw e;
  }
}

/** Arguments and environment for `launch` followed by the caller's arguments. */
export function launchArgs(
  launch: Launch,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return { command: launch.command, args: [...launch.args, ...args], env: { ...env, ...launch.env } };
}

/** Starts the server program of `server` with `args` (config file first, as for redis-server). */
export function spawnServer(server: OracleServer, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const l = launchArgs(server.server, args, options.env ?? process.env);
  return spawn(l.command, l.args, { ...options, env: l.env });
}

/** `--version` of a provisioned server, e.g. `8.1.1`. */
export function serverVersion(server: OracleServer): string {
  const l = launchArgs(server.server, ['--version']);
  const r = runQuiet(l.command, l.args, l.env);
  const m = /v=(\S+)/.exec(r.output);
  if (!m?.[1]) throw new Error(`cannot read the version of ${server.id}: ${r.output}`);
  return m[1];
}

// ---------------------------------------------------------------------------------------------
// Ports, polling

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** Resolves true when `p` settles within `ms`, false otherwise; leaves no timer behind. */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// RESP2 client

export class RespError {
  constructor(readonly message: string) {}
  toString(): string {
    return `RespError(${this.message})`;
  }
}

/** Simple strings come back as strings, bulk strings as Buffers (binary safe), nil as null. */
export type RespValue = string | number | Buffer | null | RespError | RespValue[];

export function encodeCommand(args: readonly (string | Buffer | number)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a), 'utf8');
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Parses one reply at `pos`; undefined when `buf` does not hold all of it yet. */
export function parseReply(buf: Buffer, pos: number): { value: RespValue; next: number } | undefined {
  if (pos >= buf.length) return undefined;
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return undefined;
  const head = buf.toString('utf8', pos + 1, eol);
  const after = eol + 2;
  switch (buf[pos]) {
    case 0x2b: // +
      return { value: head, next: after };
    case 0x2d: // -
      return { value: new RespError(head), next: after };
    case 0x3a: // :
      return { value: Number(head), next: after };
    case 0x24: {
      // $
      const len = Number(head);
      if (len < 0) return { value: null, next: after };
      if (buf.length < after + len + 2) return undefined;
      return { value: Buffer.from(buf.subarray(after, after + len)), next: after + len + 2 };
    }
    case 0x2a: {
      // *
      const n = Number(head);
      if (n < 0) return { value: null, next: after };
      const items: RespValue[] = [];
      let p = after;
      for (let i = 0; i < n; i++) {
        const r = parseReply(buf, p);
        if (!r) return undefined;
        items.push(r.value);
        p = r.next;
      }
      return { value: items, next: p };
    }
    default:
      throw new Error(`RESP protocol error at byte ${pos}: ${JSON.stringify(buf.toString('latin1', pos, pos + 40))}`);
  }
}

/** A minimal RESP2 connection; commands may be pipelined, replies come back in order. */
export class RespClient {
  private buf: Buffer = Buffer.alloc(0);
  private readonly waiting: { resolve: (v: RespValue) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | undefined;
  private unrefIdle = false;

  private constructor(
    private readonly socket: Socket | undefined,
    failure?: Error,
  ) {
    this.failure = failure;
    socket?.on('data', (d: Buffer) => this.onData(d));
    socket?.on('error', (e) => this.fail(e));
    socket?.on('close', () => this.fail(new Error('connection closed')));
  }

  /** A client that never connected: every command rejects with `reason`. */
  static unconnected(reason: Error): RespClient {
    return new RespClient(undefined, reason);
  }

  /** Connects to a Unix socket. */
  static connectPath(path: string, timeoutMs = 2000): Promise<RespClient> {
    return RespClient.open((socket, done) => socket.connect(path, done), path, timeoutMs);
  }

  static connect(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<RespClient> {
    return RespClient.open((socket, done) => socket.connect(port, host, done), `${host}:${port}`, timeoutMs);
  }

  private static open(connect: (socket: Socket, done: () => void) => void, where: string, timeoutMs: number): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${where} timed out`));
      }, timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(e);
      });
      connect(socket, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new RespClient(socket));
      });
    });
  }

  /**
   * Lets the process exit while no reply is awaited (a connection kept for the whole process);
   * a pending command still keeps it alive until its reply.
   */
  unrefWhenIdle(): void {
    this.unrefIdle = true;
    if (this.waiting.length === 0) this.socket?.unref();
  }

  command(...args: (string | Buffer | number)[]): Promise<RespValue> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (this.unrefIdle) this.socket?.ref();
      this.socket?.write(encodeCommand(args));
    });
  }

  close(): void {
    this.socket?.destroy();
  }

  private onData(d: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
    let pos = 0;
    for (;;) {
      let r: { value: RespValue; next: number } | undefined;
      try {
        r = parseReply(this.buf, pos);
      } catch (e) {
        this.fail(e as Error);
        this.socket?.destroy();
        return;
      }
      if (!r) break;
      pos = r.next;
      this.waiting.shift()?.resolve(r.value);
    }
    if (this.unrefIdle && this.waiting.length === 0) this.socket?.unref();
    this.buf = pos >= this.buf.length ? Buffer.alloc(0) : this.buf.subarray(pos);
  }

  private fail(e: Error): void {
    if (!this.failure) this.failure = e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Starting and stopping servers

interface Live {
  child: ChildProcess;
  dir: string;
}

/** Servers not yet stopped and directories not yet removed, for the exit hook. */
const live = new Map<number, Live>();
const dirs = new Set<string>();
let hooksInstalled = false;

function cleanupSync(): void {
  for (const [pid] of live) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', cleanupSync);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      cleanupSync();
      // Nobody else handles the signal: die of it, as without our hook.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** The bind line of the header when `StartOptions.bind` is not given. */
export const DEFAULT_HEADER_BIND: readonly string[] = ['127.0.0.1'];

/**
 * The lines written before the user's config; `checkConfig` subtracts their count. `bind` null
 * leaves the bind line out (the server then listens where its version listens by default).
 */
export function headerLines(port: number, dir: string, bind: readonly string[] | null = DEFAULT_HEADER_BIND): string[] {
  return [
    `port ${port}`,
    ...(bind === null ? [] : [`bind ${bind.join(' ')}`]),
    `dir ${quoteArg(dir)}`,
    'daemonize no',
    'save ""',
    'appendonly no',
    'logfile ""',
  ];
}

/** The header's length with the default bind line. */
export const HEADER_LINE_COUNT = 7;

/** Quotes an argument for a config line when it needs it (double quotes, `\\` and `\"` escaped). */
export function quoteArg(s: string): string {
  if (s.length > 0 && /^[^\s"'\\]+$/.test(s)) return s;
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export interface StartOptions {
  /** The server to run (default redis-7.0.15). */
  version?: OracleVersion;
  /** Run as Sentinel (`--sentinel` after the config file). */
  sentinel?: boolean;
  /** Addresses of the header's bind line (default 127.0.0.1); null: no bind line. */
  bind?: readonly string[] | null;
  /** Give up (and kill the server) when it neither exits nor becomes ready by then. Default 15 s. */
  timeoutMs?: number;
  /** Extra command-line arguments after the config file name. */
  args?: string[];
}

export interface RunningRedis {
  readonly status: 'running';
  readonly version: OracleVersion;
  readonly server: OracleServer;
  readonly pid: number;
  readonly port: number;
  readonly dir: string;
  /** The config file the server was started on (Sentinel rewrites it). */
  readonly configFile: string;
  /**
   * A connection from 127.0.0.1, opened once the server is ready. When the config binds no
   * loopback address there is none: its commands reject with the reason.
   */
  readonly client: RespClient;
  command(...args: (string | Buffer | number)[]): Promise<RespValue>;
  /** CONFIG GET for one exact name: the raw value bytes, or undefined when the name is unknown. */
  configGet(name: string): Promise<Buffer | undefined>;
  /** The log so far (the header sends it to stdout). */
  log(): string;
  /** True until the process has exited. */
  alive(): boolean;
  /** SIGTERM by PID, SIGKILL after `graceMs`; removes the temporary directory. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export interface ExitedRedis {
  readonly status: 'exited';
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: Buffer;
  readonly stdout: string;
}

export type StartResult = RunningRedis | ExitedRedis;

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function killByPid(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = waitExit(child);
  if (child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    if (!(await settlesWithin(exited, graceMs))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  }
  live.delete(pid);
}

const BIND_IN_USE = /Could not create server TCP listening socket[^\n]*(in use|EADDRINUSE)/i;

/**
 * What every version logs once it serves clients: "Ready to accept connections" (and its
 * `tcp` / `unix` forms from 7.2), "The server is now ready to accept connections at <socket>",
 * or, for Sentinel, "Sentinel ID is".
 */
export const READY_LINE = /ready to accept connections|Sentinel ID is /i;

/** Replies that prove a server answers even though it refuses the command (auth, ACL). */
const ANSWERS_BUT_REFUSES = /^(NOAUTH|WRONGPASS|NOPERM|DENIED)\b/;

/**
 * Writes `header + configText` to `<fresh tmp dir>/redis.conf` and starts the server on it.
 * Resolves with a running server once it is ready, or with the exit status and output when it
 * exits first. Retries on a new port when the chosen one was taken meanwhile.
 */
export async function startRedis(configText: string, opts: StartOptions = {}): Promise<StartResult> {
  const server = await ensureServer(opts.version);
  installHooks();
  for (let attempt = 1; ; attempt++) {
    const r = await startOnce(server, configText, opts);
    if (r.status === 'exited' && BIND_IN_USE.test(r.stdout) && attempt < 5) continue;
    return r;
  }
}

async function startOnce(server: OracleServer, configText: string, opts: StartOptions): Promise<StartResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const dir = mkdtempSync(join(tmpdir(), 'redis-oracle-'));
  dirs.add(dir);
  const port = await freePort();
  const file = join(dir, 'redis.conf');
  writeFileSync(file, `${headerLines(port, dir, opts.bind === undefined ? DEFAULT_HEADER_BIND : opts.bind).join('\n')}\n${configText}`);

  const args = [file, ...(opts.sentinel ? ['--sentinel'] : []), ...(opts.args ?? [])];
  const child = spawnServer(server, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    removeDir(dir);
    throw new Error(`could not start ${server.id} (${server.server.command})`);
  }
  live.set(pid, { child, dir });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let logText = '';
  let readySeen = false;
  let ready: () => void = () => {};
  const readySignal = new Promise<void>((resolve) => (ready = resolve));
  child.stdout?.on('data', (d: Buffer) => {
    out.push(d);
    logText += d.toString('latin1');
    if (!readySeen && READY_LINE.test(logText)) {
      readySeen = true;
      ready();
    }
  });
  child.stderr?.on('data', (d: Buffer) => err.push(d));
  // Resolves once the process has exited and its pipes are drained.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const exited = waitExit(child);

  const log = (): string => Buffer.concat(out).toString('utf8');
  const exitedResult = async (): Promise<ExitedRedis> => {
    await closed;
    live.delete(pid);
    removeDir(dir);
    return { status: 'exited', exitCode: child.exitCode, signal: child.signalCode, stderr: Buffer.concat(err), stdout: log() };
  };
  const up = (client: RespClient): RunningRedis => running({ child, pid, port, dir, file, server, client, log });

  const deadline = Date.now() + timeoutMs;
  let wait = 2;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return exitedResult();
    if (Date.now() > deadline) {
      await killByPid(child, 2000);
      removeDir(dir);
      throw new Error(`${server.id} (pid ${pid}) neither exited nor became ready within ${timeoutMs} ms. Log:\n${log()}`);
    }
    let client: RespClient | undefined;
    // Only a connection tried after the ready line can tell that loopback is not served.
    const triedWhenReady = readySeen;
    try {
      client = await RespClient.connect(port, '127.0.0.1', 1000);
    } catch (e) {
      // Ready but not on loopback: the config binds other addresses only.
      if (triedWhenReady && child.exitCode === null)
        return up(RespClient.unconnected(new Error(`${server.id} does not listen on 127.0.0.1:${port} (${(e as Error).message})`)));
    }
    if (client) {
      try {
        const pong = await withTimeout(client.command('PING'), 2000, 'PING');
        if (pong === 'PONG') {
          // Make sure the server that answers is ours and not another one on a reused port.
          const info = await withTimeout(client.command('INFO', 'server'), 2000, 'INFO');
          const m = Buffer.isBuffer(info) ? /process_id:(\d+)/.exec(info.toString('latin1')) : null;
          if (m && Number(m[1]) === pid) return up(client);
        } else if (pong instanceof RespError && ANSWERS_BUT_REFUSES.test(pong.message) && child.exitCode === null) {
          // A password or an ACL stops the PING (and INFO). The port was free a moment ago and our
          // server still runs, so it holds it: another one there would have made it exit.
          return up(client);
        }
      } catch {
        // closed under us, or no answer yet
      }
      client.close(); // e.g. -LOADING: try again
    }
    // Until the log says ready, that line (or the exit) ends the wait early.
    await settlesWithin(readySeen ? exited : Promise.race([exited, readySignal]), wait);
    wait = Math.min(wait * 2, 25);
  }
}

interface RunningParts {
  child: ChildProcess;
  pid: number;
  port: number;
  dir: string;
  file: string;
  server: OracleServer;
  client: RespClient;
  log: () => string;
}

function running({ child, pid, port, dir, file, server, client, log }: RunningParts): RunningRedis {
  let stopping: Promise<void> | undefined;
  return {
    status: 'running',
    version: server.id,
    server,
    pid,
    port,
    dir,
    configFile: file,
    client,
    command: (...args) => client.command(...args),
    async configGet(name: string): Promise<Buffer | undefined> {
      const r = await client.command('CONFIG', 'GET', name);
      if (!Array.isArray(r)) throw new Error(`CONFIG GET ${name}: unexpected reply ${String(r)}`);
      for (let i = 0; i + 1 < r.length; i += 2) {
        const k = r[i];
        const v = r[i + 1];
        if (Buffer.isBuffer(k) && k.toString('latin1') === name && Buffer.isBuffer(v)) return v;
      }
      return undefined;
    },
    log,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop(graceMs = 5000): Promise<void> {
      stopping ??= (async () => {
        // Redis acts on SIGTERM in its cron, up to 1/hz s later (100 ms by default): also ask
        // it over the connection, which it serves at once. The PID signals below still decide.
        client.command('SHUTDOWN', 'NOSAVE').catch(() => undefined);
        await killByPid(child, graceMs);
        client.close();
        removeDir(dir);
      })();
      return stopping;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// One server per version for the whole test process

const shared = new Map<OracleVersion, Promise<RunningRedis>>();

/**
 * One server of `version` on an empty config, started on first use and kept for the rest of
 * the test process (killed by the exit hook), for cases that only need commands: ACL DRYRUN,
 * ACL SETUSER, COMMAND INFO, CONFIG GET. It does not keep the process alive. Callers must leave
 * its config as they found it; if one stops it, the next call starts another.
 */
export async function sharedServer(version: OracleVersion = DEFAULT_VERSION): Promise<RunningRedis> {
  const existing = shared.get(version);
  if (existing) {
    const s = await existing.catch(() => undefined);
    if (s?.alive()) return s;
  }
  const p = startRedis('', { version }).then((r) => {
    if (r.status !== 'running')
      throw new Error(`${version} does not start on an empty config (exit ${r.exitCode ?? r.signal}):\n${r.stderr.toString('utf8')}${r.stdout}`);
    const child = live.get(r.pid)?.child;
    child?.unref();
    for (const stream of [child?.stdout, child?.stderr]) (stream as { unref?: () => void } | null | undefined)?.unref?.();
    r.client.unrefWhenIdle();
    return r;
  });
  shared.set(version, p);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Accept / refuse

export interface FatalBanner {
  /** The line number redis-server printed (counting the header), when it printed one. */
  readonly fileLine?: number;
  /** The trimmed line it echoed between `>>> '` and `'`, as raw bytes. */
  readonly echoed?: Buffer;
  readonly message: string;
}

/** Parses `*** FATAL CONFIG FILE ERROR (...) ***` from stderr; undefined when there is none. */
export function parseFatalBanner(stderr: Buffer): FatalBanner | undefined {
  const s = stderr.toString('latin1'); // one char per byte, so offsets are byte offsets
  const start = s.indexOf('*** FATAL CONFIG FILE ERROR');
  if (start < 0) return undefined;
  let p = s.indexOf('\n', start) + 1;
  if (p <= 0) return undefined;
  const m = /^Reading the configuration file, at line (\d+)\n>>> '/.exec(s.slice(p));
  let fileLine: number | undefined;
  let echoed: Buffer | undefined;
  if (m) {
    fileLine = Number(m[1]);
    const from = p + m[0].length;
    const eol = s.indexOf('\n', from); // the echoed line cannot hold a \n
    if (eol < 0 || s[eol - 1] !== "'") return undefined;
    echoed = stderr.subarray(from, eol - 1);
    p = eol + 1;
  }
  const end = s.indexOf('\n', p);
  const message = stderr.subarray(p, end < 0 ? s.length : end).toString('utf8');
  return { fileLine, echoed, message };
}

/** Log lines every server of ours may print at startup that say nothing about the config. */
const STARTUP_NOISE = /Memory overcommit must be enabled|Transparent Huge Pages|WARNING: The TCP backlog/i;

/** The last warning of a log (`pid:X date # text`) that is not startup noise, else its last line. */
export function lastLogMessage(log: string): string {
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  const warn = lines.filter((l) => /^\d+:[A-Z] .*? # /.test(l) && !STARTUP_NOISE.test(l)).pop();
  const pick = warn ?? lines.filter((l) => !STARTUP_NOISE.test(l)).pop() ?? '';
  return pick.replace(/^\d+:[A-Z] \d+ \w+ \d+ [\d:.]+ [#*.-] /, '').trim();
}

/**
 * The line a refusal without a banner quotes in the log (`# >>> 'line'`): Redis 8.0 refuses an
 * unknown directive that way, as a module setting nobody claimed, with no line number.
 */
export function echoedInLog(log: string): Buffer | undefined {
  const m = /^\d+:[A-Z] [^#]*# >>> '(.*)'$/m.exec(log);
  return m?.[1] === undefined ? undefined : Buffer.from(m[1], 'utf8');
}

export interface CheckResult {
  readonly accepted: boolean;
  /** Refused: the line of the user's text (1-based, header not counted) that Redis named. */
  readonly line?: number;
  /** Refused: the error message (the FATAL banner's last line, or the last log line). */
  readonly message?: string;
  /** Refused: the line as Redis echoed it (trimmed), raw bytes. */
  readonly echoed?: Buffer;
  readonly exitCode?: number | null;
  readonly stderr?: string;
  readonly log?: string;
  /** Accepted: CONFIG GET of the names asked for in `opts.configGet` (undefined: unknown name). */
  readonly values?: ReadonlyMap<string, Buffer | undefined>;
}

export interface CheckOptions extends StartOptions {
  /** Names to read back with CONFIG GET when the config is accepted. */
  configGet?: readonly string[];
}

/** Runs the server on `text` (after the header) and reports whether it accepts it. */
export async function checkConfig(text: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const r = await startRedis(text, opts);
  if (r.status === 'running') {
    try {
      const names = opts.configGet ?? [];
      const got = await Promise.all(names.map((n) => r.configGet(n)));
      return { accepted: true, values: new Map(names.map((n, i) => [n, got[i]])), log: r.log() };
    } finally {
      await r.stop();
    }
  }
  const banner = parseFatalBanner(r.stderr);
  const stderr = r.stderr.toString('utf8');
  if (!banner) {
    const echoed = echoedInLog(r.stdout);
    return { accepted: false, exitCode: r.exitCode, message: lastLogMessage(r.stdout), stderr, log: r.stdout, ...(echoed ? { echoed } : {}) };
  }
  const headerCount = headerLines(0, '', opts.bind === undefined ? DEFAULT_HEADER_BIND : opts.bind).length;
  return {
    accepted: false,
    exitCode: r.exitCode,
    line: banner.fileLine === undefined ? undefined : banner.fileLine - headerCount,
    message: banner.message,
    echoed: banner.echoed,
    stderr,
    log: r.stdout,
  };
}

// ---------------------------------------------------------------------------------------------
// The cheap accept / refuse path: no TCP, no client, killed as soon as it is ready

/** Lines before the body in `probeConfig`; the body's line N is line N + PROBE_HEADER_LINES. */
export const PROBE_HEADER_LINES = 7;

function probeHeader(dir: string, sock: string): string[] {
  return ['port 0', `unixsocket ${quoteArg(sock)}`, `dir ${quoteArg(dir)}`, 'daemonize no', 'save ""', 'appendonly no', 'logfile ""'];
}

/**
 * Applied after the file (Redis reads command-line options last): a body's own port, socket,
 * daemonize, logfile or loglevel line is still parsed and checked, but cannot make the server
 * listen on TCP, detach, or hide the log line that says it is ready.
 */
function probeOverrides(sock: string): string[] {
  return ['--port', '0', '--unixsocket', sock, '--daemonize', 'no', '--logfile', '', '--loglevel', 'notice'];
}

let probeRootDir: string | undefined;

/**
 * Where probe folders go: a memory file system when the machine has one (Sentinel rewrites and
 * syncs its file at every start, which costs a disk write per probe), else the temporary folder.
 */
function probeRoot(): string {
  if (probeRootDir === undefined) {
    probeRootDir = tmpdir();
    try {
      accessSync('/dev/shm', fsConstants.W_OK);
      probeRootDir = '/dev/shm';
    } catch {
      // no memory file system: the temporary folder
    }
  }
  return probeRootDir;
}

/** Only what the server needs: no NOTIFY_SOCKET / UPSTART_JOB for `supervised`, no locale surprises. */
function probeEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' };
}

export interface ProbeOptions {
  version?: OracleVersion;
  sentinel?: boolean;
  /** Files written into the server's folder first; `$DIR` in the body names that folder. */
  files?: Readonly<Record<string, string | Buffer>>;
  /** Give up (a harness failure, thrown) when the server neither exits nor is ready by then. Default 20 s. */
  timeoutMs?: number;
}

export interface ProbeResult {
  readonly accepted: boolean;
  /** Refused with a line number: the body line (1-based) it names; < 1 when it names the header. */
  readonly line?: number;
  /** Refused: the banner's message, else the last warning of the log. */
  readonly message?: string;
  /** Refused: the line as the server echoed it (trimmed), raw bytes (in the banner, or in the log without a line number). */
  readonly echoed?: Buffer;
  /** Refused: `exit N` or `signal S`. */
  readonly exit?: string;
  readonly log: string;
  readonly stderr: string;
}

/**
 * Starts the server on `body` (after a header that keeps it off TCP, in a fresh folder) and says
 * whether it accepts it. The server is killed by its PID as soon as it logs that it is ready; a
 * refused file exits by itself within milliseconds. No connection is made.
 */
export async function probeConfig(body: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  const server = await ensureServer(opts.version);
  installHooks();
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const dir = mkdtempSync(join(probeRoot(), 'redis-probe-'));
  dirs.add(dir);
  try {
    const sock = join(dir, 'redis.sock');
    for (const [name, content] of Object.entries(opts.files ?? {})) writeFileSync(join(dir, name), content);
    const file = join(dir, 'redis.conf');
    writeFileSync(file, `${probeHeader(dir, sock).join('\n')}\n${body.split('$DIR').join(dir)}`);
    const args = [file, ...(opts.sentinel ? ['--sentinel'] : []), ...probeOverrides(sock)];
    const child = spawnServer(server, args, { cwd: dir, env: probeEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${server.id} (${server.server.command})`);
    live.set(pid, { child, dir });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outText = '';
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const outcome = await new Promise<'ready' | 'closed' | 'timeout'>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), timeoutMs);
      child.stdout?.on('data', (d: Buffer) => {
        out.push(d);
        outText += d.toString('latin1');
        if (READY_LINE.test(outText)) {
          clearTimeout(timer);
          resolve('ready');
        }
      });
      child.stderr?.on('data', (d: Buffer) => err.push(d));
      void closed.then(() => {
        clearTimeout(timer);
        resolve('closed');
      });
    });
    if (outcome !== 'closed') {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
      await closed;
      live.delete(pid);
      if (outcome === 'timeout')
        throw new Error(`${server.id} (pid ${pid}) neither exited nor became ready within ${timeoutMs} ms on:\n${body}\nlog:\n${outText}`);
      return { accepted: true, log: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
    }
    live.delete(pid);
    const stderr = Buffer.concat(err);
    const log = Buffer.concat(out).toString('utf8');
    const exit = child.signalCode ? `signal ${child.signalCode}` : `exit ${child.exitCode}`;
    if (child.exitCode === 0) throw new Error(`${server.id} exited with status 0 before it was ready on:\n${body}\nlog:\n${log}`);
    const banner = parseFatalBanner(stderr);
    const base = { accepted: false, exit, log, stderr: stderr.toString('utf8') };
    if (!banner) {
      const echoed = echoedInLog(log);
      return { ...base, message: lastLogMessage(log) || stderr.toString('utf8').trim().split('\n').pop() || '', ...(echoed ? { echoed } : {}) };
    }
    if (banner.fileLine === undefined) return { ...base, message: banner.message };
    return { ...base, line: banner.fileLine - PROBE_HEADER_LINES, message: banner.message, ...(banner.echoed ? { echoed: banner.echoed } : {}) };
  } finally {
    removeDir(dir);
  }
}

/** Servers probed at once by default: startup is mostly waiting on the kernel, so a few per core. */
export const PROBE_CONCURRENCY = Math.max(2, availableParallelism() * 2);

/** `probeConfig` over many bodies, `concurrency` at a time; results keep the input order. */
export function probeConfigs(bodies: readonly string[], opts: ProbeOptions & { concurrency?: number } = {}): Promise<ProbeResult[]> {
  return mapLimit(bodies, opts.concurrency ?? PROBE_CONCURRENCY, (body) => probeConfig(body, opts));
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Test helpers that run the real `redis-server` as an oracle.
 *
 * - `ensureRedisServer()` finds the binary, installs the Debian package when we are root, or
 *   throws with the command to run.
 * - `startRedis(config)` writes the config (after a fixed header) into a fresh temporary
 *   directory, starts the server and resolves as soon as it answers PING, or as soon as it
 *   exits (a refused config exits within milliseconds).
 * - `checkConfig(text)` says whether redis-server accepts `text`, and if not, on which line of
 *   `text` and with which message.
 * - `RespClient` is a minimal RESP2 client (PING, CONFIG GET, ACL DRYRUN, ...).
 *
 * Every server is stopped by its PID (SIGTERM, then SIGKILL after a deadline) and its temporary
 * directory removed, in `stop()`, and as a last resort when the test process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

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

/** The redis-server binary to use: `$REDIS_SERVER`, else `redis-server` on PATH, else undefined. */
export function findRedisServer(): string | undefined {
  const fromEnv = process.env[REDIS_SERVER_ENV];
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'redis-server');
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function runQuiet(cmd: string, args: string[], env?: NodeJS.ProcessEnv): { status: number | null; output: string } {
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

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static connect(port: number, host = '127.0.0.1', timeoutMs = 2000): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, timeoutMs);
      socket.once('error', (e) => {
        clearTimeout(timer);
        socket.destroy();
        reject(e);
      });
      socket.connect(port, host, () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new RespClient(socket));
      });
    });
  }

  command(...args: (string | Buffer | number)[]): Promise<RespValue> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.socket.write(encodeCommand(args));
    });
  }

  close(): void {
    this.socket.destroy();
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
        this.socket.destroy();
        return;
      }
      if (!r) break;
      pos = r.next;
      this.waiting.shift()?.resolve(r.value);
    }
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

/** The lines written before the user's config; `checkConfig` subtracts their count. */
export function headerLines(port: number, dir: string): string[] {
  return [`port ${port}`, 'bind 127.0.0.1', `dir ${quoteArg(dir)}`, 'daemonize no', 'save ""', 'appendonly no', 'logfile ""'];
}

export const HEADER_LINE_COUNT = 7;

/** Quotes an argument for a config line when it needs it (double quotes, `\\` and `\"` escaped). */
export function quoteArg(s: string): string {
  if (s.length > 0 && /^[^\s"'\\]+$/.test(s)) return s;
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export interface StartOptions {
  /** Give up (and kill the server) when it neither exits nor answers PING by then. Default 15 s. */
  timeoutMs?: number;
  /** Extra command-line arguments after the config file name. */
  args?: string[];
}

export interface RunningRedis {
  readonly status: 'running';
  readonly pid: number;
  readonly port: number;
  readonly dir: string;
  readonly client: RespClient;
  command(...args: (string | Buffer | number)[]): Promise<RespValue>;
  /** CONFIG GET for one exact name: the raw value bytes, or undefined when the name is unknown. */
  configGet(name: string): Promise<Buffer | undefined>;
  /** The log so far (the header sends it to stdout). */
  log(): string;
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
 * Writes `header + configText` to `<fresh tmp dir>/redis.conf` and starts redis-server on it.
 * Resolves with a running server once it answers PING, or with the exit status and output
 * when it exits first. Retries on a new port when the chosen one was taken meanwhile.
 */
export async function startRedis(configText: string, opts: StartOptions = {}): Promise<StartResult> {
  const binary = await ensureRedisServer();
  installHooks();
  for (let attempt = 1; ; attempt++) {
    const r = await startOnce(binary, configText, opts);
    if (r.status === 'exited' && BIND_IN_USE.test(r.stdout) && attempt < 5) continue;
    return r;
  }
}

async function startOnce(binary: string, configText: string, opts: StartOptions): Promise<StartResult> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const dir = mkdtempSync(join(tmpdir(), 'redis-oracle-'));
  dirs.add(dir);
  const port = await freePort();
  const file = join(dir, 'redis.conf');
  writeFileSync(file, `${headerLines(port, dir).join('\n')}\n${configText}`);

  const child = spawn(binary, [file, ...(opts.args ?? [])], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise((resolve) => child.once('error', resolve));
    removeDir(dir);
    throw new Error(`could not start ${binary}`);
  }
  live.set(pid, { child, dir });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let ready: () => void = () => {};
  let readySignal = new Promise<void>((resolve) => (ready = resolve));
  child.stdout?.on('data', (d: Buffer) => {
    out.push(d);
    if (d.includes('Ready to accept connections')) ready();
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

  const deadline = Date.now() + timeoutMs;
  let wait = 2;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return exitedResult();
    if (Date.now() > deadline) {
      await killByPid(child, 2000);
      removeDir(dir);
      throw new Error(`redis-server (pid ${pid}) neither exited nor answered PING within ${timeoutMs} ms. Log:\n${log()}`);
    }
    let client: RespClient | undefined;
    try {
      client = await RespClient.connect(port, '127.0.0.1', 1000);
      const pong = await withTimeout(client.command('PING'), 2000, 'PING');
      if (pong === 'PONG') {
        // Make sure the server that answers is ours and not another one on a reused port.
        const info = await withTimeout(client.command('INFO', 'server'), 2000, 'INFO');
        const m = Buffer.isBuffer(info) ? /process_id:(\d+)/.exec(info.toString('latin1')) : null;
        if (m && Number(m[1]) === pid) return running(child, pid, port, dir, client, log);
        client.close();
        client = undefined;
      } else {
        client.close(); // e.g. -LOADING: try again
        client = undefined;
      }
    } catch {
      client?.close();
      // not listening yet
    }
    await settlesWithin(Promise.race([exited, readySignal]), wait);
    readySignal = new Promise<void>((resolve) => (ready = resolve));
    wait = Math.min(wait * 2, 25);
  }
}

function running(child: ChildProcess, pid: number, port: number, dir: string, client: RespClient, log: () => string): RunningRedis {
  let stopping: Promise<void> | undefined;
  return {
    status: 'running',
    pid,
    port,
    dir,
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

/** Runs redis-server on `text` (after the header) and reports whether it accepts it. */
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
    const lastLog = r.stdout.trim().split('\n').pop() ?? '';
    return { accepted: false, exitCode: r.exitCode, message: lastLog.replace(/^\d+:[A-Z] [^*#]*[*#.-] /, ''), stderr, log: r.stdout };
  }
  return {
    accepted: false,
    exitCode: r.exitCode,
    line: banner.fileLine === undefined ? undefined : banner.fileLine - HEADER_LINE_COUNT,
    message: banner.message,
    echoed: banner.echoed,
    stderr,
    log: r.stdout,
  };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
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

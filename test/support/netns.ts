/**
 * A client on "another host" for the exposure tests: a network namespace joined to this one by a
 * veth pair on a private /30 of 10.231.0.0/18, both made for this test process and removed when it
 * exits (even on failure or a signal; namespaces left by dead processes are removed on the next
 * start). A server bound to `hostAddress` is reached from `nsAddress`, which is not loopback, so
 * the server treats the client exactly as one on the network.
 *
 *   const ns = await ensureNetns();
 *   const r = await startRedis('protected-mode no', { version, bind: ['127.0.0.1', ns.hostAddress] });
 *   const seen = await ns.client(r.port, [['SET', 'k', 'v']]);   // { connected, replies, error? }
 *
 * Names and the /30 come from the process id (`rcnt<pid>`, veth `rcnt<pid>h` / `rcnt<pid>n`), so
 * test processes running side by side do not collide. Needs root and iproute2's `ip`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { ensureServer, launchArgs, type OracleVersion } from './redisServer';

const execFileP = promisify(execFile);

/** Prefix of everything this helper creates; nothing else is ever deleted. */
export const NETNS_PREFIX = 'rcnt';
/** The /30 blocks are taken from 10.231.0.0/18 (4,096 of them). */
const NET_BASE = [10, 231, 0, 0] as const;
const BLOCKS = 4096;

export interface Reply {
  /** False for an error reply (`-ERR`, `-DENIED`, `-NOAUTH`...). */
  readonly ok: boolean;
  /** The reply's text; arrays are joined with newlines, nil is `(nil)`. */
  readonly text: string;
}

export interface RemoteResult {
  /** The TCP connection was established. */
  readonly connected: boolean;
  /** The replies received, in order; fewer than the commands when the server closed early. */
  readonly replies: readonly Reply[];
  /** The connection ended before every command got its reply. */
  readonly closed: boolean;
  /** Why it could not connect, or why it ended early (e.g. `ECONNREFUSED ...`, `connection closed by the server`). */
  readonly error?: string;
}

export interface ClientOptions {
  /** Address to connect to; default the host side of the veth. */
  host?: string;
  /** Per attempt; default 3 s. */
  timeoutMs?: number;
  /** Speak TLS, trusting any server certificate and presenting none (default false). */
  tls?: boolean;
}

export interface Netns {
  readonly name: string;
  /** The address on this side of the veth: bind servers here. */
  readonly hostAddress: string;
  /** The client's address inside the namespace. */
  readonly nsAddress: string;
  readonly hostInterface: string;
  /** Connects from inside the namespace to `host:port` and sends `commands` (pipelined). */
  client(port: number, commands: readonly (readonly string[])[], opts?: ClientOptions): Promise<RemoteResult>;
  /** Runs `version`'s redis-cli / valkey-cli inside the namespace with `args`. */
  cli(version: OracleVersion, args: readonly string[], timeoutMs?: number): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Removes the namespace and the veth now (also done at exit). Idempotent. */
  destroy(): void;
}

function ip(args: readonly string[]): { ok: boolean; output: string } {
  const r = spawnSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim() };
}

function must(args: readonly string[]): string {
  const r = ip(args);
  if (!r.ok) throw new Error(`ip ${args.join(' ')} failed: ${r.output}`);
  return r.output;
}

/**
 * Why network namespaces cannot be used here, or undefined when they can. As root, installs
 * iproute2 (the `ip` command) when it is missing, as the other provisioning does.
 */
export function netnsUnavailable(): string | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'network namespaces need root';
  if (spawnSync('ip', ['-V'], { stdio: 'ignore' }).error) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=300'];
    spawnSync('apt-get', [...lock, 'update'], { env, stdio: 'ignore', timeout: 300_000 });
    const r = spawnSync('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'iproute2'], { env, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) return `the \`ip\` command is missing and apt-get install iproute2 failed: ${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim().slice(-500)}`;
  }
  const r = ip(['netns', 'list']);
  if (!r.ok) return `\`ip netns list\` fails: ${r.output}`;
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes namespaces and host-side veths of ours whose process is gone. */
export function removeStale(): string[] {
  const removed: string[] = [];
  const own = new RegExp(`^${NETNS_PREFIX}(\\d+)`);
  for (const line of ip(['netns', 'list']).output.split('\n')) {
    const name = line.split(' ')[0] ?? '';
    const m = own.exec(name);
    if (m && name === `${NETNS_PREFIX}${m[1]}` && !pidAlive(Number(m[1]))) {
      ip(['netns', 'del', name]);
      removed.push(name);
    }
  }
  for (const line of ip(['-o', 'link', 'show']).output.split('\n')) {
    const name = /^\d+:\s+([^:@\s]+)/.exec(line)?.[1] ?? '';
    const m = new RegExp(`^${NETNS_PREFIX}(\\d+)h$`).exec(name);
    if (m && !pidAlive(Number(m[1]))) {
      ip(['link', 'del', name]);
      removed.push(name);
    }
  }
  return removed;
}

function address(block: number, host: 1 | 2): string {
  const n = ((NET_BASE[2] << 8) | NET_BASE[3]) + block * 4 + host;
  return `${NET_BASE[0]}.${NET_BASE[1]}.${(n >> 8) & 255}.${n & 255}`;
}

/** A /30 of our range that no interface of this host uses, starting from the pid's own. */
function pickBlock(pid: number): number {
  const used = ip(['-o', '-4', 'addr', 'show']).output;
  for (let i = 0; i < BLOCKS; i++) {
    const block = (pid + i) % BLOCKS;
    if (!used.includes(` ${address(block, 1)}/`) && !used.includes(` ${address(block, 2)}/`)) return block;
  }
  throw new Error('every /30 of 10.231.0.0/18 is in use on this host');
}

interface Pending {
  resolve: (r: RemoteResult) => void;
  reject: (e: Error) => void;
}

/** The client process inside the namespace: JSON lines in and out. */
class Agent {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;
  private readonly ready: Promise<void>;

  constructor(readonly child: ChildProcess) {
    let markReady: () => void = () => {};
    let markFailed: (e: Error) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      markReady = resolve;
      markFailed = reject;
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as { ready?: boolean; id?: number } & RemoteResult;
      if (msg.ready) {
        markReady();
        this.idle();
        return;
      }
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p || msg.id === undefined) return;
      this.pending.delete(msg.id);
      const { id: _id, ...result } = msg;
      p.resolve(result);
      this.idle();
    });
    child.once('exit', (code, signal) => {
      const e = new Error(`the client inside the namespace exited (${signal ?? code}): ${stderr.trim()}`);
      this.failure = e;
      markFailed(e);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
    this.ready.catch(() => undefined);
  }

  /** Lets the test process exit while nothing is asked of the agent. */
  private idle(): void {
    if (this.pending.size > 0) return;
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as { unref?: () => void } | null)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as { ref?: () => void } | null)?.ref?.();
  }

  async request(host: string, port: number, commands: readonly (readonly string[])[], timeoutMs: number, tls: boolean): Promise<RemoteResult> {
    await this.ready;
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    this.busy();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin?.write(`${JSON.stringify({ id, host, port, commands, timeoutMs, tls })}\n`);
    });
  }
}

let current: Promise<Netns> | undefined;

/** This process's namespace, made on first use. Rejects when namespaces cannot be used here. */
export function ensureNetns(): Promise<Netns> {
  current ??= Promise.resolve().then(create);
  return current;
}

function create(): Netns {
  const why = netnsUnavailable();
  if (why) throw new Error(why);
  removeStale();
  const pid = process.pid;
  const name = `${NETNS_PREFIX}${pid}`;
  const hostIf = `${name}h`;
  const nsIf = `${name}n`;
  // A namespace of ours with this pid is from an earlier process that had the same id.
  ip(['netns', 'del', name]);
  ip(['link', 'del', hostIf]);
  const block = pickBlock(pid);
  const hostAddress = address(block, 1);
  const nsAddress = address(block, 2);

  let agent: Agent | undefined;
  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    const agentPid = agent?.child.pid;
    if (agentPid !== undefined && agent?.child.exitCode === null) {
      try {
        process.kill(agentPid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    ip(['netns', 'del', name]);
    ip(['link', 'del', hostIf]);
  };
  process.on('exit', destroy);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      destroy();
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }

  try {
    must(['netns', 'add', name]);
    must(['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf, 'netns', name]);
    must(['addr', 'add', `${hostAddress}/30`, 'dev', hostIf]);
    must(['link', 'set', hostIf, 'up']);
    must(['-n', name, 'addr', 'add', `${nsAddress}/30`, 'dev', nsIf]);
    must(['-n', name, 'link', 'set', nsIf, 'up']);
    must(['-n', name, 'link', 'set', 'lo', 'up']);
    const child = spawn('ip', ['netns', 'exec', name, process.execPath, join(__dirname, 'netnsAgent.mjs')], { stdio: ['pipe', 'pipe', 'pipe'] });
    agent = new Agent(child);
  } catch (e) {
    destroy();
    throw e;
  }
  const a = agent;
  return {
    name,
    hostAddress,
    nsAddress,
    hostInterface: hostIf,
    client: (port, commands, opts = {}) => a.request(opts.host ?? hostAddress, port, commands, opts.timeoutMs ?? 3000, opts.tls === true),
    async cli(version, args, timeoutMs = 10_000) {
      const server = await ensureServer(version);
      if (!server.cli) throw new Error(`${version} has no CLI (${server.origin})`);
      const l = launchArgs(server.cli, args);
      try {
        const r = await execFileP('ip', ['netns', 'exec', name, l.command, ...l.args], { env: l.env, timeout: timeoutMs });
        return { code: 0, stdout: r.stdout, stderr: r.stderr };
      } catch (e) {
        const x = e as { code?: number | string; stdout?: string; stderr?: string };
        return { code: typeof x.code === 'number' ? x.code : null, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
      }
    },
    destroy,
  };
}

/**
 * The network-namespace helper (test/support/netns.ts) against live servers: a client in the
 * namespace is a client on another host.
 *
 *   - `protected-mode no` with a bind on the host address: the remote client connects and SET works;
 *   - the default config (no bind, protected mode on, no password): the remote client is refused with
 *     the protected-mode DENIED error, on every version;
 *   - a server bound to 127.0.0.1 only, or no server at all: the remote client cannot connect;
 *   - a server bound to the host address only with a password: NOAUTH remotely until AUTH;
 *   - the version's own CLI runs inside the namespace;
 *   - the namespace is gone after the process that made it exits, by an uncaught error or a
 *     signal, and the namespaces of dead processes are removed.
 *
 * Needs root (network namespaces). Run: node --import tsx --test test/oracle/netns.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ensureNetns, netnsUnavailable, NETNS_PREFIX, removeStale, type RemoteResult } from '../support/netns';
import { freePort, oracleVersions, startRedis, type OracleVersion, type RunningRedis } from '../support/redisServer';

const unavailable = netnsUnavailable();

function namespaces(): string[] {
  const r = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  return (r.stdout ?? '')
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter(Boolean);
}

async function running(version: OracleVersion, text: string, bind: readonly string[] | null): Promise<RunningRedis> {
  const r = await startRedis(text, { version, bind });
  if (r.status !== 'running') throw new Error(`${version} did not start on ${JSON.stringify(text)}:\n${r.stderr.toString('utf8')}${r.stdout}`);
  return r;
}

function show(r: RemoteResult): string {
  return JSON.stringify(r);
}

for (const version of oracleVersions()) {
  test(`${version}: a remote client gets in with protected-mode no, and is DENIED by the default config`, { skip: unavailable }, async () => {
    const ns = await ensureNetns();

    const open = await running(version, 'protected-mode no\n', ['127.0.0.1', ns.hostAddress]);
    try {
      const r = await ns.client(open.port, [
        ['SET', 'from-remote', ns.nsAddress],
        ['GET', 'from-remote'],
      ]);
      assert.ok(r.connected, show(r));
      assert.deepEqual(
        r.replies,
        [
          { ok: true, text: 'OK' },
          { ok: true, text: ns.nsAddress },
        ],
        show(r),
      );
      // The write really happened, as a local client sees it.
      const local = await open.command('GET', 'from-remote');
      assert.equal(Buffer.isBuffer(local) ? local.toString() : local, ns.nsAddress);
      const clients = await open.command('CLIENT', 'LIST');
      assert.ok(Buffer.isBuffer(clients) && !clients.toString().includes(`addr=${ns.nsAddress}:`), 'the remote client has gone');
    } finally {
      await open.stop();
    }

    const guarded = await running(version, '', null);
    try {
      const r = await ns.client(guarded.port, [['PING'], ['SET', 'k', 'v']]);
      assert.ok(r.connected, `the server listens on every address by default: ${show(r)}`);
      assert.equal(r.replies.length, 1, show(r));
      assert.equal(r.replies[0]?.ok, false, show(r));
      assert.match(r.replies[0]?.text ?? '', /^DENIED .*protected mode/, show(r));
      assert.ok(r.closed, 'the server closes the connection after DENIED');
      assert.equal(await guarded.command('EXISTS', 'k'), 0, 'nothing was written');
      // A local client is not refused.
      assert.equal(await guarded.command('PING'), 'PONG');
    } finally {
      await guarded.stop();
    }
  });
}

test('the namespace is another host: loopback-only servers and closed ports are out of reach', { skip: unavailable }, async () => {
  const ns = await ensureNetns();
  const local = await running('redis-7.0.15', 'protected-mode no\n', ['127.0.0.1']);
  try {
    const viaHost = await ns.client(local.port, [['PING']]);
    assert.equal(viaHost.connected, false, show(viaHost));
    assert.match(viaHost.error ?? '', /ECONNREFUSED/, show(viaHost));
    // 127.0.0.1 inside the namespace is the namespace's own loopback, where nothing listens.
    const viaLoopback = await ns.client(local.port, [['PING']], { host: '127.0.0.1' });
    assert.equal(viaLoopback.connected, false, show(viaLoopback));
  } finally {
    await local.stop();
  }
  const closed = await ns.client(await freePort(), [['PING']]);
  assert.equal(closed.connected, false, show(closed));
  assert.deepEqual(closed.replies, []);
});

test('a server bound to the host address only, with a password: ready without loopback, NOAUTH remotely until AUTH', { skip: unavailable }, async () => {
  const ns = await ensureNetns();
  for (const version of oracleVersions()) {
    const s = await startRedis(`bind ${ns.hostAddress}\nrequirepass remote-secret\n`, { version });
    assert.equal(s.status, 'running', `${version} starts`);
    if (s.status !== 'running') continue;
    try {
      await assert.rejects(s.command('PING'), /does not listen on 127\.0\.0\.1/, `${version}: no loopback client`);
      const denied = await ns.client(s.port, [['SET', 'k', 'v']]);
      assert.equal(denied.replies[0]?.ok, false, show(denied));
      assert.match(denied.replies[0]?.text ?? '', /^NOAUTH/, show(denied));
      const allowed = await ns.client(s.port, [
        ['AUTH', 'remote-secret'],
        ['SET', 'k', 'v'],
      ]);
      assert.deepEqual(
        allowed.replies,
        [
          { ok: true, text: 'OK' },
          { ok: true, text: 'OK' },
        ],
        show(allowed),
      );
    } finally {
      await s.stop();
    }
  }
});

test("the version's CLI runs inside the namespace", { skip: unavailable }, async () => {
  const ns = await ensureNetns();
  for (const version of oracleVersions()) {
    const open = await running(version, 'protected-mode no\n', ['127.0.0.1', ns.hostAddress]);
    try {
      const r = await ns.cli(version, ['-h', ns.hostAddress, '-p', String(open.port), 'CLIENT', 'INFO']);
      // CLIENT INFO exists from 6.2; 6.0 answers with an error that still proves the round trip.
      const seen = `${r.stdout}${r.stderr}`;
      if (version === 'redis-6.0.16') assert.match(seen, /ERR|Unknown subcommand/i, seen);
      else assert.match(seen, new RegExp(`addr=${ns.nsAddress.replaceAll('.', '\\.')}:`), seen);
    } finally {
      await open.stop();
    }
  }
});

/** Starts a process that makes a namespace and prints its name, then does `then`. */
async function childWithNamespace(then: 'throw' | 'wait'): Promise<{ name: string; exited: Promise<number | null>; pid: number }> {
  const code = [
    "const { ensureNetns } = require('./test/support/netns');",
    'ensureNetns().then((ns) => {',
    '  console.log(ns.name);',
    then === 'throw' ? "  throw new Error('failing on purpose');" : '  setInterval(() => {}, 1000);',
    '});',
  ].join('\n');
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', code], { cwd: `${__dirname}/../..`, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const lines = createInterface({ input: child.stdout! });
  const name = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then((c) => reject(new Error(`the child exited (${c}) before making its namespace`)));
  });
  return { name, exited, pid: child.pid ?? -1 };
}

test('the namespace is removed when its process dies, and stale ones of dead processes are removed', { skip: unavailable }, async () => {
  const failing = await childWithNamespace('throw');
  assert.match(failing.name, new RegExp(`^${NETNS_PREFIX}\\d+$`));
  assert.notEqual(await failing.exited, 0, 'the child failed');
  assert.ok(!namespaces().includes(failing.name), `${failing.name} removed after an uncaught error`);

  const killed = await childWithNamespace('wait');
  assert.ok(namespaces().includes(killed.name), `${killed.name} exists while its process runs`);
  process.kill(killed.pid, 'SIGTERM');
  await killed.exited;
  assert.ok(!namespaces().includes(killed.name), `${killed.name} removed after SIGTERM`);

  // A namespace whose process is gone (as after SIGKILL) is removed by the next user.
  const dead = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid;
  assert.ok(dead !== undefined);
  const stale = `${NETNS_PREFIX}${dead}`;
  assert.equal(spawnSync('ip', ['netns', 'add', stale]).status, 0);
  assert.ok(removeStale().includes(stale), 'removeStale reports it');
  assert.ok(!namespaces().includes(stale), `${stale} removed`);
});

// A throwaway server for the capture scripts: started on a Unix socket in a fresh folder
// (REDIS_SERVER, default redis-server), asked through REDIS_CLI (default redis-cli), stopped
// and removed afterwards, whatever happens.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function waitFor(predicate, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  let wait = 5;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 100);
  }
}

/**
 * Runs `use` against a fresh server. It gets `ask(args)` (redis-cli's result, JSON-sized
 * buffers allowed) and the server's versions from INFO: `valkey` (Valkey's own, undefined
 * for Redis) and `redis` (the Redis version it reports, or is compatible with).
 */
export async function withCaptureServer(prefix, use) {
  const server = process.env.REDIS_SERVER ?? 'redis-server';
  const cli = process.env.REDIS_CLI ?? 'redis-cli';
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const sock = join(dir, 'redis.sock');
  const child = spawn(server, ['--port', '0', '--unixsocket', sock, '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const ask = (args) => spawnSync(cli, ['-s', sock, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  try {
    await waitFor(() => exited || (existsSync(sock) && ask(['PING']).stdout.trim() === 'PONG'), 'the server');
    if (exited) throw new Error(`${server} exited at startup`);
    const info = ask(['INFO', 'server']).stdout;
    return await use({ ask, cli, valkey: /valkey_version:(\S+)/.exec(info)?.[1], redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown' });
  } finally {
    if (!exited) {
      process.kill(child.pid, 'SIGTERM');
      await waitFor(() => exited, 'the server to stop', 5000).catch(() => process.kill(child.pid, 'SIGKILL'));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

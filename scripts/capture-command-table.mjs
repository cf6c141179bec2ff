// Captures the top-level command table of a live server (`COMMAND`: name, arity, flags and
// ACL categories) into scripts/data/command-table-<target>.json, for a target whose source
// tables we do not have in the shape of the later ones. Redis 6.0 is the one: its commands
// carry categories that 7.0 moved to subcommands (CONFIG is @admin @dangerous itself), it
// has STRALGO and the POST and HOST: guards, and QUIT is not in its table at all.
//
//   REDIS_SERVER=<6.0 server or wrapper> node scripts/capture-command-table.mjs --target redis-6.0
//
// scripts/generate-commands.mjs reads the output.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const server = process.env.REDIS_SERVER ?? 'redis-server';
const cli = process.env.REDIS_CLI ?? 'redis-cli';
const targetFlag = process.argv.indexOf('--target');
const target = targetFlag > 0 ? process.argv[targetFlag + 1] : undefined;
if (!target) {
  console.error('usage: node scripts/capture-command-table.mjs --target ID');
  process.exit(2);
}
const out = join(root, `scripts/data/command-table-${target}.json`);

async function waitFor(predicate, what, ms = 10_000) {
  const deadline = Date.now() + ms;
  let wait = 5;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, wait));
    wait = Math.min(wait * 2, 100);
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'capture-table-'));
  const sock = join(dir, 'redis.sock');
  const child = spawn(server, ['--port', '0', '--unixsocket', sock, '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitFor(() => exited || (existsSync(sock) && spawnSync(cli, ['-s', sock, 'PING'], { encoding: 'utf8' }).stdout.trim() === 'PONG'), 'the server');
    if (exited) throw new Error(`${server} exited at startup`);
    const info = spawnSync(cli, ['-s', sock, 'INFO', 'server'], { encoding: 'utf8' }).stdout;
    const version = /valkey_version:(\S+)/.exec(info)?.[1] ?? /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
    const r = spawnSync(cli, ['-s', sock, '--json', 'COMMAND'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`${cli} failed: ${r.stderr}`);
    const commands = {};
    for (const [name, arity, flags, , , , categories] of JSON.parse(r.stdout)) {
      commands[name.toLowerCase()] = { arity, flags: [...flags].sort(), categories: categories.map((c) => c.replace(/^@/, '')).sort() };
    }
    const names = Object.keys(commands).sort();
    const lines = names.map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(commands[n])}`);
    const text = ['{', `  "source": ${JSON.stringify(`COMMAND of a live server ${version} (top-level commands only)`)},`, '  "commands": {', lines.join(',\n'), '  }', '}', ''].join('\n');
    JSON.parse(text);
    writeFileSync(out, text);
    console.log(`wrote ${out}: ${names.length} commands from ${version}`);
  } finally {
    if (!exited) {
      process.kill(child.pid, 'SIGTERM');
      await waitFor(() => exited, 'the server to stop', 5000).catch(() => process.kill(child.pid, 'SIGKILL'));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});

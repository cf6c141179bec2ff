// Captures where each command of a live redis-server keeps its key names (its "key specs",
// as `COMMAND INFO` reports them) into scripts/data/command-keys.json. The reference facts
// in ../shared/reference list commands and categories but not key positions; the
// permission model needs them to check key patterns the way ACL DRYRUN does.
//
// Run once per Redis release that changes key positions, with the server the oracle tests
// use (Debian redis-server 7.0.15):  node scripts/capture-command-keys.mjs
// Commands that 7.0 lacks (the hash-field-expiry commands of 7.4) are added from
// SUPPLEMENT below. scripts/generate-commands.mjs reads the output.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'scripts/data/command-keys.json');
const server = process.env.REDIS_SERVER ?? 'redis-server';
const cli = process.env.REDIS_CLI ?? 'redis-cli';

/**
 * Key positions of commands newer than the captured server. Each one takes its key as the
 * first argument: the ones that change a field's expiry update the key, the ones that
 * only report it read it.
 */
const SUPPLEMENT = {
  since: 'Redis 7.4 (hash field expiry); not in 7.0, so not captured',
  commands: Object.fromEntries([
    ...['hexpire', 'hexpireat', 'hpexpire', 'hpexpireat', 'hpersist'].map((n) => [n, [{ flags: ['RW', 'update'], begin: { index: 1 }, find: { range: [0, 1, 0] } }]]),
    ...['hexpiretime', 'hpexpiretime', 'httl', 'hpttl'].map((n) => [n, [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { range: [0, 1, 0] } }]]),
  ]),
};

function compactSpec(ks) {
  const spec = { flags: ks.flags.map((f) => (f === f.toUpperCase() ? f : f.toLowerCase())) };
  const b = ks.begin_search;
  if (b.type === 'index') spec.begin = { index: b.spec.index };
  else if (b.type === 'keyword') spec.begin = { keyword: b.spec.keyword, startfrom: b.spec.startfrom };
  else spec.begin = 'unknown';
  const f = ks.find_keys;
  if (f.type === 'range') spec.find = { range: [f.spec.lastkey, f.spec.keystep, f.spec.limit] };
  else if (f.type === 'keynum') spec.find = { keynum: [f.spec.keynumidx, f.spec.firstkey, f.spec.keystep] };
  else spec.find = 'unknown';
  return spec;
}

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
  const dir = mkdtempSync(join(tmpdir(), 'capture-keys-'));
  const sock = join(dir, 'redis.sock');
  const child = spawn(server, ['--port', '0', '--unixsocket', sock, '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await waitFor(() => exited || (existsSync(sock) && spawnSync(cli, ['-s', sock, 'PING'], { encoding: 'utf8' }).stdout.trim() === 'PONG'), 'redis-server');
    if (exited) throw new Error(`${server} exited at startup`);
    const version = /redis_version:(\S+)/.exec(spawnSync(cli, ['-s', sock, 'INFO', 'server'], { encoding: 'utf8' }).stdout)?.[1] ?? 'unknown';
    const r = spawnSync(cli, ['-s', sock, '--json', 'COMMAND', 'INFO'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`redis-cli failed: ${r.stderr}`);
    const commands = {};
    const walk = (info) => {
      const [name, , , , , , , , specs, subs] = info;
      if (specs.length) commands[name.toLowerCase()] = specs.map(compactSpec);
      for (const s of subs ?? []) walk(s);
    };
    for (const info of JSON.parse(r.stdout)) walk(info);
    const sorted = Object.fromEntries(Object.keys(commands).sort().map((k) => [k, commands[k]]));
    const data = {
      source: `COMMAND INFO of redis-server ${version}: key specs (flags, begin_search, find_keys) of every command that has keys`,
      format: 'begin: {index} | {keyword, startfrom} | "unknown"; find: {range: [lastkey, keystep, limit]} | {keynum: [keynumidx, firstkey, keystep]} | "unknown"',
      captured: sorted,
      supplement: SUPPLEMENT,
    };
    // One command per line: small diffs when a release moves a key.
    const block = (obj) => `{\n${Object.entries(obj).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n  }`;
    const text = [
      '{',
      `  "source": ${JSON.stringify(data.source)},`,
      `  "format": ${JSON.stringify(data.format)},`,
      `  "captured": ${block(data.captured)},`,
      `  "supplement": {\n    "since": ${JSON.stringify(SUPPLEMENT.since)},\n    "commands": ${block(SUPPLEMENT.commands).replace(/\n/g, '\n  ')}\n  }`,
      '}',
      '',
    ].join('\n');
    JSON.parse(text);
    writeFileSync(out, text);
    console.log(`wrote ${out}: ${Object.keys(sorted).length} commands with keys from redis-server ${version}`);
  } finally {
    if (!exited) {
      process.kill(child.pid, 'SIGTERM');
      await waitFor(() => exited, 'redis-server to stop', 5000).catch(() => process.kill(child.pid, 'SIGKILL'));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});

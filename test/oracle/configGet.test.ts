/**
 * Oracle test: our redis-7.0 directive table against `CONFIG GET` of a real redis-server 7.0.
 *
 *   - every name `CONFIG GET *` lists is in our table (a primary name or an alias, of kind table
 *     or special), with the same default as we record, compared as Redis prints it;
 *   - every name of ours that is not hidden is listed by `CONFIG GET *`;
 *   - every hidden name is answered when asked for by its exact name, with our default.
 *
 * The server runs on a minimal config, `port <free> / bind 127.0.0.1 / dir <tmp>`, so the
 * defaults of port, bind and dir are not compared (they are what the config sets; our default
 * for dir only names the working directory anyway).
 *
 * Run: node --import tsx --test test/oracle/configGet.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import type { DirectiveVariant } from '../../server/src/knowledge/types';
import { ensureRedisServer, freePort, quoteArg, RespClient, redisServerVersion, type RespValue } from '../support/redisServer';

const TARGET = 'redis-7.0';

/** Set by the minimal config, so not compared with the default. */
const SET_BY_CONFIG = new Set(['port', 'bind', 'dir']);

// ---------------------------------------------------------------------------------------------
// Our table

interface OurName {
  readonly name: string;
  /** The primary name for an alias, else the name. */
  readonly primary: string;
  readonly hidden: boolean;
  readonly default: string | undefined;
}

function ourNames(): Map<string, OurName> {
  const variants = new Map<string, DirectiveVariant>();
  for (const d of DIRECTIVES) {
    const v = d.variants.find((x) => x.targets.includes(TARGET));
    if (v && (v.kind === 'table' || v.kind === 'special')) variants.set(d.name, v);
  }
  const out = new Map<string, OurName>();
  for (const [name, v] of variants) {
    const primary = v.aliasOf ?? name;
    const p = variants.get(primary);
    assert.ok(p, `${name} is an alias of ${primary}, which is not in our ${TARGET} table`);
    out.set(name, { name, primary, hidden: (p.flags ?? []).includes('hidden'), default: p.default });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A server on a minimal config

interface Server {
  readonly client: RespClient;
  /** The server's log so far. */
  log(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startMinimal(binary: string): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'redis-configget-'));
    const port = await freePort();
    const file = join(dir, 'redis.conf');
    writeFileSync(file, `port ${port}\nbind 127.0.0.1\ndir ${quoteArg(dir)}\n`);
    const child = spawn(binary, [file], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${binary}`);
    const onExit = (): void => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString('utf8')));
    const stop = async (): Promise<void> => {
      const gone = exited(child);
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 5000);
      await gone;
      clearTimeout(timer);
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    };
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        await stop();
        if (/Address already in use/i.test(log) && attempt < 5) break;
        throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}) on the minimal config:\n${log}`);
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`redis-server did not answer within 15 s:\n${log}`);
      }
      try {
        const client = await RespClient.connect(port, '127.0.0.1', 1000);
        const pong = await client.command('PING');
        const info = await client.command('INFO', 'server');
        if (pong === 'PONG' && Buffer.isBuffer(info) && info.toString('latin1').includes(`process_id:${pid}\r\n`)) {
          return {
            client,
            log: () => log,
            stop: async () => {
              client.close();
              await stop();
            },
          };
        }
        client.close();
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function pairs(reply: RespValue, what: string): Map<string, string> {
  assert.ok(Array.isArray(reply) && reply.length % 2 === 0, `${what}: unexpected reply ${String(reply)}`);
  const out = new Map<string, string>();
  for (let i = 0; i < reply.length; i += 2) {
    const k = reply[i];
    const v = reply[i + 1];
    assert.ok(Buffer.isBuffer(k) && Buffer.isBuffer(v), `${what}: reply item ${i} is not a bulk string pair`);
    out.set(k.toString('utf8'), v.toString('utf8'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

test('CONFIG GET of redis-server 7.0 matches our redis-7.0 directive table', { timeout: 120_000 }, async (t) => {
  const binary = await ensureRedisServer(); // throws with the install command when it cannot
  const version = redisServerVersion(binary);
  assert.match(version, /^7\.0\./, `this test is written against redis-server 7.0, found ${version}`);
  const ours = ourNames();

  const server = await startMinimal(binary);
  // maxclients is lowered at start when the open-files limit cannot be raised (not as root,
  // with a low hard limit): then it says so in the log, and its default is not compared.
  const machineLimited = (name: string): boolean => name === 'maxclients' && /maximum open files|max number of open files/i.test(server.log());
  let listed: Map<string, string>;
  const hiddenAnswers = new Map<string, Map<string, string>>();
  try {
    listed = pairs(await server.client.command('CONFIG', 'GET', '*'), 'CONFIG GET *');
    for (const o of ours.values()) {
      if (o.hidden) hiddenAnswers.set(o.name, pairs(await server.client.command('CONFIG', 'GET', o.name), `CONFIG GET ${o.name}`));
    }
  } finally {
    await server.stop();
  }

  const problems: string[] = [];
  let compared = 0;
  // 1. Every listed name is ours, with our default.
  for (const [name, value] of listed) {
    const o = ours.get(name);
    if (!o) {
      const other = DIRECTIVES.find((d) => d.name === name)?.variants.find((v) => v.targets.includes(TARGET));
      problems.push(
        other
          ? `CONFIG GET * lists '${name}' (= ${JSON.stringify(value)}), which our ${TARGET} table has as kind '${other.kind}', not as a config-table entry`
          : `CONFIG GET * lists '${name}' (= ${JSON.stringify(value)}), which our ${TARGET} table lacks`,
      );
      continue;
    }
    if (o.hidden) problems.push(`'${name}' is hidden in our table, but CONFIG GET * lists it`);
    if (SET_BY_CONFIG.has(o.primary)) continue;
    if (machineLimited(o.primary)) {
      t.diagnostic(`maxclients not compared: the server lowered it to ${value} (open-files limit of this machine)`);
      continue;
    }
    compared++;
    if (o.default !== value) problems.push(`'${name}': Redis default ${JSON.stringify(value)}, ours ${JSON.stringify(o.default)}`);
  }
  // 2. Every non-hidden name of ours is listed; 3. hidden ones answer by exact name.
  let hiddenCount = 0;
  for (const o of ours.values()) {
    if (!o.hidden) {
      if (!listed.has(o.name)) problems.push(`our '${o.name}' is not listed by CONFIG GET *`);
      continue;
    }
    hiddenCount++;
    const got = hiddenAnswers.get(o.name);
    const value = got?.get(o.name);
    if (value === undefined) problems.push(`hidden '${o.name}' is not answered by CONFIG GET ${o.name}`);
    else if (got && got.size !== 1) problems.push(`CONFIG GET ${o.name} answers ${[...got.keys()].join(', ')}`);
    else if (!SET_BY_CONFIG.has(o.primary)) {
      compared++;
      if (o.default !== value) problems.push(`hidden '${o.name}': Redis default ${JSON.stringify(value)}, ours ${JSON.stringify(o.default)}`);
    }
  }

  const aliases = [...ours.values()].filter((o) => o.primary !== o.name).length;
  const summary =
    `CONFIG GET oracle (redis-server ${version}): CONFIG GET * lists ${listed.size} names; our ${TARGET} table has ${ours.size} ` +
    `(${ours.size - aliases} primary, ${aliases} aliases, ${hiddenCount} hidden, answered by exact name); ` +
    `${compared} defaults compared, ${compared - problems.filter((p) => p.includes('Redis default')).length} equal; not compared: ${[...SET_BY_CONFIG].join(', ')} (set by the config)`;
  t.diagnostic(summary);
  console.log(summary);
  assert.ok(listed.size >= 150, `CONFIG GET * lists only ${listed.size} names`);
  assert.ok(hiddenCount >= 1, 'no hidden names in our table');
  assert.equal(problems.length, 0, `${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
});

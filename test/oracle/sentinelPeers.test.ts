/**
 * sentinel-peer-auth-missing, proven on live Sentinels (6.2 and later: Redis 7.0.15, 8.0.2,
 * Valkey 8.1.1, 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS): two Sentinels protected by a
 * `user default` line watch the same primary and find each other through it. Without
 * `sentinel sentinel-pass` each one pings the other without a password, is refused, and marks
 * it subjectively down; with `sentinel sentinel-user` / `sentinel-pass` they see each other up.
 * The product reports the first configuration and not the second.
 *
 * Run: node --import tsx --test test/oracle/sentinelPeers.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { isTargetId, type TargetId } from '../../server/src/knowledge/types';
import { oracleVersions, RespError, startRedis, type OracleVersion, type RespValue, type RunningRedis } from '../support/redisServer';

const PASSWORD = '5e8b1d4a7c0f3e6b9d2a5c8f1e4b7d0a3c6f9e2b';

function targetOf(version: OracleVersion): TargetId {
  const [product = '', release = ''] = version.split('-');
  const minor = `${product}-${release.split('.').slice(0, 2).join('.')}`;
  return isTargetId(minor) ? minor : product === 'valkey' ? 'valkey-8.1' : 'redis-8.0';
}

function text(v: RespValue): string {
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (v instanceof RespError) return `(error) ${v.message}`;
  return String(v);
}

/** What this Sentinel knows of the other one (the fields of SENTINEL SENTINELS m), by its port. */
async function peer(s: RunningRedis, port: number): Promise<Map<string, string> | undefined> {
  const reply = await s.command('SENTINEL', 'SENTINELS', 'm');
  if (!Array.isArray(reply)) return undefined;
  for (const entry of reply) {
    if (!Array.isArray(entry)) continue;
    const fields = new Map<string, string>();
    for (let i = 0; i + 1 < entry.length; i += 2) fields.set(text(entry[i] as RespValue), text(entry[i + 1] as RespValue));
    if (fields.get('port') === String(port)) return fields;
  }
  return undefined;
}

/** Polls `check` until it returns a value or the deadline passes. */
async function until<T>(what: string, deadlineMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function pair(version: OracleVersion, extra: string): Promise<{ a: RunningRedis; b: RunningRedis; primary: RunningRedis; body: string }> {
  const primary = await startRedis('', { version });
  if (primary.status !== 'running') throw new Error(`${version}: the primary does not start`);
  const body = `user default on >${PASSWORD} ~* &* +@all\nsentinel monitor m 127.0.0.1 ${primary.port} 2\nsentinel down-after-milliseconds m 1000\n${extra}`;
  const start = async (): Promise<RunningRedis> => {
    const s = await startRedis(body, { version, sentinel: true });
    if (s.status !== 'running') throw new Error(`${version}: Sentinel does not start:\n${s.stdout}`);
    assert.equal(await s.command('AUTH', PASSWORD), 'OK');
    return s;
  };
  return { a: await start(), b: await start(), primary, body };
}

for (const version of oracleVersions().filter((v) => v !== 'redis-6.0.16')) {
  test(`${version}: Sentinels protected by ACL users need sentinel-pass to talk to each other`, { timeout: 120_000 }, async () => {
    const target = targetOf(version);
    const codes = (body: string): string[] => analyzeDocument(`port 26379\n${body}`, 'sentinel', { target, profile: 'production' }).findings.map((f) => f.code);

    const broken = await pair(version, '');
    try {
      assert.ok(codes(broken.body).includes('sentinel-peer-auth-missing'), 'reported without sentinel-pass');
      // They find each other through the primary, then each one's pings are refused by the other.
      const seen = await until('A to see B down', 30_000, async () => {
        const f = await peer(broken.a, broken.b.port);
        return f?.get('flags')?.includes('s_down') ? f : undefined;
      });
      assert.match(seen.get('flags') ?? '', /s_down/);
    } finally {
      await Promise.all([broken.a.stop(), broken.b.stop(), broken.primary.stop()]);
    }

    const fixed = await pair(version, `sentinel sentinel-user default\nsentinel sentinel-pass ${PASSWORD}\n`);
    try {
      assert.ok(!codes(fixed.body).includes('sentinel-peer-auth-missing'), 'not reported with sentinel-user and sentinel-pass');
      await until('A to know B', 30_000, async () => ((await peer(fixed.a, fixed.b.port)) ? true : undefined));
      const known = Date.now();
      // Past three down-after periods, B still answers A's pings (a refused one never counts as OK).
      const seen = await until('B answering A for 3 s', 15_000, async () => {
        const f = await peer(fixed.a, fixed.b.port);
        return f && Date.now() - known > 3000 && Number(f.get('last-ok-ping-reply')) < 1000 ? f : undefined;
      });
      assert.doesNotMatch(seen.get('flags') ?? '', /s_down/);
    } finally {
      await Promise.all([fixed.a.stop(), fixed.b.stop(), fixed.primary.stop()]);
    }
  });
}

/**
 * A safe fix never changes what the server does, proven on live servers (Redis 6.0.16,
 * 7.0.15, 8.0.2, Valkey 8.1.1, 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS): for configs where
 * the safe fixes apply on a version — trailing comments moved, overridden lines removed, every
 * old directive name of the version renamed, clear-text ACL passwords hashed (in `user` lines
 * and in an ACL file) — fix-all is run with that version as the target, the server is started on
 * the file before and after, and `CONFIG GET *` and `ACL LIST` must be identical (the test's
 * own temporary folder and port aside). A config the server refuses before the fix (a trailing
 * comment turned into arguments) must start after it, and is counted apart.
 *
 * Controls show the comparison can fail: the fixes that are not safe (a loopback bind,
 * protected-mode yes, a 6.x save line's comment moved) do change CONFIG GET.
 *
 * Counts per version are written to test-results/safe-fixes/proof.json.
 *
 * Run: node --import tsx --test test/oracle/safeFixes.test.ts
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import { applyEdits, fixAllText, fixesFor } from '../../server/src/analysis/fixes';
import type { DocumentKind } from '../../server/src/analysis/types';
import { diskFileSource } from '../../server/src/io/fileSource';
import { directiveVariant } from '../../server/src/knowledge/directives';
import { DIRECTIVES } from '../../server/src/knowledge/generated/directives';
import { isTargetId, type TargetId } from '../../server/src/knowledge/types';
import { oracleVersions, RespError, startRedis, type OracleVersion, type RespValue, type RunningRedis } from '../support/redisServer';

const ROOT = resolve(__dirname, '../..');

function targetOf(version: OracleVersion): TargetId {
  const [product = '', release = ''] = version.split('-');
  const minor = `${product}-${release.split('.').slice(0, 2).join('.')}`;
  return isTargetId(minor) ? minor : product === 'valkey' ? 'valkey-8.1' : 'redis-8.0';
}

interface Case {
  readonly name: string;
  readonly body: string;
  /** An ACL file the body names as $TMP/users.acl; its own safe fixes are applied too. */
  readonly acl?: string;
}

/** Every old name the target accepts, set to a value other than the default. */
function aliasCases(target: TargetId): Case[] {
  const out: Case[] = [];
  for (const d of DIRECTIVES) {
    const v = d.variants.find((x) => x.targets.includes(target));
    if (!v?.aliasOf) continue;
    const primary = directiveVariant(v.aliasOf, target);
    if (!primary) continue;
    const dflt = primary.default ?? '';
    let value: string | undefined;
    if (primary.type === 'bool') value = dflt === 'yes' ? 'no' : 'yes';
    else if (['int', 'size_t', 'long-long', 'uint', 'long', 'ulong'].includes(primary.type ?? '') && /^-?\d+$/.test(dflt)) value = String(Number(dflt) + 1);
    else if (/announce-ip$/.test(v.aliasOf)) value = '10.1.2.3';
    else if (v.aliasOf === 'replicaof') value = 'no one';
    else if (v.aliasOf === 'primaryauth' || v.aliasOf === 'primaryuser') value = 'replication-secret-0123456789abcdef';
    else if (/cpulist$/.test(v.aliasOf)) value = '0';
    if (value !== undefined) out.push({ name: `old name ${d.name} → ${v.aliasOf}`, body: `${d.name} ${value}` });
  }
  return out;
}

const CASES: Case[] = [
  { name: 'trailing comment on timeout', body: 'timeout 0 # never' },
  { name: 'trailing comment on maxmemory', body: 'maxmemory 100mb # a cap' },
  { name: 'trailing comment on a save line', body: 'save 900 1 # hourly' },
  { name: 'trailing comment on loglevel', body: '  loglevel notice   # the default' },
  { name: 'overridden timeout', body: 'timeout 10\nhz 20\ntimeout 20' },
  { name: 'overridden maxmemory-policy', body: 'maxmemory-policy noeviction\nmaxmemory 64mb\nmaxmemory-policy allkeys-lru' },
  { name: 'overridden appendfsync', body: 'appendfsync always\nappendfsync no' },
  { name: 'clear-text password in a user line', body: 'user app on >app-password-4f7a9c2e1b8d6f3a ~app:* +@read' },
  {
    name: 'clear-text password in the ACL file',
    body: 'aclfile $TMP/users.acl',
    acl: 'user default on nopass ~* +@all\nuser app on >app-password-4f7a9c2e1b8d6f3a ~app:* +@read\nuser ops on >ops-password-9e1c3a5b7d2f4e6a +@admin\n',
  },
];

function text(v: RespValue): string {
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (v instanceof RespError) return `(error) ${v.message}`;
  if (Array.isArray(v)) return v.map(text).join('\n');
  return String(v);
}

/** CONFIG GET * as name → value, with the run's own folder and port written as $DIR and $PORT. */
async function state(r: RunningRedis): Promise<{ config: Record<string, string>; acl: string[] }> {
  const reply = await r.command('CONFIG', 'GET', '*');
  assert.ok(Array.isArray(reply), `CONFIG GET *: ${text(reply)}`);
  const config: Record<string, string> = {};
  for (let i = 0; i + 1 < reply.length; i += 2) {
    const value = text(reply[i + 1] as RespValue)
      .split(r.dir)
      .join('$DIR');
    config[text(reply[i] as RespValue)] = value === String(r.port) ? '$PORT' : value;
  }
  const acl = await r.command('ACL', 'LIST');
  assert.ok(Array.isArray(acl), `ACL LIST: ${text(acl)}`);
  return { config, acl: acl.map(text) };
}

type Run = { started: true; config: Record<string, string>; acl: string[] } | { started: false; why: string };

async function run(version: OracleVersion, body: string): Promise<Run> {
  const r = await startRedis(`${body}\n`, { version });
  if (r.status !== 'running')
    return { started: false, why: r.stderr.toString('utf8').trim().split('\n').slice(-1).join('') || r.stdout.trim().split('\n').slice(-1).join('') };
  try {
    return { started: true, ...(await state(r)) };
  } finally {
    await r.stop();
  }
}

function analyser(target: TargetId, kind: DocumentKind, path: string): (t: string) => Analysis {
  return (t) => analyzeDocument(t, kind, { target, profile: 'production' }, { path, source: diskFileSource() });
}

const proof: Record<string, { identical: number; madeToStart: number; notApplicable: number; fixes: string[] }> = {};

for (const version of oracleVersions()) {
  test(`${version}: CONFIG GET * and ACL LIST are the same before and after every safe fix`, { timeout: 600_000 }, async () => {
    const target = targetOf(version);
    const tally = { identical: 0, madeToStart: 0, notApplicable: 0, fixes: [] as string[] };
    proof[version] = tally;
    const problems: string[] = [];
    for (const c of [...CASES, ...aliasCases(target)]) {
      const tmp = mkdtempSync(join(tmpdir(), 'safe-fix-'));
      try {
        const body = c.body.replaceAll('$TMP', tmp);
        const applied: string[] = [];
        const fixed = fixAllText(body, analyser(target, 'config', join(tmp, 'redis.conf')));
        applied.push(...fixed.applied);
        let aclBefore: string | undefined;
        let aclAfter: string | undefined;
        if (c.acl !== undefined) {
          const aclFixed = fixAllText(c.acl, analyser(target, 'acl', join(tmp, 'users.acl')));
          applied.push(...aclFixed.applied);
          aclBefore = c.acl;
          aclAfter = aclFixed.text;
        }
        if (applied.length === 0) {
          tally.notApplicable++;
          continue;
        }
        tally.fixes.push(...applied.map((t) => `${c.name}: ${t}`));
        if (aclBefore !== undefined) writeFileSync(join(tmp, 'users.acl'), aclBefore);
        const before = await run(version, body);
        if (aclAfter !== undefined) writeFileSync(join(tmp, 'users.acl'), aclAfter);
        const after = await run(version, fixed.text);
        if (!after.started) {
          problems.push(`${c.name}: does not start after ${applied.join(', ')}: ${after.why}`);
          continue;
        }
        if (!before.started) {
          tally.madeToStart++;
          continue;
        }
        try {
          assert.deepEqual(after.config, before.config, 'CONFIG GET *');
          assert.deepEqual(after.acl, before.acl, 'ACL LIST');
          tally.identical++;
        } catch (e) {
          problems.push(`${c.name} (${applied.join(', ')}): ${(e as Error).message.split('\n').slice(0, 12).join(' ')}`);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(tally.identical > 0, 'at least one fix compared on a running server');
  });
}

// Controls: the same comparison sees the fixes that are not safe change the server.
test('controls: the behaviour-changing fixes do change CONFIG GET, so they are not safe', { timeout: 120_000 }, async () => {
  const version = oracleVersions().includes('redis-6.0.16') ? 'redis-6.0.16' : (oracleVersions()[0] as OracleVersion);
  const target = targetOf(version);
  const cases: [string, string, string][] = [
    ['bind-all-interfaces', 'bind 0.0.0.0', 'bind'],
    ['protected-mode-off', 'protected-mode no', 'protected-mode'],
    ...(target.startsWith('redis-6.') ? ([['trailing-comment', 'save 900 1 # hourly', 'save']] as [string, string, string][]) : []),
  ];
  for (const [code, body, name] of cases) {
    const a = analyser(target, 'config', '/nonexistent/redis.conf')(body);
    const finding = a.findings.find((f) => f.code === code);
    assert.ok(finding, `${code} on ${JSON.stringify(body)}`);
    const fix = fixesFor(a, finding).find((f) => !f.suppression);
    assert.ok(fix, `a fix for ${code}`);
    assert.equal(fix.safe, false, `${fix.title} is not safe`);
    const fixed = applyEdits(
      body,
      fix.edits.flatMap((e) => e.edits),
    ).text;
    // The header binds 127.0.0.1; a fix that rebinds keeps loopback, so the server still answers locally.
    const before = await run(version, body);
    const after = await run(version, fixed);
    assert.ok(before.started && after.started, `${code}: both start`);
    if (before.started && after.started) assert.notEqual(after.config[name], before.config[name], `${fix.title} changes CONFIG GET ${name}`);
  }
});

after(() => {
  if (Object.keys(proof).length === 0) return;
  const dir = join(ROOT, 'test-results', 'safe-fixes');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'proof.json'), `${JSON.stringify(proof, null, 2)}\n`);
});

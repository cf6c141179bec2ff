/**
 * Smoke test of the live oracles: every server the oracle suites run (Redis 6.0.16, 7.0.15,
 * 8.0.2, Valkey 8.1.1, 9.1.2; narrowed by $REDIS_ORACLE_VERSIONS) is provisioned, starts on an
 * empty config, answers PING, reports its own version, and lists with `CONFIG GET *` the same
 * names as the reference taken from that version (../shared/reference/live/<version>.json, when
 * that folder is present). The helpers built on top are exercised once per version too: a
 * refused config names its line, Sentinel mode starts, the version's CLI talks to its server,
 * and ACL LOAD works on a kept server. The provisioning's choice of package versions is checked
 * on archives that moved on.
 *
 * Run: node --import tsx --test test/oracle/versions.test.ts
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { startAclServer } from '../support/aclOracle';
import {
  DEFAULT_VERSION,
  ensureServer,
  launchArgs,
  ORACLE_VERSIONS,
  oracleVersions,
  probeConfig,
  RespError,
  serverVersion,
  sharedServer,
  startRedis,
  upstreamVersion,
  type OracleVersion,
  type RespValue,
  type RunningRedis,
} from '../support/redisServer';
import { sharedPath } from '../support/shared';

const run = promisify(execFile);

function text(v: RespValue): string {
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  if (v instanceof RespError) return `(error) ${v.message}`;
  return String(v);
}

/** `name:value` fields of an INFO reply. */
function infoFields(v: RespValue): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text(v).split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out.set(line.slice(0, i), line.slice(i + 1));
  }
  return out;
}

/** The names of a `CONFIG GET *` reply (a flat name/value array). */
function configNames(v: RespValue): string[] {
  assert.ok(Array.isArray(v), `CONFIG GET * answered ${text(v)}`);
  const names: string[] = [];
  for (let i = 0; i < v.length; i += 2) names.push(text(v[i] as RespValue));
  return names.sort();
}

/** The reference names for `version`, or why there are none. */
function referenceNames(version: OracleVersion): string[] | string {
  const file = sharedPath('reference', 'live', `${version}.json`);
  if (!file) return `no reference/live/${version}.json in the shared folder (not beside this checkout)`;
  const ref = JSON.parse(readFileSync(file, 'utf8')) as { config_get?: Record<string, string> };
  if (!ref.config_get) return `reference/live/${version}.json has no config_get`;
  return Object.keys(ref.config_get).sort();
}

async function withServer<T>(version: OracleVersion, config: string, fn: (s: RunningRedis) => Promise<T>, sentinel = false): Promise<T> {
  const r = await startRedis(config, { version, sentinel });
  assert.equal(r.status, 'running', r.status === 'exited' ? `${version} exited (${r.exitCode ?? r.signal}):\n${r.stderr.toString('utf8')}${r.stdout}` : '');
  if (r.status !== 'running') throw new Error('unreachable');
  try {
    return await fn(r);
  } finally {
    await r.stop();
  }
}

test('the provisioning script and the test helpers list the same versions', async () => {
  const script = await import('../../scripts/provision-redis.mjs');
  assert.deepEqual(script.ORACLE_VERSIONS, ORACLE_VERSIONS);
  assert.equal(script.DEFAULT_VERSION, DEFAULT_VERSION);
});

test('a pinned package that left the archive: another build of the same release is taken, else the failure names it', async () => {
  const { chooseVersions } = await import('../../scripts/provision-redis.mjs');
  // sid moved on from 9.1.2-1 to a rebuild of the same upstream release.
  const rebuilt = chooseVersions('sid', new Map([['valkey-tools', [{ version: '9.1.2-2', suite: 'sid' }]]]));
  assert.deepEqual(rebuilt.problems, []);
  assert.equal(rebuilt.chosen.get('valkey-tools'), '9.1.2-2');
  // ... or to another release: nothing to take, and the message says what is there instead.
  const moved = chooseVersions(
    'sid',
    new Map([
      [
        'valkey-tools',
        [
          { version: '9.2.0-1', suite: 'sid' },
          { version: '8.1.1+dfsg1-3+deb13u3', suite: 'trixie' },
        ],
      ],
    ]),
  );
  assert.equal(moved.chosen.has('valkey-tools'), false);
  assert.equal(moved.problems.length, 1);
  assert.match(moved.problems[0] ?? '', /valkey-9\.1\.2: valkey-tools 9\.1\.2-1 .*not in Debian sid any more; versions there: 9\.2\.0-1/);
  // A library is taken from the release's own suites, newest first; a missing one is named.
  const trixie = chooseVersions(
    'trixie',
    new Map([
      [
        'libc6',
        [
          { version: '2.43-7', suite: 'sid' },
          { version: '2.41-12+deb13u5', suite: 'trixie' },
        ],
      ],
      ['redis-tools', [{ version: '5:8.0.2-3+deb13u3', suite: 'trixie-security' }]],
      ['valkey-tools', [{ version: '8.1.1+dfsg1-3+deb13u3', suite: 'trixie' }]],
    ]),
  );
  assert.equal(trixie.chosen.get('libc6'), '2.41-12+deb13u5');
  assert.equal(trixie.chosen.get('redis-tools'), '5:8.0.2-3+deb13u3');
  assert.ok(
    trixie.problems.some((p) => /^library libssl3t64: not found in trixie, trixie-security$/.test(p)),
    trixie.problems.join('\n'),
  );
});

for (const version of oracleVersions()) {
  test(`${version}: provisioned, starts on an empty config, reports its version, CONFIG GET * as the reference`, async (t) => {
    const server = await ensureServer(version);
    assert.equal(serverVersion(server), upstreamVersion(version), `${version} --version (${server.origin})`);
    const names = await withServer(version, '', async (s) => {
      assert.equal(await s.command('PING'), 'PONG');
      const info = infoFields(await s.command('INFO', 'server'));
      // Valkey keeps redis_version at 7.2.4 for old clients and reports its own in valkey_version.
      const field = server.product === 'valkey' ? 'valkey_version' : 'redis_version';
      assert.equal(info.get(field), upstreamVersion(version), `INFO server ${field}`);
      assert.equal(Number(info.get('process_id')), s.pid, 'INFO server process_id is the process we started');
      return configNames(await s.command('CONFIG', 'GET', '*'));
    });
    assert.ok(names.length > 100, `CONFIG GET * lists ${names.length} names`);
    const reference = referenceNames(version);
    if (typeof reference === 'string') {
      t.diagnostic(`CONFIG GET * not compared: ${reference}`);
      console.log(`${version}: CONFIG GET * not compared: ${reference}`);
      return;
    }
    assert.deepEqual(names, reference, `${version}: CONFIG GET * names against reference/live/${version}.json`);
  });

  test(`${version}: a refused config names its line; Sentinel starts; the CLI talks to the server; ACL LOAD on a kept server`, async () => {
    const server = await ensureServer(version);

    const accepted = await probeConfig('maxmemory 1mb\n', { version });
    assert.ok(accepted.accepted, `${version} accepts maxmemory 1mb: ${accepted.message ?? ''}`);
    const arity = await probeConfig('maxmemory 1mb\nmaxmemory 1gb extra\n', { version });
    assert.equal(arity.accepted, false, `${version} refuses a line with too many arguments`);
    assert.equal(arity.line, 2, `${version} names line 2: ${arity.message ?? ''}`);
    assert.equal(arity.echoed?.toString('utf8'), 'maxmemory 1gb extra');
    assert.match(arity.message ?? '', /wrong number of arguments/i);
    // Redis 8.0 takes an unknown name for a module setting and refuses it after reading the
    // file, quoting the line in its log without a number; the others name the line.
    const unknown = await probeConfig('maxmemory 1mb\nmaxmemroy 1gb\n', { version });
    assert.equal(unknown.accepted, false, `${version} refuses an unknown directive`);
    assert.equal(unknown.echoed?.toString('utf8'), 'maxmemroy 1gb', `${version}: ${unknown.message ?? ''}`);
    if (version === 'redis-8.0.2') assert.match(unknown.message ?? '', /Module Configuration detected/);
    else assert.deepEqual([unknown.line, unknown.message], [2, 'Bad directive or wrong number of arguments']);

    await withServer(
      version,
      '',
      async (s) => {
        assert.equal(await s.command('PING'), 'PONG');
        const masters = await s.command('SENTINEL', 'MASTERS');
        assert.ok(Array.isArray(masters), `SENTINEL MASTERS: ${text(masters)}`);
      },
      true,
    );

    assert.ok(server.cli, `${version} has a CLI (${server.origin})`);
    if (server.cli) {
      const shared = await sharedServer(version);
      const cli = launchArgs(server.cli, ['-h', '127.0.0.1', '-p', String(shared.port), 'SET', 'smoke', version]);
      const r = await run(cli.command, cli.args, { env: cli.env, timeout: 10_000 });
      assert.equal(r.stdout.trim(), 'OK', `${version} CLI SET: ${r.stderr}`);
      assert.equal(text(await shared.command('GET', 'smoke')), version, 'the CLI wrote to the shared server');
      await shared.command('DEL', 'smoke');
      assert.equal(await sharedServer(version), shared, 'the shared server is kept for the process');
    }

    // Readiness does not need a PING that a password would refuse.
    await withServer(version, 'requirepass smoke-secret\n', async (s) => {
      const noauth = await s.command('PING');
      assert.ok(noauth instanceof RespError && /^NOAUTH/.test(noauth.message), `PING before AUTH: ${text(noauth)}`);
      assert.equal(await s.command('AUTH', 'smoke-secret'), 'OK');
      assert.equal(await s.command('PING'), 'PONG');
    });

    const acl = await startAclServer(version);
    try {
      const ok = await acl.load(`user default on nopass ~* +@all\nuser app on >secret ~app:* +get\n`);
      assert.ok(ok.ok, `${version} ACL LOAD: ${ok.message}`);
      const bad = await acl.load(`user default on nopass ~* +@all\nuser app on +nosuchcommand\n`);
      assert.equal(bad.ok, false, `${version} refuses an unknown command in an ACL file`);
      assert.deepEqual([...bad.lines], [2], `${version} names line 2: ${bad.message}`);
    } finally {
      await acl.stop();
    }
  });
}

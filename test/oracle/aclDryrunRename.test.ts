/**
 * Oracle test: `acl-dryrun` on a redis.conf with rename-command lines, against ACL DRYRUN
 * on redis-server 7.0 started with the same lines. A command renamed away or removed is
 * "not found" for Redis and denied (with the line that did it) for us; called by its new
 * name, it is judged by the rules of its original name on both sides.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAclDryrun } from '../../server/src/cli/aclDryrun';
import { RespError, startRedis } from '../support/redisServer';

const LINES = [
  'rename-command CONFIG cfg-8b1f',
  'rename-command FLUSHALL ""',
  'user app on nopass ~* &* +@all -config',
  'user ops on nopass ~* &* -@all +config|get +flushall',
];

const CASES: { user: string; argv: string[] }[] = [
  { user: 'app', argv: ['cfg-8b1f', 'get', 'maxmemory'] },
  { user: 'ops', argv: ['cfg-8b1f', 'get', 'maxmemory'] },
  { user: 'ops', argv: ['CFG-8B1F', 'set', 'maxmemory', '1'] },
  { user: 'app', argv: ['config', 'get', 'maxmemory'] },
  { user: 'ops', argv: ['config', 'get', 'maxmemory'] },
  { user: 'ops', argv: ['flushall'] },
  { user: 'app', argv: ['FLUSHALL'] },
  { user: 'app', argv: ['get', 'k'] },
];

test('acl-dryrun follows rename-command as redis-server does', async (t) => {
  const server = await startRedis(`${LINES.join('\n')}\n`);
  if (server.status !== 'running') assert.fail(`redis-server refused the config: ${server.stdout}`);
  const dir = mkdtempSync(join(tmpdir(), 'rename-dryrun-'));
  try {
    const conf = join(dir, 'redis.conf');
    writeFileSync(conf, `${LINES.join('\n')}\n`);
    for (const c of CASES) {
      const reply = await server.command('ACL', 'DRYRUN', c.user, ...c.argv);
      const out: string[] = [];
      const code = runAclDryrun(
        [conf, c.user, ...c.argv],
        (s) => out.push(s),
        () => undefined,
      );
      const label = `${c.user} ${c.argv.join(' ')}`;
      if (reply instanceof RespError && /not found/.test(reply.message)) {
        // Gone under this name: Redis cannot find it, we deny it and say which line did it.
        assert.equal(code, 1, label);
        assert.match(out.join(''), /^denied: .* by the rename-command on line \d+ of .*redis\.conf/, label);
        assert.match(out.join(''), /not found/, label);
      } else if (reply === 'OK') {
        assert.deepEqual([code, out.join('')], [0, 'allowed'], label);
      } else {
        assert.equal(code, 1, `${label}: Redis said ${String(reply)}`);
        assert.match(out.join(''), /^denied: /, label);
      }
      t.diagnostic(`${label}: redis ${reply instanceof RespError ? reply.message : String(reply)} / ours ${out.join('')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
});

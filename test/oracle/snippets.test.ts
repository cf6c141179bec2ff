/**
 * Every snippet, expanded with its defaults and inserted into a hardened file, adds no
 * warning or error, and the real redis-server 7.0 accepts the result. TLS snippets get a
 * throwaway certificate made with openssl; the Sentinel snippet runs with --sentinel.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { DocumentKind } from '../../server/src/analysis/types';
import { expandSnippetBody, type SnippetBody } from '../support/snippetExpand';
import { checkConfig, ensureRedisServer, startRedis } from '../support/redisServer';

const ROOT = join(__dirname, '../..');
const SETTINGS = { target: 'redis-7.0', profile: 'production' } as const;

/** What a hardened file already has, so a fragment is judged on what it adds. */
const CONTEXT: Record<'config' | 'sentinel' | 'acl', string> = {
  config: `bind 127.0.0.1 -::1\nuser default off\nmaxmemory 1gb\nmaxmemory-policy allkeys-lru\n`,
  sentinel: `bind 127.0.0.1 -::1\nrequirepass ${'9f2c4e7a1b8d3f6e0a5c'.repeat(2)}\n`,
  acl: `user default off\n`,
};

/** Warnings a snippet may raise on purpose, with the reason. */
const EXPECTED: Record<string, string[]> = {
  // A replica must PSYNC, and a Sentinel needs CONFIG and CLIENT KILL: the warning is the point.
  'Replication user': ['acl-dangerous-commands'],
  'Sentinel user': ['acl-dangerous-commands'],
};

function snippets(file: string): [string, SnippetBody][] {
  const d = JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, { body: SnippetBody }>;
  return Object.entries(d).map(([name, s]) => [name, s.body]);
}

function kindOf(file: string, name: string): DocumentKind {
  return file === 'redis-acl.json' ? 'acl' : /sentinel/i.test(name) && file === 'redis-conf.json' ? 'sentinel' : 'config';
}

test('snippets add no warning or error to a hardened file', () => {
  for (const file of ['redis-conf.json', 'redis-acl.json']) {
    for (const [name, body] of snippets(file)) {
      const kind = kindOf(file, name);
      const snippet = expandSnippetBody(body);
      // The context yields to what the snippet sets itself (a whole baseline sets everything).
      const own = new Set(snippet.split('\n').map((l) => (l.startsWith('user ') ? l.split(' ').slice(0, 2).join(' ') : l.split(' ')[0])));
      const context = CONTEXT[kind]
        .split('\n')
        .filter((l) => l !== '' && !own.has(l.startsWith('user ') ? l.split(' ').slice(0, 2).join(' ') : (l.split(' ')[0] as string)))
        .join('\n');
      const text = `${context}\n${snippet}\n`;
      const loud = analyzeDocument(text, kind, SETTINGS).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(loud.map((f) => f.code).sort(), (EXPECTED[name] ?? []).sort(), `${name}: ${loud.map((f) => f.message).join(' | ')}`);
    }
  }
});

test('redis-server 7.0 accepts every snippet', async () => {
  await ensureRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'snippet-tls-'));
  try {
    // A throwaway CA-signed certificate for the TLS snippets.
    const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test-ca', '-keyout', 'ca.key', '-out', 'ca.crt']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'redis.key', '-out', 'redis.csr']);
    run(['x509', '-req', '-in', 'redis.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', 'redis.crt']);
    let checked = 0;
    for (const [name, body] of snippets('redis-conf.json')) {
      const sentinel = /sentinel/i.test(name);
      const text = expandSnippetBody(body).replaceAll('/etc/redis/tls/', `${dir}/`);
      // Listening addresses and ports come from the test header; a snippet's own would collide.
      // The harness checks readiness by PING as the default user: a snippet that turns that
      // user off gets it back here (the ACL-file snippets check 'user default off' itself).
      const own = text
        .split('\n')
        .filter((l) => !/^(bind|port|tls-port|daemonize|logfile|dir|include) /.test(l))
        .map((l) => (l.startsWith('user default ') ? 'user default on nopass ~* &* +@all' : l))
        .join('\n');
      const r = await checkConfig(`${own}\n`, sentinel ? { args: ['--sentinel'] } : {}).catch((err: unknown) => {
        throw new Error(`${name}: ${String(err)}`);
      });
      assert.ok(r.accepted, `${name}: ${r.message ?? ''} (line ${r.line ?? '-'})\n${own}`);
      checked++;
    }
    // ACL snippets go through ACL LOAD on one server, which answers OK or names the problem.
    const acl = join(dir, 'users.acl');
    writeFileSync(acl, 'user default on nopass ~* &* +@all\n');
    const server = await startRedis(`aclfile ${acl}\n`);
    assert.equal(server.status, 'running', 'a server with an aclfile');
    if (server.status === 'running') {
      try {
        for (const [name, body] of snippets('redis-acl.json')) {
          // The harness stays the default user, so each snippet is loaded with it kept open.
          const lines = expandSnippetBody(body)
            .split('\n')
            .filter((l) => !l.startsWith('user default '));
          writeFileSync(acl, ['user default on nopass ~* &* +@all', ...lines].join('\n') + '\n');
          const reply = await server.command('ACL', 'LOAD');
          assert.equal(reply, 'OK', `${name}: ${String(reply)}`);
          checked++;
        }
      } finally {
        await server.stop();
      }
    }
    console.log(`snippet oracle: ${checked} snippets accepted by redis-server 7.0`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

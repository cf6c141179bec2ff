/**
 * The server as editors other than VS Code drive it: a client that advertises nothing
 * (as Neovim 0.7 does), sends language ids of its own, pushes settings, and has no
 * command of our extension.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../support/lspClient';

const codesOf = (p: { diagnostics: { code?: string | number }[] }): string[] => p.diagnostics.map((d) => String(d.code));

test("a file's name wins over the language id: users.acl sent as redis-conf is an ACL file, sentinel.conf a Sentinel one", async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const acl = 'file:///srv/redis/users.acl';
    const aclDiagnostics = client.nextDiagnostics(acl, 1);
    await client.open(acl, 'redis-conf', 'user default on nopass ~* +@all\n');
    const aclCodes = codesOf(await aclDiagnostics);
    assert.ok(aclCodes.includes('default-user-nopass'), aclCodes.join());
    for (const code of ['no-auth', 'no-tls', 'bind-all-interfaces', 'unknown-directive']) assert.ok(!aclCodes.includes(code), `${code} on an ACL file`);

    const sentinel = 'file:///srv/redis/sentinel.conf';
    const sentinelDiagnostics = client.nextDiagnostics(sentinel, 1);
    await client.open(sentinel, 'conf', 'port 26379\nsentinel monitor mymaster 127.0.0.1 6379 2\n');
    assert.ok(!codesOf(await sentinelDiagnostics).includes('sentinel-directive-outside-sentinel'));

    // A generic name: the id decides.
    const generic = 'file:///srv/redis/app-users';
    const genericDiagnostics = client.nextDiagnostics(generic, 1);
    await client.open(generic, 'redis-acl', 'user default on nopass ~* +@all\n');
    assert.ok(codesOf(await genericDiagnostics).includes('default-user-nopass'));
  } finally {
    await client.shutdown();
  }
});

/**
 * The built server over stdio, as another editor would start it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LspTestClient, SERVER } from '../support/lspClient';

const URI = 'file:///work/project/redis.conf';
/** Findings every bare test document has (no password, no memory limit): not what these tests are about. */
const BASELINE = new Set(['no-auth', 'no-tls', 'unbounded-memory', 'maxmemory-policy-implicit']);
const codes = (p: { diagnostics: { code?: string | number }[] }): unknown[] => p.diagnostics.map((d) => d.code).filter((c) => !BASELINE.has(String(c)));

test('--version and --help answer without starting a server', () => {
  const v = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
  assert.equal(v.status, 0);
  assert.match(v.stdout, /^\d+\.\d+\.\d+/);
  const h = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
  assert.equal(h.status, 0);
  assert.match(h.stdout, /--stdio/);
  const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /choose a transport/);
});

test('initialize, diagnostics on open, hover, and diagnostics that follow edits', async () => {
  const client = new LspTestClient();
  try {
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'redis-config-language-server');
    assert.equal(init.capabilities.hoverProvider, true);

    const opened = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', 'bind 0.0.0.0\nmaxmemory 100mb\n');
    const first = await opened;
    assert.deepEqual(codes(first), ['bind-all-interfaces']);
    const diag = first.diagnostics.find((d) => d.code === 'bind-all-interfaces');
    assert.equal(diag?.severity, 2);
    assert.equal(diag?.source, 'redis-config');
    assert.match(diag?.codeDescription?.href ?? '', /docs\/rules\/bind-all-interfaces\.md$/);
    assert.deepEqual(diag?.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } });

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 3 } })) as {
      contents: { kind: string; value: string };
      range: unknown;
    };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*maxmemory\*\*/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    const value = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 12 } })) as {
      contents: { value: string };
    };
    assert.match(value.contents.value, /104,857,600 bytes/);
    const none = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 0 } });
    assert.equal(none, null);

    const fixed = client.nextDiagnostics(URI, 2);
    await client.change(URI, 2, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } }, text: '127.0.0.1' }]);
    assert.deepEqual(codes(await fixed), []);

    const broken = client.nextDiagnostics(URI, 3);
    await client.change(URI, 3, [{ text: 'bind 127.0.0.1\nrequirepass "abc\ntimeout 0 # x\n' }]);
    assert.deepEqual(codes(await broken), ['unbalanced-quotes', 'trailing-comment']);
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

test('a burst of edits ends with the diagnostics of the last version', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    await client.open(URI, 'redis-conf', 'bind 127.0.0.1\n');
    await client.nextDiagnostics(URI, 1);
    const last = client.nextDiagnostics(URI, 51);
    for (let v = 2; v <= 51; v++) {
      await client.change(URI, v, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: v === 51 ? 'bogus 1\n' : '' }]);
    }
    assert.deepEqual(codes(await last), ['unknown-directive']);
    // Stale versions may be skipped, but none is published after the newest one.
    const versions = client.published.filter((p) => p.uri === URI).map((p) => p.version ?? 0);
    assert.equal(Math.max(...versions), 51);
    assert.equal(versions.at(-1), 51);
  } finally {
    await client.shutdown();
  }
});

test('settings come from the client: target version and profile', async () => {
  const client = new LspTestClient();
  try {
    client.configuration = { targetVersion: 'redis-6.2', profile: 'development' };
    await client.initialize();
    const p = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', 'bind 0.0.0.0\nenable-debug-command local\n');
    const result = await p;
    // Redis 6.2 has no enable-debug-command: DEBUG is open to whoever logs in (here, anyone).
    assert.deepEqual(codes(result), ['dangerous-commands-enabled', 'bind-all-interfaces', 'unsupported-in-version']);
    assert.equal(result.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 4); // a hint under the development profile

    client.configuration = { targetVersion: 'redis-7.0', profile: 'production' };
    const again = client.nextDiagnostics(URI, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const after = await again;
    assert.deepEqual(codes(after), ['bind-all-interfaces']);
    assert.equal(after.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 2);
  } finally {
    await client.shutdown();
  }
});

test('ACL documents are read as ACL files', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///work/project/users.acl';
    const p = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-acl', 'user default off\n# not allowed\n');
    const result = await p;
    assert.deepEqual(codes(result), ['invalid-acl-line']);
    assert.equal(result.diagnostics[0]?.range.start.line, 1);
  } finally {
    await client.shutdown();
  }
});

test('closing a document clears its diagnostics', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const p = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', 'bind 0.0.0.0\n');
    assert.deepEqual(codes(await p), ['bind-all-interfaces']);
    const cleared = client.nextDiagnostics(URI);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual((await cleared).diagnostics, []);
  } finally {
    await client.shutdown();
  }
});

test('code actions: quick fixes rebuilt from the diagnostic, and fix all', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const p = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', 'bind 127.0.0.1\nuser default off\nslave-read-only yes\ntimeout 0 # x\n');
    const published = await p;
    const deprecated = published.diagnostics.find((d) => d.code === 'deprecated-directive');
    assert.ok(deprecated);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: deprecated.range,
      context: { diagnostics: [deprecated] },
    })) as { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { newText: string }[]> } }[];
    const rename = actions.find((a) => a.title === "Rename to 'replica-read-only'");
    assert.ok(rename, actions.map((a) => a.title).join(' | '));
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(
      rename.edit.changes[URI]?.map((e) => e.newText),
      ['replica-read-only'],
    );
    assert.ok(actions.some((a) => a.title === 'Disable deprecated-directive for this line'));

    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.redis-config'] },
    })) as { kind: string; edit: { changes: Record<string, unknown[]> } }[];
    assert.equal(all.length, 1);
    assert.equal(all[0]?.kind, 'source.fixAll.redis-config');
    assert.ok((all[0]?.edit.changes[URI]?.length ?? 0) >= 2);
  } finally {
    await client.shutdown();
  }
});

test('an included file is checked against the target of the file that includes it', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const extra = 'file:///tmp/redis-config-e2e/extra.conf';
    const main = 'file:///tmp/redis-config-e2e/redis.conf';
    const first = client.nextDiagnostics(extra, 1);
    await client.open(extra, 'redis-conf', 'enable-debug-command no\n');
    assert.ok(!codes(await first).includes('unsupported-in-version'));
    const again = client.nextDiagnostics(extra, 1);
    await client.open(main, 'redis-conf', '# redis-config: target=redis-6.2\nbind 127.0.0.1\ninclude /tmp/redis-config-e2e/extra.conf\n');
    assert.deepEqual(codes(await again), ['unsupported-in-version']);
  } finally {
    await client.shutdown();
  }
});

test('the connection snippet command lists users and writes a snippet without the password', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const p = client.nextDiagnostics(URI, 1);
    await client.open(URI, 'redis-conf', 'bind 127.0.0.1\nuser default off\nuser app on >pw-in-file ~app:* +get\n');
    await p;
    const choices = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'redisConfig.server.connectionSnippet',
      arguments: [{ uri: URI }],
    })) as { users: string[] };
    assert.deepEqual(choices.users, ['default', 'app']);
    const result = (await client.connection.sendRequest('workspace/executeCommand', {
      command: 'redisConfig.server.connectionSnippet',
      arguments: [{ uri: URI, user: 'app', library: 'ioredis' }],
    })) as { snippet: string; variable: string };
    assert.match(result.snippet, /new Redis\(/);
    assert.equal(result.variable, 'REDIS_APP_PASSWORD');
    assert.ok(!result.snippet.includes('pw-in-file'));
  } finally {
    await client.shutdown();
  }
});

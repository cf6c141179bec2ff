/**
 * The server as editors other than VS Code drive it: a client that advertises nothing
 * (as Neovim 0.7 does), sends language ids of its own, pushes settings, and has no
 * command of our extension.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/analysis/fixes';
import { LspTestClient, messageText } from '../support/lspClient';

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

interface Action {
  title: string;
  edit?: { changes?: Record<string, { range: Range; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}

/** The quick fixes of the first diagnostic with `code`. */
async function quickFixes(client: LspTestClient, uri: string, diagnostics: PublishDiagnosticsParams, code: string): Promise<Action[]> {
  const diagnostic = diagnostics.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code}`);
  return (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as Action[];
}

const RENAMED = 'bind 127.0.0.1\nuser default on nopass ~* +@all\nrename-command CONFIG x-1\n';

test('settings pushed with workspace/didChangeConfiguration count when the client cannot be asked for them', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const uri = 'file:///srv/push/redis.conf';
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', 'bind 0.0.0.0\n');
    assert.equal((await opened).diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 2);
    const relaxed = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { redisConfig: { profile: 'development', rules: { 'no-auth': 'off' } } },
    });
    const after = await relaxed;
    assert.equal(after.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 4, 'the development profile makes it a hint');
    assert.ok(!codesOf(after).includes('no-auth'));
  } finally {
    await client.shutdown();
  }
});

test('a client with message dialogs: the generated password comes in a window/showMessageRequest after the edit', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false, { window: { showMessage: { messageActionItem: { additionalPropertiesSupport: false } } } });
    const uri = 'file:///srv/message/redis.conf';
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', RENAMED);
    const actions = await quickFixes(client, uri, await opened, 'rename-command-deprecated');
    const admin = actions.find((a) => a.command);
    assert.ok(admin, actions.map((a) => a.title).join(' | '));
    assert.equal(admin.command?.command, 'redisConfig.server.showNotice');
    const inserted = (admin.edit?.changes?.[uri] ?? []).map((e) => e.newText).join('');
    assert.ok(!inserted.includes('generated password'), 'no comment when a dialog can show it');
    // The client applies the edit, then runs the command on the server.
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: admin.command?.command, arguments: admin.command?.arguments });
    assert.equal(result, null);
    await client.nextMessageRequest();
    const password = /\b([0-9a-f]{64})\b/.exec(client.messageRequests[0]?.message ?? '')?.[1];
    assert.ok(password, client.messageRequests[0]?.message);
    assert.ok(inserted.includes(`#${createHash('sha256').update(password).digest('hex')}`), 'the file holds the hash of the password shown');
  } finally {
    await client.shutdown();
  }
});

test('a client without message dialogs (eglot, Helix): the password goes in a comment, and a warning stays until it is deleted', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const uri = 'file:///srv/comment/redis.conf';
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', RENAMED);
    const actions = await quickFixes(client, uri, await opened, 'rename-command-deprecated');
    const admin = actions.find((a) => a.title.endsWith('; password in a comment'));
    assert.ok(admin, actions.map((a) => a.title).join(' | '));
    assert.equal(admin.command, undefined, 'no command the client does not have');
    const after = applyEdits(RENAMED, admin.edit?.changes?.[uri] ?? []).text;
    const password = /^# redis-config: generated password ([0-9a-f]{64}) for user 'config-admin': copy it, then delete this line$/m.exec(after)?.[1];
    assert.ok(password, after);
    assert.ok(after.includes(`#${createHash('sha256').update(password).digest('hex')}`));
    const changed = client.nextDiagnostics(uri, 2);
    await client.change(uri, 2, [{ text: after }]);
    const warning = (await changed).diagnostics.find((d) => d.code === 'generated-password-comment');
    assert.equal(warning?.severity, 2);
    assert.ok(!messageText(warning.message).includes(password));
  } finally {
    await client.shutdown();
  }
});

test('hovers name the VS Code command only to our extension', async () => {
  const text = 'user default off\nuser app on #' + 'a'.repeat(64) + ' ~app:* +get\n';
  for (const [options, named] of [
    [undefined, false],
    [{ extensionCommands: true }, true],
  ] as const) {
    const client = new LspTestClient();
    try {
      await client.initialize(false, options ? { initializationOptions: options } : {});
      const uri = 'file:///srv/hover/users.acl';
      const opened = client.nextDiagnostics(uri, 1);
      await client.open(uri, 'redis-acl', text);
      await opened;
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 6 } })) as {
        contents: { value: string };
      };
      assert.match(hover.contents.value, /Connecting as `app`/);
      assert.equal(/Copy connection snippet/.test(hover.contents.value), named, hover.contents.value);
    } finally {
      await client.shutdown();
    }
  }
});

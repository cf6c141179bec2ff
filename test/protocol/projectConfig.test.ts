/**
 * `.redis-config.json` in the language server: read from disk upwards from each document,
 * under the editor's explicit settings and the file's pragma, re-read on a watched-file
 * event, reported when invalid; and documentation links that follow the chosen base.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';

function workspace(project: unknown): { dir: string; uri: string; write: (p: unknown) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-project-'));
  mkdirSync(join(dir, '.git'));
  const write = (p: unknown): void => writeFileSync(join(dir, '.redis-config.json'), typeof p === 'string' ? p : JSON.stringify(p));
  write(project);
  mkdirSync(join(dir, 'deploy'));
  return { dir, uri: pathToFileURL(join(dir, 'deploy', 'redis.conf')).href, write };
}

const TEXT = 'bind 0.0.0.0\nenable-debug-command no\n';
const severityOf = (p: PublishDiagnosticsParams, code: string): number | undefined => p.diagnostics.find((d) => d.code === code)?.severity;
const has = (p: PublishDiagnosticsParams, code: string): boolean => p.diagnostics.some((d) => d.code === code);

test('project file under editor settings under the pragma; re-read on a watched-file event', async () => {
  const ws = workspace({ targetVersion: 'redis-6.2', rules: { 'bind-all-interfaces': 'error' } });
  const client = new LspTestClient();
  try {
    // The target notification follows each publication: wait for the one after a given count.
    const targets: { uri: string; target: string; source: string }[] = [];
    let heard: () => void = () => undefined;
    client.connection.onNotification('redisConfig/target', (t: { uri: string; target: string; source: string }) => {
      targets.push(t);
      heard();
    });
    const targetNumber = (n: number): Promise<{ uri: string; target: string; source: string } | undefined> =>
      targets.length >= n ? Promise.resolve(targets[n - 1]) : new Promise((resolve) => (heard = () => targets.length >= n && resolve(targets[n - 1])));
    await client.initialize(true, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
    const first = client.nextDiagnostics(ws.uri, 1);
    await client.open(ws.uri, 'redis-conf', TEXT);
    const p1 = await first;
    // Asked for after `initialized`, so before the first diagnostics.
    assert.deepEqual(
      client.registrations.map((r) => [r.method, r.registerOptions]),
      [['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: '**/*.{conf,acl}' }, { globPattern: '**/.redis-config.json' }] }]],
    );
    assert.ok(has(p1, 'unsupported-in-version'), 'the project file chose redis-6.2');
    assert.equal(severityOf(p1, 'bind-all-interfaces'), 1, 'the project file made it an error');
    assert.deepEqual(await targetNumber(1), { uri: ws.uri, target: 'redis-6.2', source: 'project' });

    // An explicit editor setting beats the project file; the project's other settings stay.
    client.configuration = { targetVersion: 'redis-7.0' };
    const second = client.nextDiagnostics(ws.uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p2 = await second;
    assert.ok(!has(p2, 'unsupported-in-version'));
    assert.equal(severityOf(p2, 'bind-all-interfaces'), 1);
    assert.deepEqual(await targetNumber(2), { uri: ws.uri, target: 'redis-7.0', source: 'setting' });

    // 'auto' in the editor is no choice: the project file's target comes back.
    client.configuration = { targetVersion: 'auto', rules: { 'bind-all-interfaces': 'information' } };
    const third = client.nextDiagnostics(ws.uri, 1);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const p3 = await third;
    assert.ok(has(p3, 'unsupported-in-version'));
    assert.equal(severityOf(p3, 'bind-all-interfaces'), 3, "the editor's rule beats the project's for that code");

    // The file's pragma beats both.
    const fourth = client.nextDiagnostics(ws.uri, 2);
    await client.change(ws.uri, 2, [{ text: `# redis-config: target=redis-7.2\n${TEXT}` }]);
    assert.ok(!has(await fourth, 'unsupported-in-version'));

    // The project file changes on disk: the client reports it, the server reads it again.
    client.configuration = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    ws.write({ targetVersion: 'redis-7.0', rules: { 'bind-all-interfaces': 'hint' } });
    const fifth = client.nextDiagnostics(ws.uri, 3);
    await client.change(ws.uri, 3, [{ text: TEXT }]);
    assert.ok(has(await fifth, 'unsupported-in-version'), 'not read again before the event: still redis-6.2');
    // A publish of the configuration reload above may still be on its way: wait for the re-read file.
    const sixth = client.diagnosticsWhere(ws.uri, (p) => p.version === 3 && !has(p, 'unsupported-in-version'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(join(ws.dir, '.redis-config.json')).href, type: 2 }],
    });
    const p6 = await sixth;
    assert.ok(!has(p6, 'unsupported-in-version'));
    assert.equal(severityOf(p6, 'bind-all-interfaces'), 4);
  } finally {
    await client.shutdown();
    rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('a client that advertises nothing (Neovim 0.7): initializationOptions.settings over the project file', async () => {
  const ws = workspace({ targetVersion: 'redis-6.2', profile: 'development' });
  const client = new LspTestClient();
  try {
    await client.initialize(false, { initializationOptions: { settings: { profile: 'production' } } });
    assert.deepEqual(client.registrations, [], 'no dynamic registration without the capability');
    const first = client.nextDiagnostics(ws.uri, 1);
    await client.open(ws.uri, 'redis-conf', TEXT);
    const p = await first;
    assert.ok(has(p, 'unsupported-in-version'), 'target from the project file');
    // Production keeps it an error (development would make it a hint): on 6.2 the bind line
    // switches protected mode off, so every host gets in.
    assert.equal(severityOf(p, 'bind-all-interfaces'), 1, 'profile from the editor: production');
  } finally {
    await client.shutdown();
    rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('an invalid project file is reported once, and its valid keys still apply', async () => {
  const ws = workspace('{ "targetVersion": "redis-6.2", "minPasswordLength": 3 }');
  const client = new LspTestClient();
  try {
    await client.initialize();
    const first = client.nextDiagnostics(ws.uri, 1);
    await client.open(ws.uri, 'redis-conf', TEXT);
    assert.ok(has(await first, 'unsupported-in-version'));
    assert.equal(client.messages.length, 1);
    assert.match(
      client.messages[0]?.message ?? '',
      /invalid value for 'minPasswordLength' in .*\.redis-config\.json: 3 \(expected a whole number from 8 to 256\)/,
    );
  } finally {
    await client.shutdown();
    rmSync(ws.dir, { recursive: true, force: true });
  }
});

test('documentation links: the published pages by default, the client’s base, then an explicit setting', async () => {
  const ws = workspace({});
  const hrefs = async (init: unknown, configuration: Record<string, unknown>): Promise<string | undefined> => {
    const client = new LspTestClient();
    try {
      client.configuration = configuration;
      await client.initialize(true, init === undefined ? {} : { initializationOptions: init });
      const first = client.nextDiagnostics(ws.uri, 1);
      await client.open(ws.uri, 'redis-conf', TEXT);
      return (await first).diagnostics.find((d) => d.code === 'bind-all-interfaces')?.codeDescription?.href;
    } finally {
      await client.shutdown();
    }
  };
  try {
    assert.match(
      (await hrefs(undefined, {})) ?? '',
      /^https:\/\/cdn\.jsdelivr\.net\/npm\/@redis-config-tools\/redis-config-lint@\d+\.\d+\.\d+[^/]*\/docs\/rules\/bind-all-interfaces\.md$/,
    );
    assert.equal(await hrefs({ docsBaseUrl: 'file:///opt/ext/docs/rules/' }, {}), 'file:///opt/ext/docs/rules/bind-all-interfaces.md');
    assert.equal(
      await hrefs({ docsBaseUrl: 'file:///opt/ext/docs/rules/' }, { docsBaseUrl: 'https://mirror.example/rules' }),
      'https://mirror.example/rules/bind-all-interfaces.md',
    );
  } finally {
    rmSync(ws.dir, { recursive: true, force: true });
  }
});

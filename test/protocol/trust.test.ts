/**
 * Workspace trust over the protocol: told that the workspace is not trusted, the server
 * reads no include outside the workspace folders and ignores includeBaseDirectory; once
 * told it is trusted, it reads them and checks the documents again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

test('an untrusted workspace: no include outside it, no includeBaseDirectory, until trust is granted', async () => {
  const base = mkdtempSync(join(tmpdir(), 'rc-trust-'));
  const client = new LspTestClient();
  try {
    const ws = join(base, 'ws');
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(ws);
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'x.conf'), 'maxmemroy 1gb\n');
    writeFileSync(join(elsewhere, 'rel.conf'), 'maxmemroy 2gb\n');
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ws).href,
      workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'ws' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { workspaceTrusted: false, settings: { includeBaseDirectory: elsewhere } },
    });
    await client.connection.sendNotification('initialized', {});
    const uri = pathToFileURL(join(ws, 'redis.conf')).href;
    const first = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', `bind 127.0.0.1\ninclude ${join(elsewhere, 'x.conf')}\ninclude rel.conf\n`);
    const held = await first;
    const onIncludes = held.diagnostics.filter((d) => d.range.start.line >= 1).map((d) => `${d.range.start.line} ${String(d.code)} ${d.severity}`);
    // Line 1: outside the workspace, not read. Line 2: resolved from the document's folder, not
    // from includeBaseDirectory, so it is simply missing there.
    assert.deepEqual(onIncludes, ['1 include-limit 3', '2 include-not-found 1']);

    const again = client.nextDiagnostics(uri, 1);
    await client.connection.sendNotification('redisConfig/workspaceTrusted', { trusted: true });
    const open = (await again).diagnostics.filter((d) => d.range.start.line >= 1).map((d) => `${d.range.start.line} ${String(d.code)}`);
    assert.deepEqual(open, ['1 unknown-directive', '2 unknown-directive']);
  } finally {
    await client.shutdown();
    rmSync(base, { recursive: true, force: true });
  }
});

/**
 * The server keeps each document's analysis for its version and settings: requests reuse
 * it, and it is dropped when a file it read changes (an open document, or a file-watch
 * notification for the disk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';

interface Location {
  uri: string;
  range: { start: { line: number } };
}

test('requests reuse the analysis until a file-watch notification says an included file changed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-cache-'));
  const client = new LspTestClient();
  try {
    const extra = join(dir, 'extra.conf');
    writeFileSync(extra, 'maxmemory 2gb\n');
    const main = pathToFileURL(join(dir, 'redis.conf')).href;
    await client.initialize(false);
    const opened = client.nextDiagnostics(main, 1);
    await client.open(main, 'redis-conf', `maxmemory 1gb\ninclude ${extra}\n`);
    await opened;
    const definition = async (): Promise<Location> =>
      (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: main }, position: { line: 0, character: 2 } })) as Location;
    assert.equal((await definition()).uri, pathToFileURL(extra).href);

    // The disk changes, nobody says so: the kept analysis still answers (no new walk).
    writeFileSync(extra, 'hz 10\n');
    assert.equal((await definition()).uri, pathToFileURL(extra).href);

    // The watcher says so: the analysis goes, the document is checked again.
    const again = client.nextDiagnostics(main, 1);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(extra).href, type: 2 }] });
    await again;
    const now = await definition();
    assert.equal(now.uri, main);
    assert.equal(now.range.start.line, 0);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('editing an open included file checks the file that includes it again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-cache-'));
  const client = new LspTestClient();
  try {
    const extraPath = join(dir, 'extra.conf');
    writeFileSync(extraPath, 'maxmemroy 1gb\n');
    const main = pathToFileURL(join(dir, 'redis.conf')).href;
    const extra = pathToFileURL(extraPath).href;
    await client.initialize(false);
    const opened = client.nextDiagnostics(main, 1);
    await client.open(main, 'redis-conf', `bind 127.0.0.1\ninclude ${extraPath}\n`);
    const first = await opened;
    const onInclude = first.diagnostics.find((d) => d.code === 'unknown-directive');
    assert.equal(onInclude?.range.start.line, 1);
    assert.equal(onInclude?.relatedInformation?.[0]?.location.uri, extra);

    await client.open(extra, 'redis-conf', 'maxmemroy 1gb\n');
    await client.change(extra, 2, [{ text: 'maxmemory 1gb\n' }]);
    // Publications caused by the open may come first; the one after the change has no error.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const p = await client.nextDiagnostics(main, 1, Math.max(1, deadline - Date.now()));
      if (!p.diagnostics.some((d) => d.code === 'unknown-directive')) break;
    }
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

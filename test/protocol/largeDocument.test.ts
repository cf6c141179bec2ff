/**
 * A 50 MB document over the protocol: it is analysed up to the size limit, with a notice
 * that says so, and the editor is sent a bounded number of diagnostics with a notice that
 * counts the rest. Time and peak memory are printed, not asserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspTestClient, messageText } from '../support/lspClient';
import { MAX_PUBLISHED } from '../../server/src/lsp/server';

const URI = 'file:///tmp/redis-config-large/redis.conf';

function fiftyMegabytes(): string {
  // Long comment lines, so that the size bound comes before the line bound (one line per 128
  // characters of it), and an unknown name on every third line, so that the findings of the
  // part checked are more than the editor is sent.
  const comment = (i: number): string => `# comment line ${i} of a block that repeats until the file is large `.padEnd(250, '.');
  const block = `${Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `maxmemroy ${i}mb` : comment(i))).join('\n')}\n`;
  return block.repeat(Math.ceil((50 * 1024 * 1024) / block.length));
}

test('a 50 MB document: partial analysis with a notice, bounded diagnostics', { timeout: 300_000 }, async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false);
    const text = fiftyMegabytes();
    const started = Date.now();
    const published = client.nextDiagnostics(URI, 1, 240_000);
    await client.open(URI, 'redis-conf', text);
    const p = await published;
    const ms = Date.now() - started;
    const notices = p.diagnostics.filter((d) => d.code === 'document-too-large');
    assert.equal(
      notices.length,
      2,
      p.diagnostics
        .slice(0, 3)
        .map((d) => messageText(d.message))
        .join('\n'),
    );
    assert.ok(notices.some((d) => /more than the 4\.0 MB this tool reads: only its first [\d,]+ lines are checked/.test(messageText(d.message))));
    assert.ok(notices.some((d) => /the editor is shown the first 5,000/.test(messageText(d.message))));
    assert.ok(p.diagnostics.length <= MAX_PUBLISHED + 2);
    // The part that was checked was checked: the unknown directives of its first lines.
    assert.ok(p.diagnostics.some((d) => d.code === 'unknown-directive' && d.range.start.line === 0));
    let rss = '?';
    try {
      rss = String(Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1]) / 1024));
    } catch {
      // not Linux
    }
    console.log(`50 MB document: first diagnostics after ${ms} ms (sending included), ${p.diagnostics.length} sent, server peak RSS ${rss} MB`);
    // Still answering.
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 2 } });
    assert.ok(hover !== undefined);
  } finally {
    await client.shutdown();
  }
});

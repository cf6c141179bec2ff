/**
 * An edit flood over stdio: 10,000 incremental changes to a 100 KB redis.conf with
 * thousands of findings. The server must publish the final version, never publish an older
 * version after a newer one, publish far fewer times than it was edited, and keep its peak
 * memory (VmHWM, Linux) under 200 MB. The delay between the last edit and the final
 * publication is printed, not asserted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LspTestClient } from '../support/lspClient';

const URI = 'file:///tmp/redis-config-flood/redis.conf';
const EDITS = 10_000;

/** About 100 KB: comments, and lines with findings (unknown names, trailing comments). */
function bigConfig(): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 100_000; i++) {
    const line = [`maxmemroy ${i}mb`, `# a comment line ${i} about nothing in particular`, `timeout ${i} # trailing`, `save ${i} 1`][i % 4] as string;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** Peak resident memory of a process in MB (Linux), or undefined elsewhere. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

test('10,000 edits: the final version is published, memory stays bounded', { timeout: 300_000 }, async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const opened = client.nextDiagnostics(URI, 1, 60_000);
    await client.open(URI, 'redis-conf', bigConfig());
    assert.ok((await opened).diagnostics.length > 2000);
    const final = client.nextDiagnostics(URI, EDITS + 1, 240_000);
    for (let v = 2; v <= EDITS + 1; v++) {
      // Type at the start of line 2, which turns its comment into more of a comment.
      await client.change(URI, v, [{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, text: 'x' }]);
    }
    const lastEdit = Date.now();
    const published = await final;
    const delay = Date.now() - lastEdit;
    const rss = peakRssMb(client.pid);
    const versions = client.published.filter((p) => p.uri === URI).map((p) => p.version ?? 0);
    console.log(
      `edit flood: ${EDITS} edits, ${versions.length} publications, final one ${delay} ms after the last edit, peak RSS ${rss?.toFixed(0) ?? '?'} MB`,
    );
    assert.ok(published.diagnostics.length > 2000);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'an older version was published after a newer one',
    );
    assert.equal(versions.at(-1), EDITS + 1);
    assert.ok(versions.length < EDITS / 10, `${versions.length} publications for ${EDITS} edits`);
    if (rss !== undefined) assert.ok(rss < 200, `peak RSS ${rss.toFixed(0)} MB`);
  } finally {
    await client.shutdown();
  }
});

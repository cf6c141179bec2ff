/**
 * The server's start-up V8 settings take effect in a running process: V8 reads most flags only
 * when the isolate is created, so each setting is checked by what the heap then does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SETTINGS = join(__dirname, '../../server/src/lsp/v8Settings.ts');

/**
 * In a fresh Node process, loads the settings (or not), then keeps 300,000 small objects alive
 * while it makes them: each scavenge finds most of the young generation alive, which is when
 * V8 grows it. Returns the young generation's size before and after.
 */
function youngGeneration(withSettings: boolean): { before: number; after: number } {
  const program = `
    const v8 = require('node:v8');
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const before = size();
    if (${withSettings}) require(${JSON.stringify(SETTINGS)});
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push({ i, text: 'line ' + i });
    process.stdout.write(JSON.stringify({ before, after: size(), kept: kept.length }));
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', program], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { before: number; after: number };
}

test('without the settings, objects that survive scavenges make V8 grow the young generation', () => {
  const { before, after } = youngGeneration(false);
  assert.ok(after > before, `young generation ${before} -> ${after} bytes`);
});

test('with the settings, the young generation keeps the size it had when they were applied', () => {
  const { before, after } = youngGeneration(true);
  assert.equal(after, before);
});

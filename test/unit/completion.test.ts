import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { completionsAt } from '../../server/src/analysis/completion';
import type { DocumentKind } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { cursor } from '../support/cursor';
import { memoryFiles } from '../support/memoryFiles';

function complete(marked: string, opts: { target?: TargetId; kind?: DocumentKind; files?: Record<string, string> } = {}) {
  const { text, position } = cursor(marked);
  const a = analyzeDocument(text, opts.kind ?? 'config', { target: opts.target ?? 'redis-7.4', profile: 'production' });
  return completionsAt(a, position, { path: '/etc/redis/redis.conf', source: memoryFiles(opts.files ?? {}) });
}

test('directive names at the start of a line, documented, for the target only', () => {
  const items = complete('maxmem$0');
  const maxmemory = items.find((i) => i.label === 'maxmemory');
  assert.ok(maxmemory?.documentation);
  assert.deepEqual(maxmemory?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  assert.ok(items.some((i) => i.label === 'enable-debug-command'));
  assert.ok(!complete('$0', { target: 'redis-6.2' }).some((i) => i.label === 'enable-debug-command'));
  assert.ok(!items.some((i) => i.label === 'list-max-ziplist-entries'), 'ignored names are not offered');
  // Valkey 9.1's own settings, documented, and only there; a pragma picks the version.
  const valkey91 = complete('# redis-config: target=valkey-9.1\nhash-$0');
  assert.ok(valkey91.find((i) => i.label === 'hash-seed')?.documentation);
  assert.ok(!complete('hash-$0', { target: 'valkey-8.1' }).some((i) => i.label === 'hash-seed'));
  assert.ok(!complete('io-threads-do-$0', { target: 'redis-8.0' }).some((i) => i.label === 'io-threads-do-reads'), 'accepted-and-ignored in 8.0: not offered');
});

test('already-set directives rank lower, old names lowest and tagged deprecated', () => {
  const items = complete('maxmemory 1gb\n$0');
  const sort = (l: string): string => items.find((i) => i.label === l)?.sortText ?? '';
  assert.ok(sort('maxmemory') > sort('maxmemory-policy'));
  assert.ok(items.find((i) => i.label === 'slave-read-only')?.deprecated);
  assert.ok(sort('slave-read-only') > sort('maxmemory'));
});

test('values by type: yes/no, enum values with the default first, memory units', () => {
  assert.deepEqual(complete('appendonly $0').map((i) => i.label), ['yes', 'no']);
  const policies = complete('maxmemory-policy $0');
  assert.ok(policies.some((i) => i.label === 'allkeys-lru'));
  assert.equal(policies.find((i) => i.documentation === 'the default')?.label, 'noeviction');
  assert.deepEqual(complete('maxmemory 512$0').map((i) => i.label), ['512mb', '512gb', '512kb', '512b']);
  assert.deepEqual(complete('timeout 1$0'), []);
  assert.deepEqual(complete('# maxmem$0'), []);
});

test('sentinel sub-directives and file paths', () => {
  assert.ok(complete('sentinel $0', { kind: 'sentinel' }).some((i) => i.label === 'monitor'));
  const files = complete('include conf.d/$0', { files: { '/etc/redis/conf.d/a.conf': '', '/etc/redis/conf.d/b.conf': '' } });
  assert.deepEqual(files.map((i) => i.label), ['conf.d/a.conf', 'conf.d/b.conf']);
});

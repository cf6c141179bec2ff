import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/analysis/hover';
import type { DocumentKind, Settings } from '../../server/src/analysis/types';
import { directiveDocs } from '../../server/src/knowledge/directiveDocs';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

/** Hover at the `$0` marker; returns the markdown, or undefined. */
function hover(marked: string, settings: Partial<Settings> = {}, kind: DocumentKind = 'config'): string | undefined {
  const offset = marked.indexOf('$0');
  const text = marked.replace('$0', '');
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: (before.at(-1) ?? '').length };
  const s = { ...DEFAULT_SETTINGS, ...(settings.target ? { targetIsDefault: false } : {}), ...settings };
  return hoverAt(analyzeDocument(text, kind, s), position)?.markdown;
}

test('hover on a directive name shows our documentation and its facts', () => {
  const md = hover('bind 127.0.0.1\nmax$0memory 100mb\n');
  assert.ok(md?.startsWith('**maxmemory**'));
  assert.ok(md?.includes(directiveDocs.maxmemory?.summary ?? '<missing>'));
  assert.match(md ?? '', /Default: `0`/);
});

test('hover works at both ends of the name and in any case', () => {
  assert.ok(hover('$0MAXMEMORY 1gb')?.startsWith('**maxmemory**'));
  assert.ok(hover('maxmemory$0 1gb')?.startsWith('**maxmemory**'));
});

test('no hover on values, comments, blank space or ACL files (yet)', () => {
  assert.equal(hover('maxmemory 1$0gb'), undefined);
  assert.equal(hover('# max$0memory'), undefined);
  assert.equal(hover('maxmemory 1gb\n$0\n'), undefined);
  assert.equal(hover('user$0 bob on', {}, 'acl'), undefined);
});

test('an enum directive lists its values; a runtime-fixed one says so', () => {
  const md = hover('maxmemory-poli$0cy allkeys-lru') ?? '';
  assert.match(md, /`allkeys-lru`/);
  assert.match(md, /`noeviction`/);
  assert.match(hover('daemon$0ize no') ?? '', /CONFIG SET` cannot change it/);
});

test('an alias names its primary', () => {
  assert.match(hover('slave-read$0-only yes') ?? '', /older name of `replica-read-only`/);
});

test('a directive of another version says where it exists', () => {
  const md = hover('enable-debug$0-command local', { target: 'redis-6.2' }) ?? '';
  assert.match(md, /Not available in Redis 6\.2/);
});

test('unknown names have no hover; module settings explain themselves', () => {
  assert.equal(hover('bogus$0 1'), undefined);
  assert.match(hover('mymod.opt$0ion 5') ?? '', /module/);
});

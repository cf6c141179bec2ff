/** The server's record of which open documents include which files (lsp/includedBy.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IncludedBy } from '../../server/src/lsp/includedBy';

const A = 'file:///srv/a.conf';
const B = 'file:///srv/b.conf';
const SHARED = 'file:///srv/shared.conf';

test('the same includer decides whichever document was analysed first', () => {
  const one = new IncludedBy();
  one.set(A, 'redis-7.0', new Set([SHARED]));
  one.set(B, 'valkey-8.1', new Set([SHARED]));
  const other = new IncludedBy();
  other.set(B, 'valkey-8.1', new Set([SHARED]));
  other.set(A, 'redis-7.0', new Set([SHARED]));
  assert.deepEqual(one.of(SHARED), { includer: A, target: 'redis-7.0' });
  assert.deepEqual(other.of(SHARED), one.of(SHARED));
});

test('closing an includer hands the file to the next one, and the last close forgets it', () => {
  const r = new IncludedBy();
  r.set(A, 'redis-7.0', new Set([SHARED]));
  r.set(B, 'valkey-8.1', new Set([SHARED]));
  assert.deepEqual(r.delete(A), [SHARED]);
  assert.deepEqual(r.of(SHARED), { includer: B, target: 'valkey-8.1' });
  assert.deepEqual(r.delete(B), [SHARED]);
  assert.equal(r.of(SHARED), undefined);
  assert.deepEqual(r.delete(B), []);
});

test('set reports the files whose includer or target changed, and only those', () => {
  const r = new IncludedBy();
  assert.deepEqual(r.set(A, 'redis-7.0', new Set([SHARED])), [SHARED]);
  assert.deepEqual(r.set(A, 'redis-7.0', new Set([SHARED])), []);
  assert.deepEqual(r.set(A, 'redis-8.0', new Set([SHARED])), [SHARED]);
  // B includes it too, but A (the smaller URI) still decides: nothing changes for the file.
  assert.deepEqual(r.set(B, 'valkey-8.1', new Set([SHARED])), []);
  // A no longer includes it: B decides now.
  assert.deepEqual(r.set(A, 'redis-8.0', new Set()), [SHARED]);
  assert.deepEqual(r.of(SHARED), { includer: B, target: 'valkey-8.1' });
});

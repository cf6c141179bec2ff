import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentKindFor, documentKindFromPath } from '../../server/src/analysis/documentKind';

// [file name or URI, language id the editor sent, kind we read it as]
const TABLE: readonly [string, string | undefined, string][] = [
  // A telling name wins over any id.
  ['file:///etc/redis/users.acl', 'redis-conf', 'acl'],
  ['file:///etc/redis/users.acl', 'conf', 'acl'],
  ['file:///etc/redis/users.acl', undefined, 'acl'],
  ['file:///etc/redis/my%20users.ACL', 'plaintext', 'acl'],
  ['file:///etc/redis/sentinel.conf', 'redis-conf', 'sentinel'],
  ['file:///etc/redis/sentinel-26379.conf', 'redis-acl', 'sentinel'],
  ['file:///etc/redis/redis-sentinel.conf', 'conf', 'sentinel'],
  ['file:///etc/redis/redis.conf', 'redis-acl', 'config'],
  ['file:///etc/valkey/valkey.conf', 'redis-acl', 'config'],
  ['file:///srv/cache.redis.conf', 'redis-acl', 'config'],
  // A generic name: the id decides between ACL and config.
  ['file:///srv/app.conf', 'redis-acl', 'acl'],
  ['file:///srv/app.conf', 'redis-conf', 'config'],
  ['untitled:Untitled-1', 'redis-acl', 'acl'],
  ['untitled:Untitled-1', 'redis-conf', 'config'],
  ['file:///srv/users', 'redis-acl', 'acl'],
  // ... and a name with `sentinel` still reads as Sentinel unless the id says ACL.
  ['file:///srv/my-sentinel', 'redis-conf', 'sentinel'],
  ['file:///srv/my-sentinel', 'redis-acl', 'acl'],
];

test('a telling file name wins over the language id; a generic one leaves it to the id', () => {
  for (const [path, id, kind] of TABLE) assert.equal(documentKindFor(id, path), kind, `${path} sent as ${id}`);
});

test('the CLI reads kinds from names alone', () => {
  assert.equal(documentKindFromPath('/etc/redis/users.acl'), 'acl');
  assert.equal(documentKindFromPath('deploy/sentinel.conf'), 'sentinel');
  assert.equal(documentKindFromPath('deploy/redis.conf'), 'config');
  assert.equal(documentKindFromPath('deploy/app.conf'), 'config');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf } from '../support/check';
import { messages } from '../../server/src/analysis/messages';

const ONLY = { codes: ['duplicate-directive', 'module-config-without-loadmodule', 'replicaof-in-cluster'] };

test('a repeated single-value directive: the earlier line is overridden', () => {
  check('bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory 2gb\n', ['2:1 warning duplicate-directive'], ONLY);
  const [f] = findingsOf('bind 127.0.0.1\nmaxmemory 1gb\nmaxmemory 2gb\n').filter((x) => x.code === 'duplicate-directive');
  assert.equal(f?.message, messages.duplicateDirective('maxmemory', 'line 3'));
  assert.deepEqual(f?.tags, ['unnecessary']);
  assert.deepEqual(f?.related?.[0]?.range.start, { line: 2, character: 0 });
});

test('an alias and its primary share one value', () => {
  check('bind 127.0.0.1\nslave-read-only no\nreplica-read-only yes\n', ['2:1 warning duplicate-directive'], ONLY);
});

test('additive directives are never duplicates', () => {
  check('bind 127.0.0.1\nsave 900 1\nsave 300 10\ninclude a.conf\ninclude b.conf\nclient-output-buffer-limit normal 0 0 0\nclient-output-buffer-limit pubsub 32mb 8mb 60\nrename-command A B\nrename-command C D\nuser a on\nuser b on\n', [], ONLY);
});

test('each repeated bind replaces the previous list', () => {
  check('bind 127.0.0.1\nbind 10.0.0.1\n', ['1:1 warning duplicate-directive'], ONLY);
});

test('module settings need a loadmodule', () => {
  check('bind 127.0.0.1\nmymod.option 5\n', ['2:1 error module-config-without-loadmodule'], ONLY);
  check('bind 127.0.0.1\nloadmodule /m.so\nmymod.option 5\n', [], ONLY);
});

test('replicaof in cluster mode', () => {
  check('bind 127.0.0.1\ncluster-enabled yes\nreplicaof 127.0.0.1 6379\n', ['3:1 error replicaof-in-cluster'], ONLY);
  check('bind 127.0.0.1\ncluster-enabled no\nreplicaof 127.0.0.1 6379\n', [], ONLY);
  check('bind 127.0.0.1\ncluster-enabled yes\nreplicaof no one\n', [], ONLY);
});

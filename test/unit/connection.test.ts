import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { connectionFacts, connectionSnippet, passwordVariable } from '../../server/src/analysis/connection';
import { hoverAt } from '../../server/src/analysis/hover';

const S = { target: 'redis-7.4', profile: 'production' } as const;
const TLS =
  'bind 10.0.0.5\nport 0\ntls-port 6380\ntls-cert-file a.crt\ntls-key-file a.key\ntls-ca-cert-file ca.crt\nuser default off\nuser app on >secret-pw ~app:* +@read\n';

test('connection facts follow the config: host, TLS port, client certificates, users', () => {
  assert.deepEqual(connectionFacts(analyzeDocument(TLS, 'config', S)), {
    host: '10.0.0.5',
    port: 6380,
    tls: true,
    clientCert: true,
    users: ['default', 'app'],
  });
  assert.deepEqual(connectionFacts(analyzeDocument('bind 127.0.0.1\nport 7000\n', 'config', S)), {
    host: '127.0.0.1',
    port: 7000,
    tls: false,
    clientCert: false,
    users: [],
  });
});

test('snippets read the password from the environment and never inline it', () => {
  const facts = connectionFacts(analyzeDocument(TLS, 'config', S));
  const py = connectionSnippet(facts, 'app', 'redis-py');
  assert.match(py, /username="app"/);
  assert.match(py, /password=os\.environ\["REDIS_APP_PASSWORD"\]/);
  assert.match(py, /ssl=True/);
  assert.match(py, /ssl_certfile=/);
  assert.match(connectionSnippet(facts, 'app', 'node-redis'), /password: process\.env\.REDIS_APP_PASSWORD/);
  assert.match(connectionSnippet(facts, 'app', 'ioredis'), /tls: \{ ca:/);
  for (const lib of ['redis-py', 'node-redis', 'ioredis'] as const) assert.ok(!connectionSnippet(facts, 'app', lib).includes('secret-pw'));
  assert.equal(passwordVariable('my-app.v2'), 'REDIS_MY_APP_V2_PASSWORD');
});

test('hover on a user name shows how to connect as that user', () => {
  const a = analyzeDocument(TLS, 'config', S);
  const md = hoverAt(a, { line: 7, character: 6 })?.markdown ?? '';
  assert.match(md, /Connecting as `app`/);
  assert.ok(!md.includes('secret-pw'));
});

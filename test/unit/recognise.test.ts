import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseRedisConfig } from '../../server/src/analysis/recognise';

const EXAMPLES = join(__dirname, '../../examples');

test('a target pragma in the first lines settles it', () => {
  assert.equal(recogniseRedisConfig('# redis-config: target=redis-7.0\nfoo=bar\n'), 'pragma');
  assert.equal(recogniseRedisConfig(`${'# filler\n'.repeat(1000)}# redis-config: target=redis-7.0\n`), undefined, 'beyond the first 4 KB');
});

test('the bundled examples are recognised by their directives, whatever their names', () => {
  const files = ['insecure', 'hardened/standalone', 'hardened/replica', 'hardened/cluster-node', 'hardened/tls-only', 'hardened/sentinel'].flatMap((d) =>
    readdirSync(join(EXAMPLES, d))
      .filter((f) => f.endsWith('.conf'))
      .map((f) => join(EXAMPLES, d, f)),
  );
  assert.ok(files.length >= 8);
  for (const f of files) assert.ok(recogniseRedisConfig(readFileSync(f, 'utf8')), f);
});

test('other programs’ .conf and .properties files are not', () => {
  const others = [
    // Java properties
    'server.port=8080\nspring.datasource.url=jdbc:h2:mem:db\nlogging.level.root=INFO\n',
    'port: 8080\ntimeout: 30\nbind: 0.0.0.0\n',
    'port = 5432\ntimeout = 30\nbind = 0.0.0.0\nmax_connections = 100\n',
    // nginx
    'worker_processes 1;\nevents { worker_connections 1024; }\nhttp {\n  server { listen 80; }\n}\n',
    // a file that happens to use two of the names
    'port 22\ntimeout 30\nPermitRootLogin no\nPasswordAuthentication no\nX11Forwarding no\n',
    '',
  ];
  for (const text of others) assert.equal(recogniseRedisConfig(text), undefined, text);
});

test('a minimal Redis config is enough', () => {
  assert.equal(recogniseRedisConfig('# my cache\nbind 127.0.0.1\nport 6380\nmaxmemory 1gb\n'), 'directives');
  assert.equal(recogniseRedisConfig('port 26379\nsentinel monitor m 10.0.0.1 6379 2\nsentinel down-after-milliseconds m 5000\ndir /tmp\n'), 'directives');
});

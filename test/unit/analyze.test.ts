/**
 * The pipeline: an analysis that starts from the analysis of an earlier version of the
 * document (as the server runs it while the user types) finds exactly what an analysis
 * from scratch finds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeDocument, type Analysis } from '../../server/src/analysis/analyze';
import type { DocumentKind } from '../../server/src/analysis/types';
import { TARGETS } from '../../server/src/knowledge/types';

const EXAMPLE = readFileSync(join(__dirname, '../../examples/insecure/redis.conf'), 'utf8');

const pieces = fc.constantFrom(
  'port 6379',
  'port 0',
  'save 60 1',
  'hz 1000',
  'maxmemory 1g',
  'bind 0.0.0.0',
  'requirepass short',
  'user bob on >pw ~* +@all',
  'rename-command FLUSHALL ""',
  'proc-title-template "{title}"',
  'unixsocket /tmp/r.sock',
  'cluster-enabled yes',
  'sentinel monitor m 1.2.3.4 6379 2',
  'slaveof 1.2.3.4 6379',
  'maxmemroy 1gb',
  'x',
  'mod.opt 1',
  'loadmodule /m.so',
  '# comment',
  '# redis-config-disable-next-line unknown-directive',
  '# redis-config: target=redis-6.2',
  'timeout 0 # trailing',
  'x "y',
  '"a"b',
  '\r',
  '\0',
  '\n',
  '\n',
  '\n',
  ' ',
);
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.array(pieces, { maxLength: 3 }).map((a) => a.join('\n')) });

function findings(a: Analysis): string {
  return JSON.stringify(a.findings);
}

test('an analysis that reuses the one of an earlier version finds what one from scratch finds', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.constant(EXAMPLE),
        fc.array(pieces, { maxLength: 25 }).map((a) => a.join('\n')),
      ),
      fc.array(edit, { minLength: 1, maxLength: 5 }),
      fc.constantFrom<DocumentKind>('config', 'sentinel'),
      fc.constantFrom(...TARGETS),
      (base, edits, kind, target) => {
        const settings = { target, profile: 'production' as const };
        let text = base;
        let previous = analyzeDocument(text, kind, settings);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const incremental = analyzeDocument(text, kind, settings, {}, previous);
          assert.equal(findings(incremental), findings(analyzeDocument(text, kind, settings)));
          previous = incremental;
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('the analysis of another target or kind is not reused for its line checks', () => {
  const text = 'maxmemory-clients 10%\n';
  const old = analyzeDocument(text, 'config', { target: 'redis-7.4', profile: 'production' });
  const again = analyzeDocument(text, 'config', { target: 'redis-6.2', profile: 'production' }, {}, old);
  assert.equal(findings(again), findings(analyzeDocument(text, 'config', { target: 'redis-6.2', profile: 'production' })));
  assert.ok(again.findings.some((f) => f.code === 'unsupported-in-version'));
});

test('a loadmodule line added after an unknown name changes what is said of the name', () => {
  // Redis 8.0 leaves unknown names to the modules: with one loaded, the name may be declared.
  const settings = { target: 'redis-8.0' as const, profile: 'production' as const };
  const before = 'foo 1\nport 6379\n';
  const after = `${before}loadmodule /opt/m.so\n`;
  const again = analyzeDocument(after, 'config', settings, {}, analyzeDocument(before, 'config', settings));
  assert.equal(findings(again), findings(analyzeDocument(after, 'config', settings)));
  assert.equal(again.findings.find((f) => f.code === 'unknown-directive')?.severity, 'warning');
});

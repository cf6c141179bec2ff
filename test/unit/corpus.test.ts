/**
 * The official default configs of every version must raise no error for their own
 * version (apart from the exposure a stock sentinel.conf really has): a linter that cries
 * wolf on the stock file is not trusted on yours.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/knowledge/rules';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { documentKindFromPath } from '../../server/src/analysis/documentKind';
import type { TargetId } from '../../server/src/knowledge/types';
import { sharedPath } from '../support/shared';

const corpus = sharedPath('corpus', 'official');

/** `redis-7.2.conf` → redis-7.2; `sentinel-7.0.conf` → redis-7.0; `valkey-sentinel-8.0.conf` → valkey-8.0. */
function targetOf(file: string): TargetId {
  const m = /^(valkey-)?(?:sentinel-|redis-)?(\d+\.\d+)\.conf$/.exec(file.replace(/^valkey-sentinel-/, 'valkey-'));
  if (!m) throw new Error(`cannot tell the version of ${file}`);
  return `${m[1] ? 'valkey' : 'redis'}-${m[2]}` as TargetId;
}

test('official configs raise no error for their own version', { skip: corpus ? false : 'no ../shared/corpus/official' }, () => {
  const files = readdirSync(corpus as string).filter((f) => f.endsWith('.conf'));
  assert.ok(files.length >= 10);
  for (const file of files) {
    const target = targetOf(file);
    const text = readFileSync(join(corpus as string, file), 'utf8');
    // Stock sentinel.conf files are open to the network (no password, protected mode off):
    // those security errors are true; every other error would be ours.
    const exposed = (code: string): boolean => (RULES[code as keyof typeof RULES] as { exposure?: boolean }).exposure === true;
    const errors = analyzeDocument(text, documentKindFromPath(file), { target, profile: 'production' }).findings.filter(
      (f) => f.severity === 'error' && !exposed(f.code),
    );
    assert.deepEqual(
      errors.map((e) => `${file}:${e.range.start.line + 1} ${e.code} ${e.message}`),
      [],
      `${file} as ${target}`,
    );
  }
});

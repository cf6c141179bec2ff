/**
 * The example corpora: hardened configs raise no warning or error; insecure ones raise
 * exactly the findings recorded in a snapshot; and the official default configs of every
 * version raise the findings we expect of a stock file (snapshot too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { documentKindFromPath } from '../../server/src/analysis/documentKind';
import type { Finding } from '../../server/src/analysis/types';
import type { TargetId } from '../../server/src/knowledge/types';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { diskFileSource } from '../../server/src/io/fileSource';
import { sharedPath } from '../support/shared';
import { matchSnapshot } from '../support/snapshot';

const ROOT = resolve(__dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');
const SNAPSHOTS = join(ROOT, 'test/fixtures/snapshots');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(conf|acl)$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

function analyse(path: string, target?: TargetId): readonly Finding[] {
  const settings = target ? { ...DEFAULT_SETTINGS, target, targetIsDefault: false } : DEFAULT_SETTINGS;
  return analyzeDocument(readFileSync(path, 'utf8'), documentKindFromPath(path), settings, { path, source: diskFileSource() }).findings;
}

function lines(root: string, path: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${relative(root, path)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}`);
}

test('hardened examples raise no warning or error', () => {
  const files = filesUnder(join(EXAMPLES, 'hardened'));
  assert.ok(files.length >= 6);
  for (const file of files) {
    const loud = analyse(file).filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(lines(EXAMPLES, file, loud), [], file);
  }
});

test('insecure examples raise exactly the recorded findings', () => {
  const out = filesUnder(join(EXAMPLES, 'insecure')).flatMap((file) => lines(EXAMPLES, file, analyse(file)));
  matchSnapshot(join(SNAPSHOTS, 'insecure-examples.txt'), `${out.join('\n')}\n`);
});

const corpus = sharedPath('corpus', 'official');

test('official default configs raise the findings we expect of a stock file', { skip: corpus ? false : 'no ../shared/corpus/official' }, () => {
  const out: string[] = [];
  for (const file of filesUnder(corpus as string)) {
    const name = file.split('/').pop() as string;
    const m = /^(valkey-)?(?:sentinel-)?(?:redis-)?(\d+\.\d+)\.conf$/.exec(name.replace(/^valkey-sentinel-/, 'valkey-'));
    const target = `${m?.[1] ? 'valkey' : 'redis'}-${m?.[2]}` as TargetId;
    out.push(...lines(corpus as string, file, analyse(file, target)));
  }
  matchSnapshot(join(SNAPSHOTS, 'official-configs.txt'), `${out.join('\n')}\n`);
});

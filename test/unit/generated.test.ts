/**
 * The generated files against the digests their generators record (scripts/writeGenerated.mjs):
 * runs in a fresh clone, without the reference facts the generators read. A generated file
 * edited by hand, or a generator changed without regenerating, fails here; with the facts at
 * hand, the `--check` tests of knowledge, commands and liveFacts also regenerate and compare.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs module of the build scripts, without type declarations
import { DIGESTS, generatorDigest, outputDigest } from '../../scripts/writeGenerated.mjs';

interface Digest {
  readonly generator: string;
  readonly inputs: string;
  readonly generatorCode: string;
  readonly output: string;
}

const ROOT = join(__dirname, '..', '..');
const digests = JSON.parse(readFileSync(join(ROOT, DIGESTS as string), 'utf8')) as Record<string, Digest>;

test('every generator has its digest', () => {
  assert.deepEqual(
    Object.values(digests)
      .map((d) => d.generator)
      .sort(),
    ['scripts/extract-live-facts.mjs', 'scripts/generate-commands.mjs', 'scripts/generate-knowledge.mjs'],
  );
});

for (const [file, digest] of Object.entries(digests)) {
  test(`${file} is what ${digest.generator} wrote, and the generator has not changed since`, () => {
    assert.equal(
      (outputDigest as (t: string) => string)(readFileSync(join(ROOT, file), 'utf8')),
      digest.output,
      `${file} was edited by hand: run node ${digest.generator}`,
    );
    assert.equal((generatorDigest as (p: string) => string)(join(ROOT, digest.generator)), digest.generatorCode, `${digest.generator} changed: run it again`);
  });
}

// Shared tail of the generators: write a generated file, or with --check fail when the
// committed copy differs from what the facts generate. Each write also records, in
// server/src/knowledge/generated/digests.json, the SHA-256 of the inputs read (through
// readInput), of the generator and of the output: a fresh clone without the inputs can still
// tell a hand-edited output or a generator changed without regenerating (test/unit/generated.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const inputs = [];

/** Reads an input of the generator, and remembers it for the digest. */
export function readInput(path) {
  const text = readFileSync(path, 'utf8');
  inputs.push(text);
  return text;
}

const sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** The generator's own code: the script that runs, this file and the list of reference files (scripts/data/reference-files.json). */
export function generatorDigest(script) {
  const code = (path) => readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  const here = fileURLToPath(import.meta.url);
  return sha256(code(script), code(here), code(join(dirname(here), 'data', 'reference-files.json')));
}

export function outputDigest(text) {
  return sha256(text);
}

export const DIGESTS = 'server/src/knowledge/generated/digests.json';

export function writeOrCheck(root, out, body, regenerate, summary) {
  mkdirSync(dirname(out), { recursive: true });
  const script = resolve(process.argv[1]);
  const entry = {
    generator: relative(root, script).replace(/\\/g, '/'),
    inputs: sha256(...inputs),
    generatorCode: generatorDigest(script),
    output: outputDigest(body),
  };
  const digestFile = join(root, DIGESTS);
  const digests = existsSync(digestFile) ? JSON.parse(readFileSync(digestFile, 'utf8')) : {};
  const key = relative(root, out).replace(/\\/g, '/');
  if (process.argv.includes('--check')) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== body || JSON.stringify(digests[key]) !== JSON.stringify(entry)) {
      console.error(`${key} is stale: run ${regenerate}`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(out, body);
  digests[key] = entry;
  const sorted = Object.fromEntries(
    Object.keys(digests)
      .sort()
      .map((k) => [k, digests[k]]),
  );
  writeFileSync(digestFile, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`wrote ${out}: ${summary}`);
}

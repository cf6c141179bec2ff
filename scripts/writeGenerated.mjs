// Shared tail of the generators: write a generated file, or with --check fail when the
// committed copy differs from what the facts generate.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';

export function writeOrCheck(root, out, body, regenerate, summary) {
  mkdirSync(dirname(out), { recursive: true });
  if (process.argv.includes('--check')) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current !== body) {
      console.error(`${relative(root, out)} is stale: run ${regenerate}`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(out, body);
  console.log(`wrote ${out}: ${summary}`);
}

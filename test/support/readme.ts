/** The README's recipes, so tests run them exactly as written. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The fenced code block right after `<!-- marker -->`. */
export function readmeBlock(marker: string): string {
  const at = README.indexOf(`<!-- ${marker} -->`);
  if (at < 0) throw new Error(`README.md has no <!-- ${marker} --> marker`);
  const m = /```[a-z]*\n([\s\S]*?)```/.exec(README.slice(at));
  if (!m) throw new Error(`no code block after <!-- ${marker} -->`);
  return m[1] ?? '';
}

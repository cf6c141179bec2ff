/** The texts the benchmark feeds the server and the analysis. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SETTINGS = { target: 'redis-7.4', profile: 'production' } as const;

/** The largest official redis.conf of the shared corpus, or a file of its size and shape without it. */
export function stockConfig(root: string): { name: string; text: string } {
  const corpus = join(root, '../shared/corpus/official');
  if (existsSync(corpus)) {
    const files = readdirSync(corpus)
      .filter((f) => f.startsWith('redis-') && f.endsWith('.conf'))
      .map((f) => ({ f, size: statSync(join(corpus, f)).size }))
      .sort((a, b) => b.size - a.size);
    const top = files[0];
    if (top) return { name: top.f, text: readFileSync(join(corpus, top.f), 'utf8') };
  }
  // Without the corpus: mostly comments with some directives, as the stock file is.
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < 110_000; i++) {
    const line = i % 12 === 0 ? `maxmemory-samples ${i % 10}` : i % 12 === 1 ? '' : `# explanatory comment line number ${i} about some setting`;
    lines.push(line);
    size += line.length + 1;
  }
  return { name: 'generated (110 kB)', text: lines.join('\n') };
}

/** `base` repeated up to `size` characters, cut at a line break: a large file of the shape of a real one. */
export function scaled(base: string, size: number): string {
  const unit = base.endsWith('\n') ? base : `${base}\n`;
  const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const cut = text.lastIndexOf('\n') + 1;
  return cut > 0 ? text.slice(0, cut) : text;
}

/** `line` repeated up to `size` characters: the densest inputs, a finding (or more) on every short line. */
export function dense(line: string, size: number): string {
  return `${line}\n`.repeat(Math.floor(size / (line.length + 1)));
}

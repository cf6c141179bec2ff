/**
 * Per-edit cost of the incremental analysis, in process: `analyzeDocument(text, ..., previous)`
 * for edits of several kinds on the stock redis.conf, each undone by the next edit.
 */
import { analyzeDocument, type Analysis } from '../server/src/analysis/analyze';
import type { FileSource } from '../server/src/analysis/configModel';
import { SETTINGS, stockConfig } from './inputs';

/** An edit and its undo: the text alternates between `base` and `edited`. */
export interface EditKind {
  readonly name: string;
  readonly edited: (base: string) => string;
}

function at(base: string, needle: string): number {
  const i = base.indexOf(needle);
  if (i < 0) throw new Error(`bench input lacks ${JSON.stringify(needle)}`);
  return i;
}

export const EDIT_KINDS: readonly EditKind[] = [
  { name: 'x on the last line', edited: (b) => `${b}x` },
  {
    name: 'a letter in a middle comment',
    edited: (b) => {
      const mid = b.indexOf('\n#', b.length >> 1) + 3;
      return `${b.slice(0, mid)}a${b.slice(mid)}`;
    },
  },
  {
    name: 'a value in the middle',
    edited: (b) => {
      const i = at(b, '\nacllog-max-len 128') + '\nacllog-max-len 12'.length;
      return `${b.slice(0, i)}9${b.slice(i + 1)}`;
    },
  },
  {
    name: 'a line added in the middle',
    edited: (b) => {
      const i = b.indexOf('\n', b.length >> 1) + 1;
      return `${b.slice(0, i)}maxmemory 2gb\n${b.slice(i)}`;
    },
  },
];

const source: FileSource = { read: () => undefined, glob: () => [] };

/** Milliseconds per edit (median of `edits`) for one kind. */
export function perEdit(base: string, kind: EditKind, edits: number): { p50: number; p99: number } {
  const edited = kind.edited(base);
  const context = { path: '/bench/redis.conf', source };
  let previous: Analysis = analyzeDocument(base, 'config', SETTINGS, context);
  const times: number[] = [];
  for (let v = 0; v < edits; v++) {
    const text = v % 2 === 0 ? edited : base;
    const t = performance.now();
    previous = analyzeDocument(text, 'config', SETTINGS, context, previous);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)] as number, p99: times[Math.floor(times.length * 0.99)] as number };
}

export function incrSection(root: string, edits = 2000): void {
  const { name, text } = stockConfig(root);
  console.log(`\nPer-edit analysis time on ${name} (${edits} edits each, in process):`);
  for (const kind of EDIT_KINDS) {
    const { p50, p99 } = perEdit(text, kind, edits);
    console.log(`  ${kind.name.padEnd(32)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms`);
  }
}

/** Cursor-marker fixtures: `$0` in a text marks a position. */
import type { Position } from '../../server/src/analysis/types';

export function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('$0');
  if (offset < 0) throw new Error('no $0 marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
}

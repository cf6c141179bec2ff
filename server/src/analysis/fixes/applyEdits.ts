/**
 * Applies text edits to a text. Edits are given in LSP positions of the original text and
 * must not overlap; overlapping ones (after the first) are skipped and reported.
 */
import { LineIndex } from '../../syntax/text';
import type { TextEdit } from './types';

export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: number } {
  const index = new LineIndex(text);
  const spans = edits
    .map((e, order) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let at = 0;
  let skipped = 0;
  for (const s of spans) {
    if (s.start < at) {
      skipped++;
      continue;
    }
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return { text: out + text.slice(at), skipped };
}

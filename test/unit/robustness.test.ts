/**
 * Whatever the text, the readers and every diagnostic return without throwing, and every
 * range lies inside the document as an editor counts it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { hoverAt } from '../../server/src/analysis/hover';
import { completionsAt } from '../../server/src/analysis/completion';
import { definitionAt } from '../../server/src/analysis/definition';
import { fixAll, fixesFor } from '../../server/src/analysis/fixes';
import { inlayHints } from '../../server/src/analysis/inlayHints';
import { fileLinks } from '../../server/src/analysis/links';
import { userReferencesAt } from '../../server/src/analysis/references';
import { encodeSemanticTokens, semanticTokens } from '../../server/src/analysis/semanticTokens';
import { documentSymbols, foldingRanges } from '../../server/src/analysis/symbols';
import type { DocumentKind, Range } from '../../server/src/analysis/types';
import { TARGETS } from '../../server/src/knowledge/types';
import { PIECES } from '../support/fuzzing';

/** The fuzzing run's pieces that matter to the readers, plus anything at all. */
const interesting = fc.constantFrom(...PIECES);
const text = fc.oneof(
  fc.array(fc.oneof(interesting, fc.string(), fc.string({ unit: 'binary' })), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
);
const kind = fc.constantFrom<DocumentKind>('config', 'sentinel', 'acl');

function assertInside(doc: TextDocument, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < doc.lineCount, `${what}: line ${p.line} outside 0..${doc.lineCount - 1}`);
    const lineText = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
    assert.ok(p.character >= 0 && p.character <= lineText.length, `${what}: character ${p.character} outside line ${p.line} of length ${lineText.length}`);
    // The position must map to itself: it is not inside a line break.
    assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: position ${JSON.stringify(p)} does not round-trip`);
  }
  assert.ok(doc.offsetAt(range.start) <= doc.offsetAt(range.end), `${what}: range ends before it starts`);
}

test('readers and diagnostics never throw and keep ranges inside the document', () => {
  fc.assert(
    fc.property(text, kind, fc.constantFrom(...TARGETS), fc.constantFrom('production' as const, 'development' as const), (t, k, target, profile) => {
      const doc = TextDocument.create('file:///x', 'redis-conf', 1, t);
      const analysis = analyzeDocument(t, k, { target, profile });
      for (const f of analysis.findings) {
        assertInside(doc, f.range, f.code);
        assert.ok(f.message.length > 0);
      }
      if (analysis.kind !== 'acl') {
        for (const d of analysis.tree.directives) for (const tok of d.tokens) assertInside(doc, tok.range, 'token');
      }
      for (let line = 0; line < Math.min(doc.lineCount, 5); line++) {
        for (const character of [0, 1, 3, 100]) {
          const position = { line, character };
          const h = hoverAt(analysis, position);
          if (h) assertInside(doc, h.range, 'hover');
          for (const c of completionsAt(analysis, position)) assertInside(doc, c.range, 'completion');
          const def = definitionAt(analysis, position, '/x/redis.conf');
          if (def && def.file === undefined) assertInside(doc, def.range, 'definition');
          for (const r of userReferencesAt(analysis, position)) if (r.file === undefined) assertInside(doc, r.range, 'reference');
        }
      }
      // Every other feature on the same input: no throw, ranges inside.
      for (const sym of documentSymbols(analysis)) assertInside(doc, sym.range, 'symbol');
      for (const f of foldingRanges(analysis)) assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineCount);
      for (const hint of inlayHints(analysis)) assertInside(doc, { start: hint.position, end: hint.position }, 'inlay');
      for (const l of fileLinks(analysis, '/x/redis.conf')) assertInside(doc, l.range, 'link');
      encodeSemanticTokens(semanticTokens(analysis));
      for (const f of analysis.findings)
        for (const fix of fixesFor(analysis, f))
          for (const e of fix.edits) if (e.file === undefined) for (const edit of e.edits) assertInside(doc, edit.range, `fix ${fix.title}`);
      for (const e of fixAll(analysis).edits) assertInside(doc, e.range, 'fix all');
    }),
    { numRuns: 2000 },
  );
});

test('very long lines and many lines are handled', () => {
  const long = `masteruser ${'x'.repeat(200_000)}\n`;
  const many = 'port 6379\n'.repeat(50_000);
  const quotes = `requirepass "${'\\x41'.repeat(50_000)}`;
  for (const t of [long, many, quotes, '\r'.repeat(10_000), '\0'.repeat(10_000)]) {
    const doc = TextDocument.create('file:///x', 'redis-conf', 1, t);
    for (const k of ['config', 'acl'] as const) {
      for (const f of analyzeDocument(t, k, { target: 'redis-7.0', profile: 'production' }).findings) assertInside(doc, f.range, f.code);
    }
  }
});

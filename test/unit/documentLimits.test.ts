/**
 * The line bound of the analysis (analyze.ts): a file of many short lines is analysed up to a
 * number of lines that follows the size limit, with a notice that says so, even when it is
 * under the size limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, CHARACTERS_PER_LINE_LIMIT, DEFAULT_MAX_DOCUMENT_SIZE } from '../../server/src/analysis/analyze';
import { messages } from '../../server/src/analysis/messages';

const SETTINGS = { target: 'redis-7.4', profile: 'production' } as const;
const LINE_LIMIT = DEFAULT_MAX_DOCUMENT_SIZE / CHARACTERS_PER_LINE_LIMIT;

test('a file of short lines under the size limit is checked up to the line limit, with a notice', () => {
  const text = 'maxmemroy 1\n'.repeat(LINE_LIMIT + 5);
  assert.ok(text.length < DEFAULT_MAX_DOCUMENT_SIZE);
  const a = analyzeDocument(text, 'config', SETTINGS);
  const notices = a.findings.filter((f) => f.code === 'document-too-large');
  assert.equal(notices.length, 1);
  assert.equal(notices[0]?.message, messages.documentTooLong(LINE_LIMIT, DEFAULT_MAX_DOCUMENT_SIZE, (1024 * 1024) / CHARACTERS_PER_LINE_LIMIT));
  assert.equal(notices[0]?.data?.checkedLines, LINE_LIMIT);
  // Every line up to the limit is checked, none after it.
  const unknown = a.findings.filter((f) => f.code === 'unknown-directive');
  assert.equal(unknown.length, LINE_LIMIT);
  assert.equal(unknown.at(-1)?.range.start.line, LINE_LIMIT - 1);
});

test('a file of exactly the line limit is checked whole, without a notice', () => {
  const text = 'port 6379\n'.repeat(LINE_LIMIT);
  const a = analyzeDocument(text, 'config', SETTINGS);
  assert.equal(
    a.findings.some((f) => f.code === 'document-too-large'),
    false,
  );
});

test('a larger size limit allows more lines', () => {
  const text = 'maxmemroy 1\n'.repeat(LINE_LIMIT + 5);
  const a = analyzeDocument(text, 'config', { ...SETTINGS, maxDocumentSize: 2 * DEFAULT_MAX_DOCUMENT_SIZE });
  assert.equal(
    a.findings.some((f) => f.code === 'document-too-large'),
    false,
  );
  assert.equal(a.findings.filter((f) => f.code === 'unknown-directive').length, LINE_LIMIT + 5);
});

test('an edit that adds line breaks crosses the line limit as a fresh analysis does, whatever the version before', () => {
  // One line short of the limit, then: characters replaced by as many line breaks (same length),
  // breaks typed at the end, and back below the limit again.
  const near = '# comment\n'.repeat(LINE_LIMIT - 1) + 'port 6379';
  const edits = [near, near.replace('# comment\n# comment', '#\n\n\ncomment\n# comment'), `${near}\n\n`, near, `${near}\n`];
  let previous = analyzeDocument(near, 'config', SETTINGS);
  for (const text of edits) {
    const incremental = analyzeDocument(text, 'config', SETTINGS, {}, previous);
    const fresh = analyzeDocument(text, 'config', SETTINGS);
    assert.deepEqual(
      incremental.findings.map((f) => `${f.code} ${f.range.start.line}`),
      fresh.findings.map((f) => `${f.code} ${f.range.start.line}`),
    );
    previous = incremental;
  }
  const over = analyzeDocument(edits[1] ?? '', 'config', SETTINGS, {}, analyzeDocument(near, 'config', SETTINGS));
  assert.ok(over.findings.some((f) => f.code === 'document-too-large'));
});

/** Findings to LSP diagnostics: built once per finding, and again when what they are built from differs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toDiagnostic } from '../../server/src/lsp/convert';
import type { Finding } from '../../server/src/analysis/types';

const finding: Finding = {
  code: 'unknown-directive',
  severity: 'error',
  message: "'x' is not a directive",
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } },
  related: [{ message: 'included here', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, file: '/etc/redis/other.conf' }],
};

test('the same finding for the same document and docs base gives the same diagnostic; another base or document a new one', () => {
  const uriOf = (path: string): string => `file://${path}`;
  const a = toDiagnostic(finding, 'file:///a.conf', undefined, uriOf);
  assert.equal(toDiagnostic(finding, 'file:///a.conf', undefined, uriOf), a);
  assert.match(a.codeDescription?.href ?? '', /\/unknown-directive\.md$/);
  assert.equal(a.relatedInformation?.[0]?.location.uri, 'file:///etc/redis/other.conf');

  const based = toDiagnostic(finding, 'file:///a.conf', 'https://example.test/rules', uriOf);
  assert.notEqual(based, a);
  assert.equal(based.codeDescription?.href, 'https://example.test/rules/unknown-directive.md');

  const other = toDiagnostic(finding, 'file:///b.conf', 'https://example.test/rules/', () => undefined);
  assert.equal(other.codeDescription?.href, 'https://example.test/rules/unknown-directive.md');
  assert.equal(other.relatedInformation, undefined);
  // An equal finding that is another object is converted on its own, to an equal diagnostic.
  assert.deepEqual(toDiagnostic({ ...finding }, 'file:///a.conf', undefined, uriOf), a);
});

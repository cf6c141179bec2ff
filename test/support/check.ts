/** The one helper of the data-driven diagnostic tests. */
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import type { DocumentKind, Finding, Settings } from '../../server/src/analysis/types';
import { testSettings } from './fixture';

export function findingsOf(text: string, kind: DocumentKind = 'config', settings: Partial<Settings> = {}): readonly Finding[] {
  return analyzeDocument(text, kind, testSettings({ settings })).findings;
}

/** `line:col severity code` for each finding (1-based), optionally filtered to some codes. */
export function summarize(findings: readonly Finding[], codes?: readonly string[]): string[] {
  return findings
    .filter((f) => !codes || codes.includes(f.code))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code}`);
}

export function check(
  text: string,
  expected: readonly string[],
  options: { kind?: DocumentKind; settings?: Partial<Settings>; codes?: readonly string[] } = {},
): void {
  assert.deepEqual(summarize(findingsOf(text, options.kind, options.settings), options.codes), expected);
}

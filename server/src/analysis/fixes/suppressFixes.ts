/**
 * "Disable this rule for this line / for this file": comments that Redis ignores and we
 * read (see tuning.ts). Only in config files: an ACL file has no comments.
 */
import type { ConfigAnalysis } from '../analyze';
import { eolAt, indentOf } from './edits';
import { directiveAt } from './lookup';
import type { Fix, FixRequest } from './types';

export function suppressionFixes(analysis: ConfigAnalysis, f: FixRequest): Fix[] {
  const line = directiveAt(analysis.tree, f.range.start.line);
  const fixes: Fix[] = [];
  if (line) {
    const eol = eolAt(analysis.tree.index, line.range.end.line);
    const indent = indentOf(analysis.tree.index, line);
    const pos = { line: line.range.start.line, character: 0 };
    fixes.push({
      code: f.code,
      title: `Disable ${f.code} for this line`,
      edits: [{ edits: [{ range: { start: pos, end: pos }, newText: `${indent}# redis-config-disable-next-line ${f.code}${eol}` }] }],
      safe: false,
      suppression: true,
    });
  }
  const top = { line: 0, character: 0 };
  fixes.push({
    code: f.code,
    title: `Disable ${f.code} for this file`,
    edits: [{ edits: [{ range: { start: top, end: top }, newText: `# redis-config-disable ${f.code}${eolAt(analysis.tree.index, 0)}` }] }],
    safe: false,
    suppression: true,
  });
  return fixes;
}

/**
 * All fixes for a document: per finding (quick fixes and suppressions), and the safe ones
 * together (fix all). Pure: the document's analysis in, edits out.
 */
import type { Analysis } from '../analyze';
import { aclFixes, type FixContext } from './aclFixes';
import { applyEdits } from './applyEdits';
import { configFixes } from './configFixes';
import { suppressionFixes } from './suppressFixes';
import type { Fix, FixRequest, TextEdit } from './types';

export type { Fix, FixRequest, FileEdit, TextEdit } from './types';
export type { FixContext, RandomHex } from './aclFixes';
export { applyEdits } from './applyEdits';

/** `context` gives the fixes that edit the ACL file its path and content, and randomness. */
export function fixesFor(analysis: Analysis, request: FixRequest, context: FixContext = {}): Fix[] {
  if (analysis.kind === 'acl') return aclFixes(analysis, request, context);
  return [...configFixes(analysis, request), ...aclFixes(analysis, request, context), ...suppressionFixes(analysis, request)];
}

/** The safe fix of every finding, as edits to the document that do not overlap. */
export function fixAll(analysis: Analysis): { edits: TextEdit[]; titles: string[] } {
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const finding of analysis.findings) {
    const safe = fixesFor(analysis, finding).find((f) => f.safe && f.edits.every((e) => e.file === undefined));
    if (!safe) continue;
    edits.push(...safe.edits.flatMap((e) => e.edits));
    titles.push(safe.title);
  }
  return { edits, titles };
}

/** Applies fix-all repeatedly (a fix can reveal another), at most a few rounds. */
export function fixAllText(text: string, analyse: (text: string) => Analysis): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  for (let round = 0; round < 5; round++) {
    const { edits, titles } = fixAll(analyse(current));
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    applied.push(...titles);
    current = next;
  }
  return { text: current, applied };
}

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

export interface FixAllOptions {
  /**
   * Also apply, where a finding has no safe fix, its preferred fix that changes behaviour
   * (the CLI's `--unsafe-fixes`). Never fixes that edit other files or show a notice.
   */
  readonly unsafe?: boolean;
}

/** The safe fix of every finding (or its preferred unsafe one, when asked), as edits to the document that do not overlap. */
export function fixAll(analysis: Analysis, options: FixAllOptions = {}): { edits: TextEdit[]; titles: string[] } {
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  for (const finding of analysis.findings) {
    const candidates = fixesFor(analysis, finding).filter((f) => !f.suppression && f.notice === undefined && f.edits.every((e) => e.file === undefined));
    const chosen = candidates.find((f) => f.safe) ?? (options.unsafe ? candidates.find((f) => f.preferred) : undefined);
    if (!chosen) continue;
    edits.push(...chosen.edits.flatMap((e) => e.edits));
    titles.push(chosen.title);
  }
  return { edits, titles };
}

/** Applies fix-all repeatedly (a fix can reveal another), at most a few rounds. */
export function fixAllText(text: string, analyse: (text: string) => Analysis, options: FixAllOptions = {}): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  for (let round = 0; round < 5; round++) {
    const { edits, titles } = fixAll(analyse(current), options);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    applied.push(...titles);
    current = next;
  }
  return { text: current, applied };
}

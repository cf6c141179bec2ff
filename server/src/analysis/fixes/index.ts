/**
 * All fixes for a document: per finding (quick fixes and suppressions), and the safe ones
 * together (fix all). Pure: the document's analysis in, edits out.
 */
import type { Analysis } from '../analyze';
import type { Finding } from '../types';
import { aclFixes, type FixContext } from './aclFixes';
import { applyEdits } from './applyEdits';
import { configFixes } from './configFixes';
import { indexUsers, ownFinding, type IndexedUsers } from './lookup';
import { safePasswordFixes } from './passwords';
import { withPasswordComment } from './passwordComment';
import { suppressionFixes } from './suppressFixes';
import type { Fix, FixRequest, TextEdit } from './types';

export type { Fix, FixRequest, FileEdit, TextEdit } from './types';
export type { FixContext, RandomHex } from './aclFixes';
export { applyEdits } from './applyEdits';

/**
 * The fixes of a finding the client names by code and range. The fix is built from the
 * analysis's own finding, never from the request's data: when the document has no such
 * finding (it changed, or the request is forged), there is nothing to fix. `context` gives
 * the fixes that edit the ACL file its path and content, and randomness.
 */
export function fixesFor(analysis: Analysis, request: FixRequest, context: FixContext = {}): Fix[] {
  const fixes = fixesOfFinding(analysis, request, context);
  // Without notices, a generated password goes in a comment (passwordComment.ts).
  return context.showsNotices ? fixes : fixes.map((f) => withPasswordComment(f, analysis));
}

function fixesOfFinding(analysis: Analysis, request: FixRequest, context: FixContext): Fix[] {
  const finding = ownFinding(analysis, request);
  if (!finding) return [];
  if (analysis.kind === 'acl') return aclFixes(analysis, finding, context);
  // A refusal inside an included file is fixed there; here it can only be silenced.
  if (finding.data?.includedFile !== undefined) return suppressionFixes(analysis, finding);
  return [...configFixes(analysis, finding), ...aclFixes(analysis, finding, context), ...suppressionFixes(analysis, finding)];
}

export interface FixAllOptions {
  /**
   * Also apply, where a finding has no safe fix, its preferred fix that changes behaviour
   * (the CLI's `--unsafe-fixes`). Never fixes that edit other files or show a notice.
   */
  readonly unsafe?: boolean;
}

/**
 * The codes whose fixes may include a safe one (the builders of configFixes.ts and the
 * clear-text password fix): a client that resolves actions is offered fix-all when one of
 * them is reported, before anything is computed. Fixes that change who may connect (bind,
 * protected mode, the enable-* switches) are never safe, so their codes are not here.
 */
export const MAY_HAVE_SAFE_FIX: ReadonlySet<string> = new Set(['deprecated-directive', 'duplicate-directive', 'trailing-comment', 'plaintext-password']);

/**
 * The safe fix of every finding (or its preferred unsafe one, when asked), as edits to the
 * document that do not overlap. Linear in the document in the default mode: only builders
 * that can give a safe fix are asked, the users are indexed once, and no fix with a choice
 * is built. The unsafe mode (opt-in, from the CLI) asks every builder of a finding with no
 * safe fix.
 */
export function fixAll(analysis: Analysis, options: FixAllOptions = {}): { edits: TextEdit[]; titles: string[]; fixed: Finding[] } {
  const edits: TextEdit[] = [];
  const titles: string[] = [];
  const fixed: Finding[] = [];
  let users: IndexedUsers | undefined;
  const usersIndex = (): IndexedUsers => (users ??= indexUsers(analysis));
  const inDocument = (f: Fix): boolean => f.edits.every((e) => e.file === undefined);
  for (const finding of analysis.findings) {
    if (finding.data?.includedFile !== undefined) continue;
    let chosen: Fix | undefined;
    if (MAY_HAVE_SAFE_FIX.has(finding.code)) {
      const candidates =
        finding.code === 'plaintext-password'
          ? safePasswordFixes(analysis, finding, usersIndex)
          : analysis.kind === 'acl'
            ? []
            : configFixes(analysis, finding);
      chosen = candidates.find((f) => f.safe && inDocument(f));
    }
    if (!chosen && options.unsafe) {
      const candidates = analysis.kind === 'acl' ? aclFixes(analysis, finding) : [...configFixes(analysis, finding), ...aclFixes(analysis, finding)];
      chosen = candidates.find((f) => f.preferred === true && !f.suppression && f.notice === undefined && inDocument(f));
    }
    if (!chosen) continue;
    edits.push(...chosen.edits.flatMap((e) => e.edits));
    titles.push(chosen.title);
    fixed.push(finding);
  }
  return { edits, titles, fixed };
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

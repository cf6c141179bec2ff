/**
 * Code actions: the fixes of the diagnostics the client sends back (each rebuilt from its
 * code and data), and `source.fixAll.redis-config`.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis } from '../analysis/analyze';
import { MAY_HAVE_SAFE_FIX, fixesFor, type Fix, type FixContext, type TextEdit } from '../analysis/fixes';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { noticeCommand, type ClientFeatures } from './clientFeatures';

export { SHOW_NOTICE_COMMAND } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.redis-config`;

/** The edit of a fix, or undefined when it touches a file the document's space cannot name. */
function workspaceEdit(fix: Fix, uri: string, uriOf: (path: string) => string | undefined): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const fileEdit of fix.edits) {
    const target = fileEdit.file === undefined ? uri : uriOf(fileEdit.file);
    if (target === undefined) return undefined;
    (changes[target] ??= []).push(...fileEdit.edits.map((e) => ({ range: e.range, newText: e.newText })));
  }
  return { changes };
}

function wants(context: CodeActionContext, kind: string): boolean {
  return !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The fix-all action of a document, built only when asked for (see server.ts). */
export interface FixAllOffer {
  /** True when the client resolves actions: the edits are computed on resolve. */
  readonly lazy: boolean;
  readonly data: unknown;
  /** The safe fixes, computed once per document version. */
  readonly compute: () => { edits: readonly TextEdit[]; titles: readonly string[] };
}

export const FIX_ALL_TITLE = 'Fix all safe problems';

/**
 * `uriOf` names the other files a fix edits (an ACL file), in the document's space;
 * `features`: how the client shows a fix's notice (clientFeatures.ts), ours by default.
 */
export function codeActions(
  analysis: Analysis,
  uri: string,
  context: CodeActionContext,
  fixContext: FixContext = {},
  fixAllOffer?: FixAllOffer,
  uriOf: (path: string) => string | undefined = () => undefined,
  features: ClientFeatures = { notices: 'client', extensionCommands: true },
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(context, CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      const data = typeof diagnostic.data === 'object' && diagnostic.data !== null ? (diagnostic.data as Record<string, unknown>) : undefined;
      for (const fix of fixesFor(analysis, { code: diagnostic.code, range: diagnostic.range, ...(data ? { data } : {}) }, fixContext)) {
        const edit = workspaceEdit(fix, uri, uriOf);
        if (edit) actions.push(toAction(fix, edit, [diagnostic], features));
      }
    }
  }
  if (fixAllOffer && wants(context, FIX_ALL_KIND) && (context.only !== undefined || context.diagnostics.length > 0)) {
    if (fixAllOffer.lazy) {
      if (analysis.findings.some((f) => MAY_HAVE_SAFE_FIX.has(f.code))) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: fixAllOffer.data });
    } else {
      const { edits, titles } = fixAllOffer.compute();
      if (edits.length > 0) actions.push({ title: `${FIX_ALL_TITLE} (${titles.length})`, kind: FIX_ALL_KIND, edit: fixAllEdit(uri, edits) });
    }
  }
  return actions;
}

export function fixAllEdit(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}

function toAction(fix: Fix, edit: WorkspaceEdit, diagnostics: Diagnostic[], features: ClientFeatures): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit,
    ...(fix.preferred ? { isPreferred: true } : {}),
    ...(fix.notice ? { command: noticeCommand(features, fix.notice) } : {}),
  };
}

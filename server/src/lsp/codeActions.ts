/**
 * Code actions: the fixes of the diagnostics the client sends back (each rebuilt from its
 * code and data), and `source.fixAll.redis-config`.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../analysis/analyze';
import { MAY_HAVE_SAFE_FIX, fixesFor, type Fix, type FixContext, type TextEdit } from '../analysis/fixes';
import { DIAGNOSTIC_SOURCE } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.redis-config`;

/** The client command that shows a fix's notice (a generated password) once, after the edit. */
export const SHOW_NOTICE_COMMAND = 'redisConfig.showNotice';

function workspaceEdit(fix: Fix, uri: string): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const fileEdit of fix.edits) {
    const target = fileEdit.file === undefined ? uri : pathToFileURL(fileEdit.file).href;
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

export function codeActions(analysis: Analysis, uri: string, context: CodeActionContext, fixContext: FixContext = {}, fixAllOffer?: FixAllOffer): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(context, CodeActionKind.QuickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
      const data = typeof diagnostic.data === 'object' && diagnostic.data !== null ? (diagnostic.data as Record<string, unknown>) : undefined;
      for (const fix of fixesFor(analysis, { code: diagnostic.code, range: diagnostic.range, ...(data ? { data } : {}) }, fixContext)) {
        actions.push(toAction(fix, uri, [diagnostic]));
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

function toAction(fix: Fix, uri: string, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: workspaceEdit(fix, uri),
    ...(fix.preferred ? { isPreferred: true } : {}),
    ...(fix.notice ? { command: { title: 'Show the new password', command: SHOW_NOTICE_COMMAND, arguments: [fix.notice] } } : {}),
  };
}

/**
 * Code actions: the fixes of the diagnostics the client sends back (each rebuilt from its
 * code and data), and `source.fixAll.redis-config`.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Analysis } from '../analysis/analyze';
import { fixAll, fixesFor, type Fix, type FixContext } from '../analysis/fixes';
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

export function codeActions(analysis: Analysis, uri: string, context: CodeActionContext, fixContext: FixContext = {}): CodeAction[] {
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
  if (wants(context, FIX_ALL_KIND) && (context.only !== undefined || context.diagnostics.length > 0)) {
    const { edits, titles } = fixAll(analysis);
    if (edits.length > 0) {
      actions.push({ title: `Fix all safe problems (${titles.length})`, kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits.map((e) => ({ range: e.range, newText: e.newText })) } } });
    }
  }
  return actions;
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

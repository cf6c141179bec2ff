// Shared helpers for the end-to-end suites. They run inside the VS Code extension host.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'redis-config-tools.redis-config';
export const DIAGNOSTIC_SOURCE = 'redis-config';

/** Default deadline for anything that waits on the language server. Below mocha's timeout on purpose. */
export const WAIT_MS = 30_000;

/**
 * The fixture workspace. Normally it is the folder VS Code was opened on; fall back to the path
 * next to this bundle (test/e2e/out/suite -> test/e2e/fixtures/workspace) if no folder is open.
 */
export function fixtureUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = folder ?? vscode.Uri.file(path.resolve(__dirname, '..', '..', 'fixtures', 'workspace'));
  return vscode.Uri.joinPath(base, ...segments);
}

/** A diagnostic's code as a plain string: `code` may be a string, a number or `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined || code === null) return undefined;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return String(code.value);
}

/** Our diagnostics (source redis-config) for a document. */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** One line per diagnostic, for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return '(no diagnostics at all)';
  return all
    .map((d) => `  line ${d.range.start.line}: [${vscode.DiagnosticSeverity[d.severity]}] ${d.source ?? '?'}(${codeOf(d) ?? '-'}) ${d.message}`)
    .join('\n');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined, or fails with `describe()` once
 * the deadline passes. Never a fixed sleep: it returns as soon as the condition holds.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  describe: () => string = () => '',
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = describe();
      const errText = lastError ? `\nlast error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}` : '';
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail}` : ''}${errText}`);
    }
    await sleep(100);
  }
}

/** Opens a fixture file in an editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Zero-based index of the first line whose trimmed text equals `text`; fails when absent. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) {
    if (doc.lineAt(i).text.trim() === text) return i;
  }
  assert.fail(`fixture ${path.basename(doc.uri.fsPath)} has no line "${text}"`);
}

/** Waits until a diagnostic with `code` exists on `line`, and returns it. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, line: number, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic> {
  return waitFor(
    `diagnostic ${code} on line ${line} of ${path.basename(uri.fsPath)}`,
    () => ourDiagnostics(uri).find((d) => codeOf(d) === code && d.range.start.line === line),
    () => `current diagnostics:\n${describeDiagnostics(uri)}`,
    timeoutMs,
  );
}

/** Text of every hover content, markdown or plain. */
export function hoverTexts(hovers: readonly vscode.Hover[]): string[] {
  const texts: string[] = [];
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (typeof content === 'string') texts.push(content);
      else if ('value' in content) texts.push(content.value);
    }
  }
  return texts;
}

/** Closes every editor. Tests that modify a document revert it themselves before this runs. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Undoes a test's edits without saving them, then closes every editor. */
export async function revertAndCloseAll(docs: readonly (vscode.TextDocument | undefined)[]): Promise<void> {
  for (const doc of docs) {
    if (!doc?.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await closeAllEditors();
}

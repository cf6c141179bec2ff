/**
 * Rule documentation inside VS Code. The pages ship in the extension (docs/rules/*.md); the
 * server links each diagnostic code to `<uriScheme>://<extension id>/rules/<code>.md`, which
 * VS Code hands to this extension's URI handler from every place a code link appears — the
 * Problems panel, the editor hover, the peek view (F8) — and the handler opens the page in
 * the Markdown preview. (A `command:` link would work only in the Problems panel: the hover
 * and the peek view open links without allowing commands. A `file:` link opens the
 * Markdown source as text.)
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, SHOW_RULE_COMMAND } from '../../server/src/lsp/protocol';

/** The base the server puts before `<code>.md`, for this editor and this extension. */
export function docsBaseUrl(context: vscode.ExtensionContext): string {
  return `${vscode.env.uriScheme}://${context.extension.id.toLowerCase()}/rules/`;
}

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const show = async (code?: string): Promise<void> => {
    const chosen = code ?? (await pickCode(context));
    if (!chosen || !CODE.test(chosen)) return;
    const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${chosen}.md`);
    try {
      await vscode.workspace.fs.stat(page);
    } catch {
      void vscode.window.showWarningMessage(`No documentation page for '${chosen}'.`);
      return;
    }
    // The built-in Markdown extension renders it; without it, the source opens as text.
    try {
      await vscode.commands.executeCommand('markdown.showPreview', page);
    } catch {
      await vscode.commands.executeCommand('vscode.open', page);
    }
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_RULE_COMMAND, (code?: unknown) => show(typeof code === 'string' ? code : undefined)),
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        const m = /^\/rules\/([^/]+)\.md$/.exec(uri.path);
        if (m) void show(m[1]);
      },
    }),
  );
}

/** The codes of the diagnostics under the cursor first, then every code with a page. */
async function pickCode(context: vscode.ExtensionContext): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const here = editor
    ? vscode.languages
        .getDiagnostics(editor.document.uri)
        .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active))
        .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)))
    : [];
  const pages = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules')))
    .map(([name]) => name.replace(/\.md$/, ''))
    .sort();
  const codes = [...new Set([...here, ...pages])];
  return vscode.window.showQuickPick(codes, { title: 'Show the documentation of which rule?' });
}

/**
 * Redis configs whose names say nothing (`cache.conf`, which VS Code opens as Properties):
 * one with a `# redis-config: target=…` comment in its first lines becomes a Redis config at
 * once; one whose first settings are Redis directives gets a notification that offers it.
 * *Redis Config: Treat as Redis config* does it for the active file whatever it holds.
 */
import * as vscode from 'vscode';
import { recogniseRedisConfig } from '../../server/src/analysis/recognise';
import { TREAT_AS_REDIS_COMMAND } from '../../server/src/lsp/protocol';

/** The languages such files open in. */
const GENERIC = new Set(['properties', 'plaintext', 'ini']);
/** Files the user edits: on disk, unsaved, on a remote machine, in a repository opened in the browser (vscode-vfs). Not a diff's revisions. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Files the user said are not Redis configs, per workspace. */
const DECLINED_KEY = 'redisConfig.notRedisConfigs';

export function registerContentDetection(context: vscode.ExtensionContext): void {
  const asked = new Set<string>();
  const check = (doc: vscode.TextDocument): void => {
    if (!GENERIC.has(doc.languageId) || !SCHEMES.has(doc.uri.scheme) || !/\.conf$/i.test(doc.uri.path)) return;
    const kind = recogniseRedisConfig(doc.getText());
    if (kind === 'pragma') void vscode.languages.setTextDocumentLanguage(doc, 'redis-conf');
    else if (kind === 'directives') void offer(context, doc, asked);
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.commands.registerCommand(TREAT_AS_REDIS_COMMAND, async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, /\.acl$/i.test(doc.uri.path) ? 'redis-acl' : 'redis-conf');
    }),
  );
  for (const doc of vscode.workspace.textDocuments) check(doc);
}

/** Asks once per file and session; "Not this file" is remembered for the workspace. */
async function offer(context: vscode.ExtensionContext, doc: vscode.TextDocument, asked: Set<string>): Promise<void> {
  const key = doc.uri.toString();
  const declined = context.workspaceState.get<string[]>(DECLINED_KEY, []);
  if (asked.has(key) || declined.includes(key)) return;
  asked.add(key);
  const name = doc.uri.path.split('/').pop() ?? key;
  const choice = await vscode.window.showInformationMessage(`${name} looks like a Redis config. Check it as one?`, 'Treat as Redis config', 'Not this file');
  if (choice === 'Treat as Redis config') await vscode.languages.setTextDocumentLanguage(doc, 'redis-conf');
  else if (choice === 'Not this file') await context.workspaceState.update(DECLINED_KEY, [...declined, key]);
}

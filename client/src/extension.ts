/**
 * The VS Code side: starts the bundled language server over IPC and forwards the
 * `redisConfig` settings. All analysis lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const LANGUAGES = ['redis-conf', 'redis-acl'];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
      { scheme: 'vscode-remote', language },
    ]),
    synchronize: { configurationSection: 'redisConfig' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('redisConfig') },
  };
  client = new LanguageClient('redisConfig', 'Redis Config', serverOptions, clientOptions);
  context.subscriptions.push(createTargetStatus());
  await client.start();
}

/** Shows the Redis/Valkey version the active file is checked against. */
function createTargetStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  item.command = { title: 'Choose target version', command: 'workbench.action.openSettings', arguments: ['redisConfig.targetVersion'] };
  item.tooltip = 'Redis/Valkey version these files are checked against (redisConfig.targetVersion)';
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    if (editor && LANGUAGES.includes(editor.document.languageId)) {
      item.text = `$(database) ${vscode.workspace.getConfiguration('redisConfig', editor.document.uri).get<string>('targetVersion', 'redis-8.0')}`;
      item.show();
    } else {
      item.hide();
    }
  };
  update();
  const subs = [
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('redisConfig')) update();
    }),
  ];
  return vscode.Disposable.from(item, ...subs);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * VS Code in the browser (vscode.dev, github.dev, a web extension host): the language server
 * runs in a web worker (dist/server.js) and every file it needs comes through the
 * editor's file system. Rule pages open from the published documentation: the browser
 * editor does not route `vscode://` links to extensions.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { startClient } from './extension';

/** The worker constructor of the extension host (a web worker); not in the ES library types. */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[2];

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js');
  const worker = new Worker(main.toString(true), { name: 'Redis Config language server' });
  return startClient(context, { createClient: (options) => new LanguageClient('redisConfig', 'Redis Config', worker, options) });
}

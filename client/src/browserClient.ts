/**
 * VS Code in the browser (vscode.dev, github.dev, a web extension host): the language server
 * runs in a web worker (dist/server.js) and every file it needs comes through the
 * editor's file system. Rule pages open from the published documentation: the browser
 * editor does not route `vscode://` links to extensions.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { startClient, type RedisConfigApi } from './extension';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[2];

/** The browser globals used here; the project's type library is ES2022 without the DOM. */
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;
declare const Blob: new (parts: string[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string };
declare function fetch(url: string): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

const NAME = 'Redis Config language server';

/**
 * The server's worker. An extension served over https (the Marketplace's, on vscode.dev and
 * github.dev) starts it from its URL. The web extension host refuses to start a worker from
 * an extension on a remote machine (code-server, VS Code Server in a browser), but fetches its
 * files: the script is fetched and started from a blob instead.
 */
async function startWorker(script: vscode.Uri): Promise<ServerWorker> {
  try {
    return new Worker(script.toString(true), { name: NAME });
  } catch (err) {
    if (script.scheme !== 'vscode-remote') throw err;
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`cannot load the language server (${script.toString(true)}): HTTP ${response.status}`, { cause: err });
    const blob = new Blob([await response.text()], { type: 'application/javascript' });
    return new Worker(URL.createObjectURL(blob), { name: NAME });
  }
}

export function activate(context: vscode.ExtensionContext): Promise<RedisConfigApi> {
  // The worker starts with the client, when the first Redis document is open.
  return startClient(context, {
    createClient: async (options) =>
      new LanguageClient('redisConfig', 'Redis Config', await startWorker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js')), options),
  });
}

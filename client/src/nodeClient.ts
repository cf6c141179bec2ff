/**
 * Desktop VS Code: the language server runs in Node, started over IPC from dist/server.js, with
 * an allocator setting that keeps its resident memory down (serverEnvironment.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient, type RedisConfigApi } from './extension';
import { docsBaseUrl } from './ruleDocs';
import { serverEnvironment } from './serverEnvironment';

export function activate(context: vscode.ExtensionContext): Promise<RedisConfigApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return startClient(context, {
    createClient: (options) => new LanguageClient('redisConfig', 'Redis Config', serverOptions, options),
    docsBaseUrl: docsBaseUrl(context),
  });
}

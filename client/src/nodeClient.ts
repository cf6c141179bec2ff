/**
 * Desktop VS Code: the language server runs in Node, started over IPC by its loader
 * (dist/bin/redis-config-language-server.js), which keeps V8's code cache of the server in the
 * extension's own storage unless REDIS_CONFIG_CACHE_DIR names another folder.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient, type RedisConfigApi } from './extension';
import { docsBaseUrl } from './ruleDocs';

export function activate(context: vscode.ExtensionContext): Promise<RedisConfigApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'bin', 'redis-config-language-server.js').fsPath;
  const env = { ...process.env, REDIS_CONFIG_CACHE_DIR: process.env.REDIS_CONFIG_CACHE_DIR || context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return startClient(context, {
    createClient: (options) => new LanguageClient('redisConfig', 'Redis Config', serverOptions, options),
    docsBaseUrl: docsBaseUrl(context),
  });
}

/**
 * Desktop VS Code: the language server runs in Node, started over IPC by its loader
 * (dist/bin/redis-config-language-server.js), which keeps V8's code cache of the server in the
 * extension's own storage unless REDIS_CONFIG_CACHE_DIR names another folder, and with an allocator
 * setting that keeps its resident memory down (serverEnvironment.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient, type RedisConfigApi } from './extension';
import { docsBaseUrl } from './ruleDocs';
import { serverEnvironment } from './serverEnvironment';

export function activate(context: vscode.ExtensionContext): Promise<RedisConfigApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'bin', 'redis-config-language-server.js').fsPath;
  const env = { ...serverEnvironment(process.env), REDIS_CONFIG_CACHE_DIR: process.env.REDIS_CONFIG_CACHE_DIR || context.globalStorageUri.fsPath };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  return startClient(context, {
    createClient: (options) => new LanguageClient('redisConfig', 'Redis Config', serverOptions, options),
    docsBaseUrl: docsBaseUrl(context),
  });
}

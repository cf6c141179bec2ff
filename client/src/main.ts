/**
 * The extension's entry, one bundle for desktop VS Code (`main`) and VS Code in the browser
 * (`browser`, a web worker extension host): each loads only its own client, so neither's
 * platform API is touched on the other.
 */
import type * as vscode from 'vscode';
import type { RedisConfigApi } from './extension';

export { deactivate } from './extension';

declare const WorkerGlobalScope: unknown;

export async function activate(context: vscode.ExtensionContext): Promise<RedisConfigApi> {
  const client = typeof WorkerGlobalScope !== 'undefined' ? await import('./browserClient.js') : await import('./nodeClient.js');
  return client.activate(context);
}

/**
 * A small LSP client for protocol tests: spawns the bundled server with --stdio and
 * speaks JSON-RPC to it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The server as editors start it (its loader); a bundled caller (the benchmark) names it through the environment. */
export const SERVER = process.env.REDIS_CONFIG_SERVER ?? join(__dirname, '../../dist/bin/redis-config-language-server.js');

export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters: { uri: string; version: number | undefined; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly published: PublishDiagnosticsParams[] = [];
  configuration: Record<string, unknown> = {};
  /** `client/registerCapability` requests the server sent. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** `window/showMessage` notifications the server sent. */
  readonly messages: { type: number; message: string }[] = [];
  /** `window/showMessageRequest` requests the server sent (each answered with its first action). */
  readonly messageRequests: { type: number; message: string; actions?: { title: string }[] }[] = [];
  private readonly messageRequestWaiters: (() => void)[] = [];

  /** `server`: another build of the server (an installed package's bin). */
  constructor(server: string = SERVER) {
    this.child = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w && w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.configuration));
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => {
      this.messages.push(m);
    });
    this.connection.onRequest('window/showMessageRequest', (m: { type: number; message: string; actions?: { title: string }[] }) => {
      this.messageRequests.push(m);
      for (const w of this.messageRequestWaiters.splice(0)) w();
      return m.actions?.[0] ?? null;
    });
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.listen();
  }

  /** The server's process id, to read its memory use. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** `extra` adds workspace and textDocument capabilities and initializationOptions (as other editors send them). */
  async initialize(
    pullConfiguration = true,
    extra: {
      workspace?: Record<string, unknown>;
      textDocument?: Record<string, unknown>;
      window?: Record<string, unknown>;
      initializationOptions?: unknown;
      workspaceFolders?: { uri: string; name: string }[];
    } = {},
  ): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(extra.workspaceFolders ? { workspaceFolders: extra.workspaceFolders } : {}),
      capabilities: {
        workspace: { configuration: pullConfiguration, ...extra.workspace },
        textDocument: { publishDiagnostics: { versionSupport: true }, ...extra.textDocument },
        ...(extra.window ? { window: extra.window } : {}),
      },
      ...(extra.initializationOptions !== undefined ? { initializationOptions: extra.initializationOptions } : {}),
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
  }

  /** Resolves with the next diagnostics published for `uri` (and `version`, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /**
   * Resolves with the first diagnostics published for `uri` from now on that satisfy `accept`:
   * for a change whose effect may follow a publish already under way (a configuration reload).
   */
  diagnosticsWhere(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} as expected within ${timeoutMs} ms`)), timeoutMs);
      const wait = (): void => {
        this.waiters.push({
          uri,
          version: undefined,
          resolve: (p) => {
            if (!accept(p)) return wait();
            clearTimeout(timer);
            resolve(p);
          },
        });
      };
      wait();
    });
  }

  /** Resolves when the server has sent a `window/showMessageRequest` (at once if it has). */
  nextMessageRequest(timeoutMs = 10_000): Promise<void> {
    if (this.messageRequests.length > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no window/showMessageRequest within ${timeoutMs} ms`)), timeoutMs);
      this.messageRequestWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      setTimeout(() => this.child.kill('SIGKILL'), 5000).unref();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** A diagnostic's message as text (LSP 3.18 allows markup content too). */
export function messageText(message: string | { readonly value: string }): string {
  return typeof message === 'string' ? message : message.value;
}

/**
 * The page side of the browser test (bundled by server.test.ts): starts the language server
 * bundle in a web worker, as VS Code in the browser does, and speaks LSP to it over the
 * worker's message channel. It answers the server's file requests from an in-memory file
 * system, as the extension's client answers them from `workspace.fs`, and records them.
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';
import {
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  FILE_SYSTEM_REQUEST,
  type ReadDirectoryParams,
  type ReadFileParams,
  type ReadFileResult,
  type ReadDirectoryResult,
} from '../../server/src/lsp/protocol';

/* eslint-disable @typescript-eslint/no-redundant-type-constituents, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access --
   This page runs in Chromium: the worker's DOM types are not in the project's libraries, so they cannot be resolved here. */
/** The few browser globals used here (the project's type library is ES2022 without the DOM). */
declare const Worker: new (
  url: string,
) => ConstructorParameters<typeof BrowserMessageReader>[0] & { addEventListener(type: 'error', listener: (e: { message?: string }) => void): void };
declare const window: Record<string, unknown>;
declare function btoa(binary: string): string;

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code?: string | number; severity?: number; message: string; range: { start: { line: number } } }[];
}

const worker = new Worker('/server.js');
const errors: string[] = [];
worker.addEventListener('error', (e: { message?: string }) => errors.push(e.message ?? 'worker error'));
const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));

/** The file system the server reads through us: URI → text; folders are the URIs' prefixes. */
const files = new Map<string, string>();
const requests: string[] = [];
const published: Published[] = [];
const waiters: { uri: string; version: number; resolve: (p: Published) => void }[] = [];

function bytesOf(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

connection.onRequest<ReadFileResult, unknown>(READ_FILE_REQUEST, (params: ReadFileParams): ReadFileResult => {
  requests.push(`readFile ${params.uri}`);
  const text = files.get(params.uri);
  if (text !== undefined) return { base64: bytesOf(text) };
  const prefix = `${params.uri}/`;
  return [...files.keys()].some((u) => u.startsWith(prefix)) ? { failure: 'directory' } : { failure: 'missing' };
});
connection.onRequest<ReadDirectoryResult, unknown>(READ_DIRECTORY_REQUEST, (params: ReadDirectoryParams): ReadDirectoryResult => {
  requests.push(`readDirectory ${params.uri}`);
  const prefix = `${params.uri.replace(/\/$/, '')}/`;
  const entries = new Map<string, boolean>();
  for (const uri of files.keys()) {
    if (!uri.startsWith(prefix)) continue;
    const [name, ...rest] = uri.slice(prefix.length).split('/');
    if (name) entries.set(name, rest.length > 0 || entries.get(name) === true);
  }
  return entries.size ? { entries: [...entries].map(([name, directory]) => ({ name, directory })) } : { failure: 'missing' };
});
connection.onRequest(FILE_SYSTEM_REQUEST, () => ({ writable: true }));
connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
connection.onRequest('client/registerCapability', () => null);
connection.onNotification('window/logMessage', () => undefined);
connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
  published.push(p);
  for (let i = waiters.length - 1; i >= 0; i--) {
    const w = waiters[i];
    if (w && w.uri === p.uri && p.version === w.version) {
      waiters.splice(i, 1);
      w.resolve(p);
    }
  }
});
connection.listen();

window.lsp = {
  errors,
  requests,
  setFiles(entries: Record<string, string>): void {
    files.clear();
    for (const [uri, text] of Object.entries(entries)) files.set(uri, text);
  },
  request: (method: string, params: unknown): Promise<unknown> => connection.sendRequest(method, params),
  notify: (method: string, params: unknown): Promise<void> => connection.sendNotification(method, params),
  /** Resolves with the diagnostics published for a version of a document. */
  diagnostics(uri: string, version: number): Promise<Published> {
    const seen = published.find((p) => p.uri === uri && p.version === version);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ uri, version, resolve }));
  },
};

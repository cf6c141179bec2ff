/**
 * The language server in a web worker (vscode.dev, github.dev, any browser build of VS Code):
 * the same server as in Node, speaking LSP over the worker's message channel. It has no disk:
 * every file a document names is read by the client through the editor's file system.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';
import { vscodeFileUris } from './spaces';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

/** The worker's global scope, typed only as far as the message channel needs. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, VERSION, { fileUris: vscodeFileUris });

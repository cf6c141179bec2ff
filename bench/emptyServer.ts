/**
 * The yardstick of `npm run bench`: a language server that does nothing, built on the same
 * LSP library and started the same way as ours (`node <bundle> --stdio`). It keeps the open
 * documents as ours does (incremental sync) and answers every change with an empty
 * diagnostics message for that version, at once. What ours costs beyond this is the cost of
 * the analysis, its scheduling and its data.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
  serverInfo: { name: 'empty-language-server' },
}));

documents.onDidChangeContent((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});
documents.onDidClose((e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();

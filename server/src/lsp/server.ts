/**
 * The language server: keeps open documents, analyses them as they change and answers
 * hovers. Analysis is fast enough to run on every change; a newer edit simply makes the
 * pending run of an older version obsolete.
 */
import {
  CodeActionKind,
  FoldingRangeKind,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeDocument, type Analysis } from '../analysis/analyze';
import { documentKindFor } from '../analysis/documentKind';
import { completionsAt } from '../analysis/completion';
import { CLIENT_LIBRARIES, connectionFacts, connectionSnippet, passwordVariable } from '../analysis/connection';
import { definitionAt } from '../analysis/definition';
import { hoverAt } from '../analysis/hover';
import { inlayHints } from '../analysis/inlayHints';
import { fileLinks } from '../analysis/links';
import { userReferencesAt } from '../analysis/references';
import { encodeSemanticTokens, semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from '../analysis/semanticTokens';
import { documentSymbols, foldingRanges } from '../analysis/symbols';
import type { Settings } from '../analysis/types';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { toCompletionItem, toDiagnostic, toDocumentSymbol } from './convert';
import { diskFileSource, fileMode } from '../io/fileSource';
import { DocumentSettings } from './documentSettings';

/** The notification that tells the client which version a document is checked against. */
export const TARGET_NOTIFICATION = 'redisConfig/target';

/** The server command behind the client's "Copy connection snippet". */
export const CONNECTION_COMMAND = 'redisConfig.server.connectionSnippet';

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export const SERVER_NAME = 'redis-config-language-server';

export function startServer(connection: Connection, version: string): void {
  const documents = new TextDocuments(TextDocument);
  let showsNotices = false;
  const pending = new Map<string, NodeJS.Immediate>();
  // Open documents take precedence over the disk, so unsaved included files count.
  const source = diskFileSource((path) => documents.get(pathToFileURL(path).href)?.getText());
  const documentSettings = new DocumentSettings(connection, source);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    documentSettings.initialize(params);
    // Only a client that shows fix notices (ours) gets the fixes that generate a password.
    showsNotices = (params.initializationOptions as { showsNotices?: unknown } | undefined)?.showsNotices === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: [' ', '@', '+', '-', '/', '|'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        semanticTokensProvider: { legend: { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] }, full: true },
        inlayHintProvider: true,
        executeCommandProvider: { commands: [CONNECTION_COMMAND] },
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  function settingsFor(uri: string): Promise<Settings> {
    return documentSettings.forDocument(uri);
  }

  /** Files another open document includes, with the target of that document. */
  const includedBy = new Map<string, { target: Settings['target']; includer: string }>();

  function analyse(doc: TextDocument, settings: Settings): Analysis {
    const path = pathOf(doc.uri);
    const mode = path ? fileMode(path) : undefined;
    // An included file is checked against the version of the file that includes it.
    const includer = path ? includedBy.get(path) : undefined;
    const effective: Settings = includer ? { ...settings, included: true, ...(settings.targetIsDefault ? { target: includer.target, targetIsDefault: false } : {}) } : settings;
    const analysis = analyzeDocument(doc.getText(), documentKindFor(doc.languageId, doc.uri), effective, { ...(path ? { path } : {}), ...(mode !== undefined ? { mode } : {}), source });
    if (analysis.kind !== 'acl') {
      for (const [file, entry] of includedBy) if (entry.includer === doc.uri && !analysis.model.files.has(file)) includedBy.delete(file);
      for (const file of analysis.model.files.keys()) {
        if (file === path || includedBy.get(file)?.target === analysis.target) continue;
        includedBy.set(file, { target: analysis.target, includer: doc.uri });
        // The included file, if open, now has another target: check it again.
        const open = documents.get(pathToFileURL(file).href);
        if (open) schedule(open);
      }
    }
    return analysis;
  }

  async function validate(uri: string, version: number): Promise<void> {
    const resolved = await documentSettings.resolve(uri);
    const doc = documents.get(uri);
    // Dropped when the document closed or changed while settings were fetched.
    if (!doc || doc.version !== version) return;
    const analysis = analyse(doc, resolved.settings);
    const docsBase = documentSettings.docsBase(resolved);
    await connection.sendDiagnostics({ uri, version, diagnostics: analysis.findings.map((f) => toDiagnostic(f, uri, docsBase)) });
    // A target that the project file chose is reported as such (the status bar says where it came from).
    const source = analysis.targetSource === 'setting' && resolved.targetOrigin === 'project' ? 'project' : analysis.targetSource;
    await connection.sendNotification(TARGET_NOTIFICATION, { uri, target: analysis.target, source, ...(analysis.settings.requestedTarget ? { requested: analysis.settings.requestedTarget } : {}) });
  }

  function schedule(doc: TextDocument): void {
    const previous = pending.get(doc.uri);
    if (previous) clearImmediate(previous);
    const { uri, version } = doc;
    pending.set(
      uri,
      setImmediate(() => {
        pending.delete(uri);
        validate(uri, version).catch((err: unknown) => connection.console.error(`validation failed for ${uri}: ${String(err)}`));
      }),
    );
  }

  documents.onDidChangeContent((e) => {
    schedule(e.document);
    // Another open file may include this one: its effective configuration changed too.
    for (const other of documents.all()) {
      if (other.uri !== e.document.uri && other.languageId !== 'redis-acl' && /^\s*include\s/im.test(other.getText())) schedule(other);
    }
  });
  documents.onDidClose((e) => {
    const p = pending.get(e.document.uri);
    if (p) clearImmediate(p);
    pending.delete(e.document.uri);
    documentSettings.closed(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((change) => {
    documentSettings.configurationChanged(change.settings);
    for (const doc of documents.all()) schedule(doc);
  });

  // Project files (.redis-config.json): re-read when one changes, and when a document opens.
  connection.onInitialized(() => {
    documentSettings.watch().catch((err: unknown) => connection.console.warn(`cannot watch project files: ${String(err)}`));
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (documentSettings.watchedFilesChanged(params)) for (const doc of documents.all()) schedule(doc);
  });
  documents.onDidOpen(() => documentSettings.opened());

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    const path = pathOf(doc.uri);
    const hover = hoverAt(analyse(doc, settings), params.position, { ...(path ? { path } : {}), source });
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = analyse(doc, await settingsFor(doc.uri));
    const path = pathOf(doc.uri);
    return codeActions(analysis, doc.uri, params.context, { ...(path ? { path } : {}), source, showsNotices });
  });

  /** The analysis of an open document with its settings, for the requests below. */
  async function analysed(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return { doc, analysis: analyse(doc, await settingsFor(uri)) };
  }

  connection.onCompletion(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    const path = pathOf(got.doc.uri);
    return completionsAt(got.analysis, params.position, { ...(path ? { path } : {}), source }).map(toCompletionItem);
  });

  connection.onDocumentSymbol(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return got ? documentSymbols(got.analysis).map(toDocumentSymbol) : null;
  });

  connection.onFoldingRanges(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return got ? foldingRanges(got.analysis).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region })) : null;
  });

  connection.onDocumentLinks(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    return fileLinks(got.analysis, pathOf(got.doc.uri)).map((l) => ({ range: l.range, target: pathToFileURL(l.path).href, tooltip: `Open ${l.path}` }));
  });

  connection.onDefinition(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    const loc = definitionAt(got.analysis, params.position, pathOf(got.doc.uri));
    return loc ? { uri: loc.file !== undefined ? pathToFileURL(loc.file).href : got.doc.uri, range: loc.range } : null;
  });

  connection.languages.semanticTokens.on(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return { data: got ? encodeSemanticTokens(semanticTokens(got.analysis)) : [] };
  });

  connection.onReferences(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    const path = pathOf(got.doc.uri);
    return userReferencesAt(got.analysis, params.position, { ...(path ? { path } : {}), source }).map((l) => ({ uri: l.file !== undefined ? pathToFileURL(l.file).href : got.doc.uri, range: l.range }));
  });

  connection.languages.inlayHint.on(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    return inlayHints(got.analysis, params.range.start.line, params.range.end.line).map((h) => ({
      position: h.position,
      label: h.label,
      paddingLeft: false,
      ...(h.tooltip ? { tooltip: h.tooltip } : {}),
    }));
  });

  // Connection snippets for the client command: the users of a document, or one snippet.
  connection.onExecuteCommand(async (params) => {
    if (params.command !== CONNECTION_COMMAND) return null;
    const [arg] = (params.arguments ?? []) as { uri?: string; user?: string; library?: string }[];
    const got = arg?.uri ? await analysed(arg.uri) : undefined;
    if (!got) return null;
    const facts = connectionFacts(got.analysis);
    if (!arg?.user) return { users: facts.users.length ? facts.users : ['default'], libraries: CLIENT_LIBRARIES };
    const library = CLIENT_LIBRARIES.find((l) => l === arg.library) ?? 'redis-py';
    return { snippet: connectionSnippet(facts, arg.user, library), variable: passwordVariable(arg.user) };
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The language server: keeps open documents, analyses them as they change and answers
 * requests from the same analysis. A burst of edits is analysed once, at its newest
 * version, and at most one diagnostics message per document waits to be written.
 */
import {
  CodeActionKind,
  FoldingRangeKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type PublishDiagnosticsParams,
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
import type { Finding, Settings } from '../analysis/types';
import { messages } from '../analysis/messages';
import { RULES } from '../knowledge/rules';
import { codeActions, fixAllEdit, FIX_ALL_KIND } from './codeActions';
import { fixAll, type TextEdit } from '../analysis/fixes';
import { toCompletionItem, toDiagnostic, toDocumentSymbol } from './convert';
import { minimatch } from 'minimatch';
import type { FileSource } from '../analysis/configModel';
import { diskFileSource, fileMode } from '../io/fileSource';
import { trustedSource } from './trust';
import { DocumentSettings } from './documentSettings';

/** The notification that tells the client which version a document is checked against. */
export const TARGET_NOTIFICATION = 'redisConfig/target';

/** The notification by which the client says the user now trusts the workspace. */
export const TRUST_NOTIFICATION = 'redisConfig/workspaceTrusted';

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

interface CachedAnalysis {
  readonly version: number;
  /** The effective settings it was made with. */
  readonly key: string;
  readonly analysis: Analysis;
  /** The files it read, and the glob patterns it listed. */
  readonly read: ReadonlySet<string>;
  readonly patterns: readonly string[];
  /** Fix-all's edits, once asked for. */
  fixAll?: { readonly edits: readonly TextEdit[]; readonly titles: readonly string[] };
}

/**
 * How long the server waits after an edit before analysing: a burst of edits (typing, a
 * paste replayed as many changes) is analysed once, at its newest version. A run is never
 * put off for longer than MAX_WAIT_MS by a steady stream of edits.
 */
const DEBOUNCE_MS = 30;

/** At most this many diagnostics per document are sent; a notice counts the rest. */
export const MAX_PUBLISHED = 5000;

function publishedFindings(findings: readonly Finding[]): readonly Finding[] {
  if (findings.length <= MAX_PUBLISHED) return findings;
  const notice: Finding = {
    code: 'document-too-large',
    severity: RULES['document-too-large'].severity,
    message: messages.tooManyFindings(MAX_PUBLISHED, findings.length),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
  return [notice, ...findings.slice(0, MAX_PUBLISHED)];
}
const MAX_WAIT_MS = 300;

export function startServer(connection: Connection, version: string): void {
  const documents = new TextDocuments(TextDocument);
  let showsNotices = false;
  /** The client registers file watchers for us, and resolves code actions (fix-all's edits). */
  let watchFiles = false;
  let resolveFixAll = false;
  /** Whether the workspace is trusted, and its folders (see trust.ts). */
  let trusted = true;
  let roots: readonly string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    documentSettings.initialize(params);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    resolveFixAll = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    // Only a client that shows fix notices (ours) gets the fixes that generate a password.
    showsNotices = (params.initializationOptions as { showsNotices?: unknown } | undefined)?.showsNotices === true;
    // Only our client says whether the workspace is trusted; other editors have no such notion.
    trusted = (params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false;
    roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
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

  connection.onInitialized(() => {
    // Included and ACL files that are not open: their changes on disk reach us this way.
    // Project files (.redis-config.json) too: they are re-read when one changes.
    if (watchFiles) {
      const watchers = [{ globPattern: '**/*.{conf,acl}' }, { globPattern: documentSettings.watchPattern }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((err: unknown) => connection.console.warn(`cannot watch files: ${String(err)}`));
    }
  });

  function settingsFor(uri: string): Promise<Settings> {
    return documentSettings.forDocument(uri).then(trustedSettings);
  }

  /** A workspace that is not trusted does not choose where includes are read from (editor settings and project file alike). */
  function trustedSettings(s: Settings): Settings {
    if (trusted || s.includeBaseDirectory === undefined) return s;
    const { includeBaseDirectory: _ignored, ...rest } = s;
    return rest;
  }

  // The user trusted the workspace: read what was held back, and check every document again.
  connection.onNotification(TRUST_NOTIFICATION, (params: { trusted?: unknown }) => {
    if (params?.trusted !== true || trusted) return;
    trusted = true;
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri);
  });

  // Open documents take precedence over the disk, so unsaved included files count. In a
  // workspace the user does not trust, nothing outside the workspace is read (trust.ts).
  const openText = (path: string): string | undefined => documents.get(pathToFileURL(path).href)?.getText();
  const disk = trustedSource(
    diskFileSource(openText),
    () => roots,
    () => trusted,
    (path) => openText(path) !== undefined,
  );
  // Editor settings over the project file over the defaults, per document.
  const documentSettings = new DocumentSettings(connection, disk);

  /** Files another open document includes, with the target of that document. */
  const includedBy = new Map<string, { target: Settings['target']; includer: string }>();

  /**
   * The analysis of each open document, for its version and settings, with the files it
   * read: hovers, hints, code actions and outlines reuse it instead of analysing again. An
   * entry goes when one of those files changes (an open document, or the disk).
   */
  const cache = new Map<string, CachedAnalysis>();

  function analyse(doc: TextDocument, settings: Settings): Analysis {
    const path = pathOf(doc.uri);
    // An included file is checked against the version of the file that includes it.
    const includer = path ? includedBy.get(path) : undefined;
    const effective: Settings = includer ? { ...settings, included: true, ...(settings.targetIsDefault ? { target: includer.target, targetIsDefault: false } : {}) } : settings;
    const key = JSON.stringify(effective);
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.key === key) return hit.analysis;
    const mode = path ? fileMode(path) : undefined;
    const read = new Set<string>();
    const patterns: string[] = [];
    const source: FileSource = {
      read: (p) => (read.add(p), disk.read(p)),
      failure: (p) => disk.failure?.(p) ?? 'missing',
      glob: (pattern) => (patterns.push(pattern), disk.glob(pattern)),
    };
    const analysis = analyzeDocument(doc.getText(), documentKindFor(doc.languageId, doc.uri), effective, { ...(path ? { path } : {}), ...(mode !== undefined ? { mode } : {}), source });
    cache.set(doc.uri, { version: doc.version, key, analysis, read, patterns });
    if (analysis.kind !== 'acl') {
      for (const [file, entry] of includedBy) if (entry.includer === doc.uri && !analysis.model.files.has(file)) includedBy.delete(file);
      for (const file of analysis.model.files.keys()) {
        if (file === path || includedBy.get(file)?.target === analysis.target) continue;
        includedBy.set(file, { target: analysis.target, includer: doc.uri });
        // The included file, if open, now has another target: check it again.
        const open = documents.get(pathToFileURL(file).href);
        if (open) schedule(open.uri);
      }
    }
    return analysis;
  }

  /** Forgets the analyses that read `path` (or globbed a pattern matching it), and checks those documents again. */
  function invalidate(path: string): void {
    for (const [uri, entry] of cache) {
      if (!entry.read.has(path) && !entry.patterns.some((p) => minimatch(path, p, { dot: false }))) continue;
      cache.delete(uri);
      schedule(uri);
    }
  }

  // Diagnostics: one pending run for all documents, each analysed at its newest version.
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstDirty = 0;

  function schedule(uri: string): void {
    if (dirty.size === 0) firstDirty = Date.now();
    dirty.add(uri);
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstDirty + MAX_WAIT_MS - Date.now()));
    timer = setTimeout(() => {
      timer = undefined;
      const uris = [...dirty];
      dirty.clear();
      for (const u of uris) validate(u).catch((err: unknown) => connection.console.error(`validation failed for ${u}: ${String(err)}`));
    }, wait);
  }

  /** The last target sent for each document, so that only changes are notified. */
  const sentTargets = new Map<string, string>();

  async function validate(uri: string): Promise<void> {
    const before = documents.get(uri);
    if (!before) return;
    const resolved = await documentSettings.resolve(uri);
    const doc = documents.get(uri);
    // Dropped when the document closed or changed while settings were fetched: the change
    // scheduled a run of its own.
    if (!doc || doc.version !== before.version) return;
    const analysis = analyse(doc, trustedSettings(resolved.settings));
    const docsBase = documentSettings.docsBase(resolved);
    publish({ uri, version: doc.version, diagnostics: publishedFindings(analysis.findings).map((f) => toDiagnostic(f, uri, docsBase)) });
    // A target that the project file chose is reported as such (the status bar says where it came from).
    const source = analysis.targetSource === 'setting' && resolved.targetOrigin === 'project' ? 'project' : analysis.targetSource;
    const requested = analysis.settings.requestedTarget;
    const target = `${analysis.target}\0${source}\0${requested ?? ''}`;
    if (sentTargets.get(uri) !== target) {
      sentTargets.set(uri, target);
      void connection.sendNotification(TARGET_NOTIFICATION, { uri, target: analysis.target, source, ...(requested ? { requested } : {}) });
    }
  }

  /**
   * At most one diagnostics message per document is being written at a time, and at most
   * one waits behind it (the newest): a client that reads slowly never makes the server
   * queue a message per edit. A waiting message whose version was superseded is dropped.
   */
  const writing = new Map<string, PublishDiagnosticsParams | null>();

  function publish(params: PublishDiagnosticsParams): void {
    if (writing.has(params.uri)) {
      writing.set(params.uri, params);
      return;
    }
    writing.set(params.uri, null);
    const done = (): void => {
      const next = writing.get(params.uri);
      writing.delete(params.uri);
      if (next && (next.version === undefined || documents.get(next.uri)?.version === next.version)) publish(next);
    };
    connection.sendDiagnostics(params).then(done, done);
  }

  documents.onDidChangeContent((e) => {
    schedule(e.document.uri);
    // Documents that include this one: their effective configuration changed too.
    const path = pathOf(e.document.uri);
    if (path) invalidate(path);
  });
  // A document was opened: its project file may be new or edited outside the editor.
  documents.onDidOpen(() => documentSettings.opened());
  documents.onDidClose((e) => {
    const { uri } = e.document;
    dirty.delete(uri);
    cache.delete(uri);
    sentTargets.delete(uri);
    documentSettings.closed(uri);
    publish({ uri, diagnostics: [] });
    // The includers now read this file from the disk.
    const path = pathOf(uri);
    if (path) invalidate(path);
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (documentSettings.watchedFilesChanged(params)) for (const doc of documents.all()) schedule(doc.uri);
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path) invalidate(path);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    documentSettings.configurationChanged(change.settings);
    for (const doc of documents.all()) schedule(doc.uri);
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const settings = await settingsFor(doc.uri);
    const path = pathOf(doc.uri);
    const hover = hoverAt(analyse(doc, settings), params.position, { ...(path ? { path } : {}), source: disk });
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  /** The safe fixes of a document's analysis, computed once per version and settings. */
  function fixAllOf(uri: string, analysis: Analysis): { edits: readonly TextEdit[]; titles: readonly string[] } {
    const entry = cache.get(uri);
    if (entry?.analysis !== analysis) return fixAll(analysis);
    return (entry.fixAll ??= fixAll(analysis));
  }

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = analyse(doc, await settingsFor(doc.uri));
    const path = pathOf(doc.uri);
    const offer = { lazy: resolveFixAll, data: { uri: doc.uri, version: doc.version }, compute: () => fixAllOf(doc.uri, analysis) };
    return codeActions(analysis, doc.uri, params.context, { ...(path ? { path } : {}), source: disk, showsNotices }, offer);
  });

  // Fix-all's edits, computed when the user picks it (or on save), for the version it was offered for.
  connection.onCodeActionResolve(async (action) => {
    const data = action.data as { uri?: unknown; version?: unknown } | undefined;
    if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
    const doc = documents.get(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const { edits } = fixAllOf(doc.uri, analyse(doc, await settingsFor(doc.uri)));
    return { ...action, edit: fixAllEdit(doc.uri, edits) };
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
    return completionsAt(got.analysis, params.position, { ...(path ? { path } : {}), source: disk }).map(toCompletionItem);
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
    return userReferencesAt(got.analysis, params.position, { ...(path ? { path } : {}), source: disk }).map((l) => ({ uri: l.file !== undefined ? pathToFileURL(l.file).href : got.doc.uri, range: l.range }));
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

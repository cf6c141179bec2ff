/**
 * The language server: keeps open documents, analyses them as they change and answers
 * requests from the same analysis. A burst of edits is analysed once, at its newest
 * version, and at most one diagnostics message per document waits to be written.
 */
import { IncludedBy } from './includedBy';
import {
  CodeActionKind,
  FoldingRangeKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  RAL,
  type Connection,
  type Disposable,
  type DocumentLink,
  type PublishDiagnosticsParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
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
import type { DocumentKind, Finding, Settings } from '../analysis/types';
import { messages } from '../analysis/messages';
import { RULES } from '../knowledge/rules';
import { codeActions, fixAllEdit, FIX_ALL_KIND } from './codeActions';
import { fixAll, type TextEdit } from '../analysis/fixes';
import { toCompletionItem, toDiagnostic, toDocumentSymbol } from './convert';
import { minimatch } from 'minimatch';
import { includeBase, type FileSource } from '../analysis/configModel';
import { PROJECT_FILE_NAME } from '../settings/names';
import { VCS_MARKERS, folderOf, type ProjectFs } from '../settings/projectFile';
import { trustedSource } from './trust';
import { DocumentSettings, type ProjectLocation } from './documentSettings';
import { clientFeatures, noticeFixContext, showNoticeMessage, type ClientFeatures } from './clientFeatures';
import { ClientFiles, MAX_FILE_BYTES, Wanted, type ClientRequests } from './clientFiles';
import { locate, type FileUris, type Located, type Space } from './spaces';
import {
  CLIENT_FILES_OPTION,
  CONNECTION_COMMAND,
  FILE_SYSTEM_REQUEST,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  SHOW_NOTICE_SERVER_COMMAND,
  TARGET_NOTIFICATION,
  TRUST_NOTIFICATION,
  type FileSystemResult,
  type ReadDirectoryResult,
  type ReadFileResult,
} from './protocol';

export { CONNECTION_COMMAND, TARGET_NOTIFICATION, TRUST_NOTIFICATION } from './protocol';

/** What the server can do on its own platform. */
export interface ServerPlatform {
  /** How `file:` URIs and paths are written here. */
  readonly fileUris: FileUris;
  /** Node: `file:` documents' neighbours are read from the disk. The browser has none: every file comes through the client. */
  readonly disk?: DiskAccess;
}

export interface DiskAccess {
  /** The disk, with open documents (by path) read first. */
  source(openText: (path: string) => string | undefined): FileSource;
  /** Permission bits, for the file-permission checks. */
  mode(path: string): number | undefined;
  /** Where a path leads once symbolic links are followed. */
  realPath(path: string): string;
  /** Whether a folder is the root of a repository. */
  isVcsRoot(dir: string): boolean;
}

export const SERVER_NAME = 'redis-config-language-server';

interface CachedAnalysis {
  readonly version: number;
  /** The effective settings it was made with. */
  readonly key: string;
  readonly analysis: Analysis;
  /** The files it read (URIs), and the glob patterns it listed (paths of its space). */
  readonly read: ReadonlySet<string>;
  readonly patterns: readonly string[];
  readonly space: Space | undefined;
  /** Fix-all's edits, once asked for. */
  fixAll?: { readonly edits: readonly TextEdit[]; readonly titles: readonly string[] };
}

/**
 * How long a burst of edits waits before it is analysed: a burst (edits sent faster than
 * they are analysed, a paste replayed as many changes) is analysed once, at its newest
 * version, after a pause this long. A run is never put off for longer than MAX_WAIT_MS by a
 * steady stream of edits. A lone edit does not wait (see `schedule`).
 */
const DEBOUNCE_MS = 30;

/** How long a file's permission bits are taken as read (see modeOf). */
const MODE_TTL_MS = 2000;

/** Entries a memo keeps before it starts afresh: far more than the documents an editor has open. */
const MEMO_SIZE = 1000;

/** Answers worked out once per URI (pure functions of it, for this server's lifetime). */
class Memo<T> {
  private readonly known = new Map<string, T>();

  get(key: string, work: () => T): T {
    if (this.known.has(key)) return this.known.get(key) as T;
    if (this.known.size >= MEMO_SIZE) this.known.clear();
    const value = work();
    this.known.set(key, value);
    return value;
  }
}

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

/**
 * Runs of the analysis before the files read through the client are all there: each run
 * fetches what the previous one lacked (a chain of includes arrives in one fetch, its globs'
 * folders in another). Past this many, what is still lacking is reported as out of reach.
 */
const MAX_ROUNDS = 12;

/** The files one run of a feature may read, for one document. */
interface DocFiles {
  readonly located: Located | undefined;
  readonly source: FileSource | undefined;
  readonly mode: number | undefined;
  /** The URIs read, and the glob patterns listed. */
  readonly read: Set<string>;
  readonly patterns: string[];
}

export function startServer(connection: Connection, version: string, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const { fileUris, disk: diskAccess } = platform;
  let features: ClientFeatures = { notices: 'comment', extensionCommands: false };
  /** The client registers file watchers for us, and resolves code actions (fix-all's edits). */
  let watchFiles = false;
  let resolveFixAll = false;
  /** The client reads files for us (protocol.ts): ours does, other editors do not. */
  let clientReads = false;
  /** Whether the workspace is trusted, and its folders (see trust.ts): paths on the disk, and URIs. */
  let trusted = true;
  let roots: readonly string[] = [];
  let folders: readonly string[] = [];

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    documentSettings.initialize(params);
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    resolveFixAll = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    const options = params.initializationOptions as Record<string, unknown> | undefined;
    // How a generated password reaches the user, and whether hovers may name our commands.
    features = clientFeatures(params);
    // Only our client says whether the workspace is trusted; other editors have no such notion.
    trusted = options?.workspaceTrusted !== false;
    clientReads = options?.[CLIENT_FILES_OPTION] === true;
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : [])).map((f) => f.uri);
    roots = folders.map((uri) => fileUris.toPath(uri)).filter((p): p is string => p !== undefined);
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
        executeCommandProvider: { commands: [CONNECTION_COMMAND, SHOW_NOTICE_SERVER_COMMAND] },
      },
      serverInfo: { name: SERVER_NAME, version },
    };
  });

  connection.onInitialized(() => {
    // Included and ACL files that are not open: their changes on disk reach us this way.
    // Project files (.redis-config.json) too: they are re-read when one changes.
    if (watchFiles) {
      const watchers = [{ globPattern: '**/*.{conf,acl}' }, { globPattern: documentSettings.watchPattern }];
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((err: unknown) => connection.console.warn(`cannot watch files: ${String(err)}`));
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

  /** Where a document's neighbours are, and how they are named (spaces.ts); worked out once per URI. */
  const located = new Memo<Located | undefined>();
  const locateDoc = (uri: string): Located | undefined => located.get(uri, () => locate(uri, { fileUris, localFiles: diskAccess !== undefined, folders }));

  /**
   * One spelling per file: the client and this platform may encode a `file:` URI differently
   * (`C:` or `c%3A`, `@` or `%40`), so file URIs are compared through their paths.
   */
  const canonicalUris = new Memo<string>();
  function canonical(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    return canonicalUris.get(uri, () => {
      const path = fileUris.toPath(uri);
      return path === undefined ? uri : fileUris.toUri(path);
    });
  }

  /**
   * The permission bits of documents' files, read at most once per MODE_TTL_MS: typing in a
   * document does not stat its file on every key, and a chmod shows within a second or two.
   */
  const modes = new Map<string, { mode: number | undefined; at: number }>();
  function modeOf(access: DiskAccess, path: string): number | undefined {
    const now = Date.now();
    const known = modes.get(path);
    if (known && now - known.at < MODE_TTL_MS) return known.mode;
    if (modes.size > MEMO_SIZE) modes.clear();
    const mode = access.mode(path);
    modes.set(path, { mode, at: now });
    return mode;
  }

  /** The open document with this URI, however the client spelled it. */
  function openDocument(uri: string): TextDocument | undefined {
    const doc = documents.get(uri);
    if (doc || !uri.startsWith('file:')) return doc;
    const wanted = canonical(uri);
    return documents.all().find((d) => d.uri.startsWith('file:') && canonical(d.uri) === wanted);
  }

  // Open documents take precedence over the disk, so unsaved included files count. In a
  // workspace the user does not trust, nothing outside the workspace is read (trust.ts).
  const openText = (path: string): string | undefined => openDocument(fileUris.toUri(path))?.getText();
  const disk = diskAccess
    ? trustedSource(
        diskAccess.source(openText),
        () => roots,
        () => trusted,
        (path) => openText(path) !== undefined,
        (path) => diskAccess.realPath(path),
      )
    : undefined;

  // Everything else is read through the client (protocol.ts), when it offers to.
  const notOffered = { failure: 'unreachable', detail: 'this editor does not read files for the language server' } as const;
  const requests: ClientRequests = {
    readFile: (uri) =>
      clientReads ? connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri, maxBytes: MAX_FILE_BYTES }) : Promise.resolve(notOffered),
    readDirectory: (uri) => (clientReads ? connection.sendRequest<ReadDirectoryResult>(READ_DIRECTORY_REQUEST, { uri }) : Promise.resolve(notOffered)),
  };
  const clientFiles = new ClientFiles(requests, (m) => connection.console.info(m));

  /** In a workspace not trusted, a file read through the client must be open or inside a workspace folder. */
  function allowedIn(space: Space): (uri: string) => boolean {
    return (uri) =>
      trusted || space.root !== undefined || openDocument(uri) !== undefined || folders.some((f) => uri === f || uri.startsWith(f.endsWith('/') ? f : `${f}/`));
  }

  /** The files a run may read for a document; what the client has not sent yet goes to `wanted`. */
  function filesOf(uri: string, settings: Settings, wanted: Wanted): DocFiles {
    const located = locateDoc(uri);
    const read = new Set<string>();
    const patterns: string[] = [];
    if (!located) return { located, source: undefined, mode: undefined, read, patterns };
    const { space, path } = located;
    let inner: FileSource | undefined;
    let mode: number | undefined;
    if (space.local && disk && diskAccess) {
      inner = disk;
      mode = modeOf(diskAccess, path);
    } else {
      const allowed = allowedIn(space);
      const base = includeBase({ path, ...(settings.includeBaseDirectory ? { baseDirectory: settings.includeBaseDirectory } : {}) }) ?? folderOf(path);
      inner = clientFiles.source(space, wanted, (u) => openDocument(u)?.getText(), allowed, { space, base, allowed });
    }
    const source = inner;
    const note = (p: string): void => {
      const u = space.uriOf(p);
      if (u !== undefined) read.add(u);
    };
    return {
      located,
      mode,
      read,
      patterns,
      source: {
        read: (p) => (note(p), source.read(p)),
        failure: (p) => source.failure?.(p) ?? 'missing',
        glob: (pattern) => (patterns.push(pattern), source.glob(pattern)),
      },
    };
  }

  /**
   * Runs `run` until the files it reads through the client are all there (see MAX_ROUNDS).
   * Reading from the disk, or a document that reads no other file, needs one run: its
   * result comes back at once, not as a promise, so that an edit is analysed and published
   * without waiting for turns of the microtask queue.
   */
  function settle<T>(uri: string, settings: Settings, run: (files: DocFiles) => T): T | Promise<T> {
    const wanted = new Wanted();
    const result = run(filesOf(uri, settings, wanted));
    return wanted.size === 0 ? result : fetchAndSettle(uri, settings, run, wanted);
  }

  async function fetchAndSettle<T>(uri: string, settings: Settings, run: (files: DocFiles) => T, first: Wanted): Promise<T> {
    let wanted = first;
    for (let round = 1; ; round++) {
      if (round >= MAX_ROUNDS) {
        connection.console.warn(`${uri}: still waiting for ${wanted.size} files after ${MAX_ROUNDS} rounds; they are reported as out of reach`);
        clientFiles.giveUp(wanted);
        return run(filesOf(uri, settings, new Wanted()));
      }
      await clientFiles.fetch(wanted);
      wanted = new Wanted();
      const result = run(filesOf(uri, settings, wanted));
      if (wanted.size === 0) return result;
    }
  }

  /** Project files: on the disk, or fetched through the client before the (synchronous) search. */
  async function projectLocation(uri: string): Promise<ProjectLocation | undefined> {
    const located = locateDoc(uri);
    if (!located) return undefined;
    const { space, path } = located;
    if (space.local && disk && diskAccess) return { space: space.key, path, fs: { read: (p) => disk.read(p), isVcsRoot: (dir) => diskAccess.isVcsRoot(dir) } };
    // The folders from the document's up to the workspace folder (or the top): a project file in each, and the markers of a repository.
    const dirs: string[] = [];
    for (let dir: string | undefined = folderOf(path); dir !== undefined; dir = dir === '/' || dir === space.root ? undefined : folderOf(dir)) dirs.push(dir);
    const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);
    const allowed = allowedIn(space);
    const fs = (wanted: Wanted): FileSource => clientFiles.source(space, wanted, (u) => openDocument(u)?.getText(), allowed);
    const wanted = new Wanted();
    const probe = fs(wanted);
    for (const dir of dirs) {
      probe.read(join(dir, PROJECT_FILE_NAME));
      if (space.root === undefined) for (const marker of VCS_MARKERS) probe.read(join(dir, marker));
    }
    if (wanted.size > 0) await clientFiles.fetch(wanted);
    const cached = fs(new Wanted());
    const projectFs: ProjectFs = {
      read: (p) => cached.read(p),
      // A repository's root holds a marker (read as a folder); a workspace folder is as far as a virtual document looks.
      isVcsRoot: (dir) =>
        dir === space.root || VCS_MARKERS.some((m) => cached.failure?.(join(dir, m)) === 'directory' || cached.read(join(dir, m)) !== undefined),
    };
    return { space: space.key, path, fs: projectFs };
  }

  // Editor settings over the project file over the defaults, per document.
  const documentSettings = new DocumentSettings(connection, projectLocation);

  /** Files other open documents include, with the target of the document that decides for each. */
  const includedBy = new IncludedBy();

  /** Checks again the open files among `files` (URIs): their includer or its target changed. */
  function recheckIncluded(files: readonly string[]): void {
    for (const file of files) {
      const open = openDocument(file);
      if (open) schedule(open.uri);
    }
  }

  /**
   * The analysis of each open document, for its version and settings, with the files it
   * read: hovers, hints, code actions and outlines reuse it instead of analysing again. An
   * entry goes when one of those files changes (an open document, the disk, or a file the
   * client reported changed).
   */
  const cache = new Map<string, CachedAnalysis>();

  /** The effective settings of a document: an included file is checked against the version of the file that includes it. */
  function effectiveSettings(uri: string, settings: Settings): Settings {
    const includer = includedBy.of(canonical(uri));
    return includer ? { ...settings, included: true, ...(settings.targetIsDefault ? { target: includer.target, targetIsDefault: false } : {}) } : settings;
  }

  /**
   * The cache key of a document's settings. A document's resolved settings are one object
   * until they change (see DocumentSettings), so the key is worked out once per object, not
   * once per edit. Settings are never changed in place.
   */
  const settingsKeys = new WeakMap<Settings, string>();
  function keyOf(settings: Settings): string {
    let key = settingsKeys.get(settings);
    if (key === undefined) settingsKeys.set(settings, (key = JSON.stringify(settings)));
    return key;
  }

  /** The kind of each open document (redis.conf, sentinel.conf, ACL file), by language and URI. */
  const kinds = new Map<string, { readonly languageId: string; readonly kind: DocumentKind }>();
  function kindOf(doc: TextDocument): DocumentKind {
    const known = kinds.get(doc.uri);
    if (known?.languageId === doc.languageId) return known.kind;
    if (kinds.size >= MEMO_SIZE) kinds.clear();
    const kind = documentKindFor(doc.languageId, doc.uri);
    kinds.set(doc.uri, { languageId: doc.languageId, kind });
    return kind;
  }

  /** The analysis of a document; at once when no file had to be fetched through the client (see settle). */
  function analyse(doc: TextDocument, settings: Settings): Analysis | Promise<Analysis> {
    const effective = effectiveSettings(doc.uri, settings);
    const key = keyOf(effective);
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.key === key) return hit.analysis;
    const run = settle(doc.uri, effective, (files) => {
      const path = files.located?.path;
      // The analysis of the version before, to reuse what the edit left alone.
      const analysis = analyzeDocument(
        doc.getText(),
        kindOf(doc),
        effective,
        {
          ...(path !== undefined ? { path } : {}),
          ...(files.mode !== undefined ? { mode: files.mode } : {}),
          ...(files.source ? { source: files.source } : {}),
        },
        hit?.analysis,
      );
      return { analysis, files };
    });
    return run instanceof Promise ? run.then((r) => keep(doc, key, r.analysis, r.files)) : keep(doc, key, run.analysis, run.files);
  }

  /** Caches a fresh analysis of `doc`, and notes what it includes. */
  function keep(doc: TextDocument, key: string, analysis: Analysis, files: DocFiles): Analysis {
    const current = documents.get(doc.uri);
    // The document changed or closed while files were fetched: this analysis is not kept.
    if (current?.version !== doc.version) return analysis;
    const space = files.located?.space;
    cache.set(doc.uri, { version: doc.version, key, analysis, read: files.read, patterns: files.patterns, space });
    if (analysis.kind !== 'acl' && space) {
      const includes = new Set<string>();
      const self = canonical(doc.uri);
      for (const file of analysis.model.files.keys()) {
        const u = space.uriOf(file);
        if (u !== undefined && u !== self) includes.add(u);
      }
      recheckIncluded(includedBy.set(doc.uri, analysis.target, includes));
    }
    return analysis;
  }

  /** The path `uri` has in `space`, when it is one of its files. */
  function pathIn(space: Space | undefined, uri: string): string | undefined {
    if (!space) return undefined;
    const path = space.local ? fileUris.toPath(uri) : safePath(uri);
    return path !== undefined && space.uriOf(path) === uri ? path : undefined;
  }

  /** Forgets the analyses that read `uri` (or globbed a pattern matching it), and checks those documents again. */
  function invalidate(changed: string): void {
    const uri = canonical(changed);
    for (const [doc, entry] of cache) {
      if (!entry.read.has(uri)) {
        const path = entry.patterns.length ? pathIn(entry.space, uri) : undefined;
        if (path === undefined || !entry.patterns.some((p) => minimatch(path, p, { dot: false }))) continue;
      }
      cache.delete(doc);
      schedule(doc);
    }
  }

  // Diagnostics: one pending run for all documents, each analysed at its newest version.
  const dirty = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let probe: Disposable | undefined;
  let firstDirty = 0;

  function flush(): void {
    const uris = [...dirty];
    dirty.clear();
    for (const u of uris) validate(u).catch((err: unknown) => connection.console.error(`validation failed for ${u}: ${String(err)}`));
  }

  /**
   * A lone edit is analysed at once: the run waits only for the messages already received to
   * be read (two turns of the JSON-RPC layer's own scheduler, in which it handles the next
   * queued message). When another change arrives in that time, the edits are a burst, and the
   * run waits for a pause of DEBOUNCE_MS instead. So a typist who waits for the diagnostics
   * never waits for a timer, and a flood of edits is analysed a few times, not once per edit.
   */
  function schedule(uri: string): void {
    if (dirty.size === 0) firstDirty = Date.now();
    dirty.add(uri);
    if (probe !== undefined) {
      probe.dispose();
      probe = undefined;
    } else if (timer === undefined) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- RAL's timer functions do not use `this`
      const { setImmediate } = RAL().timer;
      probe = setImmediate(() => {
        probe = setImmediate(() => {
          probe = undefined;
          flush();
        });
      });
      return;
    }
    if (timer) clearTimeout(timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, firstDirty + MAX_WAIT_MS - Date.now()));
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, wait);
  }

  /** The last target sent for each document, so that only changes are notified. */
  const sentTargets = new Map<string, string>();

  async function validate(uri: string): Promise<void> {
    const before = documents.get(uri);
    if (!before) return;
    // Settings known and no file to fetch (the usual edit): analysed and published in this turn.
    const resolved = documentSettings.known(uri) ?? (await documentSettings.resolve(uri));
    let doc = documents.get(uri);
    // Dropped when the document closed or changed while settings were fetched: the change
    // scheduled a run of its own.
    if (!doc || doc.version !== before.version) return;
    const got = analyse(doc, trustedSettings(resolved.settings));
    const analysis = got instanceof Promise ? await got : got;
    doc = documents.get(uri);
    // The same while files were fetched through the client.
    if (!doc || doc.version !== before.version) return;
    const docsBase = documentSettings.docsBase(resolved);
    const uriOf = linkTarget(uri);
    publish({ uri, version: doc.version, diagnostics: publishedFindings(analysis.findings).map((f) => toDiagnostic(f, uri, docsBase, uriOf)) });
    // A target that the project file chose is reported as such (the status bar says where it came from).
    const source = analysis.targetSource === 'setting' && resolved.targetOrigin === 'project' ? 'project' : analysis.targetSource;
    const requested = analysis.settings.requestedTarget;
    const target = `${analysis.target}\0${source}\0${requested ?? ''}`;
    if (sentTargets.get(uri) !== target) {
      sentTargets.set(uri, target);
      void connection.sendNotification(TARGET_NOTIFICATION, { uri, target: analysis.target, source, ...(requested ? { requested } : {}) });
    }
  }

  /** The URI of a file a document's analysis names (an included file), in the document's space. */
  function linkTarget(uri: string): (path: string) => string | undefined {
    const space = locateDoc(uri)?.space;
    return (path) => space?.uriOf(path);
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
    invalidate(e.document.uri);
  });
  // A document was opened: its project file may be new or edited outside the editor, and so
  // may the files read through the client (which reports no change for most schemes).
  documents.onDidOpen(() => {
    documentSettings.opened();
    clientFiles.clear();
  });
  documents.onDidClose((e) => {
    const { uri } = e.document;
    dirty.delete(uri);
    cache.delete(uri);
    sentTargets.delete(uri);
    kinds.delete(uri);
    documentSettings.closed(uri);
    recheckIncluded(includedBy.delete(uri));
    publish({ uri, diagnostics: [] });
    // The includers now read this file from the disk.
    invalidate(uri);
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (documentSettings.watchedFilesChanged(params)) for (const doc of documents.all()) schedule(doc.uri);
    for (const change of params.changes) {
      clientFiles.forget(change.uri);
      invalidate(change.uri);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    documentSettings.configurationChanged(change.settings);
    for (const doc of documents.all()) schedule(doc.uri);
  });

  /** The analysis of an open document with its settings, and a run of `feature` over it with the document's files. */
  async function withAnalysis<T>(uri: string, feature: (doc: TextDocument, analysis: Analysis, files: DocFiles) => T): Promise<T | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    const analysis = await analyse(doc, settings);
    return settle(uri, effectiveSettings(uri, settings), (files) => feature(doc, analysis, files));
  }

  /** Whether quick fixes may edit files of a scheme; asked of the client once per scheme. */
  const writable = new Map<string, Promise<boolean>>();
  function canWrite(uri: string): Promise<boolean> {
    const located = locateDoc(uri);
    const scheme = safeScheme(uri);
    if ((located?.space.local && disk) || scheme === 'untitled' || !clientReads) return Promise.resolve(true);
    let answer = writable.get(scheme);
    if (!answer) {
      answer = connection.sendRequest<FileSystemResult>(FILE_SYSTEM_REQUEST, { scheme }).then(
        (r) => r.writable === true,
        () => false,
      );
      writable.set(scheme, answer);
    }
    return answer;
  }

  connection.onHover(async (params) => {
    const hover = await withAnalysis(params.textDocument.uri, (_doc, analysis, files) =>
      hoverAt(analysis, params.position, {
        ...(files.located ? { path: files.located.path } : {}),
        ...(files.source ? { source: files.source } : {}),
        extensionCommands: features.extensionCommands,
      }),
    );
    return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
  });

  /** The safe fixes of a document's analysis, computed once per version and settings. */
  function fixAllOf(uri: string, analysis: Analysis): { edits: readonly TextEdit[]; titles: readonly string[] } {
    const entry = cache.get(uri);
    if (entry?.analysis !== analysis) return fixAll(analysis);
    return (entry.fixAll ??= fixAll(analysis));
  }

  connection.onCodeAction(async (params) => {
    // A read-only document (a git revision, a pull request's base) gets no fixes: none could be applied.
    if (!(await canWrite(params.textDocument.uri))) return [];
    const actions = await withAnalysis(params.textDocument.uri, (doc, analysis, files) => {
      const offer = { lazy: resolveFixAll, data: { uri: doc.uri, version: doc.version }, compute: () => fixAllOf(doc.uri, analysis) };
      const fixContext = {
        ...(files.located ? { path: files.located.path } : {}),
        ...(files.source ? { source: files.source } : {}),
        ...noticeFixContext(features),
      };
      return codeActions(analysis, doc.uri, params.context, fixContext, offer, linkTarget(doc.uri), features);
    });
    return actions ?? null;
  });

  // Fix-all's edits, computed when the user picks it (or on save), for the version it was offered for.
  connection.onCodeActionResolve(async (action) => {
    const data = action.data as { uri?: unknown; version?: unknown } | undefined;
    if (action.kind !== FIX_ALL_KIND || typeof data?.uri !== 'string') return action;
    const doc = documents.get(data.uri);
    if (!doc || doc.version !== data.version) return action;
    const { edits } = fixAllOf(doc.uri, await analyse(doc, await settingsFor(doc.uri)));
    return { ...action, edit: fixAllEdit(doc.uri, edits) };
  });

  /** The analysis of an open document with its settings, for the requests below. */
  async function analysed(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return { doc, analysis: await analyse(doc, await settingsFor(uri)) };
  }

  connection.onCompletion(async (params) => {
    const items = await withAnalysis(params.textDocument.uri, (_doc, analysis, files) =>
      completionsAt(analysis, params.position, {
        ...(files.located ? { path: files.located.path } : {}),
        ...(files.source ? { source: files.source } : {}),
      }).map(toCompletionItem),
    );
    return items ?? null;
  });

  connection.onDocumentSymbol(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return got ? documentSymbols(got.analysis).map(toDocumentSymbol) : null;
  });

  connection.onFoldingRanges(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return got
      ? foldingRanges(got.analysis).map((f) => ({
          startLine: f.startLine,
          endLine: f.endLine,
          kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
        }))
      : null;
  });

  connection.onDocumentLinks(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    const located = locateDoc(got.doc.uri);
    const links: DocumentLink[] = [];
    for (const l of fileLinks(got.analysis, located?.path)) {
      // A file the document's space cannot name (a path of the Redis host, seen from a repository) gets no link.
      const target = located?.space.uriOf(l.path);
      if (target !== undefined) links.push({ range: l.range, target, tooltip: `Open ${l.path}` });
    }
    return links;
  });

  connection.onDefinition(async (params) => {
    const got = await analysed(params.textDocument.uri);
    if (!got) return null;
    const located = locateDoc(got.doc.uri);
    const loc = definitionAt(got.analysis, params.position, located?.path);
    if (!loc) return null;
    const target = loc.file !== undefined ? located?.space.uriOf(loc.file) : got.doc.uri;
    return target !== undefined ? { uri: target, range: loc.range } : null;
  });

  connection.languages.semanticTokens.on(async (params) => {
    const got = await analysed(params.textDocument.uri);
    return { data: got ? encodeSemanticTokens(semanticTokens(got.analysis)) : [] };
  });

  connection.onReferences(async (params) => {
    const found = await withAnalysis(params.textDocument.uri, (doc, analysis, files) =>
      userReferencesAt(analysis, params.position, {
        ...(files.located ? { path: files.located.path } : {}),
        ...(files.source ? { source: files.source } : {}),
      }).flatMap((l) => {
        const target = l.file !== undefined ? files.located?.space.uriOf(l.file) : doc.uri;
        return target !== undefined ? [{ uri: target, range: l.range }] : [];
      }),
    );
    return found ?? null;
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
    if (params.command === SHOW_NOTICE_SERVER_COMMAND) {
      // The message waits for the user; the command's answer does not.
      void showNoticeMessage(connection, params.arguments?.[0]);
      return null;
    }
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

function safeScheme(uri: string): string {
  try {
    return URI.parse(uri).scheme;
  } catch {
    return '';
  }
}

function safePath(uri: string): string | undefined {
  try {
    return URI.parse(uri).path;
  } catch {
    return undefined;
  }
}

/**
 * The settings of each open document, in the server: the editor's choices (pulled with
 * `workspace/configuration` when the client offers it, else taken from
 * `initializationOptions.settings` and `workspace/didChangeConfiguration`) over the
 * project file `.redis-config.json` found upwards from the document, over the defaults.
 * Project files are re-read when the client reports a change to one (the server asks
 * for `**∕.redis-config.json` file events when the client lets it register them) and
 * when a document is opened.
 */
import { MessageType, ShowMessageNotification, type Connection, type DidChangeWatchedFilesParams, type InitializeParams } from 'vscode-languageserver';
import type { Settings } from '../analysis/types';
import { DEFAULT_DOCS_BASE_URL } from '../settings/docsLinks';
import { PROJECT_FILE_NAME, SETTINGS_SECTION } from '../settings/names';
import type { ProjectFs } from '../settings/projectFile';
import { ProjectFiles } from '../settings/projectSettings';
import { checkSetting, resolveSettings, type ResolvedSettings, type SettingsLayer, type UserSettings } from '../settings/schema';
import { editorSettings } from './settings';

/**
 * Where a document's project file is searched: its path, and the files around it (the disk,
 * or the editor's file system with what it needs fetched first). Files of one `space` are
 * the same files for every document in it.
 */
export interface ProjectLocation {
  readonly space: string;
  readonly path: string;
  readonly fs: ProjectFs;
}

export class DocumentSettings {
  private pull = false;
  /** The client's own choice of documentation links (VS Code: the pages in the extension). */
  private clientDocsBase: string | undefined;
  private global: UserSettings = {};
  private readonly editorCache = new Map<string, Promise<UserSettings>>();
  private readonly resolved = new Map<string, ResolvedSettings>();
  private readonly reported = new Set<string>();
  /** The project files found, per space. */
  private readonly projects = new Map<string, ProjectFiles>();

  constructor(
    private readonly connection: Connection,
    private readonly locate: (uri: string) => Promise<ProjectLocation | undefined>,
  ) {}

  initialize(params: InitializeParams): void {
    this.pull = params.capabilities.workspace?.configuration === true;
    const options = params.initializationOptions as { settings?: unknown; docsBaseUrl?: unknown } | undefined;
    this.global = this.read(options?.settings);
    this.clientDocsBase = checkSetting('docsBaseUrl', options?.docsBaseUrl).value;
  }

  /** The file events the server needs for project files (it registers them with its own, after `initialized`). */
  readonly watchPattern = `**/${PROJECT_FILE_NAME}`;

  /** The analysis settings of a document. */
  async forDocument(uri: string): Promise<Settings> {
    return (await this.resolve(uri)).settings;
  }

  /**
   * The resolution of a document, when it is known already (as `resolve` would answer it,
   * without a turn of the microtask queue): an entry is only made once the editor settings
   * it rests on were read, and goes with them.
   */
  known(uri: string): ResolvedSettings | undefined {
    return this.resolved.get(uri);
  }

  /** The full resolution, with the documentation base and where the target came from. */
  async resolve(uri: string): Promise<ResolvedSettings> {
    const editor = await this.editorFor(uri);
    const cached = this.resolved.get(uri);
    if (cached) return cached;
    const at = await this.locate(uri);
    const layers: SettingsLayer[] = [
      ...(at ? [{ origin: 'project' as const, settings: this.projectsOf(at).settingsFor(at.path) }] : []),
      { origin: 'editor', settings: editor },
    ];
    const result = resolveSettings(layers);
    this.resolved.set(uri, result);
    return result;
  }

  private projectsOf(at: ProjectLocation): ProjectFiles {
    let projects = this.projects.get(at.space);
    if (!projects) {
      projects = new ProjectFiles(at.fs, (project) => this.report(project.problems, true));
      this.projects.set(at.space, projects);
    }
    return projects;
  }

  /** The base of documentation links for a document's diagnostics. */
  docsBase(resolved: ResolvedSettings): string {
    return resolved.docsBaseUrl ?? this.clientDocsBase ?? DEFAULT_DOCS_BASE_URL;
  }

  /** `workspace/didChangeConfiguration`: forget every cached setting. */
  configurationChanged(settings: unknown): void {
    this.editorCache.clear();
    this.resolved.clear();
    this.reported.clear();
    if (!this.pull) this.global = this.read((settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
  }

  /** True when a project file changed: every document must be checked again. */
  watchedFilesChanged(params: DidChangeWatchedFilesParams): boolean {
    if (!params.changes.some((c) => c.uri.endsWith(`/${PROJECT_FILE_NAME}`))) return false;
    this.reported.clear();
    this.projectsChanged();
    return true;
  }

  /** A document was opened: its project file may be new or edited outside the editor. */
  opened(): void {
    this.projectsChanged();
  }

  closed(uri: string): void {
    this.editorCache.delete(uri);
    this.resolved.delete(uri);
  }

  private projectsChanged(): void {
    this.projects.clear();
    this.resolved.clear();
  }

  private editorFor(uri: string): Promise<UserSettings> {
    if (!this.pull) return Promise.resolve(this.global);
    let s = this.editorCache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw) => this.read(raw),
        () => this.global,
      );
      this.editorCache.set(uri, s);
    }
    return s;
  }

  private read(raw: unknown): UserSettings {
    const { settings, problems } = editorSettings(raw);
    this.report(problems, false);
    return settings;
  }

  /** Says each problem once (until the settings change): in a message for project files, in the log for editor settings. */
  private report(problems: readonly string[], show: boolean): void {
    const fresh = problems.filter((p) => !this.reported.has(p));
    if (!fresh.length) return;
    for (const p of fresh) this.reported.add(p);
    this.connection.console.warn(fresh.join('\n'));
    // A notification, not a request: nothing to answer, and clients without message UI lose nothing.
    if (show)
      void this.connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Redis Config: ${fresh.join('; ')}` })
        .catch(() => undefined);
  }
}

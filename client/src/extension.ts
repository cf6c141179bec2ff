/**
 * The VS Code side, in desktop VS Code (nodeClient.ts) and in the browser (browserClient.ts):
 * starts the bundled language server, forwards the `redisConfig` settings, reads the files
 * the server asks for (fileBridge.ts), and shows which version the active file is checked
 * against.
 *
 * The extension also activates for Properties files (a Redis config named `cache.conf` opens
 * as one; contentDetection.ts looks at it). The language server starts only when a
 * redis-conf or redis-acl document is open: a workspace of Java .properties files never
 * runs it.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  CHOOSE_TARGET_COMMAND,
  CLIENT_FILES_OPTION,
  CONNECTION_COMMAND,
  EXTENSION_COMMANDS_OPTION,
  SHOW_NOTICE_COMMAND,
  TARGET_NOTIFICATION,
  TRUST_NOTIFICATION,
  COPY_CONNECTION_COMMAND,
} from '../../server/src/lsp/protocol';
import { PROJECT_FILE_NAME, SETTINGS_SECTION } from '../../server/src/settings/names';
import { registerContentDetection } from './contentDetection';
import { explicitSettings, scopeOf } from './explicitSettings';
import { registerFileBridge } from './fileBridge';
import { registerRuleDocs } from './ruleDocs';
import { registerTargetPicker } from './targetPicker';

let client: BaseLanguageClient | undefined;
/** The start under way or done, shared by every document that asks for it. */
let starting: Promise<void> | undefined;

const LANGUAGES = ['redis-conf', 'redis-acl'];

interface TargetInfo {
  readonly uri: string;
  readonly target: string;
  readonly source: 'pragma' | 'setting' | 'project' | 'default';
  /** A version without its own table, checked as `target`. */
  readonly requested?: string;
}

/** What `activate` returns, for tests and other extensions. */
export interface RedisConfigApi {
  /** Whether the language server was started (it is, once a Redis document was open). */
  languageServerStarted(): boolean;
}

/** How each build starts its server, and where rule pages are opened from (undefined: the published pages). */
export interface ClientPlatform {
  /** Called once, when the first Redis document is open (the browser starts its worker then). */
  createClient(options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
  readonly docsBaseUrl?: string;
}

export async function startClient(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<RedisConfigApi> {
  // What works without the server: commands, the picker, the rule pages, content detection.
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_NOTICE_COMMAND, showNotice));
  context.subscriptions.push(vscode.commands.registerCommand(COPY_CONNECTION_COMMAND, () => copyConnectionSnippet()));
  registerRuleDocs(context);
  registerTargetPicker(context, LANGUAGES);
  const status = new TargetStatus();
  context.subscriptions.push(status);

  // Once: a server that failed to start is reported, not started again for every document.
  const ensureStarted = (): Promise<void> => (starting ??= launch(context, platform, status).catch(reportStartFailure));
  // A document switched to redis-conf (by content detection or the user) is closed and
  // reopened in its new language: this sees it too.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (LANGUAGES.includes(doc.languageId)) void ensureStarted();
    }),
  );
  registerContentDetection(context);
  if (vscode.workspace.textDocuments.some((doc) => LANGUAGES.includes(doc.languageId))) await ensureStarted();
  return { languageServerStarted: () => starting !== undefined };
}

function reportStartFailure(err: unknown): void {
  void vscode.window.showErrorMessage(`Redis Config: the language server did not start: ${err instanceof Error ? err.message : String(err)}`);
}

async function launch(context: vscode.ExtensionContext, platform: ClientPlatform, status: TargetStatus): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    // Every scheme: a file on disk, an untitled buffer, a remote machine's file, a repository
    // opened in the browser (vscode-vfs), a git revision or a pull request's files in a diff
    // (git, pr, review). The server reads the files they include through this client.
    documentSelector: LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: SETTINGS_SECTION },
    // Only what the user set: the rest falls through to .redis-config.json, then the defaults.
    // In a workspace the user does not trust, the server reads no file outside it.
    initializationOptions: {
      settings: explicitSettings(),
      showsNotices: true,
      [EXTENSION_COMMANDS_OPTION]: true,
      ...(platform.docsBaseUrl !== undefined ? { docsBaseUrl: platform.docsBaseUrl } : {}),
      workspaceTrusted: vscode.workspace.isTrusted,
      [CLIENT_FILES_OPTION]: true,
    },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result: unknown = await next(params, token);
          if (!Array.isArray(result)) return result as Awaited<ReturnType<typeof next>>;
          const values: unknown[] = result;
          return params.items.map((item, i) =>
            item.section === SETTINGS_SECTION ? explicitSettings(scopeOf(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)) : values[i],
          );
        },
      },
    },
  };
  const created = await platform.createClient(clientOptions);
  client = created;
  context.subscriptions.push(...registerFileBridge(created));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void created.sendNotification(TRUST_NOTIFICATION, { trusted: true })));
  context.subscriptions.push(created.onNotification(TARGET_NOTIFICATION, (info: TargetInfo) => status.set(info)));
  await created.start();
}

/**
 * Shows what a fix needs the user to know once — a generated password, which the files only
 * hold as a hash — with a button that copies the secret and nothing else.
 */
async function showNotice(notice: string): Promise<void> {
  const secret = /\b[0-9a-f]{64}\b/.exec(notice)?.[0];
  const choice = await vscode.window.showInformationMessage(notice, { modal: true }, ...(secret ? ['Copy password'] : []));
  if (choice === 'Copy password' && secret) await vscode.env.clipboard.writeText(secret);
}

/**
 * Asks which ACL user and which client library, then copies a connection snippet whose
 * password comes from an environment variable.
 */
async function copyConnectionSnippet(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !LANGUAGES.includes(doc.languageId)) {
    void vscode.window.showWarningMessage('Open a Redis config or ACL file first.');
    return;
  }
  // The document being open has started the server; wait for it if it is still starting.
  await starting;
  if (!client) return;
  const uri = client.code2ProtocolConverter.asUri(doc.uri);
  const choices = await client.sendRequest<{ users: string[]; libraries: string[] } | null>('workspace/executeCommand', {
    command: CONNECTION_COMMAND,
    arguments: [{ uri }],
  });
  if (!choices) return;
  const user = await vscode.window.showQuickPick(choices.users, { title: 'Connect as which user?' });
  if (!user) return;
  const library = await vscode.window.showQuickPick(choices.libraries, { title: 'For which client library?' });
  if (!library) return;
  const result = await client.sendRequest<{ snippet: string; variable: string } | null>('workspace/executeCommand', {
    command: CONNECTION_COMMAND,
    arguments: [{ uri, user, library }],
  });
  if (!result) return;
  await vscode.env.clipboard.writeText(result.snippet);
  void vscode.window.showInformationMessage(`Copied a ${library} snippet for '${user}'. It reads the password from $${result.variable}.`);
}

/** A status bar item with the target version of the active file, as the server resolved it. */
class TargetStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('redisConfig.target', vscode.StatusBarAlignment.Right, 100);
  private readonly targets = new Map<string, TargetInfo>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = 'Redis target version';
    this.item.command = { title: 'Choose target version', command: CHOOSE_TARGET_COMMAND };
    this.subscriptions = [vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  set(info: TargetInfo): void {
    this.targets.set(info.uri, info);
    this.update();
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const info = doc && LANGUAGES.includes(doc.languageId) ? this.targets.get(doc.uri.toString()) : undefined;
    if (!info) {
      this.item.hide();
      return;
    }
    const why = {
      pragma: 'set by a redis-config comment in this file',
      setting: 'set by redisConfig.targetVersion',
      project: `set by ${PROJECT_FILE_NAME}`,
      default: 'chosen from the file name (redisConfig.targetVersion is auto)',
    }[info.source];
    if (info.requested) {
      this.item.text = `$(database) ${info.requested} ≈ ${info.target}`;
      this.item.tooltip = `No table for ${info.requested}: checked against ${info.target}, the nearest version with one (${why})`;
    } else {
      this.item.text = `$(database) ${info.target}`;
      this.item.tooltip = `Checked against ${info.target}: ${why}`;
    }
    this.item.command = { title: 'Choose target version', command: CHOOSE_TARGET_COMMAND, arguments: [{ current: info.target }] };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

export async function deactivate(): Promise<void> {
  // A start under way finishes first, so that its server is stopped too.
  await starting;
  await client?.stop();
  client = undefined;
  starting = undefined;
}

/**
 * *Redis Config: Choose target version* (also the status bar's version item): picks a
 * version, then where to set it — a `# redis-config: target=…` comment in this file, or the
 * `redisConfig.targetVersion` setting of the workspace or the user. Arguments `{ target,
 * where }` skip the questions (tests and keybindings use them).
 */
import * as vscode from 'vscode';
import { TARGETS } from '../../server/src/knowledge/types';
import { CHOOSE_TARGET_COMMAND } from '../../server/src/lsp/protocol';
import { SETTINGS_SECTION, type SettingName } from '../../server/src/settings/names';

export type TargetPlace = 'file' | 'workspace' | 'user';

export interface ChooseTargetArgs {
  /** The version in use, marked in the list. */
  readonly current?: string;
  readonly target?: string;
  readonly where?: TargetPlace;
}

/** The same comment the server reads (server/src/analysis/target.ts). */
const PRAGMA = /^([ \t]*#[ \t]*redis-config:[ \t]*target[ \t]*=[ \t]*)(\S*)/;

/** The range of the version in the first pragma of a document, if it has one. */
export function pragmaValueRange(doc: vscode.TextDocument): vscode.Range | undefined {
  for (let line = 0; line < doc.lineCount; line++) {
    const m = PRAGMA.exec(doc.lineAt(line).text);
    if (m) return new vscode.Range(line, (m[1] ?? '').length, line, (m[1] ?? '').length + (m[2] ?? '').length);
  }
  return undefined;
}

export function registerTargetPicker(context: vscode.ExtensionContext, languages: readonly string[]): void {
  context.subscriptions.push(vscode.commands.registerCommand(CHOOSE_TARGET_COMMAND, (args?: ChooseTargetArgs) => chooseTarget(languages, args ?? {})));
}

async function chooseTarget(languages: readonly string[], args: ChooseTargetArgs): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !languages.includes(doc.languageId)) {
    void vscode.window.showWarningMessage('Open a Redis config or ACL file first.');
    return false;
  }
  // ACL files have no comments: only the setting can choose their version.
  const commentable = doc.languageId !== 'redis-acl';
  const pragma = commentable ? pragmaValueRange(doc) : undefined;
  const target = args.target ?? (await pickTarget(args.current));
  if (!target) return false;
  const where = args.where ?? (await pickPlace(target, commentable, pragma !== undefined));
  if (!where) return false;
  if (where === 'file') {
    if (!commentable || target === 'auto') return false;
    const edit = new vscode.WorkspaceEdit();
    if (pragma) edit.replace(doc.uri, pragma, target);
    else edit.insert(doc.uri, new vscode.Position(0, 0), `# redis-config: target=${target}${doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
    return vscode.workspace.applyEdit(edit);
  }
  const scope = where === 'workspace' && vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION, doc.uri).update('targetVersion' satisfies SettingName, target, scope);
  if (pragma) void vscode.window.showInformationMessage(`The comment '# redis-config: target=${doc.getText(pragma)}' in this file still chooses its version.`);
  return true;
}

async function pickTarget(current: string | undefined): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = [
    ...TARGETS.map((t) => ({ label: t, ...(t === current ? { description: 'in use' } : {}) })),
    { label: 'auto', description: 'setting only: the newest Valkey for valkey*.conf, the newest Redis otherwise' },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Check against which Redis or Valkey version?' }))?.label;
}

async function pickPlace(target: string, commentable: boolean, hasPragma: boolean): Promise<TargetPlace | undefined> {
  const items: (vscode.QuickPickItem & { place: TargetPlace })[] = [];
  if (commentable && target !== 'auto') {
    items.push({ place: 'file', label: 'In this file', description: `${hasPragma ? 'changes' : 'adds'} the comment # redis-config: target=${target}` });
  }
  if (vscode.workspace.workspaceFolders?.length)
    items.push({ place: 'workspace', label: 'Workspace setting', description: `redisConfig.targetVersion = ${target}` });
  items.push({ place: 'user', label: 'User setting', description: `redisConfig.targetVersion = ${target}` });
  return (await vscode.window.showQuickPick(items, { title: `Set ${target} where?` }))?.place;
}

/**
 * The `redisConfig` settings the user actually set, at any level (user, workspace, folder,
 * language-specific), and nothing else: VS Code's `get()` fills in defaults, which would
 * hide the project file `.redis-config.json` (editor settings the user set > project file
 * > defaults). The language server receives these through the configuration middleware.
 */
import * as vscode from 'vscode';
import { SETTING_NAMES, SETTINGS_SECTION } from '../../server/src/settings/names';

export function explicitSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const i = config.inspect(name);
    if (!i) continue;
    const chosen = [
      i.workspaceFolderLanguageValue,
      i.workspaceLanguageValue,
      i.globalLanguageValue,
      i.workspaceFolderValue,
      i.workspaceValue,
      i.globalValue,
    ].some((v) => v !== undefined);
    // get() gives the effective value: object settings (rules) merged across levels.
    if (chosen) out[name] = config.get(name);
  }
  return out;
}

/** The scope of a configuration request: the open document (for language-specific values) or its URI. */
export function scopeOf(uri: vscode.Uri | undefined): vscode.ConfigurationScope | undefined {
  if (!uri) return undefined;
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? uri;
}

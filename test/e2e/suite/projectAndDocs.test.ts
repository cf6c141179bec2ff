import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForDiagnostic, lineOf, describeDiagnostics } from './helpers';

/** The active tab when it is a Markdown preview of `file`. */
function previewOf(file: string): vscode.Tab | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  if (!tab || !(tab.input instanceof vscode.TabInputWebview)) return undefined;
  return tab.input.viewType.includes('markdown.preview') && tab.label.includes(file) ? tab : undefined;
}

function tabs(): string {
  return vscode.window.tabGroups.all
    .flatMap((g) =>
      g.tabs.map(
        (t) =>
          `${t.label} (${t.input instanceof vscode.TabInputWebview ? t.input.viewType : t.input instanceof vscode.TabInputText ? t.input.uri.toString() : '?'})`,
      ),
    )
    .join(', ');
}

suite('project file and rule documentation', () => {
  suiteTeardown(closeAllEditors);

  test('.redis-config.json applies: VS Code defaults do not hide it', async () => {
    const editor = await openFixture('project-file/redis.conf');
    const uri = editor.document.uri;
    // targetVersion redis-6.2 from the project file: enable-debug-command is a 7.0 directive.
    await waitForDiagnostic(uri, 'unsupported-in-version', lineOf(editor.document, 'enable-debug-command no'));
    // profile development from the project file, although VS Code's default is production.
    const bind = await waitForDiagnostic(uri, 'bind-all-interfaces', lineOf(editor.document, 'bind 0.0.0.0'));
    assert.strictEqual(bind.severity, vscode.DiagnosticSeverity.Hint, describeDiagnostics(uri));
  });

  test('VS Code checks and completes .redis-config.json with the shipped JSON Schema', async () => {
    const uri = fixtureUri('schema-check', '.redis-config.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const line = lineOf(doc, '"targetVersion": "redis-latest",');
    await waitFor(
      'a JSON Schema error on the unknown target',
      () => vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === line && /redis-6\.0|not accepted|Value is not/i.test(d.message)),
      () => describeDiagnostics(uri),
    );
    // Completion of a key on the empty line: the settings, with overrides.
    const empty = lineOf(doc, '');
    const items = await waitFor('completion of the settings', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(empty, 2));
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.some((l) => l.includes('minPasswordLength')) ? labels : undefined;
    });
    for (const key of ['profile', 'overrides', 'includeBaseDirectory'])
      assert.ok(
        items.some((l) => l.includes(key)),
        `${key} in ${items.join(', ')}`,
      );
  });

  test('a diagnostic code links to the bundled page, which opens in the Markdown preview', async () => {
    const editor = await openFixture('redis.conf');
    const diagnostic = await waitForDiagnostic(editor.document.uri, 'bind-all-interfaces', lineOf(editor.document, 'bind 0.0.0.0'));
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code !== null, 'the code carries a link');
    const target = code.target;
    assert.strictEqual(target.scheme, vscode.env.uriScheme);
    assert.strictEqual(target.authority, EXTENSION_ID);
    assert.strictEqual(target.path, '/rules/bind-all-interfaces.md');
    // What the Problems panel, the hover and the peek view do with a code link: the opener service.
    await vscode.commands.executeCommand('vscode.open', target);
    await waitFor('the Markdown preview of bind-all-interfaces.md', () => previewOf('bind-all-interfaces.md'), tabs);
  });

  test('the command opens any rule page in the preview', async () => {
    await vscode.commands.executeCommand('redisConfig.showRuleDocumentation', 'no-auth');
    await waitFor('the Markdown preview of no-auth.md', () => previewOf('no-auth.md'), tabs);
  });
});

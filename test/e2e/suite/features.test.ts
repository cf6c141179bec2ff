import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, lineOf, openFixture, ourDiagnostics, revertAndCloseAll, waitFor, waitForDiagnostic } from './helpers';

suite('editor features in redis-features.conf', () => {
  let editor: vscode.TextEditor | undefined;

  suiteTeardown(() => revertAndCloseAll([editor?.document]));

  test('completion offers directive names with their documentation', async () => {
    editor = await openFixture('redis-features.conf');
    const doc = editor.document;
    const line = lineOf(doc, 'maxmemory 1gb');
    const position = new vscode.Position(line, 'maxmem'.length);
    const items = await waitFor('completion items for maxmem', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
      return list.items.some((i) => i.label === 'maxmemory-policy') ? list.items : undefined;
    });
    const policy = items.find((i) => i.label === 'maxmemory-policy');
    assert.ok(policy?.documentation, 'maxmemory-policy comes with documentation');
  });

  test('the outline shows the sections of the file with their directives', async () => {
    editor = await openFixture('redis-features.conf');
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor?.document.uri);
      return s && s.length > 0 ? s : undefined;
    });
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['NETWORK', 'SECURITY'],
    );
    assert.deepStrictEqual(
      symbols[0]?.children.map((c) => c.name),
      ['bind', 'port'],
    );
  });

  test('the light bulb renames an old directive, and the diagnostic goes away', async () => {
    editor = await openFixture('redis-features.conf');
    const doc = editor.document;
    const line = lineOf(doc, 'slave-read-only yes');
    const diagnostic = await waitForDiagnostic(doc.uri, 'deprecated-directive', line);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const rename = actions.find((a) => a.title === "Rename to 'replica-read-only'");
    assert.ok(rename?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.strictEqual(doc.lineAt(line).text, 'replica-read-only yes');
    await waitFor(
      'deprecated-directive to disappear',
      () => (ourDiagnostics(doc.uri).some((d) => codeOf(d) === 'deprecated-directive') ? undefined : true),
      () => describeDiagnostics(doc.uri),
    );
  });

  test('a snippet expands into lines that raise no error', async () => {
    editor = await openFixture('redis-features.conf');
    const doc = editor.document;
    const end = new vscode.Position(doc.lineCount, 0);
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'redis-conf', name: 'Eviction (cache)' });
    await waitFor(
      'the snippet text',
      () => (doc.getText().includes('maxmemory-samples') ? true : undefined),
      () => doc.getText(),
    );
    await waitFor(
      'diagnostics of the expanded snippet',
      () => (ourDiagnostics(doc.uri).every((d) => d.severity !== vscode.DiagnosticSeverity.Error) ? true : undefined),
      () => describeDiagnostics(doc.uri),
    );
  });
});

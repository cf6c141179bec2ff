import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, lineOf, openFixture, ourDiagnostics, revertAndCloseAll, waitFor, waitForDiagnostic } from './helpers';

suite('editing redis-edit.conf', () => {
  let editor: vscode.TextEditor | undefined;

  // Never leave the fixture modified (nothing is saved, but discard the buffer anyway).
  suiteTeardown(() => revertAndCloseAll([editor?.document]));

  test('replacing bind 0.0.0.0 by bind 127.0.0.1 removes bind-all-interfaces', async () => {
    editor = await openFixture('redis-edit.conf');
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'redis-conf', 'redis-*.conf should open as redis-conf');
    const line = lineOf(doc, 'bind 0.0.0.0');
    await waitForDiagnostic(doc.uri, 'bind-all-interfaces', line);

    const edit = new vscode.WorkspaceEdit();
    const text = doc.lineAt(line).text;
    const start = text.indexOf('bind 0.0.0.0');
    edit.replace(doc.uri, new vscode.Range(line, start, line, start + 'bind 0.0.0.0'.length), 'bind 127.0.0.1');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applyEdit returned false');
    assert.strictEqual(doc.lineAt(line).text.trim(), 'bind 127.0.0.1');

    await waitFor(
      'bind-all-interfaces to disappear after the edit',
      () => (ourDiagnostics(doc.uri).some((d) => codeOf(d) === 'bind-all-interfaces') ? undefined : true),
      () => `current diagnostics:\n${describeDiagnostics(doc.uri)}`,
    );
  });
});

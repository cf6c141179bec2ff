import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, lineOf, openFixture, waitForDiagnostic } from './helpers';

suite('diagnostics in redis.conf', () => {
  suiteTeardown(closeAllEditors);

  test('bind 0.0.0.0 with protected mode off and no password gets a bind-all-interfaces error on its line', async () => {
    const editor = await openFixture('redis.conf');
    const line = lineOf(editor.document, 'bind 0.0.0.0');
    const diagnostic = await waitForDiagnostic(editor.document.uri, 'bind-all-interfaces', line);
    // Clients on other hosts get in without a password: an error (a warning when something keeps them out).
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error, `expected Error, got ${vscode.DiagnosticSeverity[diagnostic.severity]}`);
    assert.strictEqual(diagnostic.source, 'redis-config');
    // The code links to a docs page, so VS Code hands it over as { value, target }.
    if (typeof diagnostic.code === 'object' && diagnostic.code !== null) {
      assert.ok(diagnostic.code.target instanceof vscode.Uri, 'code.target should be a Uri');
    }
  });

  test('protected-mode no gets protected-mode-off', async () => {
    const editor = await openFixture('redis.conf');
    const line = lineOf(editor.document, 'protected-mode no');
    const diagnostic = await waitForDiagnostic(editor.document.uri, 'protected-mode-off', line);
    assert.strictEqual(codeOf(diagnostic), 'protected-mode-off');
  });
});

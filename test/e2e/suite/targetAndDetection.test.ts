import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  describeDiagnostics,
  fixtureUri,
  lineOf,
  openFixture,
  ourDiagnostics,
  codeOf,
  revertAndCloseAll,
  waitFor,
  waitForDiagnostic,
} from './helpers';

/** The open document of `uri`, whatever language it has now. */
function documentOf(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

suite('Redis configs recognised by their content', () => {
  suiteTeardown(closeAllEditors);

  test('a .conf with a target pragma becomes a Redis config by itself, and is checked', async () => {
    const uri = fixtureUri('detect', 'cache.conf');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor(
      'cache.conf in the redis-conf language',
      () => (documentOf(uri)?.languageId === 'redis-conf' ? true : undefined),
      () => `language: ${documentOf(uri)?.languageId}`,
    );
    await waitFor(
      'diagnostics for cache.conf',
      () => (ourDiagnostics(uri).some((d) => codeOf(d) === 'no-auth') ? true : undefined),
      () => describeDiagnostics(uri),
    );
  });

  test('a .conf of Redis directives opens as Properties; "Treat as Redis config" makes it one', async () => {
    const uri = fixtureUri('detect', 'sessions.conf');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    assert.strictEqual(documentOf(uri)?.languageId, 'properties', 'no pragma: the user is asked, the language is left alone');
    await vscode.commands.executeCommand('redisConfig.treatAsRedisConfig');
    await waitFor('sessions.conf in the redis-conf language', () => (documentOf(uri)?.languageId === 'redis-conf' ? true : undefined));
    await waitFor(
      'diagnostics for sessions.conf',
      () => (ourDiagnostics(uri).length > 0 ? true : undefined),
      () => describeDiagnostics(uri),
    );
  });
});

suite('choosing the target version (the status bar item’s command)', () => {
  const docs: vscode.TextDocument[] = [];
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('redisConfig').update('targetVersion', undefined, vscode.ConfigurationTarget.Global);
    await revertAndCloseAll(docs);
  });

  test('in this file: the pragma is added, then changed in place, and the server follows it', async () => {
    const editor = await openFixture('target/redis.conf');
    const doc = editor.document;
    docs.push(doc);
    const debug = lineOf(doc, 'enable-debug-command no');
    assert.strictEqual(await vscode.commands.executeCommand('redisConfig.chooseTarget', { target: 'redis-6.2', where: 'file' }), true);
    assert.strictEqual(doc.lineAt(0).text, '# redis-config: target=redis-6.2');
    // enable-debug-command came with Redis 7.0.
    await waitForDiagnostic(doc.uri, 'unsupported-in-version', debug + 1);
    assert.strictEqual(await vscode.commands.executeCommand('redisConfig.chooseTarget', { target: 'redis-7.4', where: 'file' }), true);
    assert.strictEqual(doc.lineAt(0).text, '# redis-config: target=redis-7.4');
    assert.strictEqual(doc.getText().split('redis-config: target=').length, 2, 'one pragma');
    await waitFor(
      'no unsupported-in-version with redis-7.4',
      () => (ourDiagnostics(doc.uri).some((d) => codeOf(d) === 'unsupported-in-version') ? undefined : true),
      () => describeDiagnostics(doc.uri),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('as a setting: redisConfig.targetVersion is written, and the server follows it', async () => {
    const editor = await openFixture('target/redis.conf');
    const doc = editor.document;
    assert.strictEqual(await vscode.commands.executeCommand('redisConfig.chooseTarget', { target: 'redis-6.2', where: 'user' }), true);
    assert.strictEqual(vscode.workspace.getConfiguration('redisConfig').inspect('targetVersion')?.globalValue, 'redis-6.2');
    assert.ok(!doc.isDirty, 'the file is left alone');
    await waitForDiagnostic(doc.uri, 'unsupported-in-version', lineOf(doc, 'enable-debug-command no'));
  });
});

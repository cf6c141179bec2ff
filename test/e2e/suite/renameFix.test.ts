import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixtureUri, revertAndCloseAll, lineOf, waitFor, waitForDiagnostic } from './helpers';

suite('rename-command → ACL from the light bulb', () => {
  const docs: vscode.TextDocument[] = [];

  // Undo the fix in both files without saving them.
  suiteTeardown(() => revertAndCloseAll(docs));

  test('the fix edits the config and its ACL file', async () => {
    const conf = await vscode.workspace.openTextDocument(fixtureUri('rename', 'redis.conf'));
    docs.push(conf);
    await vscode.window.showTextDocument(conf);
    const line = lineOf(conf, 'rename-command FLUSHALL ""');
    const diagnostic = await waitForDiagnostic(conf.uri, 'rename-command-deprecated', line);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      conf.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith("Use ACL rule '-flushall' for every user"));
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    // The ACL file as the config names it, never its path on this machine.
    assert.strictEqual(fix.title, "Use ACL rule '-flushall' for every user (in users.acl)");
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    const acl = await vscode.workspace.openTextDocument(fixtureUri('rename', 'users.acl'));
    docs.push(acl);
    assert.strictEqual(conf.lineAt(line).text, '# rename-command FLUSHALL "" replaced by ACL rule -flushall in users.acl (redis-config)');
    assert.strictEqual(acl.lineAt(0).text, 'user default off');
    assert.match(acl.lineAt(1).text, /^user app on #a{64} ~app:\* \+@all -flushall$/);
    await waitFor('rename-command-deprecated to disappear', () =>
      vscode.languages.getDiagnostics(conf.uri).some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'rename-command-deprecated')
        ? undefined
        : true,
    );
  });
});

import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openFixture } from './helpers';

suite('activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension is present and activates on a redis.conf', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded; found: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ')}`);
    const editor = await openFixture('redis.conf');
    assert.strictEqual(editor.document.languageId, 'redis-conf');
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });
});

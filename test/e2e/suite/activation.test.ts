import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openFixture } from './helpers';

suite('activation', () => {
  suiteTeardown(closeAllEditors);

  test('the extension is present and activates on a redis.conf', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(
      extension,
      `extension ${EXTENSION_ID} is not loaded; found: ${vscode.extensions.all
        .map((e) => e.id)
        .filter((id) => !id.startsWith('vscode.'))
        .join(', ')}`,
    );
    const editor = await openFixture('redis.conf');
    assert.strictEqual(editor.document.languageId, 'redis-conf');
    const api = (await extension.activate()) as { languageServerStarted(): boolean } | undefined;
    assert.strictEqual(extension.isActive, true);
    // A Redis document is open: the language server was started with the extension.
    assert.strictEqual(api?.languageServerStarted(), true);
  });
});

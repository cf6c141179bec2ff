import * as assert from 'assert';
import { closeAllEditors, lineOf, openFixture, waitForDiagnostic } from './helpers';

suite('users.acl', () => {
  suiteTeardown(closeAllEditors);

  test('opens as redis-acl and flags a line that is not an ACL rule', async () => {
    const editor = await openFixture('users.acl');
    assert.strictEqual(editor.document.languageId, 'redis-acl');
    const line = lineOf(editor.document, 'foo bar');
    await waitForDiagnostic(editor.document.uri, 'invalid-acl-line', line);
  });
});

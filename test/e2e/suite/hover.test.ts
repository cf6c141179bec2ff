import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, hoverTexts, lineOf, openFixture, waitFor } from './helpers';

suite('hover in redis.conf', () => {
  suiteTeardown(closeAllEditors);

  test('hovering the directive maxmemory explains it', async () => {
    const editor = await openFixture('redis.conf');
    const line = lineOf(editor.document, 'maxmemory 100mb');
    const column = editor.document.lineAt(line).text.indexOf('maxmemory') + 3; // inside the word
    const position = new vscode.Position(line, column);
    let seen: string[] = [];
    // Poll: until the language client is up, the command returns no hovers.
    const text = await waitFor(
      `a hover starting with **maxmemory** at ${line}:${column}`,
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        seen = hoverTexts(hovers ?? []);
        return seen.find((t) => t.trimStart().startsWith('**maxmemory**'));
      },
      () => `hover texts seen: ${JSON.stringify(seen)}`,
    );
    const explanation = text.trimStart().slice('**maxmemory**'.length).trim();
    assert.ok(explanation.length > 10, `hover has no explanation after the title: ${JSON.stringify(text)}`);
  });
});

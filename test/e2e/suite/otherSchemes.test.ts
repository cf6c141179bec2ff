import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, describeDiagnostics, fixtureUri, ourDiagnostics, waitFor } from './helpers';

/**
 * A pull request's view of the fixture folder: a read-only file system under its own scheme,
 * as the GitHub Pull Requests extension serves a pull request's files (`pr:`, `review:`) and
 * github.dev a repository's (`vscode-vfs:`). Nothing of it is on the disk for the server.
 */
const REVIEW = 'redis-config-review';

/** A view that names one file only, by a query (as `githubpr:` does): a text document content provider. */
const SNAPSHOT = 'redis-config-snapshot';

class ReviewFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private static onDisk(uri: vscode.Uri): vscode.Uri {
    return uri.with({ scheme: fixtureUri().scheme, authority: fixtureUri().authority });
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(ReviewFileSystem.onDisk(uri));
  }
  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(ReviewFileSystem.onDisk(uri));
  }
  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(ReviewFileSystem.onDisk(uri));
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions('a review is read-only');
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions('a review is read-only');
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions('a review is read-only');
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions('a review is read-only');
  }
}

/** Codes and lines, without what only a file on disk has (its permission bits). */
function findings(uri: vscode.Uri): string[] {
  return ourDiagnostics(uri)
    .filter((d) => codeOf(d) !== 'config-file-world-readable')
    .map((d) => `${d.range.start.line + 1} ${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]}`)
    .sort();
}

suite('documents of other schemes: a pull request under review', () => {
  const registrations: vscode.Disposable[] = [];

  suiteSetup(() => {
    registrations.push(vscode.workspace.registerFileSystemProvider(REVIEW, new ReviewFileSystem(), { isCaseSensitive: true, isReadonly: true }));
    registrations.push(
      vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT, {
        provideTextDocumentContent: () => 'bind 0.0.0.0\ninclude net.conf\n',
      }),
    );
  });
  suiteTeardown(async () => {
    await closeAllEditors();
    for (const r of registrations) r.dispose();
  });

  test('a file of the review gets the diagnostics of the same file on disk, its include read through the review', async () => {
    const onDisk = fixtureUri('review', 'redis.conf');
    const inReview = onDisk.with({ scheme: REVIEW });
    const disk = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(onDisk), { preview: false });
    const expected = await waitFor(
      'the diagnostics of review/redis.conf on disk, with what net.conf sets',
      () => {
        const f = findings(disk.document.uri);
        return f.some((x) => x.includes('protected-mode-off')) ? f : undefined;
      },
      () => describeDiagnostics(disk.document.uri),
    );
    const review = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(inReview), { preview: false });
    assert.strictEqual(review.document.languageId, 'redis-conf');
    const got = await waitFor(
      `the same diagnostics on ${inReview.toString()}`,
      () => {
        const f = findings(inReview);
        return f.length === expected.length ? f : undefined;
      },
      () => `expected:\n  ${expected.join('\n  ')}\ngot:\n${describeDiagnostics(inReview)}`,
    );
    assert.deepStrictEqual(got, expected);
    // What the included file sets shows on the include line, as on disk: with protected mode off
    // and no password, every interface is open to any host (an error on every version).
    assert.ok(got.includes('3 bind-all-interfaces Error'), got.join(', '));
  });

  test('a hover and the outline work on the review too', async () => {
    const inReview = fixtureUri('review', 'redis.conf').with({ scheme: REVIEW });
    const doc = await vscode.workspace.openTextDocument(inReview);
    const hovers = await waitFor('a hover on port', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', inReview, new vscode.Position(1, 1));
      return h.length ? h : undefined;
    });
    assert.ok(hovers.some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).includes('port'))));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(
      symbols.some((s) => s.name === 'port' || s.children.some((c) => c.name === 'port')),
      JSON.stringify(symbols.map((s) => s.name)),
    );
  });

  test('no fix is offered on a read-only review', async () => {
    const inReview = fixtureUri('review', 'redis.conf').with({ scheme: REVIEW });
    const typo = ourDiagnostics(inReview).find((d) => codeOf(d) === 'unknown-directive');
    assert.ok(typo, describeDiagnostics(inReview));
    const onDisk = fixtureUri('review', 'redis.conf');
    const fixesOnDisk = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', onDisk, typo.range);
    assert.ok(
      fixesOnDisk.some((a) => /maxmemory/.test(a.title)),
      fixesOnDisk.map((a) => a.title).join(', '),
    );
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', inReview, typo.range);
    assert.deepStrictEqual(
      fixes.filter((a) => a.diagnostics?.some((d) => d.source === 'redis-config')).map((a) => a.title),
      [],
    );
  });

  test('a view that names no other file still gets its own diagnostics; its include is said to be out of reach', async () => {
    const uri = vscode.Uri.from({ scheme: SNAPSHOT, path: '/snapshots/redis.conf', query: JSON.stringify({ pullRequest: 7, commit: 'abc123' }) });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    if (doc.languageId !== 'redis-conf') await vscode.languages.setTextDocumentLanguage(doc, 'redis-conf');
    const got = await waitFor(
      'bind-all-interfaces and an out-of-reach include',
      () => {
        const f = findings(uri);
        return f.includes('1 bind-all-interfaces Warning') && f.some((x) => x.startsWith('2 ')) ? f : undefined;
      },
      () => describeDiagnostics(uri),
    );
    assert.deepStrictEqual(
      got.filter((x) => x.startsWith('2 ')),
      ['2 include-limit Information'],
    );
  });
});

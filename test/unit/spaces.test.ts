/**
 * Where a document's neighbours live: the URI each path of its analysis is read from, for
 * every kind of document the extension is given (spaces.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, vscodeFileUris, type SpaceContext } from '../../server/src/lsp/spaces';

const ctx = (folders: string[], localFiles = false): SpaceContext => ({ fileUris: vscodeFileUris, localFiles, folders });
const gitUri = (path: string, ref: string): string => `git:${path}?${encodeURIComponent(JSON.stringify({ path, ref }))}`;

test('file: the disk in Node, the client in the browser; any absolute path may be named', () => {
  for (const local of [true, false]) {
    const at = locate('file:///etc/redis/redis.conf', ctx(['file:///etc/redis'], local));
    assert.equal(at?.path, '/etc/redis/redis.conf');
    assert.equal(at?.space.local, local);
    assert.equal(at?.space.uriOf('/srv/shared/common.conf'), 'file:///srv/shared/common.conf');
  }
});

test('a repository on github.dev: files of its workspace folder, and nothing of the Redis host', () => {
  const at = locate('vscode-vfs://github/acme/cache/deploy/redis.conf', ctx(['vscode-vfs://github/acme/cache']));
  assert.equal(at?.path, '/acme/cache/deploy/redis.conf');
  assert.equal(at?.space.root, '/acme/cache');
  assert.equal(at?.space.uriOf('/acme/cache/deploy/conf.d/net.conf'), 'vscode-vfs://github/acme/cache/deploy/conf.d/net.conf');
  assert.equal(at?.space.uriOf('/acme/cache/users.acl'), 'vscode-vfs://github/acme/cache/users.acl');
  assert.equal(at?.space.uriOf('/etc/redis/base.conf'), undefined);
  assert.equal(at?.space.uriOf('/acme/cachex/a.conf'), undefined);
  // Outside any workspace folder, only the document's own folder.
  const loose = locate('vscode-vfs://github/other/repo/redis.conf', ctx(['vscode-vfs://github/acme/cache']));
  assert.equal(loose?.space.root, undefined);
  assert.equal(loose?.space.uriOf('/other/repo/conf.d/a.conf'), 'vscode-vfs://github/other/repo/conf.d/a.conf');
  assert.equal(loose?.space.uriOf('/other/x.conf'), undefined);
});

test('a git revision: its neighbours at the same revision, through the git extension', () => {
  const at = locate(gitUri('/work/repo/redis.conf', 'HEAD~1'), ctx(['file:///work/repo']));
  assert.equal(at?.path, '/work/repo/redis.conf');
  const uri = at?.space.uriOf('/work/repo/conf.d/net.conf');
  assert.ok(uri);
  const parsed = new URL(uri);
  assert.equal(parsed.protocol, 'git:');
  assert.deepEqual(JSON.parse(decodeURIComponent(parsed.search.slice(1))), { path: '/work/repo/conf.d/net.conf', ref: 'HEAD~1' });
  assert.equal(at?.space.uriOf('/etc/redis/base.conf'), undefined);
  // Two revisions of one file are two spaces.
  assert.notEqual(locate(gitUri('/work/repo/redis.conf', 'HEAD'), ctx(['file:///work/repo']))?.space.key, at?.space.key);
});

test("a pull request's files: read at the pull request's commits through the git extension", () => {
  const review = `review:/work/repo/redis.conf?${encodeURIComponent(JSON.stringify({ path: 'redis.conf', commit: 'abc123', base: true, isOutdated: false, rootPath: '/work/repo' }))}`;
  const r = locate(review, ctx([]));
  const rUri = r?.space.uriOf('/work/repo/users.acl');
  assert.ok(rUri !== undefined && rUri.startsWith('git:/work/repo/users.acl?'));
  assert.equal((JSON.parse(decodeURIComponent(new URL(rUri).search.slice(1))) as { ref: string }).ref, 'abc123');
  assert.equal(r?.space.uriOf('/etc/users.acl'), undefined);
  const pr = (isBase: boolean): string =>
    `pr:/work/repo/redis.conf?${encodeURIComponent(JSON.stringify({ baseCommit: 'b4se', headCommit: 'h3ad', isBase, fileName: 'redis.conf', prNumber: 7, status: 1, remoteName: 'origin' }))}`;
  for (const [isBase, ref] of [
    [true, 'b4se'],
    [false, 'h3ad'],
  ] as const) {
    const uri = locate(pr(isBase), ctx(['file:///work/repo']))?.space.uriOf('/work/repo/users.acl');
    assert.ok(uri);
    assert.equal((JSON.parse(decodeURIComponent(new URL(uri).search.slice(1))) as { ref: string }).ref, ref);
  }
});

test('a view whose URIs this tool cannot rewrite names no other file; an untitled document has no path', () => {
  const at = locate(
    `githubpr:/work/repo/redis.conf?${encodeURIComponent(JSON.stringify({ fileName: 'redis.conf', branch: 'main' }))}`,
    ctx(['file:///work/repo']),
  );
  assert.equal(at?.path, '/work/repo/redis.conf');
  assert.equal(at?.space.uriOf('/work/repo/users.acl'), undefined);
  assert.equal(locate('untitled:Untitled-1', ctx([])), undefined);
});

test("a remote machine's file: any path of that machine", () => {
  const at = locate('vscode-remote://ssh-remote%2Bdb1/etc/redis/redis.conf', ctx(['vscode-remote://ssh-remote%2Bdb1/etc/redis']));
  assert.equal(at?.space.uriOf('/srv/redis/extra.conf'), 'vscode-remote://ssh-remote%2Bdb1/srv/redis/extra.conf');
});

/**
 * The bridge between the synchronous analysis and the client's asynchronous file requests
 * (clientFiles.ts): what a run lacks is fetched, include chains arrive in one fetch, and
 * failures keep their kind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientFiles, Wanted, type ClientRequests } from '../../server/src/lsp/clientFiles';
import { locate, vscodeFileUris } from '../../server/src/lsp/spaces';
import type { ReadDirectoryResult, ReadFileResult } from '../../server/src/lsp/protocol';

const REPO = 'vscode-vfs://github/acme/cache';
const located = locate(`${REPO}/redis.conf`, { fileUris: vscodeFileUris, localFiles: false, folders: [REPO] });
assert.ok(located);
const { space } = located;

/** A client over an in-memory repository, counting its requests. */
function fakeClient(files: Record<string, string>, failures: Record<string, ReadFileResult> = {}): ClientRequests & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async readFile(uri): Promise<ReadFileResult> {
      calls.push(uri);
      const text = files[uri];
      return failures[uri] ?? (text !== undefined ? { base64: Buffer.from(text, 'utf8').toString('base64') } : { failure: 'missing' });
    },
    async readDirectory(uri): Promise<ReadDirectoryResult> {
      calls.push(`dir ${uri}`);
      const names = Object.keys(files)
        .filter((u) => u.startsWith(`${uri}/`))
        .map((u) => u.slice(uri.length + 1).split('/')[0] as string);
      return names.length ? { entries: [...new Set(names)].map((name) => ({ name, directory: false })) } : { failure: 'unreachable', detail: 'no such folder' };
    },
  };
}

const always = (): boolean => true;
const none = (): undefined => undefined;

test('a run lacks what is not fetched; a fetch follows a chain of includes to its end', async () => {
  const client = fakeClient({
    [`${REPO}/a.conf`]: 'include b.conf\n',
    [`${REPO}/b.conf`]: 'include sub/c.conf\naclfile users.acl\n',
    [`${REPO}/sub/c.conf`]: 'maxmemory 1gb\n',
    [`${REPO}/users.acl`]: 'user default off\n',
  });
  const files = new ClientFiles(client, () => undefined);
  const follow = { space, base: '/acme/cache', allowed: always };
  const wanted = new Wanted();
  assert.equal(files.source(space, wanted, none, always, follow).read('/acme/cache/a.conf'), undefined);
  assert.deepEqual([...wanted.files.keys()], [`${REPO}/a.conf`]);
  await files.fetch(wanted);
  // One fetch brought the whole chain and the ACL file: the next run lacks nothing.
  const next = new Wanted();
  const source = files.source(space, next, none, always, follow);
  assert.equal(source.read('/acme/cache/a.conf'), 'include b.conf\n');
  assert.equal(source.read('/acme/cache/sub/c.conf'), 'maxmemory 1gb\n');
  assert.equal(source.read('/acme/cache/users.acl'), 'user default off\n');
  assert.equal(next.size, 0);
  assert.deepEqual(client.calls.sort(), [`${REPO}/a.conf`, `${REPO}/b.conf`, `${REPO}/sub/c.conf`, `${REPO}/users.acl`]);
});

test('failures keep their kind; an open document wins over the file system; out of the space is out of reach', async () => {
  const client = fakeClient(
    {},
    { [`${REPO}/secret.conf`]: { failure: 'permission' }, [`${REPO}/broken.conf`]: { failure: 'unreachable', detail: 'provider failed' } },
  );
  const logged: string[] = [];
  const files = new ClientFiles(client, (m) => logged.push(m));
  const wanted = new Wanted();
  const open = (uri: string): string | undefined => (uri === `${REPO}/open.conf` ? 'hz 10\n' : undefined);
  const first = files.source(space, wanted, open, always);
  for (const p of ['missing.conf', 'secret.conf', 'broken.conf']) first.read(`/acme/cache/${p}`);
  assert.equal(first.read('/acme/cache/open.conf'), 'hz 10\n');
  assert.equal(first.failure?.('/etc/redis/base.conf'), 'unreachable');
  await files.fetch(wanted);
  const source = files.source(space, new Wanted(), open, always);
  assert.deepEqual(
    ['missing.conf', 'secret.conf', 'broken.conf'].map((p) => source.failure?.(`/acme/cache/${p}`)),
    ['missing', 'permission', 'unreachable'],
  );
  // The editor's failure is logged once; a missing file is not the editor's failure.
  assert.deepEqual(logged, [`cannot read ${REPO}/broken.conf through the editor: provider failed`]);
  // Nothing was asked for a path of the Redis host.
  assert.ok(!client.calls.some((c) => c.includes('/etc/')));
  // In a workspace not trusted, what is not allowed is not read.
  const denied = new Wanted();
  assert.equal(files.source(space, denied, none, () => false).failure?.('/acme/cache/other.conf'), 'untrusted');
  assert.equal(denied.size, 0);
});

test('a glob lists its folders through the client; a folder the client cannot list cuts the glob', async () => {
  const client = fakeClient({ [`${REPO}/conf.d/b.conf`]: 'hz 20\n', [`${REPO}/conf.d/a.conf`]: 'hz 10\n', [`${REPO}/conf.d/notes.txt`]: '' });
  const files = new ClientFiles(client, () => undefined);
  const wanted = new Wanted();
  assert.deepEqual(files.source(space, wanted, none, always).glob('/acme/cache/conf.d/*.conf'), { paths: [] });
  assert.deepEqual([...wanted.folders], [`${REPO}/conf.d`]);
  await files.fetch(wanted);
  assert.deepEqual(files.source(space, new Wanted(), none, always).glob('/acme/cache/conf.d/*.conf'), {
    paths: ['/acme/cache/conf.d/a.conf', '/acme/cache/conf.d/b.conf'],
  });
  const gone = new Wanted();
  files.source(space, gone, none, always).glob('/acme/cache/nowhere/*.conf');
  await files.fetch(gone);
  assert.deepEqual(files.source(space, new Wanted(), none, always).glob('/acme/cache/nowhere/*.conf'), { paths: [], limit: 'unreachable' });
});

test('a file reported changed is fetched again; what never came is given up as out of reach', async () => {
  const contents: Record<string, string> = { [`${REPO}/a.conf`]: 'hz 10\n' };
  const client = fakeClient(contents);
  const files = new ClientFiles(client, () => undefined);
  const wanted = new Wanted();
  files.source(space, wanted, none, always).read('/acme/cache/a.conf');
  await files.fetch(wanted);
  contents[`${REPO}/a.conf`] = 'hz 20\n';
  assert.equal(files.source(space, new Wanted(), none, always).read('/acme/cache/a.conf'), 'hz 10\n');
  assert.equal(files.forget(`${REPO}/a.conf`), true);
  const again = new Wanted();
  files.source(space, again, none, always).read('/acme/cache/a.conf');
  await files.fetch(again);
  assert.equal(files.source(space, new Wanted(), none, always).read('/acme/cache/a.conf'), 'hz 20\n');
  const late = new Wanted();
  files.source(space, late, none, always).read('/acme/cache/late.conf');
  files.giveUp(late);
  assert.equal(files.source(space, new Wanted(), none, always).failure?.('/acme/cache/late.conf'), 'unreachable');
});

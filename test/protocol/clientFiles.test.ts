/**
 * Documents of other schemes over the protocol, with the Node server: a git revision in a
 * diff and a pull request's file read their includes through the client (protocol.ts), at the
 * same revision, and get the diagnostics the same files get on disk. Read-only documents get
 * no fixes; a client that does not read files for the server gets "out of reach", not "missing".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';
import { FILE_SYSTEM_REQUEST, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type ReadFileParams, type ReadFileResult } from '../../server/src/lsp/protocol';

const MAIN = 'bind 127.0.0.1\ninclude conf.d/net.conf\naclfile users.acl\nrequirepass "short"\n';
const FILES: Record<string, string> = { 'conf.d/net.conf': 'protected-mode no\nbind 0.0.0.0\n', 'users.acl': 'user default on nopass ~* +@all\n' };

const gitUri = (path: string, ref: string): string => `git:${path}?${encodeURIComponent(JSON.stringify({ path, ref }))}`;
const summary = (p: { diagnostics: { code?: unknown; range: { start: { line: number } } }[] }): string[] =>
  p.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`).sort();

test('a git revision reads its includes at the same revision through the client, and matches the files on disk', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'rc-client-files-'));
  const client = new LspTestClient();
  try {
    mkdirSync(join(repo, 'conf.d'));
    // Private files: a revision has no permission bits, so the disk's must not add a finding.
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(repo, name), text, { mode: 0o600 });
    writeFileSync(join(repo, 'redis.conf'), MAIN, { mode: 0o600 });
    const asked: string[] = [];
    // The revision HEAD~1 of the repository, as the git extension would serve it.
    client.connection.onRequest<ReadFileResult, unknown>(READ_FILE_REQUEST, (params: ReadFileParams): ReadFileResult => {
      asked.push(params.uri);
      const { path, ref } = JSON.parse(decodeURIComponent(new URL(params.uri).search.slice(1))) as { path: string; ref: string };
      const name = path.slice(repo.length + 1);
      const text = ref === 'HEAD~1' ? FILES[name] : undefined;
      return text !== undefined ? { base64: Buffer.from(text).toString('base64') } : { failure: 'missing' };
    });
    client.connection.onRequest(READ_DIRECTORY_REQUEST, () => ({ failure: 'unreachable' }));
    client.connection.onRequest(FILE_SYSTEM_REQUEST, (p: { scheme: string }) => ({ writable: p.scheme === 'file' }));
    await client.initialize(true, { initializationOptions: { clientFiles: true }, workspaceFolders: [{ uri: pathToFileURL(repo).href, name: 'repo' }] });

    const onDisk = pathToFileURL(join(repo, 'redis.conf')).href;
    const diskDiagnostics = client.nextDiagnostics(onDisk, 1);
    await client.open(onDisk, 'redis-conf', MAIN);
    const expected = summary(await diskDiagnostics);
    assert.ok(expected.includes('2 protected-mode-off') && expected.includes('3 no-auth'), expected.join(', '));

    const revision = gitUri(join(repo, 'redis.conf'), 'HEAD~1');
    const revisionDiagnostics = client.nextDiagnostics(revision, 1);
    await client.open(revision, 'redis-conf', MAIN);
    assert.deepEqual(summary(await revisionDiagnostics), expected);
    // Read at HEAD~1, through the client; nothing else was asked of it (the disk file was read by the server).
    const refs = asked.map((u) => (JSON.parse(decodeURIComponent(new URL(u).search.slice(1))) as { ref: string }).ref);
    assert.ok(refs.length >= 2 && refs.every((r) => r === 'HEAD~1'), asked.join('\n'));

    // A revision cannot be edited: no fixes there, while the file on disk has them.
    const weak = {
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 19 } },
      context: { diagnostics: [] as unknown[], only: ['source.fixAll'] },
    };
    const onRevision = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: revision }, ...weak });
    assert.deepEqual(onRevision, []);
    const onFile = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: onDisk }, ...weak })) as unknown[];
    assert.ok(onFile.length > 0);

    // Links point at the same revision.
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: revision } })) as { target: string }[];
    assert.ok(links.length >= 2 && links.every((l) => l.target.startsWith('git:')), JSON.stringify(links));
  } finally {
    await client.shutdown();
    rmSync(repo, { recursive: true, force: true });
  }
});

test('a client that does not read files for the server: includes of other schemes are out of reach, not missing', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(true, { workspaceFolders: [{ uri: 'vscode-vfs://github/acme/cache', name: 'cache' }] });
    const uri = 'vscode-vfs://github/acme/cache/redis.conf';
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, 'redis-conf', 'bind 127.0.0.1\ninclude conf.d/net.conf\naclfile users.acl\n');
    const d = (await published).diagnostics.filter((x) => x.range.start.line >= 1).map((x) => `${x.range.start.line + 1} ${String(x.code)} ${x.severity}`);
    assert.deepEqual(d, ['2 include-limit 3', '3 aclfile-not-read 3']);
  } finally {
    await client.shutdown();
  }
});

/**
 * The language server bundle (dist/server.js, the one the extension ships) in a real browser:
 * Debian's Chromium, driven by playwright-core, starts it in a web worker as VS Code in the
 * browser does, and the page speaks LSP to it over the worker's message channel
 * (test/browser/page.ts). The page answers the server's file requests from an in-memory file
 * system, as the extension's client answers them from `workspace.fs` on github.dev.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { messages } from '../../server/src/analysis/messages';
import { settingsFromClient } from '../../server/src/lsp/settings';
import { memoryFiles } from '../support/memoryFiles';

const ROOT = join(__dirname, '../..');
const SERVER_BUNDLE = join(ROOT, 'dist/server.js');
const CHROMIUM = '/usr/bin/chromium';
/** The flags the e2e runner uses (test/e2e/run.mjs): no sandbox as root, nothing from the network. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A repository as github.dev shows it. */
const REPO = 'vscode-vfs://github/acme/cache';
const DOC = `${REPO}/redis.conf`;

let http: Server;
let browser: BrowserContext;
let page: Page;
let profile: string;
let origin: string;

before(async () => {
  assert.ok(existsSync(SERVER_BUNDLE), 'dist/server.js is missing: run `npm run build` first');
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`);
  const pageScript = await esbuild.build({
    entryPoints: [join(__dirname, 'page.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'warning',
  });
  const assets: Record<string, { type: string; body: string | Buffer }> = {
    '/': { type: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>redis-config browser test</title><script src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript', body: pageScript.outputFiles[0]?.text ?? '' },
    '/server.js': { type: 'text/javascript', body: readFileSync(SERVER_BUNDLE) },
  };
  http = createServer((req, res) => {
    const asset = assets[req.url ?? ''];
    res.writeHead(asset ? 200 : 404, { 'content-type': asset?.type ?? 'text/plain' });
    res.end(asset?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  assert.ok(address && typeof address === 'object');
  origin = `http://127.0.0.1:${address.port}`;
  profile = mkdtempSync(join(tmpdir(), 'redis-config-browser-'));
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'lsp' in globalThis);
});

after(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Runs a method of the page's client (page.ts) in the browser. */
function lsp<T>(call: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([c, a]) => (globalThis as unknown as { lsp: Record<string, (...x: unknown[]) => unknown> }).lsp[c as string]?.(...(a as unknown[])) as T,
    [call, args] as const,
  );
}

/** What the page recorded: the server's file requests, the worker's errors. */
function recorded(what: 'requests' | 'errors'): Promise<string[]> {
  return page.evaluate((w) => (globalThis as unknown as { lsp: Record<string, string[]> }).lsp[w] ?? [], what);
}

interface Published {
  diagnostics: { code?: string; severity?: number; message: string; range: { start: { line: number } } }[];
}

const BASELINE = new Set(['no-auth', 'no-tls', 'unbounded-memory', 'maxmemory-policy-implicit']);
const summary = (p: Published): string[] => p.diagnostics.filter((d) => !BASELINE.has(String(d.code))).map((d) => `${d.range.start.line + 1} ${d.code}`);

test('the server starts in a web worker and initializes over the message channel', async () => {
  const init = await lsp<{ serverInfo?: { name: string }; capabilities: { hoverProvider?: boolean } }>('request', 'initialize', {
    processId: null,
    rootUri: REPO,
    workspaceFolders: [{ uri: REPO, name: 'cache' }],
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { clientFiles: true, workspaceTrusted: true },
  });
  assert.equal(init.serverInfo?.name, 'redis-config-language-server');
  assert.equal(init.capabilities.hoverProvider, true);
  await lsp('notify', 'initialized', {});
});

test('a repository file: diagnostics, with an include and the aclfile read through the file-system callback', async () => {
  const files = {
    [`${REPO}/conf.d/net.conf`]: 'bind 0.0.0.0\nprotected-mode no\n',
    [`${REPO}/users.acl`]: 'user default on nopass ~* +@all\n',
  };
  await lsp('setFiles', files);
  const text = 'port 6379\ninclude conf.d/net.conf\naclfile users.acl\nmaxmemroy 1gb\n';
  await lsp('notify', 'textDocument/didOpen', { textDocument: { uri: DOC, languageId: 'redis-conf', version: 1, text } });
  const published = await lsp<Published>('diagnostics', DOC, 1);

  // The same findings as the analysis in Node with the same files.
  const onDisk: Record<string, string> = {};
  for (const [uri, body] of Object.entries(files)) onDisk[uri.slice('vscode-vfs://github'.length)] = body;
  const expected = analyzeDocument(text, 'config', settingsFromClient({}), { path: '/acme/cache/redis.conf', source: memoryFiles(onDisk) });
  assert.deepEqual(
    summary(published),
    expected.findings.filter((f) => !BASELINE.has(f.code)).map((f) => `${f.range.start.line + 1} ${f.code}`),
  );
  // What the included file sets shows on the include line; the ACL file's default user too.
  const codes = summary(published);
  assert.ok(codes.includes('2 bind-all-interfaces'), codes.join(', '));
  assert.ok(codes.includes('2 protected-mode-off'), codes.join(', '));
  assert.ok(codes.includes('4 unknown-directive'), codes.join(', '));
  // The ACL file was read: its default user, with no password, is reported on the aclfile line.
  const noAuth = published.diagnostics.find((d) => d.code === 'no-auth');
  assert.equal(noAuth?.range.start.line, 2);
  assert.match(noAuth?.message ?? '', /ACL file/);
  const made = await recorded('requests');
  assert.ok(made.includes(`readFile ${REPO}/conf.d/net.conf`), made.join('\n'));
  assert.ok(made.includes(`readFile ${REPO}/users.acl`), made.join('\n'));
});

test('a hover, computed in the worker', async () => {
  const hover = await lsp<{ contents: { kind: string; value: string } } | null>('request', 'textDocument/hover', {
    textDocument: { uri: DOC },
    position: { line: 0, character: 1 },
  });
  assert.equal(hover?.contents.kind, 'markdown');
  assert.match(hover?.contents.value ?? '', /^\*\*port\*\*/);
  const include = await lsp<{ contents: { value: string } } | null>('request', 'textDocument/hover', {
    textDocument: { uri: DOC },
    position: { line: 1, character: 12 },
  });
  assert.match(include?.contents.value ?? '', /The file exists/);
});

test('a glob lists its folder through the callback; a path of the Redis host is out of reach, not missing', async () => {
  await lsp('setFiles', { [`${REPO}/conf.d/a.conf`]: 'maxmemory 1gb\n', [`${REPO}/conf.d/b.conf`]: 'maxmemory 2gb\n' });
  const uri = `${REPO}/glob.conf`;
  const text = 'bind 127.0.0.1\ninclude conf.d/*.conf\ninclude /etc/redis/base.conf\ninclude gone.conf\n';
  await lsp('notify', 'textDocument/didOpen', { textDocument: { uri, languageId: 'redis-conf', version: 1, text } });
  const published = await lsp<Published>('diagnostics', uri, 1);
  const byLine = (line: number): Published['diagnostics'] => published.diagnostics.filter((d) => d.range.start.line === line - 1);
  // The glob's files were read: maxmemory is set there (no unbounded-memory), without a policy.
  assert.ok(!published.diagnostics.some((d) => d.code === 'unbounded-memory'), summary(published).join(', '));
  assert.deepEqual(
    byLine(2).map((d) => d.code),
    ['maxmemory-policy-implicit'],
  );
  const outside = byLine(3);
  assert.deepEqual(
    outside.map((d) => [d.code, d.severity]),
    [['include-limit', 3]],
  );
  assert.equal(outside[0]?.message, messages.includeUnreachable('/etc/redis/base.conf', '/etc/redis/base.conf'));
  assert.deepEqual(
    byLine(4).map((d) => d.code),
    ['include-not-found'],
  );
  const made = await recorded('requests');
  assert.ok(made.includes(`readDirectory ${REPO}/conf.d`), made.join('\n'));
  assert.ok(!made.some((r) => r.includes('/etc/redis')), 'the server asked for a path outside the repository');
});

test('the project file .redis-config.json is read through the callback too', async () => {
  await lsp('setFiles', { [`${REPO}/legacy/.redis-config.json`]: JSON.stringify({ targetVersion: 'redis-6.2', rules: { 'bind-all-interfaces': 'error' } }) });
  const uri = `${REPO}/legacy/redis.conf`;
  await lsp('notify', 'textDocument/didOpen', { textDocument: { uri, languageId: 'redis-conf', version: 1, text: 'bind 0.0.0.0\nenable-debug-command no\n' } });
  const published = await lsp<Published>('diagnostics', uri, 1);
  // redis-6.2 has no enable-debug-command; the project file made bind-all-interfaces an error.
  assert.deepEqual(
    published.diagnostics
      .filter((d) => d.code === 'unsupported-in-version' || d.code === 'bind-all-interfaces')
      .map((d) => `${d.range.start.line + 1} ${d.code} ${d.severity}`),
    ['1 bind-all-interfaces 1', '2 unsupported-in-version 1'],
  );
  assert.ok((await recorded('requests')).includes(`readFile ${REPO}/legacy/.redis-config.json`));
});

test('the worker raised no error', async () => {
  assert.deepEqual(await recorded('errors'), []);
});

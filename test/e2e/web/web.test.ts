// The checks of the browser test, in VS Code's web worker extension host: diagnostics, a
// hover, and an include read through the editor's file system, by the extension as it runs
// on vscode.dev and github.dev.
import * as vscode from 'vscode';

/** Assertions without Node's assert module (not available in a web worker). */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives a value, or fails with `describe()` after the deadline. */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, describe: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${describe()}`);
    await sleep(100);
  }
}

const EXTENSION_ID = 'redis-config-tools.redis-config';

/** What the extension's activate returns (client/src/extension.ts). */
interface Api {
  languageServerStarted(): boolean;
}

let api: Api | undefined;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0]?.uri;
  check(f, 'no workspace folder');
  return f;
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

function ours(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'redis-config')
    .map((d) => `${d.range.start.line + 1} ${codeOf(d)}`);
}

suite('the extension in the web worker extension host', () => {
  test('it runs in a web worker, with its browser entry', async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    check(extension, `${EXTENSION_ID} is not loaded`);
    api = await extension.activate();
    check(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined', 'not in a web worker');
    check(
      typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== 'string',
      'Node is there: this is not the web extension host',
    );
  });

  test('a Properties file starts no language server (the extension looks at it, the worker stays unborn)', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'plain', 'app.properties'));
    await vscode.window.showTextDocument(doc, { preview: false });
    check(doc.languageId !== 'redis-conf' && doc.languageId !== 'redis-acl', `app.properties opened as ${doc.languageId}`);
    check(api?.languageServerStarted() === false, 'the language server started before any Redis document was open');
  });

  test('diagnostics in redis.conf', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'redis.conf');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await waitFor('the language server to start for redis.conf', () => (api?.languageServerStarted() ? true : undefined));
    const found = await waitFor(
      'bind-all-interfaces on line 3',
      () => (ours(uri).includes('3 bind-all-interfaces') ? ours(uri) : undefined),
      () => ours(uri).join('\n'),
    );
    check(found.includes('4 protected-mode-off'), found.join(', '));
  });

  test('a hover on maxmemory', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'redis.conf');
    const hovers = await waitFor('a hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 3));
      return h.length ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    check(/\*\*maxmemory\*\*/.test(text), text);
  });

  test('an include read through the editor file system', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'review', 'redis.conf');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    // net.conf, included on line 3, sets bind 0.0.0.0 and protected-mode no.
    const found = await waitFor(
      'what net.conf sets, on the include line',
      () => (ours(uri).includes('3 protected-mode-off') ? ours(uri) : undefined),
      () => ours(uri).join('\n'),
    );
    check(found.includes('3 bind-all-interfaces'), found.join(', '));
  });
});

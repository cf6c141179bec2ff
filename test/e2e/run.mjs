#!/usr/bin/env node
// End-to-end tests in a real VS Code: code-server (VS Code 1.139, Node extension host) driven by
// Debian Chromium through playwright-core. No internet needed beyond the npm registry for the
// one-time provisioning (scripts/provision-e2e.mjs).
//
// Phase "tests": the mocha suites of test/e2e/suite run inside the extension host, with the
//   extension loaded from the repo as a development extension (needs `npm run build`).
// Phase "web": the same extension in the workbench's web worker extension host (as on vscode.dev
//   and github.dev: its browser entry, its language server in a web worker), with the suites of
//   test/e2e/web (needs `npm run build`).
// Phase "ui": the packaged dist/redis-config.vsix is installed into a private code-server; the
//   workbench is driven like a user (Explorer, squiggles, Problems panel) and screenshots are saved
//   to test-results/e2e/ (needs `npm run package`).
//
// Usage: node test/e2e/run.mjs [--tests-only | --web-only | --ui-only] [--grep <text>] [--timeout <seconds>]
//                              [--extension <dir>] [--vsix <file>] [--keep] [--verbose]
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ProvisionError, provision } from '../../scripts/provision-e2e.mjs';
import {
  E2eSetupError,
  buildSuites,
  buildWebSuites,
  checkExtensionBuilt,
  fixtureWorkspace,
  repoRoot,
  resultsDir,
  suiteIndex,
  vsixPath,
  webSuiteIndex,
} from './build-suites.mjs';

const { values: opts } = parseArgs({
  options: {
    'tests-only': { type: 'boolean', default: false },
    'web-only': { type: 'boolean', default: false },
    'ui-only': { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '180' },
    extension: { type: 'string', default: repoRoot },
    vsix: { type: 'string', default: vsixPath },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const phaseTimeoutMs = Number(opts.timeout) * 1000;
if (!(phaseTimeoutMs > 0)) {
  console.error(`[e2e] --timeout must be a number of seconds, got ${JSON.stringify(opts.timeout)}`);
  process.exit(2);
}
const extensionDir = path.resolve(opts.extension);
const vsix = path.resolve(opts.vsix);

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Reporter lines from the suites. test/e2e/suite/index.ts formats each of mocha's lines itself and
 * prefixes it with LOG_TAG (passed through the environment); the workbench then logs it as
 * `%c INFO color: #33f <tag><line>`. Everything after the tag is mocha's output.
 */
const LOG_TAG = '[redis-config-e2e] ';
const STATS_PREFIX = 'mocha-stats '; // followed by {"passes","failures","pending"}; see suite/index.ts
let mochaStats; // set when the suites report their counts

const log = (message) => console.log(`[e2e] ${message}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// Everything that must be undone (browser, code-server, temp dirs), run newest first. The main
// flow and a Ctrl+C may both be cleaning up at once: each entry runs exactly once, and whoever
// finishes first still waits for the entries the other one has started.
const cleanups = [];
const inFlight = new Set();
async function runCleanups(downTo = 0) {
  while (cleanups.length > downTo) {
    const fn = cleanups.pop();
    const p = Promise.resolve()
      .then(fn)
      .catch((err) => console.error(`[e2e] cleanup error: ${err?.message ?? err}`));
    inFlight.add(p);
    p.finally(() => inFlight.delete(p));
    await p;
  }
  if (downTo === 0) await Promise.all([...inFlight]);
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`[e2e] ${signal}: stopping code-server and the browser`);
    runCleanups().finally(() => process.exit(130));
  });
}

class PhaseFailure extends Error {
  /** counts: { passed, failed } when the phase knows them (mocha's), else it counts as one failure. */
  constructor(message, counts) {
    super(message);
    this.counts = counts;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True while any process of the group is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** SIGTERM the whole process group (server + extension host + watchers), SIGKILL after 5 s. */
async function killGroup(pgid, label) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return;
    await sleep(100);
  }
  log(`${label} did not stop after SIGTERM; sending SIGKILL to process group ${pgid}`);
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Private dirs for one code-server: nothing is written to $HOME or the repo. */
function makeServerDirs(tempRoot, label, extraSettings = {}) {
  const base = path.join(tempRoot, label);
  const dirs = {
    base,
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdgConfig: path.join(base, 'xdg-config'),
    xdgData: path.join(base, 'xdg-data'),
    xdgCache: path.join(base, 'xdg-cache'),
    tmp: path.join(base, 'tmp'), // the extension host's IPC sockets end up here, not in /tmp
    browserProfile: path.join(base, 'chromium-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const settingsDir = path.join(dirs.userData, 'User');
  mkdirSync(settingsDir, { recursive: true });
  writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'chat.disableAIFeatures': true,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'files.hotExit': 'off',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...extraSettings,
      },
      null,
      2,
    ),
  );
  return dirs;
}

function serverEnv(dirs) {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
  };
  // Only the suites read these (they reach the extension host through the server's environment).
  env.REDIS_CONFIG_E2E_LOG_TAG = LOG_TAG;
  if (opts.grep) env.REDIS_CONFIG_E2E_GREP = opts.grep;
  else delete env.REDIS_CONFIG_E2E_GREP;
  delete env.VSCODE_IPC_HOOK_CLI; // a surrounding VS Code terminal must not capture the CLI
  return env;
}

async function startCodeServer(tools, dirs, label, extraArgs = []) {
  const port = await freePort();
  const configFile = path.join(dirs.base, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(resultsDir, `code-server-${label}.log`);
  const logStream = createWriteStream(logFile);
  const args = [
    tools.codeServerEntry,
    '--config',
    configFile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    ...extraArgs,
  ];
  const started = Date.now();
  const child = spawn(tools.nodeBin, args, {
    cwd: repoRoot,
    env: serverEnv(dirs),
    detached: true, // own process group, so the extension host dies with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid;
  cleanups.push(async () => {
    await killGroup(pgid, `code-server (${label})`);
    logStream.end();
  });
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = signal ?? code;
      resolve(exited);
    });
  });
  let tail = '';
  const onData = (chunk) => {
    logStream.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
    if (opts.verbose) process.stdout.write(chunk.toString().replace(/^/gm, `[code-server ${label}] `));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new PhaseFailure(`code-server exited early (${exited}); last output:\n${tail}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new PhaseFailure(`code-server did not answer /healthz within 30 s; last output:\n${tail}`);
    await sleep(150);
  }
  log(`code-server (${label}) listening on ${url} after ${seconds(started)}; log: ${path.relative(repoRoot, logFile)}`);
  return { url, port, exitPromise, tail: () => tail };
}

async function launchBrowser(tools, dirs) {
  const context = await chromium.launchPersistentContext(dirs.browserProfile, {
    executablePath: tools.chromiumPath, // Debian's /usr/bin/chromium; Playwright never downloads one
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    // This script handles the signals itself, so that code-server is stopped too.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache, TMPDIR: dirs.tmp },
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

function consoleRecorder(page, label) {
  const file = path.join(resultsDir, `browser-console-${label}.log`);
  const stream = createWriteStream(file);
  cleanups.push(() => new Promise((resolve) => stream.end(resolve)));
  const interesting = [path.dirname(suiteIndex), extensionDir];
  const t0 = Date.now();
  page.on('console', (msg) => {
    const text = msg.text();
    stream.write(`${((Date.now() - t0) / 1000).toFixed(2).padStart(7)} [${msg.type()}] ${text}\n`);
    const at = text.indexOf(LOG_TAG);
    if (at >= 0) {
      const line = text.slice(at + LOG_TAG.length);
      if (line.startsWith(STATS_PREFIX)) {
        try {
          mochaStats = JSON.parse(line.slice(STATS_PREFIX.length));
        } catch {
          /* ignore: counts fall back to the exit code */
        }
      } else {
        console.log(line);
      }
    } else if (opts.verbose) {
      console.log(`[browser ${msg.type()}] ${text}`);
    } else if (msg.type() === 'error' && interesting.some((p) => text.includes(p)) && !text.includes('end-to-end test(s) failed')) {
      // e.g. the suite bundle or the extension failing to load
      console.log(`[e2e] extension host error: ${text.replace(/^%c\s*ERR\s+color:\s*#\w+\s*/, '')}`);
    }
  });
  page.on('pageerror', (err) => stream.write(`[pageerror] ${err.stack ?? err.message}\n`));
  return file;
}

/**
 * Phase 1: mocha suites inside the extension host — the Node one (phase "tests"), or the web
 * worker one (phase "web", where the extension runs from its browser entry).
 */
async function runSuitesPhase(tools, tempRoot, { label, index, build, payload: extra = [], settings = {} }) {
  checkExtensionBuilt(extensionDir);
  await build();
  mochaStats = undefined;
  const dirs = makeServerDirs(tempRoot, label, settings);
  const server = await startCodeServer(tools, dirs, label, ['--vscode-option', 'enable-smoke-test-driver']);
  const { page } = await launchBrowser(tools, dirs);
  const consoleLog = consoleRecorder(page, label);

  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  // The workbench calls this with the test run's exit code once run() settles.
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(p).pathname}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDir)], ['extensionTestsPath', remote(index)], ['skipWelcome', 'true'], ...extra];
  const url = `${server.url}/?folder=${encodeURIComponent(fixtureWorkspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`running the suites in the extension host (deadline ${phaseTimeoutMs / 1000} s)`);
  const started = Date.now();
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), phaseTimeoutMs)));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  const result = await Promise.race([
    exitCode,
    timeout,
    server.exitPromise.then((how) => `code-server exited (${how})`),
    new Promise((resolve) => page.once('crash', () => resolve('the browser page crashed'))),
  ]);
  clearTimeout(timer);
  if (typeof result !== 'number') {
    const shot = path.join(resultsDir, `${label}-failure.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new PhaseFailure(
      `${result === 'timeout' ? `no result within ${phaseTimeoutMs / 1000} s` : result}; ` +
        `see ${path.relative(repoRoot, consoleLog)}, ${path.relative(repoRoot, shot)} and test-results/e2e/code-server-${label}.log`,
    );
  }
  log(`extension host reported exit code ${result} after ${seconds(started)}`);
  const counts = mochaStats ? { passed: mochaStats.passes, failed: mochaStats.failures } : undefined;
  if (result !== 0) throw new PhaseFailure(`mocha reported failures (exit code ${result})`, counts);
  if (counts && counts.passed === 0) throw new PhaseFailure('no test ran (check --grep)', { passed: 0, failed: 1 });
  return counts;
}

const runTestsPhase = (tools, tempRoot) => runSuitesPhase(tools, tempRoot, { label: 'tests', index: suiteIndex, build: buildSuites });

/**
 * The web worker extension host loads the extension's browser entry and the browser build of
 * the suites. The workbench in the browser reads no `extensionDevelopmentKind` from the payload;
 * the user setting `remote.extensionKind` sends the extension there instead.
 */
const runWebPhase = (tools, tempRoot) =>
  runSuitesPhase(tools, tempRoot, {
    label: 'web',
    index: webSuiteIndex,
    build: buildWebSuites,
    settings: { 'remote.extensionKind': { 'redis-config-tools.redis-config': ['web'] } },
  });

/** Phase 2: the packaged extension, used through the workbench UI. */
async function runUiPhase(tools, tempRoot) {
  if (!existsSync(vsix)) {
    throw new E2eSetupError(`${path.relative(repoRoot, vsix)} missing: package the extension first with \`npm run package\`.`);
  }
  const dirs = makeServerDirs(tempRoot, 'ui');
  log(`installing ${path.relative(repoRoot, vsix)} into a private extensions dir`);
  const install = spawnSync(
    tools.nodeBin,
    [tools.codeServerEntry, '--install-extension', vsix, '--force', '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData],
    { env: serverEnv(dirs), encoding: 'utf8', timeout: 60_000 },
  );
  const installOutput = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim();
  if (install.status !== 0 || !/successfully installed/i.test(installOutput)) {
    throw new PhaseFailure(`code-server --install-extension failed (exit ${install.status ?? install.signal}):\n${installOutput}`);
  }
  log(
    installOutput
      .split('\n')
      .filter((l) => /install/i.test(l))
      .join(' | '),
  );

  const server = await startCodeServer(tools, dirs, 'ui');
  const { page } = await launchBrowser(tools, dirs);
  consoleRecorder(page, 'ui');
  const started = Date.now();
  const deadline = started + phaseTimeoutMs;
  const remaining = () => Math.max(1000, deadline - Date.now());
  const step = async (what, fn) => {
    const t = Date.now();
    try {
      const value = await fn();
      log(`ui: ${what} (${seconds(t)})`);
      return value;
    } catch (err) {
      const shot = path.join(resultsDir, 'ui-failure.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new PhaseFailure(`ui step "${what}" failed: ${err?.message?.split('\n')[0] ?? err}; screenshot ${path.relative(repoRoot, shot)}`);
    }
  };

  await step('workbench loaded', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(fixtureWorkspace)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: remaining() });
  });
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({
    has: page.locator('.label-name', { hasText: /^redis\.conf$/ }),
  });
  await step('clicked redis.conf in the Explorer', async () => {
    await row.first().waitFor({ timeout: remaining() });
    await row.first().click();
  });
  await step('editor shows redis.conf in language mode Redis Config', async () => {
    await page.locator('.tab.active', { hasText: 'redis.conf' }).waitFor({ timeout: remaining() });
    // The status bar's language indicator shows the first alias ("Redis Config") or the id.
    await page.locator('[id="status.editor.mode"]', { hasText: /Redis Config|redis-conf/ }).waitFor({ timeout: remaining() });
  });
  const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
  await step('warning squiggle drawn', () => squiggle.waitFor({ state: 'attached', timeout: remaining() }));

  await step('Problems panel lists bind-all-interfaces', async () => {
    await page
      .locator('.monaco-editor textarea, .monaco-editor .native-edit-context')
      .first()
      .focus()
      .catch(() => undefined);
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'bind-all-interfaces' });
    await problem.first().waitFor({ timeout: remaining() });
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    for (const r of rows) log(`  problems row: ${r.replace(/\s+/g, ' ').trim()}`);
  });
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: path.join(resultsDir, 'problems.png') });
  log(`ui: screenshot ${path.relative(repoRoot, path.join(resultsDir, 'problems.png'))}`);

  // A diagnostic's code is a link to the rule's page bundled in the extension: from the
  // Problems panel and from the editor hover, it opens in the Markdown preview.
  const preview = (code) => page.locator('.tabs-container .tab', { hasText: `Preview ${code}.md` }).first();
  const closeAllEditors = async () => {
    await page.keyboard.press('F1');
    await page.keyboard.type('View: Close All Editors');
    // Click the row itself: Enter runs the highlighted row, which can be another match
    // (Git: Close All Unmodified Editors) while the list is still filling.
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^View: Close All Editors/ }).first();
    await row.waitFor({ timeout: remaining() });
    await row.click();
    await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached', timeout: remaining() });
  };
  await step('the code link in the Problems panel opens the rule page in the Markdown preview', async () => {
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'bind-all-interfaces' }).first();
    await problem.locator('.monaco-link', { hasText: 'bind-all-interfaces' }).first().click();
    await preview('bind-all-interfaces').waitFor({ timeout: remaining() });
    // The page itself, rendered in the preview's webview (two nested frames).
    const body = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await body.locator('h1', { hasText: 'bind-all-interfaces' }).first().waitFor({ timeout: remaining() });
  });
  await page.screenshot({ path: path.join(resultsDir, 'rule-page.png') });
  await step('the code link in the editor hover opens the rule page too', async () => {
    await closeAllEditors();
    await row.first().click();
    await page.locator('.tab.active', { hasText: 'redis.conf' }).waitFor({ timeout: remaining() });
    const error = page.locator('.monaco-editor .squiggly-error').first();
    await error.waitFor({ state: 'attached', timeout: remaining() });
    const box = await error.boundingBox();
    if (!box) throw new Error('the error squiggle has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const link = page.locator('.monaco-hover a.code-link').first();
    await link.waitFor({ state: 'visible', timeout: remaining() });
    const code = (await link.innerText()).trim();
    if (!/^[a-z-]+$/.test(code)) throw new Error(`unexpected code link text '${code}'`);
    await link.click();
    await preview(code).waitFor({ timeout: remaining() });
    log(`ui: the hover's link '${code}' opened its page`);
    await row.first().click();
    await page.locator('.tab.active', { hasText: 'redis.conf' }).waitFor({ timeout: remaining() });
    await page.keyboard.press('Control+Shift+M'); // the best-effort steps below close the panel first
  });

  // Best effort, not a pass/fail criterion: hover a directive for a README screenshot.
  try {
    await page.keyboard.press('Control+Shift+M'); // close the Problems panel again
    const word = page.locator('.monaco-editor .view-line span span', { hasText: /^maxmemory$/ }).first();
    await word.waitFor({ state: 'visible', timeout: 10_000 });
    const box = await word.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.monaco-hover', { hasText: 'maxmemory' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.screenshot({ path: path.join(resultsDir, 'hover.png') });
      log(`ui: screenshot ${path.relative(repoRoot, path.join(resultsDir, 'hover.png'))} (best effort)`);
    }
  } catch (err) {
    log(`ui: hover screenshot skipped (best effort only): ${err?.message?.split('\n')[0] ?? err}`);
  }

  // Best effort too: the rename-command quick fixes, opened with Ctrl+. like a user would.
  try {
    await page.keyboard.press('Escape');
    // Open rename/redis.conf from the Explorer: expand the folder; its redis.conf is then the first one listed.
    const rows = page.locator('.explorer-folders-view .monaco-list-row');
    await rows
      .filter({ has: page.locator('.label-name', { hasText: /^rename$/ }) })
      .first()
      .click({ timeout: 10_000 });
    const renameConf = rows.filter({ has: page.locator('.label-name', { hasText: /^redis\.conf$/ }) });
    await renameConf.nth(1).waitFor({ state: 'visible', timeout: 10_000 });
    await renameConf.first().click();
    await page.locator('.tab.active', { hasText: 'redis.conf' }).waitFor({ timeout: 10_000 });
    const word = page.locator('.monaco-editor .view-line span span', { hasText: /^rename-command$/ }).first();
    await word.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 15_000 });
    await word.click();
    await page.keyboard.press('Control+.');
    await page
      .locator('.action-widget, .context-view', { hasText: /ACL rule/ })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(resultsDir, 'quickfix.png') });
    log(`ui: screenshot ${path.relative(repoRoot, path.join(resultsDir, 'quickfix.png'))} (best effort)`);
    await page.keyboard.press('Escape');
  } catch (err) {
    await page.screenshot({ path: path.join(resultsDir, 'quickfix-failure.png') }).catch(() => undefined);
    log(`ui: quick-fix screenshot skipped (best effort only): ${err?.message?.split('\n')[0] ?? err}`);
  }
}

async function main() {
  const totalStart = Date.now();
  const only = ['tests-only', 'web-only', 'ui-only'].filter((o) => opts[o]);
  if (only.length > 1) throw new E2eSetupError(`--${only.join(' and --')} exclude each other`);
  const phases = [];
  if (only.length === 0 || opts['tests-only']) phases.push(['tests', runTestsPhase]);
  if (only.length === 0 || opts['web-only']) phases.push(['web', runWebPhase]);
  if (only.length === 0 || opts['ui-only']) phases.push(['ui', runUiPhase]);

  mkdirSync(resultsDir, { recursive: true });
  const tools = await provision();
  const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'redis-config-e2e-'));
  if (opts.keep) log(`keeping private dirs in ${tempRoot}`);
  else cleanups.unshift(() => rmSync(tempRoot, { recursive: true, force: true }));

  const results = [];
  try {
    for (const [name, fn] of phases) {
      const started = Date.now();
      log(`── phase ${name} ──`);
      const mark = cleanups.length;
      try {
        const counts = (await fn(tools, tempRoot)) ?? { passed: 1, failed: 0 };
        results.push({ name, ok: true, time: seconds(started), ...counts });
      } catch (err) {
        const expected = err instanceof PhaseFailure || err instanceof E2eSetupError;
        // Unexpected errors (a Playwright timeout, the browser failing to start) get their stack.
        const detail = interrupted ? 'interrupted' : expected ? err.message : (err?.stack ?? String(err));
        console.error(`[e2e] phase ${name} FAILED: ${detail}`);
        const counts = err.counts?.failed > 0 ? err.counts : { passed: err.counts?.passed ?? 0, failed: 1 };
        results.push({ name, ok: false, time: seconds(started), ...counts });
      } finally {
        // Stop this phase's browser and server before the next phase starts.
        await runCleanups(mark);
      }
      if (interrupted) break;
    }
  } finally {
    await runCleanups();
  }
  log(`summary: ${results.map((r) => `${r.name} ${r.ok ? 'passed' : 'FAILED'} (${r.time})`).join(', ')}; total ${seconds(totalStart)}`);
  // One line for scripts/test.mjs: mocha's tests count one by one, the UI check counts as one.
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return results.every((r) => r.ok) && failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    console.error(`[e2e] ERROR: ${err instanceof E2eSetupError || err instanceof ProvisionError ? err.message : (err?.stack ?? err)}`);
    await runCleanups();
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);

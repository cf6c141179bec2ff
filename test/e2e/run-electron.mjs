#!/usr/bin/env node
// The same mocha suites as test/e2e/run.mjs, in desktop VS Code through @vscode/test-electron
// (the ecosystem's usual runner). It downloads VS Code at run time, so it needs internet access:
// on machines without it, this fails with ENOTFOUND update.code.visualstudio.com — use
// test/e2e/run.mjs (code-server + Chromium) there.
//
// Usage: npm run test:electron   (or: node test/e2e/run-electron.mjs [--version <vscode version>])
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { TestRunFailedError, runTests } from '@vscode/test-electron';
import { E2eSetupError, buildSuites, checkExtensionBuilt, fixtureWorkspace, repoRoot, suiteIndex } from './build-suites.mjs';

const { values: opts } = parseArgs({
  options: {
    version: { type: 'string', default: 'stable' },
    grep: { type: 'string' },
  },
});

async function main() {
  checkExtensionBuilt(repoRoot);
  await buildSuites();
  // Fresh profile each run; VS Code itself is cached by test-electron under .vscode-test/.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'redis-config-e2e-electron-'));
  try {
    const code = await runTests({
      version: opts.version,
      cachePath: path.join(repoRoot, '.vscode-test'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [
        fixtureWorkspace,
        '--disable-extensions', // other installed extensions; the one under development stays enabled
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        path.join(scratch, 'user-data'),
        '--extensions-dir',
        path.join(scratch, 'extensions'),
      ],
      extensionTestsEnv: opts.grep ? { REDIS_CONFIG_E2E_GREP: opts.grep } : {},
    });
    return code;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (err) => {
    if (err instanceof E2eSetupError) console.error(`[e2e-electron] ${err.message}`);
    else if (err instanceof TestRunFailedError) console.error(`[e2e-electron] ${err.message}`);
    else console.error('[e2e-electron] failed:', err?.stack ?? err);
    process.exit(1);
  },
);

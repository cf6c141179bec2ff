// Entry point the extension host loads (extensionTestsPath): runs every *.test.js next to it.
// Works the same under code-server (test/e2e/run.mjs) and desktop VS Code (test/e2e/run-electron.mjs).
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/**
 * Under code-server the extension host's console reaches the runner mixed with the workbench's own
 * logs, as unformatted `console.log` arguments. When the runner sets this variable, every reporter
 * line is formatted here and tagged, so the runner can pick out exactly mocha's output.
 */
const LOG_TAG = process.env.REDIS_CONFIG_E2E_LOG_TAG;
const STATS_PREFIX = 'mocha-stats ';
if (LOG_TAG) {
  const log = console.log.bind(console);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(`${LOG_TAG}${util.format(...args)}`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false, // the output goes through the browser console into CI logs
    timeout: 60_000, // the helpers' own deadlines (30 s) fire first with a precise message
    slow: 5_000,
  });
  const grep = process.env.REDIS_CONFIG_E2E_GREP;
  if (grep) mocha.grep(grep);

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (LOG_TAG) {
          // Machine-readable counts for test/e2e/run.mjs (it does not print this line).
          const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
          console.log(`${LOG_TAG}${STATS_PREFIX}${JSON.stringify({ passes, failures: failed, pending })}`);
        }
        if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
    }
  });
}

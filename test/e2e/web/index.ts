// The suites for VS Code's web worker extension host (test/e2e/run.mjs, phase "web"): the
// extension runs there as on vscode.dev and github.dev, with its language server in a web
// worker. Bundled for the browser with mocha's browser build; no Node module is available.
import 'mocha/mocha.js';

/** The tag test/e2e/run.mjs picks mocha's lines out of the browser console by (see suite/index.ts). */
const LOG_TAG = '[redis-config-e2e] ';
const STATS_PREFIX = 'mocha-stats ';

/** console.log's `%s` and `%d` substitutions, which the reporter relies on (util.format is not here). */
function format(args: readonly unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%[sd]/g, () => (rest.length ? String(rest.shift()) : ''));
  return [text, ...rest.map(String)].join(' ');
}

export async function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: Mocha.reporters.Spec, color: false, timeout: 60_000, slow: 5_000 });
  const log = console.log.bind(console);
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => log(`${LOG_TAG}${format(args)}`);
  // Loaded after setup: its suite() calls need the interface mocha.setup installs.
  await import('./web.test.js');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      log(`${LOG_TAG}${STATS_PREFIX}${JSON.stringify({ passes, failures: failed, pending })}`);
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}

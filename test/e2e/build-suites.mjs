// Shared by the end-to-end runners: paths, the check that the extension is built, and the
// esbuild step that turns test/e2e/suite/*.ts into test/e2e/out/suite/*.js.
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const e2eDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(e2eDir, '..', '..');
export const suiteSrcDir = path.join(e2eDir, 'suite');
export const suiteOutDir = path.join(e2eDir, 'out', 'suite');
export const suiteIndex = path.join(suiteOutDir, 'index.js');
export const webSuiteSrc = path.join(e2eDir, 'web', 'index.ts');
export const webSuiteIndex = path.join(e2eDir, 'out', 'web', 'index.js');
export const fixtureWorkspace = path.join(e2eDir, 'fixtures', 'workspace');
export const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
export const vsixPath = path.join(repoRoot, 'dist', 'redis-config.vsix');

export class E2eSetupError extends Error {}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Fails unless the extension's `main` (dist/extension.js) and, for this repo, the server (dist/server.js and its loader) exist;
 * warns when they look older than the sources.
 */
export function checkExtensionBuilt(extensionDir = repoRoot) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  } catch (err) {
    throw new E2eSetupError(`cannot read ${path.join(extensionDir, 'package.json')}: ${err.message}`);
  }
  const main = path.relative(extensionDir, path.resolve(extensionDir, manifest.main ?? 'dist/extension.js'));
  const required = [main.endsWith('.js') ? main : `${main}.js`];
  if (extensionDir === repoRoot) required.push('dist/server.js', 'dist/bin/redis-config-language-server.js');
  const missing = required.filter((f) => !existsSync(path.join(extensionDir, f)));
  if (missing.length > 0) {
    throw new E2eSetupError(
      `${missing.join(' and ')} missing in ${extensionDir}: build the extension first with \`npm run build\` (the e2e runner does not build it).`,
    );
  }
  if (extensionDir !== repoRoot) return;
  const built = Math.min(...required.map((f) => statSync(path.join(repoRoot, f)).mtimeMs));
  const sources = Math.max(newestMtime(path.join(repoRoot, 'client', 'src')), newestMtime(path.join(repoRoot, 'server', 'src')));
  if (sources > built) {
    console.warn('[e2e] warning: client/src or server/src changed after dist/ was built; run `npm run build` to test the current code.');
  }
}

/** Bundles the suites: index.js (with mocha inside) and one file per *.test.ts; `vscode` stays external. */
export async function buildSuites() {
  const started = Date.now();
  rmSync(suiteOutDir, { recursive: true, force: true });
  const entryPoints = readdirSync(suiteSrcDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suiteSrcDir, f));
  await esbuild.build({
    entryPoints,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  console.log(`[e2e] built ${entryPoints.length} suite files into ${path.relative(repoRoot, suiteOutDir)} in ${Date.now() - started} ms`);
}

/** Bundles the web worker extension host's suites (web/index.ts with its tests and mocha's browser build) into one file. */
export async function buildWebSuites() {
  await esbuild.build({
    entryPoints: [webSuiteSrc],
    outfile: webSuiteIndex,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    // mocha.js is a UMD file in an ESM package: bundled as it is, its `module.exports = ...`
    // would replace this bundle's exports (run) with mocha. Without module/exports it sets the
    // globals `mocha` and `Mocha`, as in a browser page.
    define: { module: 'undefined', exports: 'undefined' },
    logLevel: 'warning',
  });
  console.log(`[e2e] built the web suites into ${path.relative(repoRoot, webSuiteIndex)}`);
}

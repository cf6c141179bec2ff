/**
 * The npm package as a user installs it: packed from the current build and installed
 * offline into a fresh prefix, whose bin folder tests put on PATH.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs packages/cli from dist/ (scripts/package-cli.mjs) and returns the tarball's path. */
export function packCli(): string {
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts/package-cli.mjs')], { cwd: ROOT, encoding: 'utf8' });
  const name = /^dist\/(\S+\.tgz):/m.exec(out)?.[1];
  if (!name) throw new Error(`scripts/package-cli.mjs did not name a tarball:\n${out}`);
  return join(ROOT, 'dist', name);
}

/** npm with its own empty cache and no network: the package must need nothing else. */
export function offlineNpmEnv(cacheDir: string): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_cache: cacheDir, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

/** Installs the tarball globally into `prefix`; returns the folder holding its bins. */
export function installInto(prefix: string, tarball: string, cacheDir: string): string {
  execFileSync(npm, ['install', '--global', '--prefix', prefix, tarball], { env: offlineNpmEnv(cacheDir), stdio: 'pipe' });
  return process.platform === 'win32' ? prefix : join(prefix, 'bin');
}

/**
 * The npm package as a user installs it: packed from the current build and installed
 * offline into a fresh prefix, whose bin folder tests put on PATH.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  return {
    ...process.env,
    npm_config_cache: cacheDir,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

/** Installs the tarball globally into `prefix`; returns the folder holding its bins. */
export function installInto(prefix: string, tarball: string, cacheDir: string): string {
  execFileSync(npm, ['install', '--global', '--prefix', prefix, tarball], { env: offlineNpmEnv(cacheDir), stdio: 'pipe' });
  return process.platform === 'win32' ? prefix : join(prefix, 'bin');
}

/**
 * The packed CLI installed under `work` (its `prefix` and `npm-cache`), and beside it a project
 * folder with an insecure redis.conf and an ACL file: what the other-editor tests open.
 */
export function installedProject(work: string): { bin: string; project: string; conf: string; acl: string } {
  const bin = installInto(join(work, 'prefix'), packCli(), join(work, 'npm-cache'));
  const project = join(work, 'project');
  mkdirSync(project);
  const conf = join(project, 'redis.conf');
  const acl = join(project, 'users.acl');
  writeFileSync(conf, 'bind 0.0.0.0\nmaxmemory 100mb\nprotected-mode no\n');
  writeFileSync(acl, 'user default on nopass ~* +@all\nuser app on >short ~app:* +get\n');
  return { bin, project, conf, acl };
}

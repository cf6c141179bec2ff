/**
 * Tools some tests drive (pre-commit, Neovim, Emacs with eglot) from Debian's packages: found on PATH, or
 * installed with apt-get when the tests run as root, or else a clear message naming the
 * package to install.
 */
import { accessSync, constants as fsConstants } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, binary), fsConstants.X_OK);
      return join(dir, binary);
    } catch {
      // not here
    }
  }
  return undefined;
}

const installed = new Map<string, string>();

/** The path of `binary`, installing Debian package `pkg` first when it is missing and we are root. */
export function ensureDebianTool(binary: string, pkg: string): string {
  const known = installed.get(binary) ?? onPath(binary);
  if (known) return known;
  const message = `${binary} is needed by this test but is not on PATH. Install it with\n  sudo apt-get install -y ${pkg}\n(the tests install it themselves when run as root).`;
  aptInstall(pkg, message);
  const found = onPath(binary);
  if (!found) throw new Error(`${pkg} was installed but ${binary} is still not on PATH.\n${message}`);
  installed.set(binary, found);
  return found;
}

/** Installs Debian package `pkg` unless `present()` says what it brings is there already. */
export function ensureDebianPackage(pkg: string, present: () => boolean): void {
  if (present()) return;
  const message = `The Debian package ${pkg} is needed by this test. Install it with\n  sudo apt-get install -y ${pkg}\n(the tests install it themselves when run as root).`;
  aptInstall(pkg, message);
  if (!present()) throw new Error(`${pkg} was installed but is still not usable.\n${message}`);
}

function aptInstall(pkg: string, message: string): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) throw new Error(message);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [
    [...lock, 'update'],
    [...lock, 'install', '-y', '--no-install-recommends', pkg],
  ]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`apt-get ${args.slice(2).join(' ')} failed (status ${r.status}):\n${r.stdout}${r.stderr}\n${message}`);
  }
}

/**
 * The README's pre-commit recipes, run with Debian's pre-commit: the shared hook from a
 * local clone of this repository (with the working tree's .pre-commit-hooks.yaml) and the
 * CLI installed from the packed tarball, then the `repo: local` hook that installs the
 * package itself (the tarball stands for the registry). All offline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ensureDebianTool } from '../support/debianTools';
import { installInto, offlineNpmEnv, packCli } from '../support/npmPackage';
import { readmeBlock } from '../support/readme';

const ROOT = join(__dirname, '../..');
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

const work = mkdtempSync(join(tmpdir(), 'rcl-precommit-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV, HOME: work } });
}

/** A repository to commit configs in, with the given .pre-commit-config.yaml. */
function consumer(name: string, config: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'deploy'), { recursive: true });
  git(dir, 'init', '-q');
  writeFileSync(join(dir, '.pre-commit-config.yaml'), config);
  writeFileSync(join(dir, 'deploy', 'redis.conf'), 'bind 0.0.0.0\nprotected-mode no\n');
  writeFileSync(join(dir, 'deploy', 'users.acl'), 'user default off\n');
  writeFileSync(join(dir, 'notes.txt'), 'protected-mode no\n');
  git(dir, 'add', '.');
  return dir;
}

function preCommit(preCommitBin: string, cwd: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync(preCommitBin, ['run', '--all-files', '--color', 'never'], {
    cwd,
    encoding: 'utf8',
    env: { ...env, ...GIT_ENV, HOME: work, PRE_COMMIT_HOME: join(work, 'pre-commit-cache') },
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('the shared hook (language: system) from a clone of this repository, offline', () => {
  const preCommitBin = ensureDebianTool('pre-commit', 'pre-commit');
  // A local clone of the repository, with this working tree's hook definition committed.
  const hooks = join(work, 'hooks');
  git(work, 'clone', '-q', '--no-hardlinks', ROOT, hooks);
  copyFileSync(join(ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  git(hooks, 'add', '.pre-commit-hooks.yaml');
  if (git(hooks, 'status', '--porcelain').trim() !== '') git(hooks, 'commit', '-q', '-m', 'hooks under test');
  const rev = git(hooks, 'rev-parse', 'HEAD').trim();

  const recipe = readmeBlock('pre-commit-remote');
  assert.match(recipe, /repo: https:\/\/\S+\n\s+rev: v\S+/);
  const dir = consumer('remote', recipe.replace(/repo: \S+/, `repo: ${hooks}`).replace(/rev: \S+/, `rev: ${rev}`));

  // Without the package, the hook says what is missing.
  const missing = preCommit(preCommitBin, dir, { ...process.env, PATH: ['/usr/bin', '/bin'].join(delimiter) });
  assert.equal(missing.status, 1, missing.output);
  assert.match(missing.output, /Executable `redis-config-lint` not found/);

  const bin = installInto(join(work, 'prefix'), packCli(), join(work, 'npm-cache'));
  const env = { ...process.env, PATH: [bin, process.env.PATH ?? ''].join(delimiter) };
  const failing = preCommit(preCommitBin, dir, env);
  assert.equal(failing.status, 1, failing.output);
  assert.match(failing.output, /redis-config-lint\.+Failed/);
  assert.match(failing.output, /^deploy\/redis\.conf:2:16: error protected-mode-off /m);
  assert.doesNotMatch(failing.output, /notes\.txt/, 'only configs are passed to the hook');

  writeFileSync(join(dir, 'deploy', 'redis.conf'), 'bind 127.0.0.1 -::1\nprotected-mode yes\nuser default off\n');
  git(dir, 'add', '.');
  const passing = preCommit(preCommitBin, dir, env);
  assert.equal(passing.status, 0, passing.output);
  assert.match(passing.output, /redis-config-lint\.+Passed/);
});

test('the repo: local hook (language: node) installs the package itself', () => {
  const preCommitBin = ensureDebianTool('pre-commit', 'pre-commit');
  const tarball = packCli();
  const recipe = readmeBlock('pre-commit-local');
  assert.match(recipe, /additional_dependencies: \['@redis-config-tools\/redis-config-lint@[^']+'\]/);
  // The tarball stands in for the registry, so that the test runs offline.
  const dir = consumer('local', recipe.replace(/additional_dependencies: \['[^']+'\]/, `additional_dependencies: ['${tarball}']`));
  const env = { ...offlineNpmEnv(join(work, 'npm-cache-local')), PATH: process.env.PATH ?? '' };
  const r = preCommit(preCommitBin, dir, env);
  assert.equal(r.status, 1, r.output);
  assert.match(r.output, /^deploy\/redis\.conf:2:16: error protected-mode-off /m);
});

/**
 * The README's eglot recipe, run as written in Emacs 28 (Debian's `emacs-nox`) with eglot
 * 1.9 (Debian's `elpa-eglot`; Emacs 29 has it built in) against the language server
 * installed from the packed npm package. One server serves both modes, so eglot sends the
 * first mode's language id (`redis-conf`) for users.acl too: the file name must decide.
 * Settings come from `.dir-locals.el`, which eglot answers `workspace/configuration` from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ensureDebianPackage, ensureDebianTool } from '../support/debianTools';
import { installedProject } from '../support/npmPackage';
import { readmeBlock } from '../support/readme';

/**
 * Opens each file, polls (deadline 30 s) for the diagnostics eglot receives, asks one hover,
 * writes JSON lines. eglot-ensure connects on the next command, which batch mode never
 * runs: the harness runs post-command-hook itself.
 */
const HARNESS = `;;; -*- lexical-binding: t -*-
(require 'json)
(defvar rc-diagnostics (make-hash-table :test 'equal))
(load (getenv "RECIPE") nil t)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (puthash (plist-get params :uri) (plist-get params :diagnostics) rc-diagnostics))))
(defun rc-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))
(let ((out nil))
  (condition-case err
      (dolist (file (split-string (getenv "FILES") ":"))
        (find-file file)
        (run-hooks 'post-command-hook)
        (let* ((uri (eglot--path-to-uri (buffer-file-name)))
               (arrived (rc-wait (lambda () (gethash uri rc-diagnostics)) 30))
               (server (eglot-current-server))
               (hover (and server (jsonrpc-request server :textDocument/hover
                                                   (list :textDocument (list :uri uri) :position (list :line 1 :character 2))))))
          (push (json-encode
                 (list :file file :arrived (if arrived t :json-false) :mode (symbol-name major-mode)
                       :languageId (if server (eglot--language-id server) "")
                       :diagnostics (vconcat (mapcar (lambda (d) (list :code (plist-get d :code) :severity (plist-get d :severity)))
                                                     (gethash uri rc-diagnostics)))
                       :hover (or (plist-get (plist-get hover :contents) :value) "")))
                out)))
    (error (setq out (list (json-encode (list :error (error-message-string err)))))))
  (with-temp-file (getenv "OUT") (insert (mapconcat #'identity (nreverse out) "\\n")))
  (kill-emacs 0))
`;

interface Result {
  file: string;
  arrived: boolean;
  mode: string;
  languageId: string;
  diagnostics: { code: string; severity: number }[];
  hover: string;
  error?: string;
}

test('Emacs 28 with eglot 1.9 and the README recipe: users.acl is an ACL file, settings from .dir-locals.el', () => {
  const emacs = ensureDebianTool('emacs', 'emacs-nox');
  ensureDebianPackage('elpa-eglot', () => spawnSync(emacs, ['--batch', '--eval', "(require 'eglot)"], { encoding: 'utf8' }).status === 0);
  const version = spawnSync(emacs, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  const work = mkdtempSync(join(tmpdir(), 'rcl-eglot-'));
  try {
    const { bin, project, conf, acl } = installedProject(work);
    writeFileSync(join(project, '.dir-locals.el'), readmeBlock('eglot-settings'));
    const recipe = join(work, 'init.el');
    writeFileSync(recipe, readmeBlock('eglot'));
    const harness = join(work, 'harness.el');
    writeFileSync(harness, HARNESS);
    const out = join(work, 'out.jsonl');
    const r = spawnSync(emacs, ['--batch', '-l', harness], {
      cwd: project,
      encoding: 'utf8',
      // A deadline for a hung editor, not a wait: the harness quits as soon as it is done.
      timeout: 120_000,
      env: { ...process.env, HOME: work, PATH: [bin, process.env.PATH ?? ''].join(delimiter), RECIPE: recipe, FILES: `${conf}:${acl}`, OUT: out },
    });
    assert.ok(existsSync(out), `${version}: no result (status ${r.status}, signal ${r.signal})\n${r.stdout}\n${r.stderr}`);
    const [config, users] = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result);
    assert.equal(config?.error, undefined, `${version}: the recipe failed: ${config?.error}\n${r.stderr}`);
    assert.ok(config && users);

    assert.equal(config.arrived, true, `${version}: no diagnostics for redis.conf\n${r.stderr}`);
    assert.equal(config.mode, 'redis-conf-mode');
    const codes = config.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('protected-mode-off'), JSON.stringify(codes));
    assert.equal(config.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 4, 'the development profile of .dir-locals.el makes it a hint');
    assert.match(config.hover, /\*\*maxmemory\*\*/);
    assert.doesNotMatch(config.hover, /Redis Config:/, 'no VS Code command named outside VS Code');

    assert.equal(users.arrived, true, `${version}: no diagnostics for users.acl`);
    assert.equal(users.mode, 'redis-acl-mode');
    assert.equal(users.languageId, 'redis-conf', 'eglot sends the id of the first mode for every file of the server');
    const aclCodes = users.diagnostics.map((d) => d.code);
    assert.ok(aclCodes.includes('default-user-nopass') && aclCodes.includes('weak-password'), JSON.stringify(aclCodes));
    for (const code of ['no-auth', 'no-tls', 'unknown-directive']) assert.ok(!aclCodes.includes(code), `${code}: an ACL file read as a server config`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

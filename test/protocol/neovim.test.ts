/**
 * The README's Neovim 0.7 recipe, run as written in Debian's headless Neovim against the
 * language server installed from the packed npm package: diagnostics arrive for a
 * redis.conf and for an ACL file (read as ACL), and a hover answers. Neovim advertises no
 * workspace/configuration and no file watching: the plainest client there is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ensureDebianTool } from '../support/debianTools';
import { installedProject } from '../support/npmPackage';
import { readmeBlock } from '../support/readme';

/** Opens each file, waits (deadline 20 s) for its diagnostics, asks one hover, writes JSON lines. */
const HARNESS = `
local out = {}
local ok, err = pcall(function()
dofile(os.getenv('RECIPE'))
for _, file in ipairs(vim.split(os.getenv('FILES'), ':', { plain = true })) do
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local arrived = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diagnostics, { line = d.lnum, col = d.col, severity = d.severity, code = d.code, source = d.source })
  end
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 1, character = 2 } }, 10000)
  local hover_text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then hover_text = hover_text .. (r.result.contents.value or '') end
  end
  table.insert(out, vim.fn.json_encode({ file = file, arrived = arrived, clients = #vim.lsp.buf_get_clients(buf), diagnostics = diagnostics, hover = hover_text }))
end
end)
if not ok then out = { vim.fn.json_encode({ error = tostring(err) }) } end
vim.fn.writefile(out, os.getenv('OUT'))
vim.cmd('qall!')
`;

interface Result {
  file: string;
  arrived: boolean;
  clients: number;
  diagnostics: { line: number; col: number; severity: number; code: string; source: string }[];
  hover: string;
}

/** Runs the harness in headless Neovim with `recipe`, on a redis.conf and a users.acl. */
function runNeovim(recipeText: string): { version: string; config: Result; users: Result } {
  const nvim = ensureDebianTool('nvim', 'neovim');
  const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '';
  const work = mkdtempSync(join(tmpdir(), 'rcl-nvim-'));
  try {
    const { bin, project, conf, acl } = installedProject(work);
    const recipe = join(work, 'recipe.lua');
    writeFileSync(recipe, recipeText);
    const harness = join(work, 'harness.lua');
    writeFileSync(harness, HARNESS);
    const out = join(work, 'out.jsonl');
    const r = spawnSync(nvim, ['--headless', '--noplugin', '-i', 'NONE', '-u', harness], {
      cwd: project,
      encoding: 'utf8',
      // A deadline for a hung editor, not a wait: the harness quits as soon as it is done.
      timeout: 90_000,
      env: {
        ...process.env,
        PATH: [bin, process.env.PATH ?? ''].join(delimiter),
        RECIPE: recipe,
        FILES: `${conf}:${acl}`,
        OUT: out,
        XDG_CONFIG_HOME: join(work, 'config'),
        XDG_DATA_HOME: join(work, 'data'),
        XDG_STATE_HOME: join(work, 'state'),
        XDG_CACHE_HOME: join(work, 'cache'),
      },
    });
    assert.ok(existsSync(out), `${version}: no result (status ${r.status}, signal ${r.signal})\n${r.stdout}\n${r.stderr}`);
    const [config, users] = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Result & { error?: string });
    assert.equal(config?.error, undefined, `${version}: the recipe failed: ${config?.error}`);
    assert.ok(config && users);
    return { version, config, users };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('Neovim 0.7 with the README recipe: diagnostics and hovers from the installed server', () => {
  const { version, config, users } = runNeovim(readmeBlock('neovim-0.7'));
  assert.equal(config.arrived, true, `${version}: no diagnostics for redis.conf`);
  assert.equal(config.clients, 1);
  const codes = config.diagnostics.map((d) => d.code);
  assert.ok(codes.includes('bind-all-interfaces') && codes.includes('protected-mode-off'), JSON.stringify(codes));
  assert.ok(config.diagnostics.every((d) => d.source === 'redis-config'));
  const protectedMode = config.diagnostics.find((d) => d.code === 'protected-mode-off');
  assert.deepEqual([protectedMode?.line, protectedMode?.col, protectedMode?.severity], [2, 15, 1]);
  // No password and protected mode off: clients on other hosts get in, so an error (the exposure model).
  assert.equal(config.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 1, 'an error by default');
  assert.match(config.hover, /\*\*maxmemory\*\*/);

  assert.equal(users.arrived, true, `${version}: no diagnostics for users.acl`);
  assert.equal(users.clients, 1, 'one client serves both files');
  const aclCodes = users.diagnostics.map((d) => d.code);
  assert.ok(aclCodes.includes('default-user-nopass') && aclCodes.includes('weak-password'), JSON.stringify(aclCodes));
  assert.ok(!aclCodes.includes('no-auth'), 'an ACL file is not read as a server config');
});

test('Neovim 0.7 with the README settings lines: the development profile reaches the server', () => {
  const recipe = readmeBlock('neovim-0.7');
  const anchor = 'root_dir = vim.fn.getcwd(),\n';
  assert.ok(recipe.includes(anchor));
  const { version, config } = runNeovim(recipe.replace(anchor, anchor + readmeBlock('neovim-settings')));
  assert.equal(config.arrived, true, `${version}: no diagnostics for redis.conf`);
  assert.equal(config.diagnostics.find((d) => d.code === 'bind-all-interfaces')?.severity, 4, 'a hint with the development profile');
});

/**
 * Messages with a bad Content-Length header over stdio (missing, negative, not a number,
 * huge, no header at all): the server says so on stderr, drops that message, and answers
 * the next good one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER } from '../support/lspClient';

const BAD: Record<string, string> = {
  missing: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
  negative: 'Content-Length: -5\r\n\r\n',
  'not a number': 'Content-Length: abc\r\n\r\n{}',
  huge: 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"}',
  'no header': '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}\r\n\r\n',
};

function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

for (const [name, bad] of Object.entries(BAD)) {
  test(`a bad header (${name}) is dropped and the next message answered`, async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      child.stdin.write(bad);
      child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      const deadline = Date.now() + 10_000;
      while (!out.includes('"id":1') && Date.now() < deadline && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          child.stdout.once('data', () => (clearTimeout(timer), resolve()));
        });
      }
      assert.match(out, /"id":1,"result":\{"capabilities"/);
      assert.match(err, /dropped a message with a bad header/);
      child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      child.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
    }
  });
}

for (const shutdown of [true, false]) {
  test(`the server ends when the client closes its stdin: exit code ${shutdown ? '0 after shutdown' : '1 without shutdown'}`, async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      child.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      if (shutdown) child.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      const last = shutdown ? '"id":2' : '"id":1';
      const deadline = Date.now() + 10_000;
      while (!out.includes(last) && Date.now() < deadline && child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
          child.stdout.once('data', () => (clearTimeout(timer), resolve()));
        });
      }
      assert.ok(out.includes(last), 'answered');
      child.stdin.end();
      assert.equal(await exited, shutdown ? 0 : 1);
    } finally {
      child.kill('SIGKILL');
    }
  });
}

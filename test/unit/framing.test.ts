/** The stdio framing guard: good messages pass unchanged however they are cut into chunks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FramingGuard } from '../../server/src/lsp/framing';

function through(chunks: readonly Buffer[]): { out: string; log: string[] } {
  const log: string[] = [];
  const guard = new FramingGuard((m) => log.push(m), 1000);
  const out: Buffer[] = [];
  guard.on('data', (d: Buffer) => out.push(d));
  for (const c of chunks) guard.write(c);
  return { out: Buffer.concat(out).toString('utf8'), log };
}

const message = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

test('well-framed messages pass through unchanged, whatever the chunks', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 50 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(40), { maxLength: 20 }), (bodies, cuts) => {
      const stream = Buffer.from(bodies.map((b) => message(JSON.stringify({ b }))).join(''));
      const chunks: Buffer[] = [];
      let at = 0;
      for (const c of cuts) {
        chunks.push(stream.subarray(at, at + c));
        at += c;
      }
      chunks.push(stream.subarray(at));
      const { out, log } = through(chunks);
      assert.equal(out, stream.toString('utf8'));
      assert.deepEqual(log, []);
    }),
  );
});

test('a bad header is dropped with what follows it, up to the next header', () => {
  const good = message('{"ok":1}');
  for (const bad of ['Content-Length: -1\r\n\r\n{"x":1}', 'Content-Length: 1001\r\n\r\n', 'X: 1\r\n\r\n{}', `Content-Length: 3${'x'.repeat(9000)}`]) {
    const { out, log } = through([Buffer.from(bad), Buffer.from(good)]);
    assert.equal(out, good, bad.slice(0, 30));
    assert.equal(log.length, 1);
  }
});

/** The stdio framing guard: good messages pass unchanged however they are cut into chunks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { Framer, FramedMessageReader, FramedMessageWriter } from '../../server/src/lsp/framing';

/** The bodies the framer hands on, each framed again, so that the output reads as the input did. */
function through(chunks: readonly Buffer[]): { out: string; log: string[] } {
  const log: string[] = [];
  const out: string[] = [];
  const framer = new Framer(
    (body) => out.push(message(body.toString('utf8'))),
    (m) => log.push(m),
    1000,
  );
  for (const c of chunks) framer.push(c);
  return { out: out.join(''), log };
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

test('a body of megabytes in 64 KB chunks, with the next message in its last chunk, comes out whole', () => {
  const big = message(JSON.stringify({ text: 'requirepass x\n'.repeat(150_000) }));
  const stream = Buffer.from(big + message('{"next":true}'));
  const chunks: Buffer[] = [];
  for (let at = 0; at < stream.length; at += 64 * 1024) chunks.push(stream.subarray(at, at + 64 * 1024));
  const bodies: string[] = [];
  const framer = new Framer(
    (body) => bodies.push(body.toString('utf8')),
    () => assert.fail('nothing is dropped'),
  );
  for (const c of chunks) framer.push(c);
  assert.equal(bodies.length, 2);
  assert.equal(message(bodies[0] ?? ''), big);
  assert.equal(bodies[1], '{"next":true}');
});

test('after a bad header, a next header written in lower case is found', () => {
  const { out, log } = through([Buffer.from('content-length: x\r\n\r\ncontent-length: 2\r\n\r\n{}')]);
  assert.equal(out, message('{}'));
  assert.equal(log.length, 1);
});

test('a bad header is dropped with what follows it, up to the next header', () => {
  const good = message('{"ok":1}');
  for (const bad of ['Content-Length: -1\r\n\r\n{"x":1}', 'Content-Length: 1001\r\n\r\n', 'X: 1\r\n\r\n{}', `Content-Length: 3${'x'.repeat(9000)}`]) {
    const { out, log } = through([Buffer.from(bad), Buffer.from(good)]);
    assert.equal(out, good, bad.slice(0, 30));
    assert.equal(log.length, 1);
  }
});

test('the reader hands on each parsed message, reports a body that is not JSON, and reads on', () => {
  const input = new PassThrough();
  const reader = new FramedMessageReader(input, () => undefined, 1000);
  const got: unknown[] = [];
  const errors: unknown[] = [];
  reader.onError((e) => errors.push(e));
  reader.listen((m) => got.push(m));
  const stream = Buffer.from(message('{"jsonrpc":"2.0","method":"a"}') + message('{not json') + message('{"jsonrpc":"2.0","id":1,"method":"shutdown"}'));
  // Cut mid-header and mid-body: the messages come whole, in order.
  input.write(stream.subarray(0, 7));
  input.write(stream.subarray(7, 40));
  assert.equal(reader.shutdownRequested, false);
  input.write(stream.subarray(40));
  assert.deepEqual(got, [
    { jsonrpc: '2.0', method: 'a' },
    { jsonrpc: '2.0', id: 1, method: 'shutdown' },
  ]);
  assert.equal(errors.length, 1);
  assert.equal(reader.shutdownRequested, true);
});

test('the writer sends each message as one frame whose length counts bytes, not characters', async () => {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (d: Buffer) => chunks.push(d));
  const writer = new FramedMessageWriter(output);
  const messages = [
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'déjà vu — 🙂' } },
    { jsonrpc: '2.0', id: 7, result: null },
  ];
  for (const m of messages) await writer.write(m);
  assert.equal(chunks.length, messages.length);
  const read: unknown[] = [];
  const framer = new Framer((body) => read.push(JSON.parse(body.toString('utf8'))), assert.fail);
  for (const c of chunks) framer.push(c);
  assert.deepEqual(read, messages);
  assert.match(chunks[0]?.toString('latin1') ?? '', /^Content-Length: \d+\r\n\r\n\{/);
});

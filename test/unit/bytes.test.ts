/**
 * Files as bytes: the lossless decoding round-trips any byte sequence, and the bytes of a
 * config argument are the ones sdssplitargs gives Redis.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { argumentBytes, decodeBytes, encodeText } from '../../server/src/syntax/bytes';
import { parseConfig } from '../../server/src/syntax/configParser';

test('any byte sequence decodes and encodes back to itself', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      assert.deepEqual(Buffer.from(encodeText(decodeBytes(bytes))), Buffer.from(bytes));
    }),
    { numRuns: 3000 },
  );
  // Sequences that look like UTF-8 but are not: surrogates, overlongs, truncations, too large.
  for (const hex of ['eda080', 'edb080', 'c0af', 'e08080', 'f08f8080', 'f4908080', 'f0908d', 'ff', 'fe', 'c3', 'e9', '80', 'f5808080']) {
    const bytes = Buffer.from(`61${hex}62`, 'hex');
    assert.deepEqual(Buffer.from(encodeText(decodeBytes(bytes))), bytes, hex);
  }
});

test('valid UTF-8 decodes as usual, a byte order mark included', () => {
  assert.equal(decodeBytes(Buffer.from('é😀 x', 'utf8')), 'é😀 x');
  assert.equal(decodeBytes(Buffer.from('\ufeffbind 1', 'utf8')), '\ufeffbind 1');
  // Each undecodable byte is one character, as an editor's U+FFFD would be.
  assert.equal(decodeBytes(Buffer.from('70e97373', 'hex')).length, 4);
});

test('a text with surrogate pairs next to escaped bytes encodes to the right bytes', () => {
  const bytes = Buffer.concat([Buffer.from('😀', 'utf8'), Buffer.from('ff', 'hex'), Buffer.from('😀', 'utf8')]);
  assert.deepEqual(Buffer.from(encodeText(decodeBytes(bytes))), bytes);
});

function bytesOf(line: string): { hex: string; nonAscii: boolean }[] {
  const { tree } = parseConfig(line);
  const d = tree.directives[0];
  assert.ok(d);
  return d.tokens.slice(1).map((t) => {
    const b = argumentBytes(tree.index.text, t.start, t.end);
    return { hex: Buffer.from(b.bytes).toString('hex'), nonAscii: b.nonAscii };
  });
}

test('argument bytes resolve quotes and escapes as sdssplitargs does', () => {
  assert.deepEqual(bytesOf('requirepass abc'), [{ hex: '616263', nonAscii: false }]);
  assert.deepEqual(bytesOf('requirepass "a\\xff\\xFEb"'), [{ hex: '61fffe62', nonAscii: false }]);
  assert.deepEqual(bytesOf('requirepass "\\n\\r\\t\\b\\a\\q\\""'), [{ hex: '0a0d0908077122', nonAscii: false }]);
  assert.deepEqual(bytesOf("requirepass 'it\\'s'"), [{ hex: '69742773', nonAscii: false }]);
  assert.deepEqual(bytesOf('requirepass pé'), [{ hex: '70c3a9', nonAscii: true }]);
  assert.deepEqual(bytesOf('user a on ">p w"'), [
    { hex: '61', nonAscii: false },
    { hex: '6f6e', nonAscii: false },
    { hex: '3e702077', nonAscii: false },
  ]);
  // A raw byte that is not UTF-8 comes back as itself.
  const text = decodeBytes(Buffer.concat([Buffer.from('requirepass p'), Buffer.from('e9', 'hex'), Buffer.from('ss')]));
  const { tree } = parseConfig(text);
  const token = tree.directives[0]?.tokens[1];
  assert.ok(token);
  assert.equal(Buffer.from(argumentBytes(text, token.start, token.end).bytes).toString('hex'), '70e97373');
});

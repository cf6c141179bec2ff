import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseConfig, splitArgs } from '../../server/src/syntax/configParser';

/** Splits one line; returns the token values, or the error's form. */
function split(line: string): string[] | { error: string } {
  const r = splitArgs(line, 0, line.length);
  return r.error ? { error: r.error.detail } : r.tokens.map((t) => t.value);
}

// Each case is the line as written and what Redis's sdssplitargs makes of it
// (syntax-facts.md §2 and the live probes in oracle-behaviour.md).
const SPLIT_CASES: [string, string[] | { error: string }][] = [
  ['maxmemory 100mb', ['maxmemory', '100mb']],
  ['  a   b\tc  ', ['a', 'b', 'c']],
  ['a\vb', ['a\vb']], // \v ends no unquoted token
  ['\va', ['a']], // but leading blanks are skipped with isspace()
  ['"a\\x41b\\tc\\"d"', ['aAb\tc"d']],
  ['"\\x4g"', ['x4g']], // \x without two hex digits is just x
  ['"\\x"', ['x']],
  ['"\\xff"', ['\xff']],
  ['"\\n\\r\\t\\b\\a\\z\\\\"', ['\n\r\t\b\x07z\\']],
  ["'it\\'s.rdb'", ["it's.rdb"]],
  ["'back\\slash'", ['back\\slash']],
  ["'a\\x41'", ['a\\x41']],
  ['foo"bar baz"', ['foobar baz']],
  ['foo"bar"\'q\'', { error: 'quote-followed-by-text' }],
  ['"a"b', { error: 'quote-followed-by-text' }],
  ["'a'b", { error: 'quote-followed-by-text' }],
  ['"a"\tb', ['a', 'b']],
  ['"a"\vb', ['a', 'b']],
  ['"abc', { error: 'unterminated' }],
  ["'abc", { error: 'unterminated' }],
  ['"abc\\"', { error: 'unterminated' }],
  ['"abc\\', { error: 'unterminated' }],
  ['""', ['']],
  ["'' x", ['', 'x']],
  ['a # b', ['a', '#', 'b']],
  ['"#x"', ['#x']],
  ['é "ü\\x41" 😀', ['é', 'üA', '😀']],
  ['a\0b c', ['a']], // a NUL ends the C string
  ['"a\0b"', { error: 'unterminated' }],
];

for (const [input, expected] of SPLIT_CASES) {
  test(`splitArgs ${JSON.stringify(input)}`, () => {
    assert.deepEqual(split(input), expected);
  });
}

// Valkey 9.1's splitter: a closing quote ends the quoted part, not the argument (checked on a
// live valkey-server 9.1.2 with CONFIG GET dbfilename; 8.1.1 refuses each of these lines).
const CONTINUE_CASES: [string, string[] | { error: string }][] = [
  ['"a"b', ['ab']],
  ['\'a\'"b"c', ['abc']],
  ['"a"\vb', ['a\vb']], // \v ends no unquoted part
  ['"x"#y z', ['x#y', 'z']],
  ['"a"\\x41', ['a\\x41']], // escapes work inside quotes only
  ['"a" b', ['a', 'b']],
  ['"a"', ['a']],
  ['"a"b"c', { error: 'unterminated' }],
];

for (const [input, expected] of CONTINUE_CASES) {
  test(`splitArgs, Valkey 9.1 quoting ${JSON.stringify(input)}`, () => {
    const r = splitArgs(input, 0, input.length, { continueAfterQuote: true });
    assert.deepEqual(r.error ? { error: r.error.detail } : r.tokens.map((t) => t.value), expected);
  });
}

test('token offsets cover the token as written, quotes included', () => {
  const text = 'requirepass "a b"  x';
  const { tree } = parseConfig(text);
  const tokens = tree.directives[0]?.tokens ?? [];
  assert.deepEqual(
    tokens.map((t) => text.slice(t.start, t.end)),
    ['requirepass', '"a b"', 'x'],
  );
  assert.deepEqual(tokens[1]?.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 17 } });
  assert.equal(tokens[1]?.quoted, true);
});

test('comments only at line start, after trimming; CRLF and blank lines', () => {
  const text = '# top\r\n   # indented\r\n\t\r\nport 6379\r\ntimeout 0 # x\r\n';
  const { tree, errors } = parseConfig(text);
  assert.equal(errors.length, 0);
  assert.deepEqual(
    tree.lines.map((l) => l.kind),
    ['comment', 'comment', 'directive', 'directive'],
  );
  assert.deepEqual(
    tree.directives.map((d) => [d.redisLine, d.name, d.tokens.map((t) => t.value)]),
    [
      [4, 'port', ['port', '6379']],
      [5, 'timeout', ['timeout', '0', '#', 'x']],
    ],
  );
  assert.equal(tree.directives[1]?.range.start.line, 4);
});

test('directive names are lower-cased, arguments keep their case', () => {
  const { tree } = parseConfig('MAXMEMORY-Policy ALLKEYS-LRU');
  assert.equal(tree.directives[0]?.name, 'maxmemory-policy');
  assert.equal(tree.directives[0]?.tokens[1]?.value, 'ALLKEYS-LRU');
});

test('a lone \\r is not a Redis line break, but ranges follow LSP lines', () => {
  const text = 'port 1\rtimeout "x';
  const { tree, errors } = parseConfig(text);
  assert.equal(tree.directives.length, 1);
  assert.equal(tree.directives[0]?.redisLine, 1);
  assert.equal(errors[0]?.code, 'unbalanced-quotes');
  // The opening quote sits on LSP line 1 (after the lone \r).
  assert.deepEqual(errors[0]?.range.start, { line: 1, character: 8 });
});

test('unbalanced quotes: the error spans from the token to the end of the line', () => {
  const { errors, tree } = parseConfig('dbfilename x "ab c  \nport 1');
  assert.equal(errors.length, 1);
  assert.deepEqual(errors[0]?.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 18 } });
  assert.equal(tree.directives[0]?.broken, true);
  assert.equal(tree.directives[1]?.broken, false);
});

test('closing quote followed by text: the error is on the quote and the next character', () => {
  const { errors } = parseConfig('dbfilename "a"b');
  assert.deepEqual(errors[0]?.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 15 } });
  assert.equal(errors[0]?.detail, 'quote-followed-by-text');
});

test('a line of only vertical tab or form feed is skipped like Redis does', () => {
  const { tree } = parseConfig('\v\f\nport 1');
  assert.equal(tree.directives.length, 1);
});

test('a NUL byte is reported', () => {
  const { errors } = parseConfig('port 1\0\n');
  assert.equal(errors[0]?.code, 'nul-byte');
  assert.deepEqual(errors[0]?.range.start, { line: 0, character: 6 });
});

/** Everything a parse shows its callers, as plain data. */
function observable(r: ReturnType<typeof parseConfig>): unknown {
  const { tree, errors } = r;
  const token = (t: { value: string; start: number; end: number; quoted: boolean; range: unknown }): unknown => [t.value, t.start, t.end, t.quoted, t.range];
  return {
    lines: tree.lines.map((l) =>
      l.kind === 'comment'
        ? ['comment', l.redisLine, l.start, l.end, l.range]
        : ['directive', l.redisLine, l.start, l.end, l.range, l.name, l.broken, l.tokens.map(token)],
    ),
    directives: tree.directives.length,
    toolComments: tree.toolComments.map((c) => [c.redisLine, c.start, c.end, c.range]),
    errors: errors.map((e) => [e.code, e.detail, e.range, e.message]),
    lineCount: tree.index.lineCount,
    positions: [0, 1, 7, tree.index.text.length >> 1, tree.index.text.length].map((o) => tree.index.positionAt(o)),
  };
}

const pieces = fc.constantFrom(
  'port 6379',
  'save 60 1',
  '# comment',
  '# redis-config: target=redis-7.0',
  '  bind 127.0.0.1',
  'requirepass "a b"',
  'x "y',
  "'z'w",
  '"a"b',
  '\r',
  '\0',
  '\t',
  ' ',
  '\n',
  '\n',
  '\n',
  'é',
  '😀',
);
const configText = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.array(pieces, { maxLength: 3 }).map((a) => a.join('')) });

test('an incremental parse from an earlier version equals a parse from scratch', () => {
  fc.assert(
    fc.property(configText, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.boolean(), (base, edits, continueAfterQuote) => {
      const options = { continueAfterQuote };
      let text = base;
      let previous = parseConfig(text, options);
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        const incremental = parseConfig(text, options, previous);
        assert.deepEqual(observable(incremental), observable(parseConfig(text, options)));
        previous = incremental;
      }
    }),
    { numRuns: 1500 },
  );
});

test('an incremental parse keeps the lines before the change as they were', () => {
  const before = parseConfig('port 1\nsave 60 1\n# c\nhz 10\n');
  const after = parseConfig('port 1\nsave 60 1\n# c\nhz 11\n', undefined, before);
  assert.equal(after.tree.directives[0], before.tree.directives[0]);
  assert.equal(after.tree.directives[1], before.tree.directives[1]);
  assert.notEqual(after.tree.directives[2], before.tree.directives[2]);
  assert.equal(after.tree.directives[2]?.tokens[1]?.value, '11');
});

test('an incremental parse takes the lines after the change from the earlier parse, moved', () => {
  const before = parseConfig('port 1\n# c\nhz 10\nsave 60 1\n');
  // Same length: the lines after the edit are the same objects.
  const same = parseConfig('port 2\n# c\nhz 10\nsave 60 1\n', undefined, before);
  assert.notEqual(same.tree.directives[0], before.tree.directives[0]);
  assert.equal(same.tree.directives[1], before.tree.directives[1]);
  assert.equal(same.tree.directives[2], before.tree.directives[2]);
  // A line added: the lines after it are one line and 9 characters further.
  const added = parseConfig('port 1\nhz 1000\n# c\nhz 10\nsave 60 1\n', undefined, before);
  assert.deepEqual(
    added.tree.directives.map((d) => [d.name, d.redisLine, d.start, d.range.start.line, d.tokens.at(-1)?.range.end.character]),
    [
      ['port', 1, 0, 0, 6],
      ['hz', 2, 7, 1, 7],
      ['hz', 4, 19, 3, 5],
      ['save', 5, 25, 4, 9],
    ],
  );
  assert.deepEqual(added.tree.toolComments, []);
  assert.deepEqual(
    added.tree.lines.map((l) => l.kind),
    ['directive', 'directive', 'comment', 'directive', 'directive'],
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf } from '../support/check';
import { messages } from '../../server/src/analysis/messages';

const SAFE = 'bind 127.0.0.1\n';
const ONLY = { codes: ['unknown-directive', 'trailing-comment', 'unbalanced-quotes', 'nul-byte'] };

const CASES: [string, string, string[]][] = [
  ['known directives in any case', `${SAFE}MaxMemory 1gb\nappendonly YES\n`, []],
  ['unknown directive', `${SAFE}stream-node-max-entires 100\n`, ['2:1 error unknown-directive']],
  ['empty quoted directive', `${SAFE}""\n`, ['2:1 error unknown-directive']],
  ['module configs are not unknown', `${SAFE}mymod.option 5\n`, []],
  ['aliases are known', `${SAFE}slave-read-only yes\n`, []],
  ['ignored old names are known', `${SAFE}list-max-ziplist-entries 512\n`, []],
  ['loader directives are known', `${SAFE}include /etc/redis/extra.conf\nrename-command FLUSHALL ""\n`, []],
  ['trailing comment after a value', `${SAFE}timeout 0 # no timeout\n`, ['2:11 error trailing-comment']],
  ['a # value of a one-value directive is the value', `${SAFE}requirepass #notacomment\n`, []],
  ['a quoted # is text', `${SAFE}masteruser "# x"\n`, []],
  ['a # inside a word is text', `${SAFE}masterauth abc#def\n`, []],
  ['comment after a one-value directive with two words', `${SAFE}requirepass # x\n`, ['2:13 error trailing-comment']],
  ['trailing comment on a multi-value directive', `${SAFE}save 900 1 #hourly\n`, ['2:12 error trailing-comment']],
  ['a password hash in a user line is not a comment', `${SAFE}user a on #${'a'.repeat(64)} ~* +@all\n`, []],
  ['a comment in a user line', `${SAFE}user a on nopass # app\n`, ['2:18 error trailing-comment']],
  ['words after # in loadmodule reach the module', `${SAFE}loadmodule /m.so # x\n`, ['2:18 warning trailing-comment']],
  ['unbalanced quotes', `${SAFE}requirepass "abc\n`, ['2:13 error unbalanced-quotes']],
  ['a broken line is not also unknown', `${SAFE}"foo bar\n`, ['2:1 error unbalanced-quotes']],
  ['indented comment', `${SAFE}   # just a comment\n`, []],
];

for (const [name, text, expected] of CASES) {
  test(`config: ${name}`, () => check(text, expected, ONLY));
}

test('a directive of another version is unsupported-in-version, not unknown', () => {
  const text = `${SAFE}enable-debug-command local\n`;
  const codes = { codes: [...ONLY.codes, 'unsupported-in-version'] };
  check(text, [], { ...codes, settings: { target: 'redis-7.0' } });
  check(text, ['2:1 error unsupported-in-version'], { ...codes, settings: { target: 'redis-6.2' } });
  const [finding] = findingsOf(text, 'config', { target: 'redis-6.2' }).filter((f) => f.code === 'unsupported-in-version');
  assert.equal(
    finding?.message,
    messages.unsupportedInVersion('enable-debug-command', 'redis-6.2', [
      'redis-7.0',
      'redis-7.2',
      'redis-7.4',
      'redis-8.0',
      'valkey-7.2',
      'valkey-8.0',
      'valkey-8.1',
      'valkey-9.1',
    ]),
  );
});

test('unknown-directive suggests the nearest known names', () => {
  const [finding] = findingsOf(`${SAFE}stream-node-max-entires 100\n`).filter((f) => f.code === 'unknown-directive');
  assert.deepEqual(finding?.data?.suggestions, ['stream-node-max-entries']);
  assert.match(finding?.message ?? '', /Did you mean 'stream-node-max-entries'\?/);
});

test('a byte-order mark is named in the message', () => {
  const [finding] = findingsOf('\ufeffport 6379\nbind 127.0.0.1\n').filter((f) => f.code === 'unknown-directive');
  assert.match(finding?.message ?? '', /byte-order mark/);
});

test('the trailing comment range runs to the end of the line', () => {
  const [finding] = findingsOf(`${SAFE}timeout 0 # no timeout  \n`).filter((f) => f.code === 'trailing-comment');
  assert.deepEqual(finding?.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 22 } });
  assert.equal(finding?.message, messages.trailingComment('timeout', 'refused'));
});

test('Valkey 9.1 reads text after a closing quote as part of the argument; earlier versions refuse it', () => {
  const text = `${SAFE}requirepass "x"#y\nsave "900 1"'0'\n`;
  check(text, ['2:15 error unbalanced-quotes', '3:12 error unbalanced-quotes'], { ...ONLY, settings: { target: 'valkey-8.1' } });
  check(text, [], { codes: [...ONLY.codes, 'invalid-value', 'wrong-arity'], settings: { target: 'valkey-9.1' } });
  // The joined value is what the value rules see: `save "900 1"x` is `save "900 1x"`, re-split by the server.
  check(`${SAFE}save "900 1"x\n`, ['2:6 error invalid-value'], { codes: ['invalid-value'], settings: { target: 'valkey-9.1' } });
  // The pragma chooses the quoting rules as well.
  check(`# redis-config: target=valkey-9.1\n${SAFE}masterauth "a"b\n`, [], { ...ONLY });
});

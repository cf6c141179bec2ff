import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAcl } from '../../server/src/syntax/aclParser';

// Lines as written in an ACL file, and whether Redis's loader accepts their shape
// (acl-facts.md §1 and the live ACL LOAD probes).
const CASES: [string, string | null][] = [
  ['user alice on >pw ~* +@all', null],
  ['user default on nopass ~* &* +@all', null],
  ['user bob', null],
  ['user bob   ', null], // trailing blanks are trimmed
  ['  user bob on', null], // so are leading ones
  ['# a comment', 'comment'],
  ['USER default on', 'user-case'],
  ['User default on', 'user-case'],
  ['user\tbob on', 'tab'],
  ['user', 'missing-name'],
  ['user  bob on', 'empty-name'],
  ['users bob on', 'not-user'],
  ['bob on', 'not-user'],
];

for (const [line, detail] of CASES) {
  test(`acl line ${JSON.stringify(line)}`, () => {
    const { errors, tree } = parseAcl(line);
    assert.equal(errors[0]?.detail ?? null, detail);
    assert.equal(tree.lines[0]?.valid, detail === null);
  });
}

test('rules are split on single spaces only: quotes are kept as written', () => {
  const { tree } = parseAcl('user bob on ">a b" ~k');
  assert.deepEqual(
    tree.lines[0]?.rules.map((r) => r.value),
    ['on', '">a', 'b"', '~k'],
  );
});

test('double spaces among rules make empty rules; tabs and CR are trimmed from each rule', () => {
  const text = 'user bob on  ~k\t\r\nuser eve off';
  const { tree, errors } = parseAcl(text);
  assert.equal(errors.length, 0);
  assert.deepEqual(
    tree.lines[0]?.rules.map((r) => r.value),
    ['on', '', '~k'],
  );
  const k = tree.lines[0]?.rules[2];
  assert.deepEqual(k && text.slice(k.start, k.end), '~k');
  assert.equal(tree.lines[1]?.redisLine, 2);
  assert.equal(tree.lines[1]?.user?.value, 'eve');
});

test('blank lines are skipped and line numbers follow the file', () => {
  const { tree, errors } = parseAcl('\n\nuser a on\n   \nfoo\n');
  assert.equal(tree.lines.length, 2);
  assert.equal(errors[0]?.range.start.line, 4);
});

/** The rule classifier (syntax/aclRules.ts), data-driven: words in, typed rules out. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAcl } from '../../server/src/syntax/aclParser';
import { classifyRules, type AclRule } from '../../server/src/syntax/aclRules';
import { parseConfig } from '../../server/src/syntax/configParser';

/** The rules of the first line of an ACL file. */
function rulesOf(line: string): ReturnType<typeof classifyRules> {
  const { tree } = parseAcl(line);
  const l = tree.lines[0];
  assert.ok(l?.valid, line);
  return classifyRules(l.rules, tree.index);
}

/** A compact description of a rule for the table below. */
function describe(r: AclRule): string {
  switch (r.kind) {
    case 'empty':
      return 'empty';
    case 'user-keyword':
      return `user:${r.keyword}`;
    case 'selector-keyword':
      return `sel:${r.keyword}${r.alias ? '(alias)' : ''}`;
    case 'password':
      return `password:${r.op}`;
    case 'hash':
      return `hash:${r.op}:${r.valid ? 'ok' : 'bad'}`;
    case 'key-pattern':
      return `key:${r.pattern}:${r.read ? 'R' : ''}${r.write ? 'W' : ''}${r.percent ? ':%' : ''}${r.problem ? `:${r.problem}` : ''}`;
    case 'channel-pattern':
      return `channel:${r.pattern}${r.whitespace ? ':ws' : ''}`;
    case 'command':
      return `${r.allow ? '+' : '-'}cmd:${r.name}`;
    case 'category':
      return `${r.allow ? '+' : '-'}cat:${r.category}`;
    case 'selector':
      return `(${r.rules.map(describe).join(' ')})${r.brokenQuotes ? ':quotes' : ''}`;
    case 'invalid':
      return `invalid${r.inSelector ? ':in-selector' : ''}`;
  }
}

const H = 'a'.repeat(64);

const CASES: [string, string[]][] = [
  [
    'on OFF Nopass resetpass RESET clearselectors skip-sanitize-payload sanitize-payload',
    ['user:on', 'user:off', 'user:nopass', 'user:resetpass', 'user:reset', 'user:clearselectors', 'user:skip-sanitize-payload', 'user:sanitize-payload'],
  ],
  [
    'allkeys ~* resetkeys allchannels &* resetchannels allcommands +@all nocommands -@ALL',
    [
      'sel:allkeys',
      'sel:allkeys(alias)',
      'sel:resetkeys',
      'sel:allchannels',
      'sel:allchannels(alias)',
      'sel:resetchannels',
      'sel:allcommands',
      'sel:allcommands(alias)',
      'sel:nocommands',
      'sel:nocommands(alias)',
    ],
  ],
  [
    `>secret <secret > #${H} !${H} #${H.toUpperCase()} #abc`,
    ['password:add', 'password:remove', 'password:add', 'hash:add:ok', 'hash:remove:ok', 'hash:add:bad', 'hash:add:bad'],
  ],
  [
    '~k* ~ %R~r* %rw~x %WR~y %R %~k % %X~k %RR~k',
    [
      'key:k*:RW',
      'key::RW',
      'key:r*:R:%',
      'key:x:RW:%',
      'key:y:RW:%',
      'key::R:%',
      'key:k::%:no-permission',
      'key:::%:no-permission',
      'key:X~k::%:permission',
      'key:R~k:R:%:permission',
    ],
  ],
  [
    '&ch* & +get -GET +config|get +select|0 +config|get|x + -',
    ['channel:ch*', 'channel:', '+cmd:get', '-cmd:GET', '+cmd:config|get', '+cmd:select|0', '+cmd:config|get|x', '+cmd:', '-cmd:'],
  ],
  ['+@read -@Write +@ -@', ['+cat:read', '-cat:Write', '+cat:', '-cat:']],
  ['foo ) ~x)', ['invalid', 'invalid', 'key:x):RW']],
  ['(~x +get) () (on) ((~x)) (>pw)', ['(key:x:RW +cmd:get)', '()', '(invalid:in-selector)', '(invalid:in-selector)', '(invalid:in-selector)']],
  ['(~x +get +set)', ['(key:x:RW +cmd:get +cmd:set)']],
  ['(~a" +get)', ['():quotes']],
  ['on  +get', ['user:on', 'empty', '+cmd:get']],
];

for (const [line, expected] of CASES) {
  test(`rules: ${line}`, () => {
    assert.deepEqual(rulesOf(`user u ${line}`).rules.map(describe), expected);
  });
}

test('a selector may span several words; a second ( drops the first; an open one is reported', () => {
  const r = rulesOf('user u on (~x +get) (%R~y (~z +set) +del');
  assert.deepEqual(r.rules.map(describe), ['user:on', '(key:x:RW +cmd:get)', '(key:z:RW +cmd:set)', '+cmd:del']);
  assert.equal(r.dropped.length, 1);
  assert.equal(r.unclosed, undefined);
  const open = rulesOf('user u on >pw (~x +get');
  assert.equal(open.unclosed?.rulesBefore, 2);
  assert.equal(open.unclosed?.open.value, '(~x');
  assert.equal(rulesOf('user u (~x').unclosed?.rulesBefore, 0);
});

test('rules inside a selector get their own ranges', () => {
  const text = 'user u on (~x +get)';
  const sel = rulesOf(text).rules[1];
  assert.ok(sel?.kind === 'selector');
  const get = sel.rules[1];
  assert.equal(text.slice(get?.start, get?.end), '+get');
  assert.deepEqual(get?.range.start, { line: 0, character: 14 });
});

test('ACL files: rules are trimmed of tab/CR, but selectors merge from the words as written', () => {
  assert.deepEqual(rulesOf('user u on\t ~k\r').rules.map(describe), ['user:on', 'key:k:RW']);
  // `+get)\t` does not end with ')' as written: the selector stays open.
  assert.ok(rulesOf('user u (~x +get)\t +set').unclosed);
  const { tree } = parseAcl('user \tbob on');
  assert.equal(tree.lines[0]?.user?.value, '\tbob');
});

test('redis.conf: quoted words are single rules; a quoted selector is one rule', () => {
  const { tree } = parseConfig('user u on ">a b" "(~x +get)" "~a b"');
  const d = tree.directives[0];
  assert.ok(d);
  const r = classifyRules(d.tokens.slice(2), tree.index);
  assert.deepEqual(r.rules.map(describe), ['user:on', 'password:add', '(key:x:RW +cmd:get)', 'key:a b:RW:whitespace']);
});

test('never throws on arbitrary words', () => {
  const words = ['(', ')', '((', '))', '%', '%~', '#', '!', '<', '>', '+|', '-@', '~\0', '"', "'", "('", '(")', '(\\', '\t', '\r'];
  for (const a of words) for (const b of words) assert.doesNotThrow(() => rulesOf(`user u ${a} ${b}x`));
});

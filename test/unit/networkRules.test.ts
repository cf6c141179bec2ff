import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, findingsOf } from '../support/check';
import { messages } from '../../server/src/analysis/messages';

const ONLY = { codes: ['bind-all-interfaces', 'protected-mode-off'] };

const CASES: [string, string, string[]][] = [
  ['bind to loopback', 'bind 127.0.0.1 -::1\n', []],
  ['bind 0.0.0.0', 'bind 0.0.0.0\n', ['1:6 warning bind-all-interfaces']],
  ['bind *', 'bind * -::*\n', ['1:6 warning bind-all-interfaces']],
  ['bind ::', 'bind 127.0.0.1 ::\n', ['1:16 warning bind-all-interfaces']],
  ['optional all-interfaces address', 'bind 10.0.0.5 -0.0.0.0\n', ['1:15 warning bind-all-interfaces']],
  ['one quoted value is re-split by Redis', 'bind "127.0.0.1 0.0.0.0"\n', ['1:6 warning bind-all-interfaces']],
  ['the last bind wins', 'bind 0.0.0.0\nbind 127.0.0.1\n', []],
  ['the last bind wins, the other way', 'bind 127.0.0.1\nbind 0.0.0.0\n', ['2:6 warning bind-all-interfaces']],
  ['no bind at all', 'port 6379\n', ['1:1 warning bind-all-interfaces']],
  ['an empty file says nothing yet', '# only a comment\n', []],
  ['a private address', 'bind 10.0.0.5\n', []],
  ['protected mode off, with a password', `bind 127.0.0.1\nrequirepass ${'x'.repeat(40)}\nprotected-mode no\n`, ['3:16 warning protected-mode-off']],
  ['protected mode off without a password is an error', 'bind 127.0.0.1\nprotected-mode no\n', ['2:16 error protected-mode-off']],
  ['protected mode off in capitals', 'bind 127.0.0.1\nPROTECTED-MODE NO\n', ['2:16 error protected-mode-off']],
  ['protected mode on', 'bind 127.0.0.1\nprotected-mode yes\n', []],
  ['protected mode turned back on', 'bind 127.0.0.1\nprotected-mode no\nprotected-mode yes\n', []],
];

for (const [name, text, expected] of CASES) {
  test(`network: ${name}`, () => check(text, expected, ONLY));
}

test('the development profile turns network findings into hints', () => {
  check(`requirepass ${'x'.repeat(40)}\nbind 0.0.0.0\nprotected-mode no\n`, ['2:6 hint bind-all-interfaces', '3:16 hint protected-mode-off'], { ...ONLY, settings: { profile: 'development' } });
});

test('messages come from the builders', () => {
  const findings = findingsOf('bind 0.0.0.0\nprotected-mode no\n');
  assert.equal(findings.find((f) => f.code === 'bind-all-interfaces')?.message, messages.bindAllInterfaces('0.0.0.0'));
  assert.equal(findings.find((f) => f.code === 'protected-mode-off')?.message, messages.protectedModeOff());
  assert.equal(findingsOf('port 1\n').find((f) => f.code === 'bind-all-interfaces')?.message, messages.bindMissing());
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../support/check';
import { checkSetting } from '../../server/src/settings/schema';

const NET = { codes: ['bind-all-interfaces', 'protected-mode-off', 'unknown-directive'] };

test('disable-next-line silences the named codes on the next directive line only', () => {
  check('# redis-config-disable-next-line bind-all-interfaces\nbind 0.0.0.0\nprotected-mode no\n', ['3:16 error protected-mode-off'], NET);
  check(
    '# redis-config-disable-next-line protected-mode-off\nbind 0.0.0.0\nprotected-mode no\n',
    ['2:6 error bind-all-interfaces', '3:16 error protected-mode-off'],
    NET,
  );
});

test('several codes, comma-separated, and stacked comments', () => {
  check('# redis-config-disable-next-line bind-all-interfaces, unknown-directive\n# a note\nbind 0.0.0.0\n', [], NET);
});

test('disable silences a code from that line to the end of the file', () => {
  check('bogus 1\n# redis-config-disable unknown-directive\nbogus 2\nbind 127.0.0.1\nbogus 3\n', ['1:1 error unknown-directive'], NET);
});

test('a suppression without codes silences everything it covers', () => {
  check('# redis-config-disable-next-line\nbogus 1\nbogus 2\nbind 127.0.0.1\n', ['3:1 error unknown-directive'], NET);
});

test('per-code severities, including off, win over the profile', () => {
  check('bind 0.0.0.0\nprotected-mode no\n', ['1:6 error bind-all-interfaces'], {
    ...NET,
    settings: { rules: { 'bind-all-interfaces': 'error', 'protected-mode-off': 'off' } },
  });
  check('bind 0.0.0.0\n', ['1:6 hint bind-all-interfaces'], { ...NET, settings: { profile: 'development' } });
  check('bind 0.0.0.0\n', ['1:6 warning bind-all-interfaces'], { ...NET, settings: { profile: 'development', rules: { 'bind-all-interfaces': 'warning' } } });
});

test('the development profile does not relax correctness findings', () => {
  check('bogus 1\nbind 127.0.0.1\n', ['1:1 error unknown-directive'], { ...NET, settings: { profile: 'development' } });
});

test('rule settings from the client keep known codes and levels only', () => {
  const read = checkSetting('rules', { 'bind-all-interfaces': 'off', 'no-such-code': 'error', 'protected-mode-off': 'loud' });
  assert.deepEqual(read.value, { 'bind-all-interfaces': 'off' });
  assert.deepEqual(read.problems, [
    "unknown rule code in rules: 'no-such-code'",
    "invalid level for 'protected-mode-off' in rules: 'loud' (expected off, hint, information, warning, error)",
  ]);
  assert.equal(checkSetting('rules', 'x').value, undefined);
});

import { test } from 'node:test';
import { check } from '../support/check';

test('acl: a valid file has no finding', () =>
  check('user default on nopass ~* &* +@all\nuser app on >secret ~app:* +@read\n', [], { kind: 'acl', codes: ['invalid-acl-line'] }));
test('acl: a comment line', () => check('# users\nuser default off\n', ['1:1 error invalid-acl-line'], { kind: 'acl', codes: ['invalid-acl-line'] }));
test('acl: upper-case USER', () => check('USER default off\n', ['1:1 error invalid-acl-line'], { kind: 'acl', codes: ['invalid-acl-line'] }));
test('acl: each bad line is reported', () =>
  check('foo\nuser a on\nbar baz\n', ['1:1 error invalid-acl-line', '3:1 error invalid-acl-line'], { kind: 'acl', codes: ['invalid-acl-line'] }));
test('acl: config rules do not apply to ACL files', () => check('user default on nopass ~* +@all\n', [], { kind: 'acl', codes: ['invalid-acl-line'] }));

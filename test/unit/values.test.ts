import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atoi, formatBytes, groupDigits, isIPv4, isIPv6, memtoull, string2ll, strtodWhole, strtollWhole } from '../../server/src/analysis/values';

test('string2ll accepts what Redis accepts and nothing else', () => {
  const ok: [string, bigint][] = [
    ['0', 0n],
    ['5', 5n],
    ['-5', -5n],
    ['9223372036854775807', 2n ** 63n - 1n],
    ['-9223372036854775808', -(2n ** 63n)],
  ];
  for (const [s, v] of ok) assert.equal(string2ll(s), v, s);
  for (const s of ['', '010', '+5', '-0', ' 5', '5 ', '1.0', '1e3', '9223372036854775808', '-9223372036854775809', '0x10', '00']) {
    assert.equal(string2ll(s), undefined, JSON.stringify(s));
  }
});

test('memtoull: units in any case, no decimals or sign, quirks kept', () => {
  const cases: [string, bigint | undefined][] = [
    ['1gb', 1073741824n],
    ['1GB', 1073741824n],
    ['1gB', 1073741824n],
    ['1g', 1000000000n],
    ['1k', 1000n],
    ['1kb', 1024n],
    ['100B', 100n],
    ['007', 7n],
    ['', 0n],
    ['mb', 0n],
    ['99999999999999999999999', 2n ** 64n - 1n],
    ['12345678901234567890kb', 5955504373154662400n],
    ['1.5gb', undefined],
    ['-1', undefined],
    ['10tb', undefined],
    ['10 mb', undefined],
    ['10%', undefined],
  ];
  for (const [s, v] of cases) assert.equal(memtoull(s)?.bytes, v, s);
});

test('strtollWhole: blanks, signs and zeros allowed, leftovers refused', () => {
  assert.equal(strtollWhole(' +007'), 7n);
  assert.equal(strtollWhole('-3'), -3n);
  assert.equal(strtollWhole(''), 0n);
  assert.equal(strtollWhole('3 '), undefined);
  assert.equal(strtollWhole('+'), undefined);
  assert.equal(strtollWhole('99999999999999999999'), 2n ** 63n - 1n);
  assert.equal(strtollWhole('777', 8), 511n);
  assert.equal(strtollWhole('8', 8), undefined);
});

test('strtodWhole reads decimal, hexadecimal and special floats', () => {
  assert.equal(strtodWhole('99.9'), 99.9);
  assert.equal(strtodWhole(' 50'), 50);
  assert.equal(strtodWhole('0x10'), 16);
  assert.equal(strtodWhole('1e2'), 100);
  assert.equal(strtodWhole('inf'), Infinity);
  assert.ok(Number.isNaN(strtodWhole('nan')));
  assert.equal(strtodWhole('1e'), undefined);
  assert.equal(strtodWhole(''), undefined);
  assert.equal(strtodWhole('50%'), undefined);
});

test('atoi reads a leading integer like C', () => {
  assert.equal(atoi('900'), 900);
  assert.equal(atoi(' 12abc'), 12);
  assert.equal(atoi('abc'), 0);
  assert.equal(atoi('-5'), -5);
  // glibc: strtol saturates at 64 bits, then the int keeps the low 32 bits (checked on Redis 6.0.16).
  assert.equal(atoi('2147483648'), -2147483648);
  assert.equal(atoi('4294967296'), 0);
  assert.equal(atoi('99999999999999999999'), -1);
  assert.equal(atoi('-99999999999999999999'), 0);
});

test('memtoull: Valkey 9.1 refuses digits past 2^64-1, earlier readers saturate', () => {
  assert.equal(memtoull('18446744073709551616')?.bytes, 2n ** 64n - 1n);
  assert.equal(memtoull('18446744073709551616', true), undefined);
  assert.equal(memtoull('18446744073709551615', true)?.bytes, 2n ** 64n - 1n);
  // The product still wraps, as the C code does.
  assert.equal(memtoull('17179869184gb', true)?.bytes, 0n);
});

// Each expectation is what glibc's inet_pton answers (the servers use it for these addresses).
test('isIPv4 and isIPv6 read addresses as inet_pton does', () => {
  for (const ok of ['10.0.0.1', '0.0.0.0', '255.255.255.255']) assert.ok(isIPv4(ok), ok);
  for (const bad of ['256.1.1.1', '01.2.3.4', '1.2.3', '1.2.3.4.5', '127.1', '0x7f.0.0.1', ' 1.2.3.4', '', '::1']) assert.ok(!isIPv4(bad), bad);
  for (const ok of ['::1', '::', '1::', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', 'ABCD::', '1:2:3:4:5::1.2.3.4']) assert.ok(isIPv6(ok), ok);
  for (const bad of ['1:2:3:4:5:6:7:8::', 'fe80::1%eth0', ':::', '1::2::3', '12345::', '1:2:3:4:5:6:7:1.2.3.4', '1.2.3.4', '::ffff:01.2.3.4', ':1::', '1::2:'])
    assert.ok(!isIPv6(bad), bad);
});

test('formatBytes uses binary units', () => {
  assert.equal(formatBytes(1073741824n), '1 GiB');
  assert.equal(formatBytes(1000000000n), '953.67 MiB');
  assert.equal(formatBytes(512n), '512 bytes');
});

test('groupDigits writes integers as en-US does, without the locale data', () => {
  for (const n of [0, 7, 999, 1000, 123456, 1234567, -1234567, 2n ** 64n, -(10n ** 21n)]) assert.equal(groupDigits(n), n.toLocaleString('en-US'));
});

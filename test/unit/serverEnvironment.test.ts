/** The environment the desktop client gives the language server process. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MMAP_THRESHOLD_VARIABLE, serverEnvironment } from '../../client/src/serverEnvironment';

test("the server gets glibc's default mmap threshold as a fixed value, beside the extension host's own variables", () => {
  const base = { PATH: '/usr/bin', HOME: '/home/u' };
  const env = serverEnvironment(base);
  assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/home/u', [MMAP_THRESHOLD_VARIABLE]: '131072' });
  assert.equal(MMAP_THRESHOLD_VARIABLE, 'MALLOC_MMAP_THRESHOLD_');
  assert.deepEqual(base, { PATH: '/usr/bin', HOME: '/home/u' }, 'the extension host’s environment is not changed');
});

test('a threshold the user set is kept', () => {
  assert.equal(serverEnvironment({ [MMAP_THRESHOLD_VARIABLE]: '65536' })[MMAP_THRESHOLD_VARIABLE], '65536');
});

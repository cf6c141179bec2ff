/**
 * Semantic tokens stay on one line of the editor: a user name in an ACL file that runs over a
 * lone `\r` (a line break for editors, not for Redis) is no token. Found by the fuzzing run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { encodeSemanticTokens, semanticTokens } from '../../server/src/analysis/semanticTokens';

test('an ACL user name over a lone carriage return gives no token, and the encoding has no negative number', () => {
  const a = analyzeDocument('user b on\nuser a\rx on\n', 'acl', { target: 'redis-7.0', profile: 'production' });
  const tokens = semanticTokens(a);
  assert.deepEqual(
    tokens.map((t) => `${t.range.start.line}:${t.range.start.character}-${t.range.end.line}:${t.range.end.character}`),
    ['0:5-0:6'],
  );
  assert.ok(encodeSemanticTokens(tokens).every((n) => n >= 0));
});

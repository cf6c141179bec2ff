/**
 * A generated password for an editor that shows no notice: the fix writes it in a comment
 * above the first line it changes, `generated-password-comment` warns until the line is
 * deleted, and diffs hide the password.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis/analyze';
import { sha256Hex } from '../../server/src/analysis/acl/permissions';
import { applyEdits, fixesFor, type Fix } from '../../server/src/analysis/fixes';
import { generatedPasswordComment } from '../../server/src/analysis/generatedPasswords';
import { redactText } from '../../server/src/analysis/secrets';
import type { DocumentKind } from '../../server/src/analysis/types';
import { REDACTED } from '../../server/src/knowledge/secrets';
import { summarize } from '../support/check';
import { memoryFiles } from '../support/memoryFiles';

const CONF = '/etc/redis/redis.conf';
const NEW = 'ab'.repeat(32);
const randomHex = (bytes: number): string => 'ab'.repeat(bytes);
const settings = { target: 'redis-7.4', profile: 'production' } as const;

/** The fixes of the first `code` finding, for a caller that writes passwords in comments. */
function commentFixes(text: string, kind: DocumentKind, code: string): Fix[] {
  const a = analyzeDocument(text, kind, settings, { path: CONF, source: memoryFiles({}) });
  const f = a.findings.find((x) => x.code === code);
  assert.ok(f, `no ${code}`);
  return fixesFor(a, f, { path: CONF, source: memoryFiles({}), randomHex, passwordComments: true }).filter((x) => !x.suppression);
}

function apply(text: string, fix: Fix): string {
  assert.deepEqual(
    fix.edits.map((e) => e.file),
    [undefined],
    'the fix edits the document only',
  );
  return applyEdits(text, fix.edits[0]?.edits ?? []).text;
}

test('rename-command with a secret name: the new admin user’s password goes in a comment above the first changed line', () => {
  const text = 'bind 127.0.0.1\nuser default on nopass ~* +@all\nrename-command CONFIG x-1\n';
  const fix = commentFixes(text, 'config', 'rename-command-deprecated').find((f) => f.password);
  assert.ok(fix);
  assert.equal(fix.notice, undefined, 'nothing is left for a notice to show');
  assert.match(fix.title, /; password in a comment$/);
  const after = apply(text, fix);
  const lines = after.split('\n');
  assert.equal(lines[1], generatedPasswordComment(NEW, "user 'config-admin'"));
  assert.ok(after.includes(`user config-admin on #${sha256Hex(NEW)}`), after);
  const findings = analyzeDocument(after, 'config', settings).findings;
  assert.deepEqual(summarize(findings, ['generated-password-comment']), ['2:1 warning generated-password-comment']);
  assert.ok(
    findings.every((f) => !f.message.includes(NEW)),
    'no message repeats the password',
  );
});

test('a fix whose first edit starts its line takes the comment in front of it (requirepass becomes user default)', () => {
  const text = 'bind 127.0.0.1\nrequirepass foobared\n';
  const fix = commentFixes(text, 'config', 'weak-password').find((f) => f.password?.owner === 'the default user');
  assert.ok(fix, 'the generated-password fix is offered');
  assert.equal(fix.edits[0]?.edits.filter((e) => e.range.start.line === 1 && e.range.start.character === 0).length, 1, 'one edit at the start of the line');
  assert.equal(apply(text, fix), `bind 127.0.0.1\n${generatedPasswordComment(NEW, 'the default user')}\nuser default on #${sha256Hex(NEW)} ~* &* +@all\n`);
});

test('an ACL file: the comment makes Redis refuse the file until the line is gone, and the warning says so', () => {
  const text = 'user default off\nuser app on >foobared ~* +@read\n';
  const fix = commentFixes(text, 'acl', 'weak-password')[0];
  assert.ok(fix?.password);
  const after = apply(text, fix);
  assert.equal(after, `user default off\n${generatedPasswordComment(NEW, "user 'app'")}\nuser app on #${sha256Hex(NEW)} ~* +@read\n`);
  const findings = analyzeDocument(after, 'acl', settings).findings;
  assert.deepEqual(summarize(findings, ['generated-password-comment', 'invalid-acl-line']), [
    '2:1 warning generated-password-comment',
    '2:1 error invalid-acl-line',
  ]);
  assert.match(findings.find((f) => f.code === 'generated-password-comment')?.message ?? '', /does not load until the line is gone/);
});

test('the comment keeps the file’s line breaks', () => {
  const text = 'user default off\r\nuser app on >foobared ~* +@read\r\n';
  const fix = commentFixes(text, 'acl', 'weak-password')[0];
  assert.ok(fix);
  assert.ok(apply(text, fix).includes(`for user 'app': copy it, then delete this line\r\nuser app on #`));
});

test('diffs and excerpts hide the password of the comment; other comments are left alone', () => {
  const line = generatedPasswordComment(NEW, "user 'admin'");
  for (const acl of [false, true]) {
    const shown = redactText(line, acl);
    assert.ok(!shown.includes(NEW), shown);
    assert.ok(shown.includes(REDACTED) && shown.includes("user 'admin'"), shown);
  }
  assert.equal(redactText('# a comment about passwords', false), '# a comment about passwords');
});

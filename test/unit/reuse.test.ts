/**
 * The findings of the whole-file checks are taken over from the analysis of the version before
 * only when nothing they read changed: each case checks both that the result is the one of an
 * analysis from scratch and whether the findings were taken over.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, type Analysis, type DocumentContext } from '../../server/src/analysis/analyze';
import type { FileSource } from '../../server/src/analysis/configModel';
import type { DocumentKind, Settings } from '../../server/src/analysis/types';

const SETTINGS: Settings = { target: 'redis-7.4', profile: 'production' };

const BASE = ['# a server open to the world', 'bind 0.0.0.0', 'protected-mode no', '', '# memory', 'maxmemory 1gb', 'port 6379', ''].join('\n');

/** The analysis of `after` starting from that of `before`, checked against one from scratch; and whether the file-level findings were reused. */
function edit(
  before: string,
  after: string,
  settings = SETTINGS,
  context: DocumentContext = {},
  kind: DocumentKind = 'config',
): { analysis: Analysis; reused: boolean } {
  const previous = analyzeDocument(before, kind, settings, context);
  const analysis = analyzeDocument(after, kind, settings, context, previous);
  assert.deepEqual(analysis.findings, analyzeDocument(after, kind, settings, context).findings);
  const file = (a: Analysis) => (a.kind === 'acl' ? undefined : a.reuse?.file?.findings);
  return { analysis, reused: file(analysis) !== undefined && file(analysis) === file(previous) };
}

const codes = (a: Analysis): string[] => a.findings.map((f) => `${f.code}@${f.range.start.line}`);

test('typing in a comment reuses the file-level findings', () => {
  const { reused } = edit(BASE, BASE.replace('# memory', '# memory limits'));
  assert.equal(reused, true);
});

test('a word no version knows, typed at the end, reuses them', () => {
  const { analysis, reused } = edit(BASE, `${BASE}x`);
  assert.equal(reused, true);
  assert.ok(codes(analysis).includes('unknown-directive@7'));
  assert.equal(edit(`${BASE}x`, BASE).reused, true);
});

test('a word that becomes a known name is read again', () => {
  // `por` is unknown, `port` is read by the security checks: port 0 closes the open port.
  const { analysis, reused } = edit(`${BASE}por`, `${BASE}port 0`);
  assert.equal(reused, false);
  assert.ok(codes(analysis).includes('duplicate-directive@6'));
});

test('a line inserted before the findings moves them', () => {
  const { analysis, reused } = edit(BASE, `# header\n${BASE}`);
  assert.equal(reused, false);
  assert.ok(codes(analysis).includes('bind-all-interfaces@2'));
});

test('an edit of a directive the security checks read changes the verdict', () => {
  const { analysis, reused } = edit(BASE, BASE.replace('bind 0.0.0.0', 'bind 127.0.0.1'));
  assert.equal(reused, false);
  assert.ok(!codes(analysis).some((c) => c.startsWith('bind-all-interfaces')));
});

test('a suppression comment typed into a comment silences a reused finding', () => {
  assert.ok(codes(analyzeDocument(BASE, 'config', SETTINGS)).includes('bind-all-interfaces@1'));
  const { analysis, reused } = edit(BASE, BASE.replace('# a server open to the world', '# redis-config-disable-next-line bind-all-interfaces'));
  assert.equal(reused, true);
  assert.ok(!codes(analysis).some((c) => c.startsWith('bind-all-interfaces')));
  assert.equal(edit(BASE, BASE.replace('# memory', '# redis-config-disable duplicate-directive, no-auth')).reused, true);
});

test('a pragma typed in a comment changes the target and the findings', () => {
  const { analysis, reused } = edit(BASE, BASE.replace('# memory', '# redis-config: target=redis-6.0'));
  assert.equal(reused, false);
  assert.equal(analysis.target, 'redis-6.0');
});

test('a line that cannot be split after the first directive is not read as one the model keeps', () => {
  // Found by the fuzz test: the first kept line is where findings about what is missing go.
  assert.equal(edit('x "y\nlaveof 1.2.3.4 6379', 'x "y\nx "ylaveof 1.2.3.4 6379').reused, false);
  assert.equal(edit('x\nport 6379\n', 'y\nport 6379\n').reused, false);
});

test('a file with includes or an ACL file is checked again on every edit', () => {
  const source: FileSource = { read: (p) => (p.endsWith('users.acl') ? 'user default on nopass ~* +@all\n' : undefined), glob: () => [] };
  const context = { path: '/etc/redis/redis.conf', source };
  const acl = `${BASE}aclfile /etc/redis/users.acl\n`;
  assert.equal(edit(acl, acl.replace('# memory', '# memory!'), SETTINGS, context).reused, false);
  const inc = `${BASE}include /etc/redis/more.conf\n`;
  assert.equal(edit(inc, inc.replace('# memory', '# memory!'), SETTINGS, context).reused, false);
});

test('other settings are not answered with the findings of the old ones', () => {
  const previous = analyzeDocument(BASE, 'config', SETTINGS);
  const relaxed: Settings = { ...SETTINGS, rules: { 'bind-all-interfaces': 'off' } };
  const again = analyzeDocument(BASE, 'config', relaxed, {}, previous);
  assert.deepEqual(again.findings, analyzeDocument(BASE, 'config', relaxed).findings);
  const dev: Settings = { ...SETTINGS, minPasswordLength: 40 };
  const text = `${BASE}requirepass abcdefghijklmnopqrstuvwxyz0123\n`;
  const strict = analyzeDocument(text, 'config', dev, {}, analyzeDocument(text, 'config', SETTINGS));
  assert.deepEqual(strict.findings, analyzeDocument(text, 'config', dev).findings);
});

test('the findings of lines after an added line are taken over, one line further down', () => {
  const before = `${BASE}maxmemroy 2gb\ntimeout 0 # idle\n`;
  const after = before.replace('# memory', '# memory\nhz 10');
  const previous = analyzeDocument(before, 'config', SETTINGS);
  const again = analyzeDocument(after, 'config', SETTINGS, {}, previous);
  assert.deepEqual(again.findings, analyzeDocument(after, 'config', SETTINGS).findings);
  const typo = (a: Analysis) => a.findings.find((f) => f.code === 'unknown-directive');
  assert.equal(typo(previous)?.range.start.line, 7);
  assert.equal(typo(again)?.range.start.line, 8);
  assert.deepEqual(typo(again)?.data, typo(previous)?.data);
  // The trailing comment's quick fix works on offsets: made again where the text moved.
  const comment = (a: Analysis) => a.findings.find((f) => f.code === 'trailing-comment')?.data;
  assert.equal((comment(again)?.commentStart ?? 0) - (comment(previous)?.commentStart ?? 0), 'hz 10\n'.length);
});

test('the model keeps the model lines of lines the edit left alone, with or without files to read', () => {
  const source: FileSource = { read: () => undefined, glob: () => [] };
  for (const context of [{}, { path: '/etc/redis/redis.conf', source }]) {
    const previous = analyzeDocument(BASE, 'config', SETTINGS, context);
    const again = analyzeDocument(BASE.replace('maxmemory 1gb', 'maxmemory 2gb'), 'config', SETTINGS, context, previous);
    assert.ok(previous.kind === 'config' && again.kind === 'config');
    assert.deepEqual(
      again.model.lines.map((m, i) => m === previous.model.lines[i]),
      [true, true, false, true],
    );
    assert.equal(again.model.lines[2]?.line.tokens[1]?.value, '2gb');
  }
});

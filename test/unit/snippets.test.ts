// Checks the snippet files: their structure, and that what each snippet inserts (with every
// default accepted) respects the file format Redis reads. The oracle tests feed the same expanded
// text to a real redis-server; these checks run without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expandSnippetBody, parseSnippet } from '../support/snippetExpand';

const root = resolve(__dirname, '../..');
const referenceFile = resolve(root, '../shared/reference/redis-config-7.0.json');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

interface SnippetFile {
  file: string;
  raw: string;
  snippets: Record<string, Snippet>;
}

function load(file: string): SnippetFile {
  const raw = readFileSync(join(root, file), 'utf8');
  return { file, raw, snippets: JSON.parse(raw) as Record<string, Snippet> };
}

const conf = load('snippets/redis-conf.json');
const acl = load('snippets/redis-acl.json');

/** Keys of the top-level object, in order and with repeats (JSON.parse would keep only the last). */
function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < json.length) {
    const ch = json[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
      const str = JSON.parse(json.slice(i, j + 1)) as string;
      i = j + 1;
      while (i < json.length && /\s/.test(json[i] ?? '')) i++;
      if (depth === 1 && json[i] === ':') keys.push(str);
      continue;
    }
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    i++;
  }
  return keys;
}

const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** Splits one line the way redis-server does (quotes and escapes); undefined when the quotes are unbalanced. */
function splitConfigLine(line: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  const n = line.length;
  while (true) {
    while (i < n && /\s/.test(line[i] ?? '')) i++;
    if (i >= n) return args;
    let current = '';
    let quote: '"' | "'" | undefined;
    let done = false;
    while (!done) {
      const ch = line[i];
      if (quote === '"') {
        if (ch === undefined) return undefined;
        if (ch === '\\' && /^\\x[0-9a-fA-F]{2}/.test(line.slice(i))) {
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (ch === '\\' && i + 1 < n) {
          const next = line[i + 1] ?? '';
          current += ({ n: '\n', r: '\r', t: '\t', b: '\b', a: '\x07' } as Record<string, string>)[next] ?? next;
          i += 1;
        } else if (ch === '"') {
          if (i + 1 < n && !/\s/.test(line[i + 1] ?? '')) return undefined;
          done = true;
        } else {
          current += ch;
        }
      } else if (quote === "'") {
        if (ch === undefined) return undefined;
        if (ch === '\\' && line[i + 1] === "'") {
          current += "'";
          i += 1;
        } else if (ch === "'") {
          if (i + 1 < n && !/\s/.test(line[i + 1] ?? '')) return undefined;
          done = true;
        } else {
          current += ch;
        }
      } else if (ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        done = true;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else {
        current += ch;
      }
      if (i < n) i++;
    }
    args.push(current);
  }
}

const CATEGORIES = new Set([
  'all',
  'keyspace',
  'read',
  'write',
  'set',
  'sortedset',
  'list',
  'hash',
  'string',
  'bitmap',
  'hyperloglog',
  'geo',
  'stream',
  'pubsub',
  'admin',
  'fast',
  'slow',
  'blocking',
  'dangerous',
  'connection',
  'transaction',
  'scripting',
]);

/** Why an ACL rule would be rejected by Redis 7.0 syntax checks, or undefined when it is well formed. */
function aclRuleProblem(rule: string): string | undefined {
  const keywords = [
    'on',
    'off',
    'nopass',
    'resetpass',
    'reset',
    'allkeys',
    'resetkeys',
    'allchannels',
    'resetchannels',
    'allcommands',
    'nocommands',
    'clearselectors',
    'sanitize-payload',
    'skip-sanitize-payload',
  ];
  if (keywords.includes(rule.toLowerCase())) return undefined;
  if (/^[><]/.test(rule)) return undefined;
  if (/^[#!]/.test(rule)) return /^[#!][0-9a-f]{64}$/.test(rule) ? undefined : 'hash must be 64 lowercase hex digits';
  if (/^(~|%(R|W|RW|WR)~)\S+$/i.test(rule)) return undefined;
  if (/^&\S+$/.test(rule)) return undefined;
  const category = /^[+-]@(.+)$/.exec(rule);
  if (category) return CATEGORIES.has((category[1] ?? '').toLowerCase()) ? undefined : `unknown category ${rule}`;
  if (/^[+-][a-z][a-z0-9_-]*(\|[a-z0-9_-]+)?$/i.test(rule)) return undefined;
  if (/^\(.*\)$/.test(rule)) return undefined;
  return 'not an ACL rule';
}

test('snippetExpand: placeholders, choices, mirrors and escapes', () => {
  assert.equal(expandSnippetBody('port ${1:6379}$0'), 'port 6379');
  assert.equal(expandSnippetBody(['a ${1|x,y,z|}', 'b $1 ${2}']), 'a x\nb x ');
  assert.equal(expandSnippetBody('~${1:app}:* &$1:*'), '~app:* &app:*');
  assert.equal(expandSnippetBody('$1 then ${1:later}'), 'later then later');
  assert.equal(expandSnippetBody('${1:outer ${2:inner}} $2'), 'outer inner inner');
  assert.equal(expandSnippetBody('cost \\$5 \\} \\\\ plain\\n'), 'cost $5 } \\ plain\\n');
  assert.equal(expandSnippetBody('${1|a\\,b,c|}'), 'a,b');
  assert.equal(expandSnippetBody('$ alone and ${ too'), '$ alone and ${ too');
  assert.equal(expandSnippetBody('${TM_FILENAME:redis.conf} $TM_FILENAME', { variables: {} }), 'redis.conf TM_FILENAME');
  assert.equal(expandSnippetBody('$TM_FILENAME', { variables: { TM_FILENAME: 'x.conf' } }), 'x.conf');
  assert.throws(() => parseSnippet('${1:unterminated'));
  assert.throws(() => parseSnippet('${1/(.*)/$1/}'));
});

for (const { file, raw, snippets } of [conf, acl]) {
  test(`${file}: structure`, () => {
    const keys = topLevelKeys(raw);
    assert.ok(keys.length > 0, 'no snippets');
    assert.equal(new Set(keys).size, keys.length, `duplicate snippet names: ${keys.join(', ')}`);
    const seenPrefixes = new Map<string, string>();
    const seenDescriptions = new Set<string>();
    for (const [name, s] of Object.entries(snippets)) {
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: unexpected or missing fields`);
      const prefixes = prefixesOf(s);
      assert.ok(prefixes.length > 0, `${name}: no prefix`);
      for (const p of prefixes) {
        assert.equal(typeof p, 'string');
        assert.match(p, /^[a-z][a-z0-9-]*$/, `${name}: prefix "${p}"`);
        assert.ok(!seenPrefixes.has(p), `${name}: prefix "${p}" also used by ${seenPrefixes.get(p)}`);
        seenPrefixes.set(p, name);
      }
      assert.ok(typeof s.description === 'string' && s.description.trim().length > 10, `${name}: description`);
      assert.ok(!seenDescriptions.has(s.description), `${name}: duplicate description`);
      seenDescriptions.add(s.description);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
      assert.doesNotThrow(() => expandSnippetBody(s.body), `${name}: body does not parse`);
    }
  });
}

test('prefixes are unique across both snippet files', () => {
  const all = [...Object.values(conf.snippets), ...Object.values(acl.snippets)].flatMap(prefixesOf);
  assert.equal(new Set(all).size, all.length);
});

test('redis-conf snippets expand to lines redis-server accepts', () => {
  const accepted = existsSync(referenceFile)
    ? new Set(Object.keys((JSON.parse(readFileSync(referenceFile, 'utf8')) as { accepted_names: Record<string, unknown> }).accepted_names))
    : undefined;
  for (const [name, s] of Object.entries(conf.snippets)) {
    const text = expandSnippetBody(s.body);
    const users = new Set<string>();
    text.split('\n').forEach((line, i) => {
      const where = `${name}, line ${i + 1}: ${JSON.stringify(line)}`;
      assert.ok(!line.includes('\t'), `${where}: tab`);
      assert.equal(line, line.trimEnd(), `${where}: trailing blank`);
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      // A password hash (#<64 hex>) in a user line is a rule, not a comment.
      const withoutHashes = /^user /.test(trimmed) ? line.replace(/ #[0-9a-f]{64}(?= |$)/g, '') : line;
      assert.ok(!withoutHashes.includes('#'), `${where}: '#' after other text is not a comment in redis.conf`);
      const args = splitConfigLine(line);
      assert.ok(args, `${where}: unbalanced quotes`);
      const directive = (args[0] ?? '').toLowerCase();
      assert.ok(args.length >= 2 || directive === 'sentinel', `${where}: directive without a value`);
      if (accepted) assert.ok(accepted.has(directive), `${where}: "${directive}" is not a Redis 7.0 directive`);
      if (directive === 'user') {
        const user = args[1] ?? '';
        assert.ok(!users.has(user), `${where}: user ${user} defined twice`);
        users.add(user);
        for (const rule of args.slice(2)) assert.equal(aclRuleProblem(rule), undefined, `${where}: rule ${rule}`);
      }
    });
  }
});

test('redis-acl snippets expand to lines an ACL file accepts', () => {
  for (const [name, s] of Object.entries(acl.snippets)) {
    const text = expandSnippetBody(s.body).replace(/\n+$/, '');
    const users = new Set<string>();
    for (const line of text.split('\n')) {
      const where = `${name}: ${JSON.stringify(line)}`;
      assert.match(line, /^user [^ ]+( [^ ]+)*$/, `${where}: must be "user <name> <rules>" separated by single spaces`);
      assert.ok(!/[\t"'\\]/.test(line), `${where}: tabs, quotes and backslashes are not special in ACL files`);
      const [, user, ...rules] = line.split(' ');
      assert.ok(user !== undefined && !users.has(user), `${where}: user defined twice`);
      users.add(user);
      for (const rule of rules) assert.equal(aclRuleProblem(rule), undefined, `${where}: rule ${rule}`);
    }
  }
});

// Tokenizes the grammar fixtures with the real TextMate engine used by VS Code
// (vscode-textmate + vscode-oniguruma) and compares the result with committed snapshots.
// Set UPDATE_SNAPSHOTS=1 to rewrite the snapshots after an intended grammar change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { expandSnippetBody, type SnippetBody } from '../support/snippetExpand';

const root = resolve(__dirname, '../..');
const fixtureDir = join(root, 'test/fixtures/grammar');
const corpusDir = resolve(root, '../shared/corpus/official');
const updateSnapshots = process.env.UPDATE_SNAPSHOTS === '1';

const grammarFiles: Record<string, string> = {
  'source.redis-conf': join(root, 'syntaxes/redis-conf.tmLanguage.json'),
  'source.redis-acl': join(root, 'syntaxes/redis-acl.tmLanguage.json'),
};

interface Token {
  text: string;
  scopes: string[];
}

let registryPromise: Promise<vsctm.Registry> | undefined;

function registry(): Promise<vsctm.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = grammarFiles[scopeName];
        if (file === undefined) return null;
        return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
      },
    });
  })();
  return registryPromise;
}

const grammarCache = new Map<string, vsctm.IGrammar>();

async function grammar(scopeName: string): Promise<vsctm.IGrammar> {
  let g = grammarCache.get(scopeName);
  if (g === undefined) {
    const loaded = await (await registry()).loadGrammar(scopeName);
    assert.ok(loaded, `grammar ${scopeName} did not load`);
    g = loaded;
    grammarCache.set(scopeName, g);
  }
  return g;
}

/** Tokenizes a whole document; returns one token list per line (root scope left out). */
async function tokenize(scopeName: string, text: string): Promise<Token[][]> {
  const g = await grammar(scopeName);
  let stack = vsctm.INITIAL;
  const result: Token[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const tokens: Token[] = [];
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, Math.min(t.endIndex, line.length));
      if (piece === '') continue;
      tokens.push({ text: piece, scopes: t.scopes.slice(1) });
    }
    result.push(tokens);
  }
  return result;
}

async function tokenizeLine(scopeName: string, line: string): Promise<Token[]> {
  const lines = await tokenize(scopeName, line);
  return lines[0] ?? [];
}

/** The scopes of the token that covers the first occurrence of `needle` in `line`. */
async function scopesOf(scopeName: string, line: string, needle: string, from = 0): Promise<string[]> {
  const at = line.indexOf(needle, from);
  assert.notEqual(at, -1, `"${needle}" not in "${line}"`);
  let offset = 0;
  for (const t of await tokenizeLine(scopeName, line)) {
    if (at >= offset && at < offset + t.text.length) return t.scopes;
    offset += t.text.length;
  }
  assert.fail(`no token at offset ${at} of "${line}"`);
}

const hasScope = (scopes: string[], prefix: string): boolean => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

function render(lines: string[], tokens: Token[][]): string {
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(`> ${line}`);
    for (const t of tokens[i] ?? []) out.push(`  ${JSON.stringify(t.text)}  ${t.scopes.join(' ')}`);
  });
  return out.join('\n') + '\n';
}

const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.conf') || f.endsWith('.acl'))
  .sort();

test('there are fixtures for both grammars', () => {
  assert.ok(fixtures.some((f) => f.endsWith('.conf')));
  assert.ok(fixtures.some((f) => f.endsWith('.acl')));
});

for (const fixture of fixtures) {
  test(`snapshot: ${fixture}`, async () => {
    const scopeName = fixture.endsWith('.acl') ? 'source.redis-acl' : 'source.redis-conf';
    const text = readFileSync(join(fixtureDir, fixture), 'utf8').replace(/\n$/, '');
    const lines = text.split(/\r?\n/);
    const actual = render(lines, await tokenize(scopeName, text));
    const snapFile = join(fixtureDir, fixture.replace(/\.(conf|acl)$/, '.$1.snap'));
    if (updateSnapshots) {
      writeFileSync(snapFile, actual);
      return;
    }
    assert.ok(existsSync(snapFile), `missing snapshot ${snapFile}; run with UPDATE_SNAPSHOTS=1 to create it`);
    assert.equal(actual, readFileSync(snapFile, 'utf8'), `${fixture} tokenizes differently from its snapshot`);
  });
}

test('both grammars declare the scope names the manifest expects', () => {
  for (const [scopeName, file] of Object.entries(grammarFiles)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { scopeName?: string };
    assert.equal(raw.scopeName, scopeName);
  }
});

const CONF = 'source.redis-conf';
const ACL = 'source.redis-acl';

test('conf: # is a comment only as the first non-blank character of a line', async () => {
  assert.ok(hasScope(await scopesOf(CONF, '# plain', 'plain'), 'comment.line'));
  assert.ok(hasScope(await scopesOf(CONF, '   # indented', 'indented'), 'comment.line'));
  assert.ok(hasScope(await scopesOf(CONF, '\t# tab', 'tab'), 'comment.line'));

  const line = 'timeout 0 # x';
  for (const needle of ['#', 'x']) {
    const scopes = await scopesOf(CONF, line, needle);
    assert.ok(!hasScope(scopes, 'comment'), `"${needle}" must not be a comment: ${scopes.join(' ')}`);
    assert.ok(scopes.includes('invalid.illegal.trailing-comment.redis-conf'), scopes.join(' '));
  }
  // `#` inside a token or inside quotes is ordinary text.
  assert.ok(!hasScope(await scopesOf(CONF, 'dbfilename dump#1.rdb', '#'), 'invalid'));
  assert.ok(!hasScope(await scopesOf(CONF, 'requirepass "a # b"', '#'), 'invalid'));
});

test('conf: directive names, values and constants', async () => {
  assert.ok((await scopesOf(CONF, 'MaxMemory-Policy allkeys-lru', 'MaxMemory')).includes('keyword.other.directive.redis-conf'));
  assert.ok(hasScope(await scopesOf(CONF, 'MaxMemory-Policy ALLKEYS-LRU', 'ALLKEYS'), 'support.constant.eviction-policy'));
  assert.ok(hasScope(await scopesOf(CONF, 'loglevel warning', 'warning'), 'support.constant.loglevel'));
  assert.ok(hasScope(await scopesOf(CONF, 'appendonly YES', 'YES'), 'constant.language.boolean'));
  assert.ok(hasScope(await scopesOf(CONF, 'maxmemory 100mb', '100'), 'constant.numeric.memory'));
  assert.ok(hasScope(await scopesOf(CONF, 'maxmemory 2GB', 'GB'), 'keyword.other.unit'));
  assert.ok(hasScope(await scopesOf(CONF, 'maxmemory-clients 10%', '10'), 'constant.numeric.percentage'));
  assert.ok(hasScope(await scopesOf(CONF, 'port 6379', '6379'), 'constant.numeric.integer'));
  assert.ok(hasScope(await scopesOf(CONF, 'bind 127.0.0.1 -::1', '127'), 'constant.numeric.ip-address.ipv4'));
  assert.ok(hasScope(await scopesOf(CONF, 'bind 127.0.0.1 -::1', '::1'), 'constant.numeric.ip-address.ipv6'));
  assert.ok(hasScope(await scopesOf(CONF, 'bind 127.0.0.1 -::1', '-'), 'keyword.operator.optional'));
  assert.ok(hasScope(await scopesOf(CONF, 'tls-protocols "TLSv1.2 TLSv1.3"', 'TLSv1.3'), 'support.constant.tls-protocol'));
  // A number glued to other text is not a number.
  assert.ok(!hasScope(await scopesOf(CONF, 'dbfilename 100mb.rdb', '100'), 'constant.numeric'));
});

test('conf: loader directives get their own scopes', async () => {
  assert.ok(hasScope(await scopesOf(CONF, 'include /etc/redis/a.conf', 'include'), 'keyword.control.import.include'));
  assert.ok(hasScope(await scopesOf(CONF, 'include /etc/redis/a.conf', '/etc'), 'string.unquoted.path'));
  assert.ok(hasScope(await scopesOf(CONF, 'rename-command CONFIG ""', 'CONFIG'), 'entity.name.function.command'));
  assert.ok(hasScope(await scopesOf(CONF, 'loadmodule /x/m.so', 'loadmodule'), 'keyword.control.import.loadmodule'));
  const sentinel = 'sentinel monitor mymaster 127.0.0.1 6379 2';
  assert.ok(hasScope(await scopesOf(CONF, sentinel, 'sentinel'), 'keyword.other.sentinel'));
  assert.ok(hasScope(await scopesOf(CONF, sentinel, 'monitor'), 'keyword.other.sentinel-subdirective'));
  assert.ok(hasScope(await scopesOf(CONF, sentinel, 'mymaster'), 'entity.name.master'));
  for (const line of ['include x', 'rename-command a b', 'loadmodule x', 'user u on', 'sentinel myid x']) {
    assert.ok((await scopesOf(CONF, line, line.split(' ')[0] ?? '')).includes('keyword.other.directive.redis-conf'), line);
  }
});

test('conf: double- and single-quoted strings and their escapes', async () => {
  const line = '"a\\x41b"';
  const esc = await scopesOf(CONF, `masterauth ${line}`, '\\x41');
  assert.ok(hasScope(esc, 'constant.character.escape'), esc.join(' '));
  assert.ok(hasScope(esc, 'string.quoted.double'));
  // \x needs exactly two hex digits to be a hex escape.
  const short = await tokenizeLine(CONF, 'masterauth "\\x4g"');
  const shortEsc = short.filter((t) => hasScope(t.scopes, 'constant.character.escape'));
  assert.deepEqual(
    shortEsc.map((t) => t.text),
    ['\\x'],
  );
  for (const e of ['\\n', '\\r', '\\t', '\\b', '\\a', '\\"', '\\\\']) {
    assert.ok(hasScope(await scopesOf(CONF, `masterauth "x${e}y"`, e), 'constant.character.escape'), e);
  }
  // In single quotes only \' is an escape.
  assert.ok(hasScope(await scopesOf(CONF, "dbfilename 'it\\'s'", "\\'"), 'constant.character.escape'));
  assert.ok(!hasScope(await scopesOf(CONF, "dbfilename 'a\\nb'", '\\n'), 'constant.character.escape'));
  // Quotes that Redis rejects.
  assert.ok(hasScope(await scopesOf(CONF, 'masterauth "open', '"'), 'invalid.illegal.unbalanced-quotes'));
  assert.ok(hasScope(await scopesOf(CONF, 'masterauth "a"b', '"'), 'invalid.illegal.unbalanced-quotes'));
  assert.ok(hasScope(await scopesOf(CONF, "masterauth 'open", "'"), 'invalid.illegal.unbalanced-quotes'));
});

test('conf: user lines highlight ACL rules', async () => {
  const hash = 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2';
  const line = `user app on >secret #${hash} ~app:* %R~ro:* &chan +@read -@dangerous +get -config|set (~x +get)`;
  assert.ok(hasScope(await scopesOf(CONF, line, 'user'), 'keyword.other.user'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'app'), 'entity.name.user'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'on'), 'keyword.other.acl.state'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'secret'), 'string.other.password'));
  const h = await scopesOf(CONF, line, hash);
  assert.ok(hasScope(h, 'constant.other.password-hash') && !hasScope(h, 'invalid') && !hasScope(h, 'comment'), h.join(' '));
  assert.ok(hasScope(await scopesOf(CONF, line, 'app:'), 'string.unquoted.acl.key-pattern'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'R'), 'storage.modifier.acl.key-permission'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'chan'), 'string.unquoted.acl.channel-pattern'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'read'), 'support.type.acl.category'));
  assert.ok(hasScope(await scopesOf(CONF, line, '-@'), 'keyword.operator.acl.deny'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'get'), 'entity.name.function.acl.command'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'set'), 'entity.name.function.acl.subcommand'));
  assert.ok(hasScope(await scopesOf(CONF, line, '(~x'), 'punctuation.section.selector.begin'));
  assert.ok(hasScope(await scopesOf(CONF, line, 'x +get)'), 'meta.selector.acl'));
  // A stray `#` on a user line is not a comment either.
  const trailing = await scopesOf(CONF, 'user app on # note', 'note');
  assert.ok(hasScope(trailing, 'invalid.illegal') && !hasScope(trailing, 'comment'));
});

test('acl: rule kinds are scoped distinctly', async () => {
  const hash = '4a2f6c1b9e8d7a3c5f0e1d2b3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e';
  const line = `user bob on nopass >pw <old #${hash} !${hash} ~k:* %RW~q:* &ch +@all -@dangerous +client|list -flushall (~s:* +get) reset`;
  const expectations: Array<[string, string, number?]> = [
    ['user', 'keyword.other.user'],
    ['bob', 'entity.name.user'],
    ['on', 'keyword.other.acl.state'],
    ['nopass', 'keyword.other.acl.password'],
    ['>', 'keyword.operator.acl.password.add'],
    ['pw', 'string.other.password'],
    ['<', 'keyword.operator.acl.password.remove'],
    ['#', 'keyword.operator.acl.hash.add'],
    [hash, 'constant.other.password-hash'],
    ['!', 'keyword.operator.acl.hash.remove'],
    ['~', 'keyword.operator.acl.key-pattern'],
    ['RW', 'storage.modifier.acl.key-permission'],
    ['&', 'keyword.operator.acl.channel-pattern'],
    ['all', 'support.type.acl.category'],
    ['+@', 'keyword.operator.acl.allow'],
    ['-@', 'keyword.operator.acl.deny'],
    ['client', 'entity.name.function.acl.command'],
    ['|', 'punctuation.separator.acl.subcommand'],
    ['list', 'entity.name.function.acl.subcommand'],
    ['flushall', 'entity.name.function.acl.command'],
    ['(', 'punctuation.section.selector.begin'],
    [')', 'punctuation.section.selector.end'],
    ['reset', 'keyword.other.acl.reset'],
  ];
  for (const [needle, scope] of expectations) {
    const scopes = await scopesOf(ACL, line, needle);
    assert.ok(hasScope(scopes, scope), `${needle}: expected ${scope}, got ${scopes.join(' ')}`);
    assert.ok(!hasScope(scopes, 'invalid'), `${needle} should be valid: ${scopes.join(' ')}`);
  }
});

test('acl: a # line is not a comment but an error; a #hash rule is fine', async () => {
  const comment = await scopesOf(ACL, '# users', 'users');
  assert.ok(hasScope(comment, 'invalid.illegal') && !hasScope(comment, 'comment'), comment.join(' '));
  const hash = 'c3ab8ff13720e8ad9047dd39466b3c8974e592c2fa383d4a3960714caef0c4f2';
  const ok = await scopesOf(ACL, `user u on #${hash}`, hash);
  assert.ok(hasScope(ok, 'constant.other.password-hash') && !hasScope(ok, 'invalid'));
  for (const bad of ['#ABCDEF', '#123', '!xyz']) {
    assert.ok(hasScope(await scopesOf(ACL, `user u on ${bad}`, bad), 'invalid.illegal'), bad);
  }
});

test('acl: file-format errors are flagged', async () => {
  assert.ok(hasScope(await scopesOf(ACL, 'USER bob on', 'USER'), 'invalid.illegal'));
  assert.ok(hasScope(await scopesOf(ACL, 'requirepass x', 'requirepass'), 'invalid.illegal'));
  assert.ok(hasScope(await scopesOf(ACL, 'user  bob on', ' ', 5), 'invalid.illegal.empty-username'));
  assert.ok(hasScope(await scopesOf(ACL, 'user bob on frobnicate', 'frob'), 'invalid.illegal.acl.rule'));
  assert.ok(hasScope(await scopesOf(ACL, 'user bob on (~x +get', '('), 'invalid.illegal.acl.unmatched-parenthesis'));
  assert.ok(hasScope(await scopesOf(ACL, 'user bob (on ~x)', 'on'), 'invalid.illegal.acl.selector-rule'));
  // Quotes mean nothing in an ACL file: they are part of the password.
  assert.ok(hasScope(await scopesOf(ACL, 'user bob on >"a', '"a'), 'string.other.password'));
});

const corpusFiles = existsSync(corpusDir) ? readdirSync(corpusDir).filter((f) => f.endsWith('.conf')) : [];

test('official default configs tokenize cleanly', { skip: corpusFiles.length === 0 ? 'corpus not present' : false }, async () => {
  for (const file of corpusFiles) {
    const text = readFileSync(join(corpusDir, file), 'utf8');
    const lines = text.split(/\r?\n/);
    const tokens = await tokenize(CONF, text);
    lines.forEach((line, i) => {
      const where = `${file}:${i + 1}`;
      const lineTokens = tokens[i] ?? [];
      for (const t of lineTokens) {
        assert.ok(!hasScope(t.scopes, 'invalid'), `${where}: ${JSON.stringify(t.text)} is ${t.scopes.join(' ')}`);
      }
      const trimmed = line.trim();
      if (trimmed === '') return;
      if (trimmed.startsWith('#')) {
        const body = lineTokens.filter((t) => t.text.trim() !== '');
        assert.ok(
          body.every((t) => hasScope(t.scopes, 'comment.line')),
          `${where}: comment line not fully a comment`,
        );
      } else {
        const first = lineTokens.find((t) => t.text.trim() !== '');
        assert.ok(first && first.scopes.includes('keyword.other.directive.redis-conf'), `${where}: no directive scope`);
      }
    });
  }
});

interface SnippetFile {
  [name: string]: { body: SnippetBody };
}

test('expanded snippets tokenize without invalid scopes', async () => {
  for (const [file, scopeName] of [
    ['snippets/redis-conf.json', CONF],
    ['snippets/redis-acl.json', ACL],
  ] as const) {
    const snippets = JSON.parse(readFileSync(join(root, file), 'utf8')) as SnippetFile;
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = expandSnippetBody(snippet.body);
      const tokens = await tokenize(scopeName, text);
      tokens.forEach((line, i) => {
        for (const t of line) {
          assert.ok(!hasScope(t.scopes, 'invalid'), `${file} "${name}" line ${i + 1}: ${JSON.stringify(t.text)} is ${t.scopes.join(' ')}`);
        }
      });
    }
  }
});

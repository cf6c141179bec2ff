/**
 * The project file `.redis-config.json` and the order of the settings layers, with an
 * in-memory file system: the nearest file wins, the search stops at a VCS root, overrides
 * apply by glob in order, and every problem is reported with the file's path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findProjectFile, namedByOverride, parseProjectFile, projectSettingsFor, type ProjectFs } from '../../server/src/settings/projectFile';
import { ProjectFiles } from '../../server/src/settings/projectSettings';
import { checkSetting, resolveSettings, SETTINGS_SCHEMA } from '../../server/src/settings/schema';
import { projectFileSchema } from '../../server/src/settings/jsonSchema';
import { RULE_LIST } from '../../server/src/knowledge/rules';
import { TARGETS } from '../../server/src/knowledge/types';
import Ajv from 'ajv';

function memoryFs(files: Record<string, string>, vcsRoots: string[] = []): ProjectFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    read: (p) => {
      reads.push(p);
      return files[p];
    },
    isVcsRoot: (dir) => vcsRoots.includes(dir),
  };
}

test('the nearest project file upwards wins; the search stops at a VCS root after looking in it', () => {
  const fs = memoryFs({ '/repo/.redis-config.json': '{}', '/repo/deploy/.redis-config.json': '{"profile":"development"}', '/.redis-config.json': '{}' }, [
    '/repo',
  ]);
  assert.equal(findProjectFile('/repo/deploy/eu', fs)?.path, '/repo/deploy/.redis-config.json');
  assert.equal(findProjectFile('/repo/src', fs)?.path, '/repo/.redis-config.json');
  const outside = memoryFs({ '/.redis-config.json': '{}' }, ['/repo']);
  assert.equal(findProjectFile('/repo/src', outside), undefined, 'a file above the repository root is not the project’s');
  assert.deepEqual(outside.reads, ['/repo/src/.redis-config.json', '/repo/.redis-config.json']);
  assert.equal(findProjectFile('/srv/redis', memoryFs({ '/.redis-config.json': '{"profile":"development"}' }))?.path, '/.redis-config.json');
  assert.equal(findProjectFile('C:/work/redis', memoryFs({ 'C:/work/.redis-config.json': '{}' }))?.path, 'C:/work/.redis-config.json');
});

test('top-level settings, then each matching override in order; globs start at the project folder', () => {
  const project = parseProjectFile(
    JSON.stringify({
      $schema: './node_modules/@redis-config-tools/redis-config-lint/redis-config.schema.json',
      targetVersion: 'redis-7.2',
      minPasswordLength: 24,
      includeBaseDirectory: 'etc/redis',
      rules: { 'unbounded-memory': 'off', 'no-tls': 'error' },
      overrides: [
        { files: ['valkey/*.conf'], targetVersion: 'valkey-8.0' },
        { files: ['dev/**'], profile: 'development', rules: { 'no-tls': 'hint' } },
        { files: ['sentinel*.conf'], minPasswordLength: 40 },
      ],
    }),
    '/repo/.redis-config.json',
  );
  assert.deepEqual(project.problems, []);
  assert.deepEqual(projectSettingsFor(project, '/repo/redis.conf'), {
    targetVersion: 'redis-7.2',
    minPasswordLength: 24,
    includeBaseDirectory: '/repo/etc/redis',
    rules: { 'unbounded-memory': 'off', 'no-tls': 'error' },
  });
  assert.equal(projectSettingsFor(project, '/repo/valkey/node.conf').targetVersion, 'valkey-8.0');
  assert.equal(projectSettingsFor(project, '/repo/other/valkey/node.conf').targetVersion, 'redis-7.2', 'a glob with a slash is anchored at the project folder');
  const dev = projectSettingsFor(project, '/repo/dev/a/redis.conf');
  assert.equal(dev.profile, 'development');
  assert.deepEqual(dev.rules, { 'unbounded-memory': 'off', 'no-tls': 'hint' }, 'rules merge code by code');
  assert.equal(projectSettingsFor(project, '/repo/deep/er/sentinel-26379.conf').minPasswordLength, 40, 'a glob without a slash matches a name anywhere');
  assert.ok(namedByOverride(project, '/repo/valkey/node.conf'));
  assert.ok(!namedByOverride(project, '/repo/notes.txt'));
});

test('problems name the file and the key; valid keys still apply', () => {
  const bad = parseProjectFile(
    JSON.stringify({
      targetVersion: 'redis-latest',
      profile: 'development',
      minPasswordLength: 4,
      rules: { 'no-such-rule': 'off', 'no-tls': 'loud', 'unbounded-memory': 'off' },
      colour: true,
      overrides: [{ target: 'redis-7.0' }, 'x'],
    }),
    '/repo/.redis-config.json',
  );
  assert.deepEqual(bad.settings, { profile: 'development', rules: { 'unbounded-memory': 'off' } });
  const text = bad.problems.join('\n');
  for (const needle of [
    "invalid value for 'targetVersion' in /repo/.redis-config.json: 'redis-latest'",
    "invalid value for 'minPasswordLength' in /repo/.redis-config.json: 4 (expected a whole number from 8 to 256)",
    "unknown rule code in 'rules' in /repo/.redis-config.json: 'no-such-rule'",
    "invalid level for 'no-tls'",
    "unknown setting 'colour' in /repo/.redis-config.json",
    'overrides[0] in /repo/.redis-config.json: "files" must be a non-empty list of globs',
    'overrides[1] in /repo/.redis-config.json: expected an object',
  ]) {
    assert.ok(text.includes(needle), `missing: ${needle}\n${text}`);
  }
  assert.match(parseProjectFile('{ "profile": ', '/p/.redis-config.json').problems[0] ?? '', /^\/p\/\.redis-config\.json: not valid JSON: /);
  assert.deepEqual(parseProjectFile('[]', '/p/.redis-config.json').problems, ['/p/.redis-config.json: expected a JSON object']);
});

test('one settings schema: the same ranges and messages for every front end', () => {
  const { minimum, maximum } = SETTINGS_SCHEMA.minPasswordLength;
  assert.deepEqual([minimum, maximum], [8, 256]);
  assert.equal(checkSetting('minPasswordLength', 8).value, 8);
  assert.deepEqual(checkSetting('minPasswordLength', 7, '--min-password-length').problems, [
    'invalid value for --min-password-length: 7 (expected a whole number from 8 to 256)',
  ]);
  assert.equal(checkSetting('minPasswordLength', 12.5).value, undefined);
  assert.equal(checkSetting('targetVersion', 'auto').value, 'auto');
  assert.equal(checkSetting('includeBaseDirectory', '  ').value, undefined, 'empty means unset');
  assert.equal(checkSetting('docsBaseUrl', 'not a url').value, undefined);
  assert.equal(checkSetting('docsBaseUrl', 'https://example.com/r/').value, 'https://example.com/r/');
});

test('layers: defaults < project file < editor or flags; auto never replaces a chosen target', () => {
  const project = { targetVersion: 'redis-7.0', profile: 'development', minPasswordLength: 20, rules: { 'no-tls': 'off', 'unbounded-memory': 'off' } } as const;
  const none = resolveSettings([]);
  assert.deepEqual(none, { settings: { target: 'redis-8.0', targetIsDefault: true, profile: 'production' }, targetOrigin: 'default' });
  const onlyProject = resolveSettings([{ origin: 'project', settings: project }]);
  assert.deepEqual(onlyProject.settings, {
    target: 'redis-7.0',
    targetIsDefault: false,
    profile: 'development',
    minPasswordLength: 20,
    rules: { 'no-tls': 'off', 'unbounded-memory': 'off' },
  });
  assert.equal(onlyProject.targetOrigin, 'project');
  const editor = resolveSettings([
    { origin: 'project', settings: project },
    { origin: 'editor', settings: { targetVersion: 'auto', profile: 'production', rules: { 'no-tls': 'error' } } },
  ]);
  assert.equal(editor.settings.target, 'redis-7.0', "the editor's 'auto' leaves the project's target");
  assert.equal(editor.targetOrigin, 'project');
  assert.equal(editor.settings.profile, 'production');
  assert.deepEqual(editor.settings.rules, { 'no-tls': 'error', 'unbounded-memory': 'off' });
  const flag = resolveSettings([
    { origin: 'project', settings: project },
    { origin: 'flag', settings: { targetVersion: 'valkey-8.0' } },
  ]);
  assert.deepEqual([flag.settings.target, flag.targetOrigin], ['valkey-8.0', 'flag']);
});

test('ProjectFiles reads each project file once and reports its problems once', () => {
  const fs = memoryFs({ '/r/.redis-config.json': '{"profile":"development","bogus":1}' }, ['/r']);
  const heard: string[][] = [];
  const projects = new ProjectFiles(fs, (p) => heard.push([...p.problems]));
  assert.equal(projects.settingsFor('/r/a/redis.conf').profile, 'development');
  assert.equal(projects.settingsFor('/r/b/redis.conf').profile, 'development');
  assert.equal(projects.settingsFor('/r/a/users.acl').profile, 'development');
  assert.equal(heard.length, 1);
  assert.match(heard[0]?.[0] ?? '', /unknown setting 'bogus'/);
  assert.equal(fs.reads.filter((r) => r === '/r/.redis-config.json').length, 2, 'once per folder searched, parsed once');
  projects.forget();
  projects.settingsFor('/r/a/redis.conf');
  assert.equal(heard.length, 2, 'read again after forget()');
});

test('the JSON Schema lists exactly the known targets and codes', () => {
  const schema = projectFileSchema() as {
    properties: Record<string, { anyOf?: { enum?: string[] }[] }>;
    definitions: { rules: { propertyNames: { enum: string[] } } };
    additionalProperties: boolean;
  };
  assert.deepEqual(schema.properties.targetVersion?.anyOf?.[0]?.enum, ['auto', ...TARGETS]);
  assert.deepEqual(
    schema.definitions.rules.propertyNames.enum,
    RULE_LIST.map((r) => r.code),
  );
  assert.equal(schema.additionalProperties, false);
  for (const name of Object.keys(SETTINGS_SCHEMA)) assert.ok(schema.properties[name], name);
});

test('the JSON Schema accepts what the reader accepts and rejects what it reports', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(projectFileSchema());
  const good = {
    $schema: 'x',
    targetVersion: 'valkey-8.0',
    profile: 'development',
    includeBaseDirectory: 'etc',
    minPasswordLength: 12,
    rules: { 'no-tls': 'off' },
    docsBaseUrl: 'https://example.com/r/',
    overrides: [{ files: ['a/*.conf'], targetVersion: 'redis-7.0' }],
  };
  assert.ok(validate(good), JSON.stringify(validate.errors));
  assert.deepEqual(parseProjectFile(JSON.stringify(good), '/p/.redis-config.json').problems, []);
  // A version without its own table is accepted by both (checked as the nearest one).
  for (const approximated of [{ targetVersion: 'redis-8.2' }, { targetVersion: 'valkey-9.0.1' }]) {
    assert.ok(validate(approximated), JSON.stringify(validate.errors));
    assert.deepEqual(parseProjectFile(JSON.stringify(approximated), '/p/.redis-config.json').problems, []);
  }
  for (const bad of [
    { targetVersion: 'redis-latest' },
    { minPasswordLength: 4 },
    { rules: { 'no-such-rule': 'off' } },
    { rules: { 'no-tls': 'loud' } },
    { colour: true },
    { overrides: [{ profile: 'development' }] },
  ]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
    assert.notDeepEqual(parseProjectFile(JSON.stringify(bad), '/p/.redis-config.json').problems, [], JSON.stringify(bad));
  }
});

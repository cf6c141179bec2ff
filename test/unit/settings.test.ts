/**
 * One schema for the settings: the manifest (package.json) and the shared schema agree on
 * names, allowed values, ranges, defaults and descriptions; every setting is documented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS_SCHEMA, settingsFromClient, DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { RULES } from '../../server/src/knowledge/rules';

interface Property {
  type: string;
  enum?: string[];
  default: unknown;
  minimum?: number;
  maximum?: number;
  markdownDescription?: string;
  additionalProperties?: { enum?: string[] };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
  capabilities?: { untrustedWorkspaces?: { supported: boolean | string } };
};
const props = manifest.contributes.configuration.properties;

test('every server setting is in the manifest with the same values and default', () => {
  for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
    const p = props[`redisConfig.${key}`];
    assert.ok(p, `redisConfig.${key} missing from package.json`);
    assert.deepEqual(p.default, schema.default, key);
    assert.equal(p.type, schema.type, key);
    assert.equal(p.markdownDescription, schema.description, key);
    if ('enum' in schema) assert.deepEqual(p.enum, [...schema.enum], key);
    if ('minimum' in schema) assert.deepEqual([p.minimum, p.maximum], [schema.minimum, schema.maximum], key);
    if (key === 'rules') assert.deepEqual(p.additionalProperties?.enum, [...SETTINGS_SCHEMA.rules.values]);
  }
});

test('every manifest setting is known to the server or the client, and documented', () => {
  const clientOnly = new Set(['trace.server']);
  for (const [name, p] of Object.entries(props)) {
    const key = name.replace(/^redisConfig\./, '');
    assert.ok(key in SETTINGS_SCHEMA || clientOnly.has(key), `${name} is not read by anyone`);
    assert.ok((p.markdownDescription ?? '').length > 30, `${name} needs a description`);
  }
});

test('the manifest defaults give the server defaults', () => {
  const defaults = Object.fromEntries(Object.entries(props).map(([k, p]) => [k.replace(/^redisConfig\./, ''), p.default]));
  assert.deepEqual(settingsFromClient(defaults), DEFAULT_SETTINGS);
});

test('the rules setting documents real codes only; workspace trust is declared', () => {
  const example = /`\{ "([a-z-]+)": "[a-z]+", "([a-z-]+)": "[a-z]+" \}`/.exec(props['redisConfig.rules']?.markdownDescription ?? '');
  for (const code of example?.slice(1) ?? []) assert.ok(code in RULES, code);
  assert.ok(manifest.capabilities?.untrustedWorkspaces, 'untrustedWorkspaces must be declared');
});

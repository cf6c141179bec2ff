/**
 * The JSON Schema of `.redis-config.json`, built from the settings schema and the rule
 * catalogue (so it never lists a target or a code the tool does not know). The build
 * writes it to dist/redis-config.schema.json; the extension contributes it for
 * completion and validation in VS Code, and the npm package ships it.
 */
import { RULE_LIST } from '../knowledge/rules';
import { VERSION_NAME_PATTERN } from '../knowledge/versions';
import { PROJECT_FILE_NAME } from './names';
import { LEVELS, SETTINGS_SCHEMA } from './schema';

type JsonSchema = Record<string, unknown>;

function settingProperties(): Record<string, JsonSchema> {
  const s = SETTINGS_SCHEMA;
  return {
    // The known targets complete; another redis-X.Y / valkey-X.Y is accepted and checked as the nearest one.
    targetVersion: {
      type: 'string',
      anyOf: [{ enum: [...s.targetVersion.enum] }, { pattern: VERSION_NAME_PATTERN }],
      default: s.targetVersion.default,
      markdownDescription: s.targetVersion.description,
    },
    profile: { type: 'string', enum: [...s.profile.enum], default: s.profile.default, markdownDescription: s.profile.description },
    includeBaseDirectory: { type: 'string', markdownDescription: s.includeBaseDirectory.description },
    minPasswordLength: {
      type: 'integer',
      minimum: s.minPasswordLength.minimum,
      maximum: s.minPasswordLength.maximum,
      default: s.minPasswordLength.default,
      markdownDescription: s.minPasswordLength.description,
    },
    maxFileSizeMB: {
      type: 'integer',
      minimum: s.maxFileSizeMB.minimum,
      maximum: s.maxFileSizeMB.maximum,
      default: s.maxFileSizeMB.default,
      markdownDescription: s.maxFileSizeMB.description,
    },
    rules: { $ref: '#/definitions/rules' },
    docsBaseUrl: { type: 'string', format: 'uri', markdownDescription: s.docsBaseUrl.description },
  };
}

export function projectFileSchema(): JsonSchema {
  const settings = settingProperties();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: {
      // Written once, used by the top level and by every override.
      rules: {
        type: 'object',
        markdownDescription: SETTINGS_SCHEMA.rules.description,
        propertyNames: { enum: RULE_LIST.map((r) => r.code) },
        properties: Object.fromEntries(RULE_LIST.map((r) => [r.code, { enum: [...LEVELS], markdownDescription: `${r.title} (default: ${r.severity})` }])),
        additionalProperties: false,
      },
    },
    title: PROJECT_FILE_NAME,
    description: 'Settings of redis-config-lint and the Redis Config editor extension for the files in this folder and below.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      ...settings,
      overrides: {
        type: 'array',
        markdownDescription:
          'Settings for some files only, applied in order after the top-level ones. Globs are relative to this file; a glob without a slash matches a file name in any folder.',
        items: {
          type: 'object',
          required: ['files'],
          properties: {
            files: {
              type: 'array',
              items: { type: 'string', minLength: 1 },
              minItems: 1,
              markdownDescription: 'Globs of the files these settings apply to, e.g. `["deploy/valkey/*.conf"]`.',
            },
            ...settings,
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}

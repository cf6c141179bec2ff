/** The diagnostic codes about ACL rules and ACL files. */
import type { RuleInfo } from './ruleTypes';

export const ACL_RULES = {
  'invalid-acl-line': {
    code: 'invalid-acl-line',
    severity: 'error',
    title: 'A line of an ACL file that is not `user <name> [rule ...]`: Redis refuses the whole file.',
  },
  'acl-unknown-command': {
    code: 'acl-unknown-command',
    severity: 'error',
    versionTable: true,
    title: 'A `+command` or `-command` rule names a command or subcommand the targeted version does not have.',
  },
  'acl-unknown-category': {
    code: 'acl-unknown-category',
    severity: 'error',
    versionTable: true,
    title: 'A `+@category` or `-@category` rule names a category Redis does not have.',
  },
  'acl-module-rule': {
    code: 'acl-module-rule',
    severity: 'warning',
    title: 'A rule names a module command or category: valid only when that module is loaded before the users.',
  },
  'acl-syntax-error': {
    code: 'acl-syntax-error',
    severity: 'error',
    title: 'A rule Redis does not understand ("Syntax error").',
  },
  'acl-empty-key-permission': {
    code: 'acl-empty-key-permission',
    severity: 'error',
    title: 'A `%~pattern` key rule without R or W: refused by patched Redis builds, a no-op on unpatched 7.0.',
  },
  'acl-rule-unsupported-version': {
    code: 'acl-rule-unsupported-version',
    severity: 'error',
    versionTable: true,
    title: 'A rule form the targeted version does not have yet (selectors and `%R~` before 7.0, channels before 6.2).',
  },
  'acl-invalid-hash': {
    code: 'acl-invalid-hash',
    severity: 'error',
    title: 'A `#hash` or `!hash` rule that is not 64 lower-case hexadecimal characters.',
  },
  'acl-remove-missing-password': {
    code: 'acl-remove-missing-password',
    severity: 'error',
    title: 'A `<password` or `!hash` rule removes a password the user does not have at that point.',
  },
  'acl-pattern-after-all': {
    code: 'acl-pattern-after-all',
    severity: 'error',
    title: 'A key pattern after `allkeys`/`~*`, or a channel pattern after `allchannels`/`&*`: Redis refuses it.',
  },
  'acl-subcommand-first-arg': {
    code: 'acl-subcommand-first-arg',
    severity: 'error',
    title: 'A `+command|subcommand|argument` rule: Redis cannot restrict the arguments of a subcommand.',
  },
  'acl-subcommand-of-allowed-command': {
    code: 'acl-subcommand-of-allowed-command',
    severity: 'error',
    title: 'Redis 6.x: `+command|argument` while the whole command is already allowed.',
  },
  'acl-first-arg': {
    code: 'acl-first-arg',
    severity: 'warning',
    title: '`+command|argument` on a command without subcommands: deprecated, and Redis may stop accepting it.',
  },
  'acl-unclosed-selector': {
    code: 'acl-unclosed-selector',
    severity: 'error',
    title: 'A selector `(` that is never closed: Redis refuses the line, and some versions crash on ACL LOAD.',
  },
  'acl-selector-ignored': {
    code: 'acl-selector-ignored',
    severity: 'warning',
    title: 'A selector Redis silently drops or empties (a second `(` before the `)`, unbalanced quotes inside).',
  },
  'acl-duplicate-user': {
    code: 'acl-duplicate-user',
    severity: 'error',
    title: 'The same user is defined twice: Redis refuses the ACL file or the configuration.',
  },
  'acl-invalid-username': {
    code: 'acl-invalid-username',
    severity: 'error',
    title: 'A user name with a space, tab or other blank character: Redis refuses it.',
  },
  'acl-missing-default-user': {
    code: 'acl-missing-default-user',
    severity: 'warning',
    title: 'An ACL file without a `default` user: Redis keeps `default` open (`on nopass ~* &* +@all`).',
  },
  'acl-nopass-drops-password': {
    code: 'acl-nopass-drops-password',
    severity: 'warning',
    title: '`nopass` after a password: the password is removed and any password is accepted.',
  },
  'acl-users-with-aclfile': {
    code: 'acl-users-with-aclfile',
    severity: 'error',
    title: '`user` lines together with `aclfile` in one configuration: Redis refuses to start.',
  },
  'acl-extra-space': {
    code: 'acl-extra-space',
    severity: 'hint',
    title: 'Two spaces in a row between the rules of an ACL file: an empty rule that Redis skips.',
  },
  'default-user-nopass': {
    code: 'default-user-nopass',
    severity: 'warning',
    security: true,
    exposure: true,
    relaxedInDevelopment: true,
    title: 'The `default` user is on without a password: every connection is logged in as it (in a config: an error when clients on other hosts get in).',
  },
  'user-nopass': {
    code: 'user-nopass',
    severity: 'warning',
    security: true,
    exposure: true,
    relaxedInDevelopment: true,
    title: 'A user other than default that accepts any password (`nopass`): protected mode does not guard it.',
  },
  'acl-all-commands': {
    code: 'acl-all-commands',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'A user may run every command (`+@all` / `allcommands`).',
  },
  'acl-dangerous-commands': {
    code: 'acl-dangerous-commands',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'A user may run commands that wipe data, reconfigure or stop the server (FLUSHALL, CONFIG SET, DEBUG, ...).',
  },
  'acl-all-keys': {
    code: 'acl-all-keys',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'A user may access every key (`~*` / `allkeys`).',
  },
  'acl-all-channels': {
    code: 'acl-all-channels',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'A user may use every Pub/Sub channel (`&*` / `allchannels`).',
  },
  'acl-scripting': {
    code: 'acl-scripting',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'A user may send Lua code (EVAL, SCRIPT LOAD, FUNCTION LOAD): the door to the Lua interpreter bugs.',
  },
  'weak-password': {
    code: 'weak-password',
    severity: 'warning',
    security: true,
    relaxedInDevelopment: true,
    title: 'A password that is short, common or easy to guess.',
  },
  'plaintext-password': {
    code: 'plaintext-password',
    severity: 'information',
    security: true,
    relaxedInDevelopment: true,
    title: 'A password written in clear (`>password`) where its SHA-256 hash (`#hash`) would do.',
  },
} as const satisfies Record<string, RuleInfo>;

export type AclRuleCode = keyof typeof ACL_RULES;

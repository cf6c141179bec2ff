/**
 * Our explanation of every ACL rule form, for hovers and completion. One source: both read
 * these entries. `insert` is what completion inserts (snippet syntax where a value follows).
 */

export interface AclKeywordDoc {
  /** How the rule is written (`on`, `~<pattern>`, `+@<category>`). */
  readonly label: string;
  /** Text inserted by completion; `$1` marks where the cursor goes. */
  readonly insert: string;
  readonly summary: string;
  /** Where the rule may appear. */
  readonly scope: 'user' | 'selector';
  /** First version with the rule, when it is not in every version. */
  readonly since?: 'Redis 6.2' | 'Redis 7.0';
}

export const ACL_KEYWORDS: Readonly<Record<string, AclKeywordDoc>> = {
  on: { label: 'on', insert: 'on', scope: 'user', summary: 'Enables the user: clients can log in as it. A new user starts disabled.' },
  off: {
    label: 'off',
    insert: 'off',
    scope: 'user',
    summary: 'Disables the user: nobody can log in as it (clients already logged in stay connected). Permissions are kept.',
  },
  nopass: {
    label: 'nopass',
    insert: 'nopass',
    scope: 'user',
    summary:
      'Removes every password and accepts any password, or none: for `default`, every new connection is logged in without AUTH. A later password turns it off again.',
  },
  resetpass: {
    label: 'resetpass',
    insert: 'resetpass',
    scope: 'user',
    summary: 'Removes every password and the `nopass` flag: until a password is added, nobody can log in as the user.',
  },
  reset: {
    label: 'reset',
    insert: 'reset',
    scope: 'user',
    summary:
      'Starts over: no password, no keys, no channels (or all of them with `acl-pubsub-default allchannels`), off, payload sanitised, no selectors, no commands.',
  },
  clearselectors: {
    label: 'clearselectors',
    insert: 'clearselectors',
    scope: 'user',
    since: 'Redis 7.0',
    summary: "Removes every selector `( ... )` of the user; the user's own permissions stay.",
  },
  'sanitize-payload': {
    label: 'sanitize-payload',
    insert: 'sanitize-payload',
    scope: 'user',
    since: 'Redis 6.2',
    summary: 'RESTORE payloads sent by this user are checked in depth (the default with `sanitize-dump-payload clients`).',
  },
  'skip-sanitize-payload': {
    label: 'skip-sanitize-payload',
    insert: 'skip-sanitize-payload',
    scope: 'user',
    since: 'Redis 6.2',
    summary: 'RESTORE payloads sent by this user skip the deep check: faster, but a crafted payload can crash the server. For trusted users only.',
  },
  '>': {
    label: '><password>',
    insert: '>$1',
    scope: 'user',
    summary: 'Adds a password (Redis keeps only its SHA-256) and clears `nopass`. The password is written in clear in this file: prefer `#<sha256>`.',
  },
  '<': {
    label: '<<password>',
    insert: '<$1',
    scope: 'user',
    summary: 'Removes a password. In a file the line starts from a new user, so only a password added earlier on the same line can be removed.',
  },
  '#': {
    label: '#<sha256>',
    insert: '#$1',
    scope: 'user',
    summary: 'Adds a password by its SHA-256 hash: 64 lower-case hexadecimal characters. Clears `nopass`.',
  },
  '!': { label: '!<sha256>', insert: '!$1', scope: 'user', summary: 'Removes a password by its SHA-256 hash.' },
  '(': {
    label: '(<rules>)',
    insert: '($1)',
    scope: 'user',
    since: 'Redis 7.0',
    summary:
      'Adds a selector: a second, independent set of key, channel and command permissions. A command is allowed when the user itself or any one selector allows the command together with all its keys and channels.',
  },
  allkeys: {
    label: 'allkeys',
    insert: 'allkeys',
    scope: 'selector',
    summary: 'Every key, for reading and writing (the same as `~*`). Clears the key patterns.',
  },
  resetkeys: {
    label: 'resetkeys',
    insert: 'resetkeys',
    scope: 'selector',
    summary: 'Removes every key pattern and `allkeys`: no key is accessible until patterns are added.',
  },
  allchannels: {
    label: 'allchannels',
    insert: 'allchannels',
    scope: 'selector',
    since: 'Redis 6.2',
    summary: 'Every Pub/Sub channel (the same as `&*`). Clears the channel patterns.',
  },
  resetchannels: {
    label: 'resetchannels',
    insert: 'resetchannels',
    scope: 'selector',
    since: 'Redis 6.2',
    summary: 'Removes every channel pattern and `allchannels`.',
  },
  allcommands: {
    label: 'allcommands',
    insert: 'allcommands',
    scope: 'selector',
    summary: 'Every command (the same as `+@all`), including commands that modules add later.',
  },
  nocommands: { label: 'nocommands', insert: 'nocommands', scope: 'selector', summary: 'No command (the same as `-@all`).' },
  '~': {
    label: '~<pattern>',
    insert: '~$1',
    scope: 'selector',
    summary: 'Allows reading and writing the keys that match the glob pattern (`*`, `?`, `[a-z]`, `\\` to escape). `~*` means every key.',
  },
  '%': {
    label: '%R~<pattern>',
    insert: '%${1|R,W,RW|}~$2',
    scope: 'selector',
    since: 'Redis 7.0',
    summary:
      'Allows the keys that match the pattern for reading (`%R~`), writing (`%W~`) or both (`%RW~`). Read means the command reads the value; write means it inserts, updates or deletes.',
  },
  '&': {
    label: '&<pattern>',
    insert: '&$1',
    scope: 'selector',
    since: 'Redis 6.2',
    summary: 'Allows publishing and subscribing to the channels that match the glob pattern; PSUBSCRIBE patterns must be granted literally.',
  },
  '+': { label: '+<command>', insert: '+$1', scope: 'selector', summary: 'Allows a command, or one subcommand of a container command (`+config|get`).' },
  '-': { label: '-<command>', insert: '-$1', scope: 'selector', summary: 'Denies a command, or one subcommand (`-config|set`).' },
  '+@': { label: '+@<category>', insert: '+@$1', scope: 'selector', summary: 'Allows every command of a category.' },
  '-@': { label: '-@<category>', insert: '-@$1', scope: 'selector', summary: 'Denies every command of a category.' },
};

/** The note shown for Redis 6.x targets, whose command facts come from 7.0's table. */
export const V6_COMMANDS_NOTE =
  "Redis 6.x facts come from Redis 7.0's command table, cut to the commands 6.x had; in 6.x a container such as CONFIG was one command, and `+config|get` allowed it with that first argument.";

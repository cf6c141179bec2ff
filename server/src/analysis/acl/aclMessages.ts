/**
 * One message builder per ACL diagnostic code. Tests call these instead of copying strings.
 * No builder takes a password: messages never repeat a secret, not even a fragment (a rule
 * Redis cannot parse may be part of a password, so its text is not echoed either).
 */
import { targetLabel } from '../../knowledge/targets';
import type { TargetId } from '../../knowledge/types';

const SOURCE_EFFECT = {
  acl: 'Redis refuses the whole ACL file (at startup the server exits; ACL LOAD keeps the old users)',
  config: 'redis-server refuses to start',
} as const;

export type RuleSource = keyof typeof SOURCE_EFFECT;

function quoteList(items: readonly string[]): string {
  return items.map((s) => `'${s}'`).join(', ');
}

export const aclMessages = {
  unknownCommand(name: string, target: TargetId, source: RuleSource, suggestions: readonly string[], knownIn: string | undefined): string {
    let text = `Unknown command '${name}' for ${targetLabel(target)}: ${SOURCE_EFFECT[source]} ("Unknown command or category name in ACL").`;
    if (knownIn) text += ` It exists in ${knownIn}.`;
    if (suggestions.length > 0) text += ` Did you mean ${quoteList(suggestions)}?`;
    return text;
  },
  unknownSubcommand(
    container: string,
    name: string,
    target: TargetId,
    source: RuleSource,
    suggestions: readonly string[],
    knownIn: string | undefined,
  ): string {
    let text = `'${container}' has no subcommand '${name}' in ${targetLabel(target)}: ${SOURCE_EFFECT[source]} ("Unknown command or category name in ACL").`;
    if (knownIn) text += ` It exists in ${knownIn}.`;
    if (suggestions.length > 0) text += ` Did you mean ${quoteList(suggestions)}?`;
    return text;
  },
  minusFirstArg(command: string, source: RuleSource): string {
    return `'-${command}|…' does not exist: '${command}' has no subcommands, and only '+' takes a first argument. ${SOURCE_EFFECT[source]} ("Unknown command or category name in ACL"). Use '-${command}' to deny the whole command.`;
  },
  unknownCategory(name: string, source: RuleSource, suggestions: readonly string[]): string {
    let text = `Unknown ACL category '@${name}': ${SOURCE_EFFECT[source]} ("Unknown command or category name in ACL").`;
    if (suggestions.length > 0) text += ` Did you mean ${quoteList(suggestions.map((s) => `@${s}`))}?`;
    return text;
  },
  moduleCommand(name: string): string {
    return `'${name}' is not a Redis command; the dot suggests a module command. Redis accepts this rule only when the module that adds it is loaded before the users (with loadmodule), and refuses it otherwise.`;
  },
  moduleCategory(name: string, target: TargetId): string {
    return `'@${name}' is a category of the modules bundled with ${targetLabel(target)} (search, JSON, time series, probabilistic): Redis knows it only when those modules are loaded.`;
  },
  syntax(detail: 'unknown' | 'user-rule-in-selector' | 'whitespace' | 'bad-permission' | 'empty-first-arg' | 'tab' | 'quote', source: RuleSource): string {
    const what = {
      unknown: 'Redis does not understand this rule',
      'user-rule-in-selector':
        'a selector holds only key, channel and command rules; passwords, on/off, reset and nested selectors belong outside the parentheses',
      whitespace: 'a key or channel pattern cannot contain spaces, tabs or other blanks',
      'bad-permission': "after '%' only R and W (each at most once) may come before '~'",
      'empty-first-arg': "nothing follows the '|'",
      tab: 'this rule contains a tab: in an ACL file only single spaces separate the rules, so the tab becomes part of the rule',
      quote: 'ACL files have no quoting: quotes are part of the words, and a space always separates two rules',
    }[detail];
    return `Syntax error: ${what}. ${SOURCE_EFFECT[source]}.`;
  },
  quotedWord(source: RuleSource): string {
    return `This rule contains a quote. ACL files have no quoting: a quoted value with spaces (a password, say) is cut into several rules at each space, and Redis refuses this one. ${SOURCE_EFFECT[source]}. Set such passwords with '#<sha256>' instead.`;
  },
  emptyKeyPermission(source: RuleSource): string {
    return `A key pattern with '%' needs R, W or both before '~' (for example '%R~cache:*'). Redis 7.2.6, 7.4.1 and later (and patched 7.0 builds such as Debian's 7.0.15) answer "Syntax error", so ${SOURCE_EFFECT[source]}; unpatched 7.0 accepted it and granted nothing (CVE-2024-31227).`;
  },
  unsupportedVersion(form: string, since: string, target: TargetId, source: RuleSource): string {
    return `${form} ${since === 'Redis 7.0' ? 'are' : 'is'} new in ${since}: ${targetLabel(target)} answers "Syntax error" and ${SOURCE_EFFECT[source]}.`;
  },
  invalidHash(hashLength: number, source: RuleSource): string {
    const shape = hashLength === 64 ? 'has characters other than 0-9 and a-f (upper-case hex is refused too)' : `is ${hashLength} characters long`;
    return `A password hash must be exactly 64 lower-case hexadecimal characters (a SHA-256); this one ${shape}. ${SOURCE_EFFECT[source]}. If '#' was meant as a comment: ACL rules have no comments.`;
  },
  removeMissingPassword(kind: 'password' | 'hash', source: RuleSource): string {
    return `This rule removes a ${kind === 'password' ? 'password' : 'password hash'} the user does not have at this point of the line (rules apply left to right to a new user): ${SOURCE_EFFECT[source]} ("The password you are trying to remove from the user does not exist").`;
  },
  patternAfterAll(kind: 'key' | 'channel', source: RuleSource): string {
    return kind === 'key'
      ? `A key pattern after 'allkeys' or '~*' adds nothing and Redis refuses it: ${SOURCE_EFFECT[source]}. Put 'resetkeys' before the patterns to grant only them, or drop the pattern.`
      : `A channel pattern after 'allchannels' or '&*' adds nothing and Redis refuses it: ${SOURCE_EFFECT[source]}. Put 'resetchannels' before the patterns to grant only them, or drop the pattern.`;
  },
  channelAfterDefault(source: RuleSource): string {
    return `With 'acl-pubsub-default allchannels' every new user starts with all channels, so a channel pattern adds nothing and Redis refuses it: ${SOURCE_EFFECT[source]}. Put 'resetchannels' before the channel patterns.`;
  },
  subcommandFirstArg(subcommand: string, source: RuleSource): string {
    return `Redis cannot restrict the arguments of a subcommand ('${subcommand}'): ${SOURCE_EFFECT[source]} ("Allowing first-arg of a subcommand is not supported"). Allow the subcommand itself, or leave it out.`;
  },
  subcommandOfAllowed(command: string, source: RuleSource): string {
    return `'${command}' is already fully allowed at this point, and Redis 6 refuses to add a first argument to it: ${SOURCE_EFFECT[source]}. Deny the command first ('-${command}'), then allow the argument.`;
  },
  firstArg(command: string): string {
    return `'+${command}|…' allows '${command}' only with this first argument. Redis accepts it with a deprecation warning in its log and may stop accepting it in a future version; it also does not look at later arguments. Prefer allowing or denying whole commands.`;
  },
  unclosedSelector(source: RuleSource, crashes: boolean): string {
    let text = `This selector is opened with '(' and never closed: ${SOURCE_EFFECT[source]} ("Unmatched parenthesis").`;
    if (crashes)
      text +=
        ' Worse, because a rule comes before it on the line, ACL LOAD dereferences a null pointer and redis-server crashes (seen in 7.0.15; the code is the same in 7.4).';
    return `${text} Close the selector with ')'.`;
  },
  selectorDropped(): string {
    return "A second '(' starts before this selector is closed: Redis silently throws away everything from here up to the next '('. Close each selector with ')'.";
  },
  selectorEmptied(): string {
    return 'The quotes inside this selector are unbalanced: Redis silently keeps it as an empty selector, which grants nothing. Balance or remove the quotes.';
  },
  duplicateUser(name: string, source: RuleSource): string {
    return source === 'acl'
      ? `User '${name}' is defined a second time: Redis reports "Duplicate user '${name}'" and refuses the whole ACL file. Merge the two lines.`
      : `User '${name}' is defined a second time: redis-server refuses to start ("Duplicate user found"). Merge the two lines.`;
  },
  duplicateUserReplaced(name: string, target: TargetId): string {
    return `User '${name}' is defined again further down: ${targetLabel(target)} accepts it and the later definition replaces this one entirely, so these rules have no effect (Redis 7.0 and later refuse the file). Merge the two lines.`;
  },
  invalidUsername(source: RuleSource): string {
    return `A user name cannot contain spaces, tabs or other blank characters: ${SOURCE_EFFECT[source]}.`;
  },
  missingDefaultUser(): string {
    return "This ACL file does not define the 'default' user, so Redis keeps it as 'on nopass ~* &* +@all': every connection is logged in with full access. Add a 'user default ...' line (for example 'user default off').";
  },
  nopassDropsPassword(count: number): string {
    return `'nopass' removes the ${count === 1 ? 'password' : `${count} passwords`} added before it on this line, and the user then accepts any password. Remove 'nopass', or the password if no password is intended.`;
  },
  usersWithAclfile(): string {
    return "'user' lines and 'aclfile' cannot be used together: redis-server refuses to start. Define every user in the ACL file, or drop 'aclfile'.";
  },
  extraSpace(): string {
    return 'Two spaces in a row: Redis reads an empty rule here and skips it. Harmless on its own, but use single spaces (before an unclosed selector it crashes ACL LOAD).';
  },
  defaultUserNopass(): string {
    return "The 'default' user is on without a password ('nopass'): every client that connects is logged in as 'default' without authenticating. Give it a password ('>…' or '#<sha256>'), or turn it off.";
  },
  userNopass(user: string): string {
    return `User '${user}' is on with 'nopass': it accepts any password, so every client that reaches the server can log in as it — protected mode only looks at the default user. Give it a password ('>…' or '#<sha256>'), or turn it off.`;
  },
  allCommands(user: string): string {
    return `User '${user}' may run every command ('+@all' / 'allcommands'), including the dangerous ones and those modules add later. Grant the categories or commands it needs, or at least add '-@dangerous' after '+@all'.`;
  },
  dangerousCommands(user: string, commands: readonly string[], viaCategory: boolean): string {
    const shown = commands.slice(0, 8).map((c) => c.toUpperCase().replace('|', ' '));
    const more = commands.length > 8 ? ` and ${commands.length - 8} more` : '';
    return `User '${user}' may run ${shown.join(', ')}${more}: commands that can wipe data, reconfigure, block or stop the server${viaCategory ? " (here through '+@dangerous')" : ''}. Add '-@dangerous' after the categories, or deny these commands.`;
  },
  allKeys(user: string): string {
    return `User '${user}' may access every key ('~*' / 'allkeys'). Fine for an administrator; an application user should get the key prefixes it uses ('~app:*').`;
  },
  allChannels(user: string): string {
    return `User '${user}' may publish and subscribe to every channel ('&*' / 'allchannels'). Grant the channel patterns it uses instead ('&app:*').`;
  },
  scripting(user: string, commands: readonly string[]): string {
    return `User '${user}' may send Lua code to the server (${commands.map((c) => c.toUpperCase().replace('|', ' ')).join(', ')}). Bugs in the Lua interpreter (such as CVE-2025-49844) are reached this way by any authenticated user; grant this only to users that must run their own scripts, and keep Redis patched.`;
  },
  /** Related information of the findings above. */
  definitionWins(name: string): string {
    return `'${name}' is defined again here, and this definition wins`;
  },
  firstDefinition(name: string): string {
    return `'${name}' is first defined here`;
  },
  passwordAddedHere(): string {
    return 'password added here';
  },
} as const;

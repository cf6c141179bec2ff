/**
 * One message builder per diagnostic code. Tests call these instead of copying strings.
 */
import { targetLabel, describeTargets } from '../knowledge/targets';
import type { TargetId } from '../knowledge/types';

export const messages = {
  unknownDirective(name: string, target: TargetId, knownIn: readonly TargetId[], suggestions: readonly string[]): string {
    let text = `Unknown directive '${name}': ${targetLabel(target)} does not know it and refuses to start ("Bad directive or wrong number of arguments").`;
    if (name.startsWith('\ufeff')) text += ' The file starts with a byte-order mark (BOM): save it as UTF-8 without BOM.';
    if (knownIn.length > 0) text += ` It exists in ${describeTargets(knownIn)}.`;
    if (suggestions.length === 1) text += ` Did you mean '${suggestions[0]}'?`;
    else if (suggestions.length > 1) text += ` Did you mean one of: ${suggestions.map((s) => `'${s}'`).join(', ')}?`;
    return text;
  },
  emptyDirective(): string {
    return 'An empty directive name ("" alone): redis-server refuses this line ("Bad directive or wrong number of arguments").';
  },
  trailingComment(directive: string, passedToModule: boolean): string {
    return passedToModule
      ? `Redis has no trailing comments: the words from '#' on are passed to the module as extra arguments. Move the comment to its own line above '${directive}'.`
      : `Redis has no trailing comments: the words from '#' on become extra arguments of '${directive}' and redis-server refuses the line. Move the comment to its own line above.`;
  },
  bindAllInterfaces(address: string): string {
    return `'bind ${address}' listens on every network interface: anyone who can reach this host can reach Redis. Bind to loopback or to the private addresses that need access (for example 'bind 127.0.0.1 -::1').`;
  },
  bindMissing(): string {
    return "No 'bind' directive: Redis listens on every network interface by default ('* -::*'). Add 'bind 127.0.0.1 -::1', or the private addresses that need access.";
  },
  protectedModeOff(): string {
    return "'protected-mode no' lets any host that reaches the port talk to a server without a password. Keep 'protected-mode yes' unless authentication and 'bind' are in place.";
  },
} as const;

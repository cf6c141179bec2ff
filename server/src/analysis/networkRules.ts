/**
 * Network exposure: where the server listens, and whether protected mode guards it.
 * Both follow Redis's "last line wins" for these directives.
 */
import type { ConfigTree, DirectiveLine } from '../syntax/configParser';
import { RULES, type Severity } from '../knowledge/rules';
import { messages } from './messages';
import type { Finding, Settings } from './types';
import { asciiLower } from '../syntax/text';

/** Addresses that mean "every interface"; a leading `-` only marks an address optional. */
const ALL_INTERFACES = new Set(['*', '0.0.0.0', '::', '::*', '0:0:0:0:0:0:0:0']);

function lastLine(tree: ConfigTree, name: string): DirectiveLine | undefined {
  for (let i = tree.directives.length - 1; i >= 0; i--) {
    const d = tree.directives[i] as DirectiveLine;
    if (d.name === name && !d.broken) return d;
  }
  return undefined;
}

function networkSeverity(settings: Settings, base: Severity): Severity {
  return settings.profile === 'development' ? 'hint' : base;
}

export function bindFindings(tree: ConfigTree, settings: Settings): Finding[] {
  const severity = networkSeverity(settings, RULES['bind-all-interfaces'].severity);
  const bind = lastLine(tree, 'bind');
  if (!bind) {
    // An empty document is not a config yet; say nothing until there is a directive.
    const first = tree.directives[0];
    if (!first) return [];
    return [{ code: 'bind-all-interfaces', severity, message: messages.bindMissing(), range: first.tokens[0]?.range ?? first.range, data: { missing: true } }];
  }
  // A MULTI_ARG value given as one quoted string is re-split by Redis.
  for (const token of bind.tokens.slice(1)) {
    for (const address of token.value.split(' ')) {
      const bare = address.startsWith('-') ? address.slice(1) : address;
      if (ALL_INTERFACES.has(bare)) {
        return [{ code: 'bind-all-interfaces', severity, message: messages.bindAllInterfaces(address), range: token.range, data: { address } }];
      }
    }
  }
  return [];
}

export function protectedModeFindings(tree: ConfigTree, settings: Settings): Finding[] {
  const line = lastLine(tree, 'protected-mode');
  const value = line?.tokens[1];
  if (!line || !value || line.tokens.length !== 2 || asciiLower(value.value) !== 'no') return [];
  return [
    {
      code: 'protected-mode-off',
      severity: networkSeverity(settings, RULES['protected-mode-off'].severity),
      message: messages.protectedModeOff(),
      range: value.range,
    },
  ];
}

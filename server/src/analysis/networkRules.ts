/**
 * Network exposure: where the server listens, and whether protected mode guards it.
 * Both read the effective configuration: the last line wins, wherever it is.
 */
import { RULES } from '../knowledge/rules';
import { asciiLower } from '../syntax/text';
import { lastSet, type ConfigModel, type ModelLine } from './configModel';
import { messages } from './messages';
import type { Finding, Range } from './types';

/** Addresses that mean "every interface"; a leading `-` only marks an address optional. */
const ALL_INTERFACES = new Set(['*', '0.0.0.0', '::', '::*', '0:0:0:0:0:0:0:0']);

/** Where a finding about a line shows: on the token when it is in this document, else on the include line. */
export function placeOf(m: ModelLine, tokenRange: Range): Range {
  return m.file === undefined ? tokenRange : m.anchor;
}

export function inFile(m: ModelLine, message: string): string {
  return m.file === undefined ? message : `${message} (set in ${m.file})`;
}

export function bindFindings(model: ConfigModel): Finding[] {
  const severity = RULES['bind-all-interfaces'].severity;
  const bind = lastSet(model, ['bind']);
  if (!bind) {
    // An empty document is not a config yet; say nothing until there is a directive.
    const first = model.lines.find((m) => m.file === undefined);
    if (!first) return [];
    return [{ code: 'bind-all-interfaces', severity, message: messages.bindMissing(), range: first.line.tokens[0]?.range ?? first.anchor, data: { missing: true } }];
  }
  // A MULTI_ARG value given as one quoted string is re-split by Redis.
  for (const token of bind.line.tokens.slice(1)) {
    for (const address of token.value.split(' ')) {
      const bare = address.startsWith('-') ? address.slice(1) : address;
      if (ALL_INTERFACES.has(bare)) {
        return [{ code: 'bind-all-interfaces', severity, message: inFile(bind, messages.bindAllInterfaces(address)), range: placeOf(bind, token.range), data: { address } }];
      }
    }
  }
  return [];
}

export function protectedModeFindings(model: ConfigModel): Finding[] {
  const m = lastSet(model, ['protected-mode']);
  const value = m?.line.tokens[1];
  if (!m || !value || m.line.tokens.length !== 2 || asciiLower(value.value) !== 'no') return [];
  return [
    {
      code: 'protected-mode-off',
      severity: RULES['protected-mode-off'].severity,
      message: inFile(m, messages.protectedModeOff()),
      range: placeOf(m, value.range),
    },
  ];
}

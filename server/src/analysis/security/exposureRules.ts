/**
 * Where the server listens (bind-all-interfaces) and whether protected mode guards it
 * (protected-mode-off), judged by the exposure model: an error only when a client on another
 * host gets in without a password, a warning for a guard that one line could remove.
 */
import type { Finding } from '../types';
import { at, missing } from '../findings';
import { exposureSeverity, protectedModeWouldRefuse } from './exposure';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

export function bindFindings(facts: SecurityFacts): Finding[] {
  const e = facts.exposure;
  // Nothing listens on TCP: where it would listen does not matter.
  if (!e.plainPort && !e.tlsPort) return [];
  const severity = exposureSeverity(e);
  const bind = e.bindLine;
  if (!bind) return missing('bind-all-interfaces', facts.model, msg.bindMissing(e), { severity, data: { missing: true } });
  // A MULTI_ARG value given as one quoted string is re-split by Redis.
  for (const token of bind.line.tokens.slice(1)) {
    for (const address of token.value.split(' ')) {
      const bare = address.startsWith('-') ? address.slice(1) : address;
      if (e.addresses.some((a) => a.address === bare && a.scope === 'every-interface')) {
        return [{ ...at('bind-all-interfaces', bind, msg.bindAllInterfaces(address, e), token, { data: { address } }), severity }];
      }
    }
  }
  return [];
}

export function protectedModeFindings(facts: SecurityFacts): Finding[] {
  const e = facts.exposure;
  const line = e.protectedMode.line;
  // An error when protected mode would refuse the clients that get in: this line is what lets them in.
  const severity = e.remote === 'open' && protectedModeWouldRefuse(e) ? 'error' : 'warning';
  if (line) {
    const value = line.line.tokens[1];
    if (e.protectedMode.on || !value || line.line.tokens.length !== 2) return [];
    return [{ ...at('protected-mode-off', line, msg.protectedModeOff(e), value), severity }];
  }
  // Sentinel runs with protected mode off unless its file says yes: worth saying when nothing else guards it.
  if (e.product === 'sentinel' && e.defaultUser.nopassFlag) {
    return missing('protected-mode-off', facts.model, msg.sentinelProtectedModeImplicit(e), { severity, data: { missing: true } });
  }
  return [];
}

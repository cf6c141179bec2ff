/**
 * The production checklist as diagnostics, computed on the effective configuration.
 */
import { memoryDirectives } from '../../knowledge/directives';
import type { Finding } from '../types';
import { noAuthFindings, requirepassFindings, configPasswordFindings } from './authRules';
import { commandFindings } from './commandRules';
import { securityFacts, type FactsInput } from './facts';
import { fileModeFindings, hostFindings, sentinelFindings } from './hostRules';
import { ambiguousUnitFindings, memoryFindings } from './memoryRules';
import { tlsFindings } from './networkRules';

export interface SecurityInput extends FactsInput {
  /** The permission bits of the document's file, when it is one. */
  readonly mode?: number;
}

export function securityFindings(input: SecurityInput): Finding[] {
  const facts = securityFacts(input);
  const holdsSecrets = input.tree.directives.some(
    (d) => ['requirepass', 'masterauth', 'primaryauth'].includes(d.name) || (d.name === 'user' && d.tokens.some((t) => t.value.startsWith('>'))) || (d.name === 'sentinel' && /^(auth-pass|sentinel-pass)$/i.test(d.tokens[1]?.value ?? '')),
  );
  return [
    ...noAuthFindings(facts),
    ...requirepassFindings(facts),
    ...configPasswordFindings(facts),
    ...tlsFindings(facts),
    ...commandFindings(facts),
    ...memoryFindings(facts),
    ...ambiguousUnitFindings(facts, memoryDirectives(input.settings.target)),
    ...hostFindings(facts),
    ...sentinelFindings(facts),
    ...fileModeFindings(facts, input.mode, holdsSecrets),
  ];
}

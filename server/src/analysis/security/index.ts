/**
 * The production checklist as diagnostics, computed on the effective configuration. Every
 * network and authentication rule reads the same exposure model (exposure.ts).
 */
import { memoryDirectives } from '../../knowledge/directives';
import type { Finding } from '../types';
import { aclFileNopassFindings, configPasswordFindings, noAuthFindings, requirepassFindings } from './authRules';
import { commandFindings } from './commandRules';
import { bindFindings, protectedModeFindings } from './exposureRules';
import type { SecurityFacts } from './facts';
import { fileModeFindings, hostFindings, sentinelFindings } from './hostRules';
import { ambiguousUnitFindings, memoryFindings } from './memoryRules';
import { tlsFindings } from './tlsRules';

export { securityFacts, type FactsInput, type SecurityFacts } from './facts';
export { userExposure } from './authRules';

/** `mode`: the permission bits of the document's file, when it is one. */
export function securityFindings(facts: SecurityFacts, mode?: number): Finding[] {
  const holdsSecrets = facts.tree.directives.some(
    (d) => ['requirepass', 'masterauth', 'primaryauth'].includes(d.name) || (d.name === 'user' && d.tokens.some((t) => t.value.startsWith('>'))) || (d.name === 'sentinel' && /^(auth-pass|sentinel-pass)$/i.test(d.tokens[1]?.value ?? '')),
  );
  return [
    ...bindFindings(facts),
    ...protectedModeFindings(facts),
    ...noAuthFindings(facts),
    ...aclFileNopassFindings(facts),
    ...requirepassFindings(facts),
    ...configPasswordFindings(facts),
    ...tlsFindings(facts),
    ...commandFindings(facts),
    ...memoryFindings(facts),
    ...ambiguousUnitFindings(facts, memoryDirectives(facts.settings.target)),
    ...hostFindings(facts),
    ...sentinelFindings(facts),
    ...fileModeFindings(facts, mode, holdsSecrets),
  ];
}

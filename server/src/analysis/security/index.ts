/**
 * The production checklist as diagnostics, computed on the effective configuration. Every
 * network and authentication rule reads the same exposure model (exposure.ts).
 */
import { withData } from '../findings';
import { memoryDirectives } from '../../knowledge/directives';
import { RULES } from '../../knowledge/rules';
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

/**
 * Every finding whose severity follows the exposure model (the catalogue's `exposure`), of
 * this document or of the `user` lines, carries the verdict it was graded by as
 * `data.remote`: what a client on another host experiences. Read after tuning, when a
 * severity may have been changed by the user (the SARIF scores).
 */
export function withRemoteOutcome(findings: readonly Finding[], facts: SecurityFacts): Finding[] {
  const remote = facts.exposure.remote;
  return findings.map((f) =>
    (RULES[f.code] as { exposure?: boolean } | undefined)?.exposure === true && f.data?.remote === undefined ? withData(f, { remote }) : f,
  );
}

/** `mode`: the permission bits of the document's file, when it is one. */
export function securityFindings(facts: SecurityFacts, mode?: number): Finding[] {
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
    ...fileModeFindings(facts, mode),
  ];
}

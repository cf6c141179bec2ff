/** Memory limits and eviction. */
import { formatBytes, memtoull } from '../values';
import type { Finding } from '../types';
import { at, missing } from '../findings';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

export function memoryFindings(facts: SecurityFacts): Finding[] {
  if (facts.kind === 'sentinel') return [];
  const out: Finding[] = [];
  const maxmemory = facts.last('maxmemory');
  const bytes = memtoull(maxmemory?.line.tokens[1]?.value ?? '0')?.bytes ?? 0n;
  if (bytes === 0n) {
    out.push(
      ...(maxmemory
        ? [at('unbounded-memory', maxmemory, msg.unboundedMemory(), maxmemory.line.tokens[1])]
        : missing('unbounded-memory', facts.model, msg.unboundedMemory())),
    );
  } else if (maxmemory && !facts.last('maxmemory-policy')) {
    out.push(at('maxmemory-policy-implicit', maxmemory, msg.maxmemoryPolicyImplicit(), maxmemory.line.tokens[0]));
  }
  const policy = facts.last('maxmemory-policy');
  const policyValue = facts.value('maxmemory-policy', true);
  if (policy && policyValue?.startsWith('volatile-')) out.push(at('volatile-policy-note', policy, msg.volatilePolicy(policyValue), policy.line.tokens[1]));
  return out;
}

/** `1g` (10^9) where `1gb` (2^30) was probably meant: every memory value of the document. */
export function ambiguousUnitFindings(facts: SecurityFacts, memoryDirectives: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const m of facts.model.lines) {
    if (m.file !== undefined) continue;
    const isBufferLimit = m.line.name === 'client-output-buffer-limit';
    if (!memoryDirectives.has(m.line.name) && !isBufferLimit) continue;
    const tokens = isBufferLimit ? m.line.tokens.filter((_, i) => i % 4 === 2 || i % 4 === 3) : m.line.tokens.slice(1, 2);
    for (const token of tokens) {
      const value = memtoull(token.value);
      if (!value || !['k', 'm', 'g'].includes(value.unit) || value.digits === '' || value.digits === '0') continue;
      const binary = memtoull(`${token.value}b`)?.bytes ?? 0n;
      out.push(
        at('ambiguous-memory-unit', m, msg.ambiguousUnit(token.value, `${value.bytes} bytes`, formatBytes(binary)), token, { data: { value: token.value } }),
      );
    }
  }
  return out;
}

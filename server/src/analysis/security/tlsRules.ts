/** TLS and the plaintext port. */
import { asciiLower } from '../../syntax/text';
import type { Finding } from '../types';
import { at, missing } from '../findings';
import type { SecurityFacts } from './facts';
import { securityMessages as msg } from './securityMessages';

/**
 * TLS is set up when a TLS port, TLS replication or a TLS cluster bus is asked for; Redis
 * then needs a certificate and key, and a CA unless it neither checks clients nor connects
 * to other nodes over TLS.
 */
export function tlsSetupFindings(facts: SecurityFacts): Finding[] {
  const replication = facts.value('tls-replication', true) === 'yes' ? facts.last('tls-replication') : undefined;
  const cluster = facts.value('tls-cluster', true) === 'yes' ? facts.last('tls-cluster') : undefined;
  const anchor = (facts.tlsPortOpen ? facts.last('tls-port') : undefined) ?? replication ?? cluster;
  if (!anchor) return [];
  const missing = ['tls-cert-file', 'tls-key-file'].filter((n) => (facts.value(n) ?? '') === '');
  const authClients = facts.value('tls-auth-clients', true) ?? 'yes';
  const needsCa = authClients !== 'no' || replication !== undefined || cluster !== undefined;
  if (needsCa && (facts.value('tls-ca-cert-file') ?? '') === '' && (facts.value('tls-ca-cert-dir') ?? '') === '')
    missing.push('tls-ca-cert-file (or tls-ca-cert-dir)');
  return missing.length ? [at('tls-incomplete', anchor, msg.tlsIncomplete(missing), undefined, { data: { missing, afterLoad: true } })] : [];
}

export function tlsFindings(facts: SecurityFacts): Finding[] {
  const out: Finding[] = [];
  if (!facts.tlsPortOpen) {
    out.push(...tlsSetupFindings(facts));
    const e = facts.exposure;
    if (e.plainPort && e.network) {
      const port = facts.last('port');
      out.push(...(port && port.file === undefined ? [at('no-tls', port, msg.noTls(e), port.line.tokens[1])] : missing('no-tls', facts.model, msg.noTls(e))));
    }
    return out;
  }
  const tlsPort = facts.last('tls-port');
  if (!tlsPort) return out;
  out.push(...tlsSetupFindings(facts));
  if (facts.plainPortOpen) {
    const port = facts.last('port');
    out.push(
      port
        ? at('tls-plaintext-port-open', port, msg.tlsPlaintextPortOpen(), port.line.tokens[1])
        : at('tls-plaintext-port-open', tlsPort, msg.tlsPlaintextPortOpen()),
    );
  }
  const protocols = facts.last('tls-protocols');
  if (protocols) {
    const names = (protocols.line.tokens[1]?.value ?? '').split(/\s+/).filter((p) => /^tlsv1(\.1)?$/i.test(p));
    if (names.length) out.push(at('weak-tls-protocols', protocols, msg.weakTlsProtocols(names), protocols.line.tokens[1]));
  }
  const auth = facts.last('tls-auth-clients');
  const authValue = facts.value('tls-auth-clients', true);
  if (auth && (authValue === 'no' || authValue === 'optional'))
    out.push(at('tls-auth-clients-off', auth, msg.tlsAuthClientsOff(authValue), auth.line.tokens[1]));
  const replicaof = facts.last('replicaof');
  const replicating = replicaof && !(asciiLower(replicaof.line.tokens[1]?.value ?? '') === 'no' && asciiLower(replicaof.line.tokens[2]?.value ?? '') === 'one');
  if (replicating && facts.value('tls-replication', true) !== 'yes') out.push(at('tls-replication-off', replicaof, msg.tlsReplicationOff()));
  const cluster = facts.last('cluster-enabled');
  if (cluster && facts.value('cluster-enabled', true) === 'yes' && facts.value('tls-cluster', true) !== 'yes')
    out.push(at('tls-cluster-off', cluster, msg.tlsClusterOff()));
  return out;
}

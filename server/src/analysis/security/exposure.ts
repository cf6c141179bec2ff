/**
 * Who can reach the server, and who gets in without a password, on the targeted version:
 * the model every network and authentication rule reads, so that their severities agree
 * with what a client on another host experiences. Pure.
 *
 * What it encodes, each point checked on live servers (test/oracle/exposure.test.ts):
 * - Protected mode refuses TCP clients that are not on loopback while the default user carries
 *   the nopass flag (whether it is on or off). From Redis 7.0 (and in every Valkey) that holds
 *   whatever `bind` says; in Redis 6.x any `bind` line switches the guard off.
 * - Sentinel starts with protected mode off: only `protected-mode yes` in its file turns it on.
 * - Protected mode looks at the default user only: an enabled `nopass` user of another name
 *   lets in every client that reaches the port, with any password.
 * - Sentinel 6.0 loads no ACL users: `requirepass` alone protects it.
 * - The Unix socket and loopback count as local.
 */
import { supports } from '../../knowledge/features';
import { targetLabel } from '../../knowledge/targets';
import type { TargetId } from '../../knowledge/types';
import type { ModelLine } from '../configModel';
import type { Severity } from '../types';
import type { DefaultUserFacts, NopassUser, SecurityFacts } from './facts';

export type AddressScope = 'loopback' | 'private' | 'public' | 'every-interface';

export interface ListenAddress {
  /** As written, without the optional-address `-`. */
  readonly address: string;
  readonly scope: AddressScope;
}

/** What a client on another host that knows no password experiences. */
export type RemoteOutcome =
  /** No TCP port listens beyond loopback. */
  | 'unreachable'
  /** Protected mode closes the connection (DENIED) before any command. */
  | 'refused'
  /** The only reachable port is TLS with client certificates: no certificate, no connection. */
  | 'certificate'
  /** It connects, and every user it could be needs a password. */
  | 'password'
  /** It connects and runs commands without a password. */
  | 'open'
  /** An ACL file that could not be read decides. */
  | 'unknown';

export interface Exposure {
  readonly product: 'server' | 'sentinel';
  readonly target: TargetId;
  /** "Redis 7.0", "Valkey 8.1". */
  readonly label: string;
  /** Redis 6.x: an explicit `bind` switches protected mode off. */
  readonly bindDisablesProtectedMode: boolean;
  readonly plainPort: boolean;
  readonly tlsPort: boolean;
  /** The TLS port asks clients for a certificate (`tls-auth-clients yes`, the default). */
  readonly tlsClientCertificates: boolean;
  /** The `bind` line that counts (the last one), when there is one. */
  readonly bindLine?: ModelLine;
  /** Where TCP ports listen: the bind addresses, or the version's default (every interface). */
  readonly addresses: readonly ListenAddress[];
  /** The widest scope among the addresses. */
  readonly scope: AddressScope;
  /** A TCP port listens on an address other hosts can reach. */
  readonly network: boolean;
  readonly protectedMode: {
    /** The `protected-mode` line that counts, when the file has one. */
    readonly line?: ModelLine;
    /** The value in effect: the file's, else yes (no for Sentinel). */
    readonly on: boolean;
    /** On, and not switched off by a 6.x `bind`: it refuses remote clients while the default user has the nopass flag. */
    readonly effective: boolean;
  };
  readonly defaultUser: DefaultUserFacts;
  readonly nopassUsers: readonly NopassUser[];
  readonly remote: RemoteOutcome;
  /** When `remote` is open: through the default user, or through a nopass user (the first one). */
  readonly openVia?: { readonly user: 'default' } | { readonly user: string; readonly nopassUser: NopassUser };
  /** A client on this host (loopback, Unix socket) gets in without a password. */
  readonly localOpen: boolean;
}

const EVERY_INTERFACE = new Set(['*', '0.0.0.0', '::', '::*', '0:0:0:0:0:0:0:0']);

function ipv4(address: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

/** Loopback, a private range (RFC 1918, shared, link-local, unique-local IPv6), a public address, or every interface. */
export function addressScope(written: string): AddressScope {
  const address = written.toLowerCase();
  if (EVERY_INTERFACE.has(address)) return 'every-interface';
  if (address === 'localhost' || address === '::1' || address === '0:0:0:0:0:0:0:1') return 'loopback';
  const v4 = ipv4(address);
  if (v4) {
    const [a = 0, b = 0] = v4;
    if (a === 127) return 'loopback';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127))
      return 'private';
    return 'public';
  }
  if (/^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address)) return 'private';
  return 'public';
}

const SCOPE_ORDER: Record<AddressScope, number> = { loopback: 0, private: 1, public: 2, 'every-interface': 3 };

/** Redis 6.0 and 6.2 test `bindaddr_count == 0` in protected mode; 7.0 and every Valkey do not. */
export function bindDisablesProtectedMode(target: TargetId): boolean {
  return !supports(target, 'protected-mode-despite-bind');
}

export function exposureOf(facts: Omit<SecurityFacts, 'exposure'>): Exposure {
  const product = facts.kind === 'sentinel' ? 'sentinel' : 'server';
  const bindLine = facts.last('bind');
  const written = bindLine
    ? bindLine.line.tokens
        .slice(1)
        .flatMap((t) => t.value.split(' '))
        .filter((a) => a !== '')
    : [];
  const addresses: ListenAddress[] = (bindLine ? written : ['*']).map((a) => {
    const address = a.startsWith('-') ? a.slice(1) : a;
    return { address, scope: addressScope(address) };
  });
  const scope = addresses.reduce<AddressScope>((w, a) => (SCOPE_ORDER[a.scope] > SCOPE_ORDER[w] ? a.scope : w), 'loopback');
  const plainPort = facts.plainPortOpen;
  const tlsPort = facts.tlsPortOpen;
  const tlsClientCertificates = tlsPort && (facts.value('tls-auth-clients', true) ?? 'yes') === 'yes';
  const network = (plainPort || tlsPort) && scope !== 'loopback';

  const pmLine = facts.last('protected-mode');
  const pmValue = facts.value('protected-mode', true);
  const on = pmValue === undefined ? product === 'server' : pmValue === 'yes';
  const bindOff = bindDisablesProtectedMode(facts.target);
  const effective = on && !(bindOff && bindLine !== undefined);

  const def = facts.defaultUser;
  const nopassUsers = facts.nopassUsers;
  const firstNopass = nopassUsers[0];
  const localOpen = def.state === 'open' || nopassUsers.length > 0;
  let remote: RemoteOutcome;
  let openVia: Exposure['openVia'];
  if (!network) remote = 'unreachable';
  else if (def.nopassFlag && effective) remote = 'refused';
  else if (tlsClientCertificates && !plainPort) remote = 'certificate';
  else if (def.state === 'open') {
    remote = 'open';
    openVia = { user: 'default' };
  } else if (firstNopass) {
    remote = 'open';
    openVia = { user: firstNopass.name, nopassUser: firstNopass };
  } else remote = def.state === 'unknown' ? 'unknown' : 'password';

  return {
    product,
    target: facts.target,
    label: targetLabel(facts.target),
    bindDisablesProtectedMode: bindOff,
    plainPort,
    tlsPort,
    tlsClientCertificates,
    ...(bindLine ? { bindLine } : {}),
    addresses,
    scope,
    network,
    protectedMode: { ...(pmLine ? { line: pmLine } : {}), on, effective },
    defaultUser: def,
    nopassUsers,
    remote,
    ...(openVia ? { openVia } : {}),
    localOpen,
  };
}

/** Error when a client on another host gets in without a password; a warning otherwise. */
export function exposureSeverity(e: Exposure): Severity {
  return e.remote === 'open' ? 'error' : 'warning';
}

// ---------------------------------------------------------------------------------------------
// Sentences the rules' messages share

function quoted(addresses: readonly ListenAddress[]): string {
  return addresses.map((a) => a.address).join(' ');
}

/** Which hosts can open a connection: "every host that can reach this machine". */
export function whoReaches(e: Exposure): string {
  if (!e.network) return 'only clients on this host';
  switch (e.scope) {
    case 'every-interface':
      return 'every host that can reach this machine';
    case 'public':
      return `every host that can route to ${e.addresses
        .filter((a) => a.scope === 'public')
        .map((a) => a.address)
        .join(', ')}, a public address`;
    default:
      return `every host of the private network of ${e.addresses
        .filter((a) => a.scope === 'private')
        .map((a) => a.address)
        .join(', ')}`;
  }
}

/** Why protected mode does not stop remote clients, when it does not. */
export function protectedModeWhyNot(e: Exposure): string {
  if (e.defaultUser.state !== 'open' && !e.defaultUser.nopassFlag)
    return 'protected mode only guards a default user without a password, and this one has one or is off';
  if (!e.protectedMode.on) {
    return e.protectedMode.line
      ? "protected mode is off ('protected-mode no')"
      : "Sentinel runs with protected mode off unless its file says 'protected-mode yes'";
  }
  return `on ${e.label} an explicit 'bind' switches protected mode off (from Redis 7.0 it no longer does)`;
}

/** What happens to a remote client, in one sentence, for the messages of every exposure rule. */
export function remoteSentence(e: Exposure, opts: { why?: boolean } = {}): string {
  const who = whoReaches(e);
  switch (e.remote) {
    case 'unreachable':
      if (e.addresses.length === 0)
        return "Its 'bind' line gives the TCP ports no address, so only clients on this host can connect (through the Unix socket).";
      return e.plainPort || e.tlsPort
        ? `It listens on loopback only (${quoted(e.addresses)}), so only clients on this host can connect.`
        : 'No TCP port is open, so only clients on this host can connect (through the Unix socket).';
    case 'refused': {
      const bindNote = e.bindLine ? ` (on ${e.label} whatever 'bind' says; Redis 6.x with this 'bind' would let them in)` : '';
      return `Clients on other hosts are refused: protected mode closes their connection while the default user has no password${bindNote}. One line, 'protected-mode no', would let them in.`;
    }
    case 'certificate':
      return 'Clients on other hosts reach only the TLS port, which asks them for a client certificate.';
    case 'password':
      return `Clients on other hosts (${who}) can connect, and must log in with a password.`;
    case 'unknown':
      return `Clients on other hosts (${who}) can connect; whether they need a password depends on the ACL file, which could not be read.`;
    case 'open': {
      const via =
        e.openVia && e.openVia.user !== 'default'
          ? `log in as user '${e.openVia.user}' with any password ('nopass'; protected mode only looks at the default user)`
          : `are the default user without a password${opts.why === false ? '' : `, because ${protectedModeWhyNot(e)}`}`;
      return `Clients on other hosts — ${who} — ${via}.`;
    }
  }
}

/** What a protected-mode line changes: it would refuse remote clients on this version if it were on. */
export function protectedModeWouldRefuse(e: Exposure): boolean {
  return e.defaultUser.nopassFlag && !(e.bindDisablesProtectedMode && e.bindLine !== undefined);
}

/** The loopback bind the fixes write: `-::1` (optional when IPv6 is off) is refused by Redis 6.0, which skips a missing ::1 anyway. */
export function loopbackBind(target: TargetId): string {
  return supports(target, 'bind-optional-address') ? '127.0.0.1 -::1' : '127.0.0.1 ::1';
}

/**
 * What a config lets a client on another host do, measured on a live server: the server is
 * started on the config (as Redis or as Sentinel), a client in a network namespace connects
 * to it without a password, then as each non-default user with a wrong password, and runs
 * the case's extra commands. Used by test/oracle/exposure.test.ts.
 *
 * The config is made runnable on this machine the way a user would adapt an example: bind
 * addresses other than loopback and "every interface" become the namespace's host address,
 * the port comes from the test (a `port` line other than `port 0` is dropped), a TLS port is
 * moved to a free one and given certificates made here, and lines about the host (dir,
 * logfile, pidfile, daemonize, supervised) are left to the test's header.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Netns, RemoteResult } from './netns';
import { freePort, quoteArg, startRedis, type OracleVersion } from './redisServer';

export type RemoteVerdict =
  /** No TCP connection from the other host. */
  | 'unreachable'
  /** Protected mode's DENIED. */
  | 'refused'
  /** The connection ends before any reply (a TLS port spoken to in clear). */
  | 'closed'
  /** NOAUTH / WRONGPASS: a password is needed. */
  | 'password'
  /** A command ran without a password. */
  | 'open';

export interface ProbeOutcome {
  readonly started: boolean;
  /** Why it did not start (its last log line). */
  readonly refusal?: string;
  /** What the anonymous remote client experienced. */
  readonly anonymous?: RemoteVerdict;
  /** Users other than default that let a remote client in with a wrong password. */
  readonly openUsers: readonly string[];
  /** A remote client got in without a password (anonymously or through a nopass user): logged in, whatever its ACL rules let it run. */
  readonly remoteOpen: boolean;
  /** A client on loopback without a password: open, password, or not listening on loopback. */
  readonly local?: 'open' | 'password' | 'no loopback';
  /** The extra sequences, run from the other host: whether the last command was accepted, with its reply. */
  readonly extra: readonly { readonly command: string; readonly ok: boolean; readonly reply: string }[];
  /** The file the server ran (header excluded), for the analysis. */
  readonly body: string;
}

export interface ProbeCase {
  readonly body: string;
  readonly sentinel?: boolean;
  /** Command sequences (one connection each, no password unless they AUTH) run from the other host; the last reply counts. */
  readonly extra?: readonly (readonly (readonly string[])[])[];
}

const HOST_LINES = /^\s*(dir|logfile|pidfile|daemonize|supervised)\b/i;

function isIpv4(a: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(a);
}

/** Certificates for TLS examples: a CA and a server certificate it signed, made with openssl. */
export function makeCertificates(dir: string): { cert: string; key: string; ca: string } {
  const ca = join(dir, 'ca.crt');
  const caKey = join(dir, 'ca.key');
  const key = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.crt');
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=test-ca', '-keyout', caKey, '-out', ca]);
  run(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', key, '-out', csr]);
  run(['x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-days', '2', '-out', cert]);
  return { cert, key, ca };
}

/** The case's config made runnable here (see the file comment). */
export async function runnable(body: string, hostAddress: string, certs: () => { cert: string; key: string; ca: string }): Promise<string> {
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const words = line.trim().split(/\s+/);
    const name = (words[0] ?? '').toLowerCase();
    if (HOST_LINES.test(line)) continue;
    if (name === 'port' && words[1] !== '0') continue;
    if (name === 'bind') {
      out.push(['bind', ...words.slice(1).map((a) => (isIpv4(a) && !a.startsWith('127.') && a !== '0.0.0.0' ? hostAddress : a))].join(' '));
    } else if (name === 'tls-port' && words[1] !== '0') out.push(`tls-port ${await freePort()}`);
    else if (name === 'tls-cert-file') out.push(`tls-cert-file ${quoteArg(certs().cert)}`);
    else if (name === 'tls-key-file') out.push(`tls-key-file ${quoteArg(certs().key)}`);
    else if (name === 'tls-ca-cert-file') out.push(`tls-ca-cert-file ${quoteArg(certs().ca)}`);
    else if (name === 'sentinel' && words[1]?.toLowerCase() === 'monitor' && words.length === 6) {
      // Watch an address of this host where nothing listens: the example's primary does not exist here.
      out.push(`sentinel monitor ${words[2]} 127.0.0.1 ${await freePort()} ${words[5]}`);
    } else out.push(line);
  }
  return out.join('\n');
}

/** Logged in: the command ran, or was refused by the user's ACL rules (NOPERM) after the login. */
function loggedIn(reply: { ok: boolean; text: string } | undefined): boolean {
  return reply !== undefined && (reply.ok || /^NOPERM/.test(reply.text));
}

function verdict(r: RemoteResult): RemoteVerdict {
  if (!r.connected) return 'unreachable';
  const first = r.replies[0];
  if (!first) return 'closed';
  if (loggedIn(first)) return 'open';
  if (/^DENIED/.test(first.text)) return 'refused';
  return 'password';
}

/** The names of the `user` lines of a config, default aside. */
export function userNames(body: string): string[] {
  return body
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((w) => w[0]?.toLowerCase() === 'user' && w[1] !== undefined && w[1] !== 'default')
    .map((w) => w[1] as string);
}

/** Starts `version` on the case and measures what a password-less remote client can do. */
export async function probe(version: OracleVersion, c: ProbeCase, ns: Netns): Promise<ProbeOutcome> {
  let certDir: string | undefined;
  let certs: { cert: string; key: string; ca: string } | undefined;
  const getCerts = (): { cert: string; key: string; ca: string } => {
    certDir ??= mkdtempSync(join(tmpdir(), 'exposure-tls-'));
    certs ??= makeCertificates(certDir);
    return certs;
  };
  try {
    const body = await runnable(c.body, ns.hostAddress, getCerts);
    const r = await startRedis(`${body}\n`, { version, sentinel: c.sentinel === true, bind: null });
    if (r.status !== 'running') {
      const log = `${r.stdout}${r.stderr.toString('utf8')}`.trim().split('\n');
      return {
        started: false,
        refusal: log
          .filter((l) => !/^\s*$/.test(l))
          .slice(-2)
          .join(' / '),
        openUsers: [],
        remoteOpen: false,
        extra: [],
        body,
      };
    }
    try {
      // With the plaintext port closed, the remote client speaks TLS to the TLS port, with no certificate.
      const tlsPort = /^\s*tls-port\s+(\d+)/m.exec(body)?.[1];
      const tls = /^\s*port\s+0\s*$/m.test(body) && tlsPort !== undefined;
      const port = tls ? Number(tlsPort) : r.port;
      const anonymous = verdict(await ns.client(port, [['PING']], { tls }));
      const openUsers: string[] = [];
      for (const user of userNames(body)) {
        const seen = await ns.client(port, [['AUTH', user, 'not-the-password'], ['PING']], { tls });
        if (seen.replies[0]?.ok === true && loggedIn(seen.replies[1])) openUsers.push(user);
      }
      const extra: { command: string; ok: boolean; reply: string }[] = [];
      for (const sequence of c.extra ?? []) {
        const seen = await ns.client(port, sequence, { tls });
        const reply = seen.replies[sequence.length - 1];
        const shown = sequence.map((cmd) => (cmd[0]?.toUpperCase() === 'AUTH' ? 'AUTH <password>' : cmd.join(' '))).join('; ');
        extra.push({ command: shown, ok: reply?.ok === true, reply: reply?.text ?? seen.replies.find((x) => !x.ok)?.text ?? seen.error ?? 'no reply' });
      }
      let local: ProbeOutcome['local'];
      try {
        local = (await r.command('PING')) === 'PONG' ? 'open' : 'password';
      } catch {
        local = 'no loopback';
      }
      return { started: true, anonymous, openUsers, remoteOpen: anonymous === 'open' || openUsers.length > 0, local, extra, body };
    } finally {
      await r.stop();
    }
  } finally {
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  }
}

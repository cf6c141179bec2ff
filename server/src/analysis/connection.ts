/**
 * How an application connects to what a config sets up: host and port, TLS (and client
 * certificates when the server asks for them), and the ACL user. Snippets for redis-py,
 * node-redis and ioredis; the password is always read from an environment variable.
 */
import type { Analysis } from './analyze';
import { asciiLower } from '../syntax/text';

export type ClientLibrary = 'redis-py' | 'node-redis' | 'ioredis';
export const CLIENT_LIBRARIES: readonly ClientLibrary[] = ['redis-py', 'node-redis', 'ioredis'];

export interface ConnectionFacts {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  /** The server requires client certificates (mutual TLS). */
  readonly clientCert: boolean;
  readonly users: readonly string[];
}

function lastValue(a: Analysis, name: string): string | undefined {
  if (a.kind === 'acl') return undefined;
  for (let i = a.model.lines.length - 1; i >= 0; i--) {
    const m = a.model.lines[i];
    if (m && m.line.name === name) return m.line.tokens[1]?.value;
  }
  return undefined;
}

export function connectionFacts(a: Analysis): ConnectionFacts {
  if (a.kind === 'acl') {
    const users = a.tree.lines.filter((l) => l.valid && l.user).map((l) => l.user?.value ?? '');
    return { host: 'localhost', port: 6379, tls: false, clientCert: false, users };
  }
  const tlsPort = Number(lastValue(a, 'tls-port') ?? '0');
  const port = Number(lastValue(a, 'port') ?? '6379');
  const bind = (lastValue(a, 'bind') ?? '127.0.0.1').replace(/^-/, '');
  const host = bind === '*' || bind === '0.0.0.0' || bind === '::' ? 'localhost' : bind === '::1' ? 'localhost' : bind;
  const tls = tlsPort > 0;
  const auth = asciiLower(lastValue(a, 'tls-auth-clients') ?? 'yes');
  const users = a.tree.directives.filter((d) => d.name === 'user' && d.tokens[1]).map((d) => d.tokens[1]?.value ?? '');
  return { host, port: tls ? tlsPort : port, tls, clientCert: tls && auth === 'yes', users };
}

/** The environment variable a snippet reads the password from. */
export function passwordVariable(user: string): string {
  return `REDIS_${user.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}_PASSWORD`;
}

export function connectionSnippet(facts: ConnectionFacts, user: string, library: ClientLibrary): string {
  const env = passwordVariable(user);
  const u = user === 'default' ? undefined : user;
  switch (library) {
    case 'redis-py': {
      const args = [`host=${JSON.stringify(facts.host)}`, `port=${facts.port}`];
      if (u) args.push(`username=${JSON.stringify(u)}`);
      args.push(`password=os.environ[${JSON.stringify(env)}]`);
      if (facts.tls) args.push('ssl=True', "ssl_cert_reqs='required'", "ssl_ca_certs='/path/to/ca.crt'");
      if (facts.clientCert) args.push("ssl_certfile='/path/to/client.crt'", "ssl_keyfile='/path/to/client.key'");
      return `import os\nimport redis\n\nr = redis.Redis(\n    ${args.join(',\n    ')},\n)\nr.ping()\n`;
    }
    case 'node-redis': {
      const socket = [`host: ${JSON.stringify(facts.host)}`, `port: ${facts.port}`];
      if (facts.tls) socket.push('tls: true', "ca: fs.readFileSync('/path/to/ca.crt')");
      if (facts.clientCert) socket.push("cert: fs.readFileSync('/path/to/client.crt')", "key: fs.readFileSync('/path/to/client.key')");
      const opts = [`socket: { ${socket.join(', ')} }`];
      if (u) opts.push(`username: ${JSON.stringify(u)}`);
      opts.push(`password: process.env.${env}`);
      return `${facts.tls ? "import fs from 'node:fs';\n" : ''}import { createClient } from 'redis';\n\nconst client = createClient({\n  ${opts.join(',\n  ')},\n});\nawait client.connect();\n`;
    }
    case 'ioredis': {
      const opts = [`host: ${JSON.stringify(facts.host)}`, `port: ${facts.port}`];
      if (u) opts.push(`username: ${JSON.stringify(u)}`);
      opts.push(`password: process.env.${env}`);
      if (facts.tls) {
        const tls = ["ca: fs.readFileSync('/path/to/ca.crt')"];
        if (facts.clientCert) tls.push("cert: fs.readFileSync('/path/to/client.crt')", "key: fs.readFileSync('/path/to/client.key')");
        opts.push(`tls: { ${tls.join(', ')} }`);
      }
      return `${facts.tls ? "import fs from 'node:fs';\n" : ''}import Redis from 'ioredis';\n\nconst redis = new Redis({\n  ${opts.join(',\n  ')},\n});\n`;
    }
  }
}

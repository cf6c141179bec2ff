/**
 * `redis-config-language-server`: the bundled server, started by the VS Code client over
 * IPC, or by any editor with `--stdio`.
 */
import './v8Settings';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { FramedMessageReader, FramedMessageWriter } from './framing';
import { nodePlatform } from './nodePlatform';
import { SERVER_NAME, startServer } from './server';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT]

The Redis and Valkey configuration language server (redis.conf, sentinel.conf,
valkey.conf, ACL files). Speaks the Language Server Protocol.

Options:
  --stdio        talk over standard input and output (for Neovim, Helix, ...)
  --node-ipc     talk over Node IPC (used by the VS Code extension)
  --socket=PORT  talk over a TCP socket
  --version      print the version and exit
  --help         print this help and exit
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write(`${SERVER_NAME}: choose a transport (--stdio, --node-ipc or --socket=PORT); see --help\n`);
  process.exitCode = 2;
} else if (args.includes('--stdio')) {
  // Over stdio, our reader drops messages with a bad header instead of leaving the connection deaf.
  const reader = new FramedMessageReader(process.stdin, (m) => process.stderr.write(`${m}\n`));
  const connection = createConnection(ProposedFeatures.all, reader, new FramedMessageWriter(process.stdout));
  // As the library does for a stdin it reads itself: the client closed the pipe, the server ends.
  const ended = (): never => process.exit(reader.shutdownRequested ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  // Nothing else may write to stdout: it carries the protocol.
  console.log = console.info = (...parts: unknown[]): void => connection.console.log(parts.map(String).join(' '));
  startServer(connection, VERSION, nodePlatform);
} else {
  startServer(createConnection(ProposedFeatures.all), VERSION, nodePlatform);
}

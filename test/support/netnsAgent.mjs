// Runs inside a network namespace (started by test/support/netns.ts with `ip netns exec`) and
// plays a Redis client on another host: each JSON line on stdin asks it to connect somewhere and
// send commands; it answers with one JSON line saying what the client experienced.
//
//   in:  {"id":1,"host":"10.231.0.1","port":6379,"commands":[["PING"],["SET","k","v"]],"timeoutMs":3000,"tls":false}
//   out: {"id":1,"connected":true,"replies":[{"ok":true,"text":"PONG"},{"ok":true,"text":"OK"}],"closed":false}
//
// `error` tells why it could not connect, or why the connection ended early. Plain JavaScript
// with no imports from the project, so it starts quickly under any working directory.
import { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createInterface } from 'node:readline';

/** One RESP2/RESP3 reply from `buf` at `pos`, as text; undefined when incomplete. */
function parse(buf, pos) {
  const eol = buf.indexOf('\r\n', pos);
  if (eol < 0) return undefined;
  const type = String.fromCharCode(buf[pos]);
  const line = buf.toString('utf8', pos + 1, eol);
  const next = eol + 2;
  switch (type) {
    case '+':
    case ':':
    case ',':
    case '#':
    case '(':
      return { reply: { ok: true, text: line }, next };
    case '-':
      return { reply: { ok: false, text: line }, next };
    case '$': {
      const n = Number(line);
      if (n < 0) return { reply: { ok: true, text: '(nil)' }, next };
      if (buf.length < next + n + 2) return undefined;
      return { reply: { ok: true, text: buf.toString('utf8', next, next + n) }, next: next + n + 2 };
    }
    case '*':
    case '%':
    case '~': {
      const n = Number(line) * (type === '%' ? 2 : 1);
      if (n < 0) return { reply: { ok: true, text: '(nil)' }, next };
      const items = [];
      let p = next;
      for (let i = 0; i < n; i++) {
        const r = parse(buf, p);
        if (!r) return undefined;
        items.push(r.reply.text);
        p = r.next;
      }
      return { reply: { ok: true, text: items.join('\n') }, next: p };
    }
    default:
      return { reply: { ok: false, text: `unparsable reply ${JSON.stringify(buf.toString('latin1', pos, pos + 40))}` }, next: buf.length };
  }
}

function encode(args) {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(String(a))}\r\n${a}\r\n`);
  return parts.join('');
}

function attempt({ host, port, commands, timeoutMs = 3000, tls = false }) {
  return new Promise((resolve) => {
    // TLS: a client that trusts any server certificate and presents none of its own.
    const socket = tls ? tlsConnect({ host, port, rejectUnauthorized: false }) : new Socket();
    const replies = [];
    let buf = Buffer.alloc(0);
    let connected = false;
    let done = false;
    const finish = (extra) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ connected, replies, closed: replies.length < commands.length, ...extra });
    };
    const timer = setTimeout(() => finish({ error: connected ? `no reply within ${timeoutMs} ms` : `connect timed out after ${timeoutMs} ms` }), timeoutMs);
    socket.on('error', (e) => finish({ error: `${e.code ?? ''} ${e.message}`.trim() }));
    socket.on('close', () => finish(replies.length < commands.length ? { error: 'connection closed by the server' } : {}));
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      let pos = 0;
      for (;;) {
        const r = pos < buf.length ? parse(buf, pos) : undefined;
        if (!r) break;
        replies.push(r.reply);
        pos = r.next;
      }
      buf = buf.subarray(pos);
      if (replies.length >= commands.length) finish({});
    });
    const send = () => {
      connected = true;
      // One at a time would hide a reply the server sends unasked (protected mode's DENIED comes
      // before any command is read); pipelining them keeps the order either way.
      socket.write(commands.map(encode).join(''));
    };
    if (tls) socket.once('secureConnect', send);
    else socket.connect(port, host, send);
  });
}

const rl = createInterface({ input: process.stdin });
rl.on('line', async (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return;
  }
  const result = await attempt(request);
  process.stdout.write(`${JSON.stringify({ id: request.id, ...result })}\n`);
});
rl.on('close', () => process.exit(0));
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

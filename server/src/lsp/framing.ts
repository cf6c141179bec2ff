/**
 * The stdio message reader, with a guard in its framing. LSP messages are framed by a
 * `Content-Length` header; a message whose header is missing it, or gives a negative,
 * malformed or huge length, would leave a plain reader waiting forever or out of step with
 * every message after it: alive, but deaf. The framer passes good messages on untouched,
 * and drops a bad one — its header, then everything up to the next `Content-Length:` —
 * saying so on stderr, so that the next good message is read.
 *
 * Framing, guarding and parsing happen in one place, on each chunk as it arrives: a good
 * message costs no extra stream hop, copy or promise on its way to the JSON-RPC connection.
 */
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  Disposable,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** A body larger than this is not a message any client sends a config server. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;

const SEPARATOR = Buffer.from('\r\n\r\n');
const LENGTH_FIELD = /^content-length$/i;
const RESYNC = 'content-length:';
const USUAL_HEADER = /^Content-Length: (\d{1,15})$/;
const EMPTY = Buffer.alloc(0);

/** Cuts a byte stream into message bodies; bad headers are dropped and reported through `log`. */
export class Framer {
  private pending: Buffer = EMPTY;
  /** Bytes of the current body, once its header was read; -1 while reading a header. */
  private body = -1;
  /** Dropping bytes until the next header. */
  private skipping = false;
  /** A body still arriving, and how much of it has: filled in place as its chunks come (one copy each). */
  private filling: Buffer | undefined;
  private filled = 0;

  constructor(
    private readonly onBody: (body: Buffer) => void,
    private readonly log: (message: string) => void,
    private readonly maxBody = MAX_MESSAGE_BYTES,
  ) {}

  push(chunk: Buffer): void {
    if (this.filling) {
      const n = chunk.copy(this.filling, this.filled);
      this.filled += n;
      if (this.filled < this.filling.length) return;
      const body = this.filling;
      this.filling = undefined;
      this.body = -1;
      this.pending = chunk.subarray(n);
      this.onBody(body);
    } else {
      // Usually a chunk holds whole messages and nothing is pending: no copy then.
      this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    }
    for (;;) {
      if (this.body >= 0) {
        if (this.pending.length < this.body) {
          // A large body comes in many chunks: joining them as they come would copy it once per chunk.
          this.filling = Buffer.allocUnsafe(this.body);
          this.filled = this.pending.copy(this.filling);
          this.pending = EMPTY;
          return;
        }
        const body = this.pending.subarray(0, this.body);
        this.pending = this.pending.length === this.body ? EMPTY : this.pending.subarray(this.body);
        this.body = -1;
        this.onBody(body);
        continue;
      }
      if (this.skipping && !this.resync()) return;
      const end = this.pending.indexOf(SEPARATOR);
      if (end < 0) {
        if (this.pending.length <= MAX_HEADER_BYTES) return;
        // Not a header: drop its first byte, so that the search for the next one moves on.
        this.pending = this.pending.subarray(1);
        this.reject('a header without its end');
        continue;
      }
      const length = this.lengthOf(this.pending.toString('latin1', 0, end));
      this.pending = this.pending.subarray(end + SEPARATOR.length);
      if (typeof length === 'string') this.reject(length);
      else this.body = length;
    }
  }

  /** The body length a header gives, or why it gives none. */
  private lengthOf(header: string): number | string {
    // The header every client sends: the length alone.
    const usual = USUAL_HEADER.exec(header);
    if (usual) {
      const n = Number(usual[1]);
      if (n <= this.maxBody) return n;
    }
    let value: string | undefined;
    for (const line of header.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0 && LENGTH_FIELD.test(line.slice(0, colon).trim())) value = line.slice(colon + 1).trim();
    }
    if (value === undefined) return 'no Content-Length header';
    if (!/^\d+$/.test(value)) return `Content-Length '${value.slice(0, 20)}' is not a length`;
    const n = Number(value);
    return n > this.maxBody ? `Content-Length ${value} is larger than ${this.maxBody} bytes` : n;
  }

  private reject(why: string): void {
    this.log(`redis-config-language-server: dropped a message with a bad header (${why}); reading on from the next Content-Length header`);
    this.skipping = true;
  }

  /** Drops bytes up to the next header; false when there is none yet in what has arrived. */
  private resync(): boolean {
    // The header's name in any case, as lengthOf accepts it.
    const at = this.pending.toString('latin1').toLowerCase().indexOf(RESYNC);
    if (at < 0) {
      // Keep a tail that may be the start of the header.
      this.pending = this.pending.subarray(Math.max(0, this.pending.length - RESYNC.length));
      return false;
    }
    this.pending = this.pending.subarray(at);
    this.skipping = false;
    return true;
  }
}

/**
 * The JSON-RPC connection's reader over a byte stream (stdin): each good message is parsed
 * and handed on as soon as its last byte arrives. A body that is not JSON is reported as the
 * library's own reader does (an error on the connection), and the messages after it are read.
 */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  /** A `shutdown` request went through: the stream's end is then an orderly exit. */
  shutdownRequested = false;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
    private readonly maxBody = MAX_MESSAGE_BYTES,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const framer = new Framer(
      (body) => {
        let message: Message;
        try {
          message = JSON.parse(body.toString('utf8')) as Message;
        } catch (error) {
          this.fireError(error);
          return;
        }
        if ((message as { method?: unknown }).method === 'shutdown') this.shutdownRequested = true;
        callback(message);
      },
      this.log,
      this.maxBody,
    );
    const onData = (chunk: Buffer | string): void => framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    const onError = (error: unknown): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
    });
  }
}

/**
 * The JSON-RPC connection's writer over a byte stream (stdout): each message goes out as one
 * write, header and body together, so that the client is woken once per message, not twice.
 */
export class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: unknown) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Buffer;
    try {
      const body = JSON.stringify(message);
      const length = Buffer.byteLength(body, 'utf8');
      const header = `Content-Length: ${length}\r\n\r\n`;
      frame = Buffer.allocUnsafe(header.length + length);
      frame.write(body, frame.write(header, 0, 'latin1'), 'utf8');
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error as Error);
    }
    return new Promise((resolve, reject) => {
      this.output.write(frame, (error) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}

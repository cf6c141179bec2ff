/**
 * A guard in front of the stdio reader. LSP messages are framed by a `Content-Length`
 * header; a message whose header is missing it, or gives a negative, malformed or huge
 * length, would leave the JSON-RPC reader waiting forever or out of step with every message
 * after it: alive, but deaf. The guard passes good messages through untouched, and drops a
 * bad one — its header, then everything up to the next `Content-Length:` — saying so on
 * stderr, so that the next good message is read.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** A body larger than this is not a message any client sends a config server. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;

const SEPARATOR = Buffer.from('\r\n\r\n');
const LENGTH_FIELD = /^content-length$/i;
const RESYNC = 'Content-Length:';

export class FramingGuard extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  /** Bytes of the current body still to pass through. */
  private body = 0;
  /** Dropping bytes until the next header. */
  private skipping = false;

  constructor(
    private readonly log: (message: string) => void,
    private readonly maxBody = MAX_MESSAGE_BYTES,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      if (this.body > 0) {
        const n = Math.min(this.body, this.pending.length);
        if (n === 0) return;
        this.push(this.pending.subarray(0, n));
        this.pending = this.pending.subarray(n);
        this.body -= n;
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
      const header = this.pending.subarray(0, end).toString('latin1');
      const length = this.lengthOf(header);
      if (typeof length === 'string') {
        this.pending = this.pending.subarray(end + SEPARATOR.length);
        this.reject(length);
        continue;
      }
      this.push(this.pending.subarray(0, end + SEPARATOR.length));
      this.pending = this.pending.subarray(end + SEPARATOR.length);
      this.body = length;
    }
  }

  /** The body length a header gives, or why it gives none. */
  private lengthOf(header: string): number | string {
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
    const at = this.pending.indexOf(RESYNC, 0, 'latin1');
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

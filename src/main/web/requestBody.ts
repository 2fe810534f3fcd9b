// Reads an API request's JSON body, up to a limit. An over-limit body is answered with
// 413, not a dropped connection: the host keeps reading (and discarding) what the client
// is still sending, so that closing the socket afterwards does not reset the connection
// under the client before it has read the answer (a close with unread data sends a TCP
// RST, and the peer throws away a reply it has not read yet). A client that keeps
// sending far past the limit is cut off after a bounded amount.
import type { IncomingMessage } from 'node:http';

/** The largest API request body, in bytes (docs/architecture.md, web host). */
export const MAX_BODY_BYTES = 1 << 20;
/** How much more of an over-limit body is read and thrown away before giving up on it. */
export const MAX_DISCARD_BYTES = 16 * MAX_BODY_BYTES;

export type BodyRead =
  | { kind: 'ok'; text: string }
  /** `drained`: the whole body was read, so the reply can be sent before a clean close. */
  | { kind: 'too-large'; drained: boolean }
  | { kind: 'failed' };

export function readRequestBody(req: IncomingMessage, limit = MAX_BODY_BYTES, discardLimit = MAX_DISCARD_BYTES): Promise<BodyRead> {
  return new Promise((resolveBody) => {
    let chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (read: BodyRead): void => {
      if (done) return;
      done = true;
      chunks = [];
      resolveBody(read);
    };
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (chunks.length > 0) chunks = [];
      if (size > limit + discardLimit) {
        req.pause();
        finish({ kind: 'too-large', drained: false });
      }
    });
    req.on('end', () => finish(size > limit ? { kind: 'too-large', drained: true } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => finish({ kind: 'failed' }));
  });
}

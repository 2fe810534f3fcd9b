// The one sha256 (hex) Taskdeck computes: a backlog's bytes (an edit's expected hash), a
// task's command (trust, cluster jobs). node:crypto is loaded on first use: loading it
// costs a CLI process about 5 ms, which a command that only reads the backlog (list,
// show) never needs to pay.
import type { BinaryLike } from 'node:crypto';

type Crypto = typeof import('node:crypto');
let crypto: Crypto | undefined;

export function sha256Hex(data: BinaryLike): string {
  crypto ??= process.getBuiltinModule('node:crypto') as Crypto;
  return crypto.createHash('sha256').update(data).digest('hex');
}

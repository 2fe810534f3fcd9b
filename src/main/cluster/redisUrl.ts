// Redis URLs and connections for the cluster (docs/cluster.md). A URL may carry a password
// (redis://:secret@host:6379) and TLS (rediss://): every message that names the URL names
// it masked, and errors that might echo it are masked too.
import { Redis, type RedisOptions } from 'ioredis';

/** The URL with its password (and a user-only secret) replaced by `***`. */
export function maskRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)([^@/]*)@/i, (_m, scheme: string, auth: string) => {
    const colon = auth.indexOf(':');
    // redis://user:pass@ keeps the user; redis://secret@ (a password alone) hides it all.
    return `${scheme}${colon >= 0 ? `${auth.slice(0, colon)}:***` : '***'}@`;
  });
}

/** A message with every occurrence of the URL, and of its password, masked. */
export function maskSecrets(message: string, url: string): string {
  let out = message.split(url).join(maskRedisUrl(url));
  const password = passwordOf(url);
  if (password) out = out.split(password).join('***');
  return out;
}

function passwordOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    const secret = parsed.password || (parsed.username && !parsed.password ? parsed.username : '');
    return secret ? decodeURIComponent(secret) : null;
  } catch {
    return null;
  }
}

/**
 * A connection BullMQ can use (maxRetriesPerRequest null: blocking commands wait through
 * a reconnect). ioredis parses redis:// and rediss:// itself, password and TLS included.
 */
export function connectRedis(url: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, ...options });
  // ioredis prints an unhandled 'error' with the address to stderr on every failed
  // reconnect; the coordinator and the worker report a loss once, in their own words.
  client.on('error', () => undefined);
  return client;
}

/**
 * Whether Redis answers at `url`, within `timeoutMs`: null when it does, else a one-line
 * message with the URL masked. Used at start, so that a Redis that is down is a clear error
 * rather than a process that waits for ever.
 */
export async function checkRedis(url: string, timeoutMs = 5000): Promise<string | null> {
  let client: Redis;
  try {
    client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false });
  } catch (err) {
    return `cannot use Redis URL ${maskRedisUrl(url)}: ${maskSecrets(err instanceof Error ? err.message : String(err), url)}`;
  }
  client.on('error', () => {
    // Reported through connect()'s rejection below.
  });
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return `cannot reach Redis at ${maskRedisUrl(url)}: ${maskSecrets(reason, url)}`;
  } finally {
    client.disconnect();
  }
}

// A coordinator's sign of life in Redis: a key with a TTL, renewed every third of it.
// Workers refuse the jobs of a coordinator whose key is gone (docs/cluster.md), so a
// killed `auto` leaves no job that would run with nobody to record it.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { clusterTimings, coordinatorKey } from './clusterJob';

export class CoordinatorHeartbeat {
  /** The coordinator's id in its jobs: host, pid and a random part (never a secret). */
  readonly id = `${hostname().replace(/[^A-Za-z0-9._@-]/g, '_')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly ttlMs = clusterTimings().coordinatorTtlMs;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connection: Redis,
    private readonly queue: string,
  ) {}

  /** Sets the key now (at start, and at once after Redis comes back: it may have restarted empty). */
  async beat(): Promise<void> {
    await this.connection.set(coordinatorKey(this.queue, this.id), '1', 'PX', this.ttlMs).catch(() => undefined);
  }

  start(): void {
    this.timer = setInterval(() => void this.beat(), this.ttlMs / 3);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.connection.del(coordinatorKey(this.queue, this.id)).catch(() => 0);
  }
}

// Holds a task's lease in the store for as long as this process runs it, renewing it in
// the background, so two runners (two CLIs, the app and a CLI) never run one task at once.
import type { Store } from '../store/types';
import type { EngineClock } from './clock';

export const LEASE_TTL_MS = 30_000;

export class TaskLease {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly store: Store,
    private readonly taskId: string,
    private readonly ownerId: string,
    private readonly clock: EngineClock,
    private readonly ttlMs: number,
  ) {}

  /** The lease, or null while another live runner holds it. */
  static acquire(store: Store, taskId: string, ownerId: string, clock: EngineClock, ttlMs = LEASE_TTL_MS): TaskLease | null {
    if (!store.acquireLease(taskId, ownerId, ttlMs, clock.now())) return null;
    const lease = new TaskLease(store, taskId, ownerId, clock, ttlMs);
    lease.timer = setInterval(() => {
      try {
        store.renewLease(taskId, ownerId, ttlMs, clock.now());
      } catch {
        // A busy database delays one renewal; the next one (ttl/3 later) catches up.
      }
    }, Math.max(1000, Math.floor(ttlMs / 3)));
    lease.timer.unref();
    return lease;
  }

  /** Stops the background renewal; the lease stays until release() (or its expiry). */
  stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  release(): void {
    this.stopRenewing();
    try {
      this.store.releaseLease(this.taskId, this.ownerId);
    } catch {
      // The lease expires by itself after ttl; nothing else to do.
    }
  }
}

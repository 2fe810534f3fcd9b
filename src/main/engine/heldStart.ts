// The `started` event of a local attempt (its process group, which orphanedRuns.ts needs
// after a crash) is held until the attempt's next commit: a progress line, or its end; a
// task still running after START_HOLD_MS gets it in a commit of its own. A short task thus
// costs two commits (its start, its end), not three. The attempt itself (its row, the
// task's `running` state) is committed before the spawn, so what task-started shows is on
// record. A runner killed while the event is held leaves an open attempt (recovered as
// interrupted) whose process group the next start finds by the run id in its members'
// environment (orphanedRuns.ts).
import type { HistoryEventInput, Store } from '../store/types';

/** How long a running task's `started` event may wait for another commit to go with. */
export const START_HOLD_MS = 10;

export class HeldStart {
  private held: HistoryEventInput | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly holdMs = START_HOLD_MS,
  ) {}

  hold(event: HistoryEventInput): void {
    this.held = event;
    this.timer = setTimeout(() => this.commitAlone(), this.holdMs);
  }

  /** Writes the held event (if any) inside the caller's transaction, ahead of what follows. */
  write(): void {
    if (this.held === null) return;
    this.store.recordEvent(this.held);
    this.drop();
  }

  /** Nothing more to write (the attempt ended without a commit of its own). */
  drop(): void {
    this.held = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The task runs on: the event gets its own commit. A record that refuses it keeps it held for the attempt's next commit. */
  private commitAlone(): void {
    this.timer = null;
    const held = this.held;
    if (held === null) return;
    try {
      this.store.transaction(() => this.store.recordEvent(held));
      this.held = null;
    } catch {
      // Still held: the attempt's next commit tries again, and its end reports a lasting failure.
    }
  }
}

// Serialises read-verify-write of one file across processes. Two Taskdeck processes (two
// `taskdeck set`s, two `auto`s writing `done` back, the app and the CLI) could otherwise
// both check "the file is still the version I read" before either renames its new version
// over it, and one edit would vanish although both reported success.
//
// The lock is a folder created next to the file (`.<name>.taskdeck-lock`, by
// proper-lockfile: mkdir is atomic on every local file system). It is held only for the
// read, the edit and the rename (milliseconds), its holder touches it every few seconds,
// and a lock nobody touched for STALE_MS (its holder crashed or was killed) is taken over.
// A writer waits at most WAIT_MS for the lock, then fails with `file-locked`.
// The lock's few file operations are synchronous (proper-lockfile's lockSync): each takes
// microseconds, where a trip through the thread pool cost the caller's thread more.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock untouched for this long belongs to a dead process and is recovered. */
export const STALE_MS = 10_000;
/** How long a writer waits for the lock: longer than STALE_MS, so a crashed holder's lock is recovered while waiting. */
export const WAIT_MS = 20_000;

export interface LockError {
  /** `file-locked`: another writer held it too long; `write-failed`: the lock folder cannot be made (read-only folder, ...). */
  code: 'file-locked' | 'write-failed';
  message: string;
}

export interface FileLockOptions {
  waitMs?: number;
  staleMs?: number;
}

/** The file a lock is about: symlinks resolved, so two paths to one file share one lock. */
function lockedTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet (a new taskdeck.json): lock by the folder's real path and the name.
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.taskdeck-lock`);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `fn` while holding the file's lock. `stillHeld()` tells `fn` whether the lock was
 * lost meanwhile (its folder removed or not refreshed in time), so it can refuse to
 * rename instead of overwriting someone else's write.
 */
export async function withFileLock<T>(
  path: string,
  fn: (stillHeld: () => boolean) => Promise<T>,
  options: FileLockOptions = {},
): Promise<T | { ok: false; error: LockError }> {
  const target = lockedTarget(path);
  const lockPath = lockPathFor(target);
  const waitMs = options.waitMs ?? WAIT_MS;
  const deadline = Date.now() + waitMs;
  let compromised = false;
  let release: (() => void) | null = null;
  for (;;) {
    try {
      release = lockfile.lockSync(target, {
        realpath: false,
        lockfilePath: lockPath,
        stale: options.staleMs ?? STALE_MS,
        retries: 0,
        // The default throws from a timer and kills the process; a lost lock only means
        // this write must not rename.
        onCompromised: () => {
          compromised = true;
        },
      });
      break;
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code !== 'ELOCKED' || Date.now() >= deadline) {
        const locked = code === 'ELOCKED';
        const why = locked
          ? `another Taskdeck process has been writing it for over ${Math.round(waitMs / 1000)} s (lock ${lockPath}; if no Taskdeck is running, delete that folder)`
          : `cannot create the lock ${lockPath}: ${(cause as Error).message}`;
        return { ok: false, error: { code: locked ? 'file-locked' : 'write-failed', message: `Could not save ${path}: ${why}. The file was left as it was.` } };
      }
      // Jitter, so that waiting writers do not retry in step.
      await sleep(10 + Math.random() * 40);
    }
  }
  try {
    return await fn(() => !compromised);
  } finally {
    try {
      release();
    } catch {
      // Lost meanwhile (taken over as stale): nothing of ours to remove.
    }
  }
}

// Replaces a file so that every reader sees either the old bytes or the new ones, never a
// mix, even if the process dies half way: write a temp file in the same folder (rename is
// only atomic within one file system), fsync it, rename it over the target, then fsync the
// folder so the rename itself survives a power cut.
//
// Callers that read, check and then write (the backlog editor, saveSprints) hold the
// file's lock (fileLock.ts) around all three, so two processes never both pass the check.
//
// The small steps (stat, open, write, rename) are synchronous: each takes microseconds, and
// as promises each one was a trip through the thread pool that cost the caller's thread
// more than the step itself (about half a millisecond each, a dozen per write). The two
// fsyncs, which wait for the disk, stay asynchronous, and the caller's hashing runs during
// the file's.
import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsync, lstatSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../../shared/result';
import { processAlive } from '../store/processAlive';

export interface WriteError {
  code: 'write-failed' | 'file-changed';
  message: string;
}

export interface AtomicWriteOptions {
  /**
   * Runs after the temp file is on disk and just before the rename; an error here aborts
   * the write and leaves the target as it was (used to re-check that nobody edited it).
   */
  beforeRename?: () => Promise<WriteError | null>;
  /** Runs while the temp file's fsync is under way, to overlap CPU work (hashing) with the disk. */
  whileSyncing?: () => void;
}

/** The temp name: hidden, next to the target, unique per writer. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.taskdeck-tmp`);
}

/** A temp file this old was abandoned: a live write takes milliseconds. */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes temp files a killed writer left next to `target` (`.<name>.<pid>.<hex>.taskdeck-tmp`):
 * those whose writer pid is no longer running on this machine, and those older than
 * STALE_TEMP_MS whatever their pid says (the pid may have been reused, or the file came
 * from another machine). A fresh temp file of a live process is another write in progress
 * and is kept. Only regular files are removed; the link itself if it is a symlink.
 */
export function removeStaleTemps(target: string, now = Date.now()): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.taskdeck-tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const path = join(dirname(target), name);
    try {
      const info = lstatSync(path);
      if (!info.isFile() && !info.isSymbolicLink()) continue;
      const old = now - info.mtimeMs > STALE_TEMP_MS;
      if (old || !processAlive(pid)) unlinkSync(path);
    } catch {
      // Gone already (another writer cleaned it), or not ours to remove.
    }
  }
}

function targetOf(path: string): { path: string; mode: number | null } {
  try {
    // Write through a symlink to the file it points at, rather than replacing the link.
    const real = realpathSync(path);
    return { path: real, mode: statSync(real).mode & 0o7777 };
  } catch {
    return { path, mode: null };
  }
}

const fsyncAsync = promisify(fsync);

async function syncFolder(folder: string): Promise<void> {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return; // Windows and some file systems cannot open a folder: the rename still happened.
  }
  try {
    await fsyncAsync(fd);
  } catch {
    // Or cannot fsync one; only the rename's durability across a power cut is weaker there.
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Never written, or gone already.
  }
}

export async function atomicWrite(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<Result<void, WriteError>> {
  const target = targetOf(path);
  removeStaleTemps(target.path);
  const temp = tempPathFor(target.path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    const fd = openSync(temp, 'wx', target.mode ?? 0o666);
    try {
      writeAll(fd, bytes);
      // open() applies the umask; give the new file exactly the old file's mode.
      if (target.mode !== null) fchmodSync(fd, target.mode);
      const syncing = fsyncAsync(fd);
      options.whileSyncing?.();
      await syncing;
    } finally {
      closeSync(fd);
    }
    const refused = options.beforeRename ? await options.beforeRename() : null;
    if (refused) {
      unlinkQuietly(temp);
      return { ok: false, error: refused };
    }
    renameSync(temp, target.path);
  } catch (cause) {
    unlinkQuietly(temp);
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'write-failed', message: `Could not save ${path}: ${reason}. The file was left as it was.` } };
  }
  await syncFolder(dirname(target.path));
  return { ok: true, value: undefined };
}

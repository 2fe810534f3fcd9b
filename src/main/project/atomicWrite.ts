// Replaces a file so that every reader sees either the old bytes or the new ones, never a
// mix, even if the process dies half way: write a temp file in the same folder (rename is
// only atomic within one file system), fsync it, rename it over the target, then fsync the
// folder so the rename itself survives a power cut.
//
// Callers that read, check and then write (the backlog editor, saveSprints) hold the
// file's lock (fileLock.ts) around all three, so two processes never both pass the check.
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
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
export async function removeStaleTemps(target: string, now = Date.now()): Promise<void> {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.taskdeck-tmp')) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const path = join(dirname(target), name);
    try {
      const info = await lstat(path);
      if (!info.isFile() && !info.isSymbolicLink()) continue;
      const old = now - info.mtimeMs > STALE_TEMP_MS;
      if (old || !processAlive(pid)) await unlink(path);
    } catch {
      // Gone already (another writer cleaned it), or not ours to remove.
    }
  }
}

async function targetOf(path: string): Promise<{ path: string; mode: number | null }> {
  try {
    // Write through a symlink to the file it points at, rather than replacing the link.
    const real = await realpath(path);
    return { path: real, mode: (await stat(real)).mode & 0o7777 };
  } catch {
    return { path, mode: null };
  }
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) and file systems cannot open or fsync a folder; the rename
    // has still happened, only its durability across a power cut is weaker there.
  }
}

export async function atomicWrite(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<Result<void, WriteError>> {
  const target = await targetOf(path);
  await removeStaleTemps(target.path);
  const temp = tempPathFor(target.path);
  try {
    const handle = await open(temp, 'wx', target.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      // open() applies the umask; give the new file exactly the old file's mode.
      if (target.mode !== null) await handle.chmod(target.mode);
      const syncing = handle.sync();
      options.whileSyncing?.();
      await syncing;
    } finally {
      await handle.close();
    }
    const refused = options.beforeRename ? await options.beforeRename() : null;
    if (refused) {
      await unlink(temp).catch(() => undefined);
      return { ok: false, error: refused };
    }
    await rename(temp, target.path);
  } catch (cause) {
    await unlink(temp).catch(() => undefined);
    const reason = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'write-failed', message: `Could not save ${path}: ${reason}. The file was left as it was.` } };
  }
  await syncFolder(dirname(target.path));
  return { ok: true, value: undefined };
}

// Replaces a file so that every reader sees either the old bytes or the new ones, never a
// mix, even if the process dies half way: write a temp file in the same folder (rename is
// only atomic within one file system), fsync it, rename it over the target, then fsync the
// folder so the rename itself survives a power cut.
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Result } from '../../shared/result';

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

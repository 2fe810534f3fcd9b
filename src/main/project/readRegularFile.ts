// The one way Taskdeck opens a backlog (the CLI, the app's and `serve`'s session, the
// engine and the editor all come through here): only a regular file, at most
// BACKLOG_SIZE_LIMIT bytes, with a message that says what the path is when it is not one.
// Opening with O_NONBLOCK means a FIFO cannot hang the open; fstat on the opened handle
// then refuses it (and devices such as /dev/zero, folders, sockets) before any read, and
// the read stops at the limit even if the file grows meanwhile.
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { lstat, open, readlink, stat } from 'node:fs/promises';

/** The largest backlog Taskdeck reads: far above any real plan (10,000 tasks is ~3 MB). */
export const BACKLOG_SIZE_LIMIT = 64 * 1024 * 1024;

export interface RegularFile {
  bytes: Buffer;
  stat: BigIntStats;
}

export interface RegularFileError {
  code: 'not-found' | 'not-a-file' | 'too-large' | 'unreadable';
  message: string;
}

type Stats = { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean };

/** What a non-regular file is, in words: "a folder", "a named pipe (FIFO)", ... */
export function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${bytes} bytes`;
}

/**
 * What is at `path` when it is not a readable regular file, in words ("a folder", "a
 * broken symbolic link to x"), or null when it is one (or cannot be told).
 */
export async function describeNonFile(path: string): Promise<string | null> {
  let link;
  try {
    link = await lstat(path);
  } catch {
    return 'missing';
  }
  try {
    const target = await stat(path);
    return target.isFile() ? null : link.isSymbolicLink() ? `a symbolic link to ${kindOf(target)}` : kindOf(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!link.isSymbolicLink()) return null;
    if (code === 'ELOOP') return 'a symbolic link that loops';
    const to = await readlink(path).catch(() => '?');
    return `a broken symbolic link (to ${to}, which does not exist)`;
  }
}

/** What the file is to Taskdeck, for the messages: the backlog, or a settings file. */
export interface FileRole {
  /** "the backlog file", "the project settings file". */
  file: string;
  /** "the backlog", "taskdeck.json". */
  subject: string;
  /** "backlogs", "settings files". */
  plural: string;
}

export const BACKLOG_ROLE: FileRole = { file: 'the backlog file', subject: 'the backlog', plural: 'backlogs' };
export const SETTINGS_ROLE: FileRole = { file: 'the settings file', subject: 'taskdeck.json', plural: 'settings files' };

/** The largest settings file (taskdeck.json, the trust store) Taskdeck reads. */
export const SETTINGS_SIZE_LIMIT = 4 * 1024 * 1024;

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

export async function readRegularFile(path: string, limit = BACKLOG_SIZE_LIMIT, role: FileRole = BACKLOG_ROLE): Promise<{ ok: true; value: RegularFile } | { ok: false; error: RegularFileError }> {
  const fail = (code: RegularFileError['code'], message: string) => ({ ok: false as const, error: { code, message } });
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Say what the path is when that explains the failure: a broken link (ENOENT), a
    // socket (ENXIO), a link loop (ELOOP).
    const what = await describeNonFile(path);
    if (what !== null && what !== 'missing') return fail('not-a-file', `${path} is ${what}, not a regular file; ${role.subject} must be a regular file.`);
    if (code === 'ENOENT') return fail('not-found', `${capital(role.file)} does not exist: ${path}`);
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? (e as Error).message);
    return fail('unreadable', `Cannot read ${role.file} ${path}: ${why}.`);
  }
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) return fail('not-a-file', `${path} is ${kindOf(info)}, not a regular file; ${role.subject} must be a regular file.`);
    const tooLarge = (size: number) =>
      fail('too-large', `${path} is ${formatSize(size)}; Taskdeck reads ${role.plural} of at most ${formatSize(limit)}. Is this the right file?`);
    if (info.size > BigInt(limit)) return tooLarge(Number(info.size));
    // Read to the end, but never past the limit: a file that grows while being read is refused too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(Number(info.size) - total, 64 * 1024), limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return tooLarge(total);
    }
    return { ok: true, value: { bytes: Buffer.concat(chunks, total), stat: info } };
  } catch (e) {
    return fail('unreadable', `Cannot read ${role.file} ${path}: ${(e as Error).message}.`);
  } finally {
    await handle.close();
  }
}

/**
 * The synchronous reader for small settings files read on a synchronous path (the trust
 * store): the same rules (O_NONBLOCK so a FIFO cannot hang the open, only a regular
 * file, at most `limit` bytes). Null when there is no such readable file.
 */
export function readRegularFileSyncOrNull(path: string, limit = SETTINGS_SIZE_LIMIT): string | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > limit) return null;
    const buf = Buffer.alloc(limit + 1);
    let total = 0;
    for (let n = readSync(fd, buf, total, buf.length - total, null); n > 0; n = readSync(fd, buf, total, buf.length - total, null)) {
      total += n;
      if (total > limit) return null;
    }
    return buf.subarray(0, total).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

// Reading a run's log back. The run record names the log file, but a record can be stale
// (the project moved) or hostile (a database someone handed you), so the path it names
// is only a hint: the file read is always inside this project's log folder (real path,
// symlinks resolved), a regular file (never a FIFO or device that would block or never
// end), and only its last `maxBytes` bytes. A log that `cleanup` compressed in place
// (`<name>.log.gz`, logRetention.ts) is read from the gzip, under the same rules.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A compressed log larger than this is not read back (a log is capped at logCapMB anyway). */
const MAX_GZ_BYTES = 64 * 1024 * 1024;
/** Nor is one that inflates past this: a gzip bomb in the log folder cannot exhaust memory. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** Where a project's run logs live: `.taskdeck/logs`. */
export function logsDirOf(projectDir: string): string {
  return path.join(projectDir, '.taskdeck', 'logs');
}

export type LogRead = { ok: true; text: string; truncated: boolean; size: number } | { ok: false; message: string };

function realPathOrNull(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * The real path of the log `recorded` names, when it is inside the project's log folder;
 * for a project that moved, the file of the same name in this project's log folder.
 */
function confinedLogPath(projectDir: string, recorded: string): { path: string; gz: boolean } | { error: string } {
  const logsDir = realPathOrNull(logsDirOf(projectDir));
  if (logsDir === null) return { error: `this project has no log folder (${logsDirOf(projectDir)})` };
  // The folder itself must be the project's own, not a link to somewhere else.
  const projectReal = realPathOrNull(projectDir);
  if (projectReal === null || logsDir !== logsDirOf(projectReal)) return { error: `${logsDirOf(projectDir)} leads out of the project (to ${logsDir}); Taskdeck reads logs only from the project's own log folder` };
  const inside = (p: string): boolean => p.startsWith(logsDir + path.sep);
  const named = path.resolve(projectDir, recorded);
  const inFolder = path.join(logsDir, path.basename(recorded));
  for (const [candidate, gz] of [[named, false], [inFolder, false], [`${named}.gz`, true], [`${inFolder}.gz`, true]] as const) {
    const real = realPathOrNull(candidate);
    if (real !== null && inside(real)) return { path: real, gz };
  }
  if (realPathOrNull(named) === null && inside(named)) return { error: `${named} does not exist any more` };
  return { error: `the run record names ${recorded}, which is not in this project's log folder (${logsDir}); Taskdeck reads logs only from there` };
}

export function readLogTail(projectDir: string, recorded: string, maxBytes: number): LogRead {
  const found = confinedLogPath(projectDir, recorded);
  if ('error' in found) return { ok: false, message: found.error };
  let fd: number | null = null;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: a link swapped
    // in after the check is refused rather than followed.
    fd = fs.openSync(found.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `${found.path} is not a regular file` };
    if (found.gz) return readGzipTail(fd, found.path, stat.size, maxBytes);
    const length = Math.min(stat.size, maxBytes);
    const buf = Buffer.alloc(length);
    const read = fs.readSync(fd, buf, 0, length, stat.size - length);
    return { ok: true, text: buf.subarray(0, read).toString('utf8'), truncated: stat.size > length, size: stat.size };
  } catch (err) {
    return { ok: false, message: `${found.path} cannot be read: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function readGzipTail(fd: number, file: string, size: number, maxBytes: number): LogRead {
  if (size > MAX_GZ_BYTES) return { ok: false, message: `${file} is ${Math.round(size / 1048576)} MB compressed, more than Taskdeck reads back` };
  const packed = Buffer.alloc(size);
  const read = fs.readSync(fd, packed, 0, size, 0);
  let bytes: Buffer;
  try {
    bytes = zlib.gunzipSync(packed.subarray(0, read), { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (err) {
    return { ok: false, message: `${file} cannot be decompressed: ${err instanceof Error ? err.message : String(err)}` };
  }
  const tail = bytes.subarray(Math.max(0, bytes.length - maxBytes));
  return { ok: true, text: tail.toString('utf8'), truncated: bytes.length > tail.length, size: bytes.length };
}

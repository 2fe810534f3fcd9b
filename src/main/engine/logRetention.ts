// Old run logs (`.taskdeck/logs/<run-id>.log`) are compressed in place by `cleanup`
// (`<run-id>.log.gz`), not left or lost; the one log reader (logFile.ts) falls back to the
// `.gz` when the plain file is gone, so a log stays readable from its attempt's recorded path.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function logsDir(projectDir: string): string {
  return path.join(projectDir, '.taskdeck', 'logs');
}

/**
 * Gzips every `.log` last written before `cutoff` (epoch ms). A crash leaves either file
 * whole; a log that cannot be compressed (permissions, full disk) is left as it was and named.
 */
export function compressOldLogs(projectDir: string, cutoff: number): { compressed: number; failed: string[] } {
  const dir = logsDir(projectDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return { compressed: 0, failed: [] };
  }
  let done = 0;
  const failed: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.log')) continue;
    const file = path.join(dir, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.mtimeMs >= cutoff) continue;
    try {
      compressOne(file, stat);
      done++;
    } catch (err) {
      failed.push(`${name}: ${(err as Error).message}`);
    }
  }
  return { compressed: done, failed };
}

function compressOne(file: string, stat: fs.Stats): void {
  const gz = `${file}.gz`;
  // A .gz already there was renamed into place complete: only the original is left to remove.
  if (!fs.existsSync(gz)) {
    const tmp = `${gz}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, zlib.gzipSync(fs.readFileSync(file)));
      fs.fsyncSync(fd);
    } catch (err) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw err;
    }
    fs.closeSync(fd);
    fs.utimesSync(tmp, stat.atime, stat.mtime);
    fs.renameSync(tmp, gz);
  }
  fs.rmSync(file, { force: true });
}

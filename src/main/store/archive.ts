// Retention with archives: what `cleanup` deletes is first written to a gzip file of JSON
// lines (`{"table": "run_attempts", "row": {...}}`, one per row), and `import-archive`
// reads such a file back. Rows are read in one snapshot (WAL: writers are not blocked
// while the file is compressed); the delete that follows is bounded to exactly the rows
// the snapshot saw, so a row that appeared or finished in between is never deleted
// without being archived.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3';

export const ARCHIVED_TABLES = ['run_attempts', 'execution_history', 'task_errors', 'recovery_actions'] as const;
export type ArchivedTable = (typeof ARCHIVED_TABLES)[number];

/** The old rows of each table (bound: `?` = the cutoff in epoch ms). run_attempts first, so an import can map attempt ids. */
export const OLD_ROWS: Record<ArchivedTable, string> = {
  run_attempts: 'started_at < ? AND outcome IS NOT NULL',
  execution_history: 'timestamp_ms < ?',
  task_errors: 'at < ?',
  recovery_actions: 'at < ?',
};

/** What the snapshot saw: the largest id of each table, and the old attempts still open (kept). */
export interface ArchiveBounds {
  maxIds: Record<ArchivedTable, number>;
  openAttemptIds: number[];
}

export interface ArchiveWritten {
  file: string;
  rows: number;
  bounds: ArchiveBounds;
}

/** About 1 MB of JSON per gzip member; a file of several members is one valid gzip stream. */
const CHUNK = 1 << 20;

/** Writes the archive (temp file, fsync, rename); throws, leaving nothing behind, on any failure. Refuses to overwrite a file. */
export function writeArchive(db: Database.Database, cutoff: number, file: string): ArchiveWritten {
  if (fs.existsSync(file)) throw new Error(`${file} already exists; Taskdeck will not overwrite an archive (choose another name)`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    const snapshot = db.transaction((): Omit<ArchiveWritten, 'file'> => {
      let chunk = '';
      let rows = 0;
      const flush = (last: boolean) => {
        if (chunk.length === 0 && !last) return;
        fs.writeSync(fd, zlib.gzipSync(chunk));
        chunk = '';
      };
      const maxIds = {} as Record<ArchivedTable, number>;
      for (const table of ARCHIVED_TABLES) {
        maxIds[table] = (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
        const old = db.prepare(`SELECT * FROM ${table} WHERE ${OLD_ROWS[table]} AND id <= ? ORDER BY id`);
        for (const row of old.iterate(cutoff, maxIds[table])) {
          chunk += `${JSON.stringify({ table, row })}\n`;
          rows++;
          if (chunk.length >= CHUNK) flush(false);
        }
      }
      flush(true);
      const openAttemptIds = (db.prepare('SELECT id FROM run_attempts WHERE started_at < ? AND outcome IS NULL').all(cutoff) as { id: number }[]).map((r) => r.id);
      return { rows, bounds: { maxIds, openAttemptIds } };
    });
    const written = snapshot();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, file);
    return { file, ...written };
  } catch (err) {
    try {
      fs.closeSync(fd);
    } catch {
      // Already closed.
    }
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** The archive's lines, parsed, in order; a multi-member gzip reads as one stream. */
export async function* readArchive(file: string): AsyncGenerator<{ table: string; row: Record<string, unknown> }> {
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  let rest = '';
  let lineNo = 0;
  for await (const piece of gunzip as AsyncIterable<Buffer>) {
    rest += piece.toString('utf8');
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      const line = rest.slice(0, nl);
      rest = rest.slice(nl + 1);
      lineNo++;
      if (line.trim() !== '') yield parseLine(line, file, lineNo);
      nl = rest.indexOf('\n');
    }
  }
  if (rest.trim() !== '') yield parseLine(rest, file, lineNo + 1);
}

function parseLine(line: string, file: string, n: number): { table: string; row: Record<string, unknown> } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new Error(`${file} line ${n} is not JSON; not a Taskdeck archive?`);
  }
  const o = v as { table?: unknown; row?: unknown };
  if (typeof o.table !== 'string' || o.row === null || typeof o.row !== 'object') throw new Error(`${file} line ${n} is not {"table", "row"}; not a Taskdeck archive?`);
  return { table: o.table, row: o.row as Record<string, unknown> };
}

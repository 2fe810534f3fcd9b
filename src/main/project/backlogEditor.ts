// The file-level editor: read the backlog, make sure it is still the version the caller
// saw (sha256), apply one edit, write atomically. Every failure is a value with a code.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { parseBacklog, type ParseResult } from '../core/backlog';
import { applyEditAndPredict, inverseEdit, spliceLines, type BacklogEdit } from '../core/backlog/edit';
import type { Result } from '../../shared/result';
import { atomicWrite } from './atomicWrite';
import { auditBacklogEdit, type EditOrigin } from './auditBacklogEdit';

export type BacklogEditErrorCode = 'file-changed' | 'not-found' | 'not-text' | 'write-failed' | 'unknown-task' | 'bad-value' | 'cannot-edit';

export interface BacklogEditError {
  code: BacklogEditErrorCode;
  message: string;
}

export interface EditedBacklog {
  /** The file's new text and the sha256 of its bytes: the expectedHash of the next edit. */
  text: string;
  hash: string;
  summary: string;
  /** The edit that undoes this one (apply it with `hash` as expectedHash), or null. */
  inverse: BacklogEdit | null;
  /** False when the edit asked for what the file already said: nothing was written. */
  changed: boolean;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What a file was when read: its bytes and the identity to notice a later replacement by. */
interface Snapshot {
  bytes: Buffer;
  stamp: string;
}

function stampOf(stat: { ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

async function snapshot(path: string): Promise<Result<Snapshot, BacklogEditError>> {
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat({ bigint: true });
      return { ok: true, value: { bytes: await handle.readFile(), stamp: stampOf(stat) } };
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    const message = missing ? `The backlog ${path} no longer exists; reopen the project.` : `Cannot read ${path}: ${(cause as Error).message}`;
    return { ok: false, error: { code: 'not-found', message } };
  }
}

async function currentStamp(path: string): Promise<string | null> {
  try {
    const handle = await open(path, 'r');
    try {
      return stampOf(await handle.stat({ bigint: true }));
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function changedError(path: string): { code: 'file-changed'; message: string } {
  return {
    code: 'file-changed',
    message: `${path} changed on disk since Taskdeck read it (another editor or a git checkout?). Reload it and make the change again.`,
  };
}

/**
 * The last version of each recently edited file, by path: its bytes, hash, text and
 * parse. When the file on disk still has exactly those bytes, the next edit skips
 * hashing, decoding and parsing: a run of status edits on a 10,000-task backlog (the
 * engine writing back `done`) reads the file once.
 */
interface Known {
  bytes: Uint8Array;
  hash: string;
  text: string;
  parsed: ParseResult;
}
const recent = new Map<string, Known>();
const RECENT_LIMIT = 4;

function remember(path: string, known: Known | null): void {
  recent.delete(path);
  if (known === null) return;
  recent.set(path, known);
  for (const key of recent.keys()) {
    if (recent.size <= RECENT_LIMIT) break;
    recent.delete(key);
  }
}

type Opened = { text: string; parsed: ParseResult } | BacklogEditError;

function openVersion(path: string, bytes: Buffer, expectedHash: string, given?: { parsed: ParseResult }): Opened {
  const last = recent.get(path);
  if (last && last.hash === expectedHash && Buffer.compare(bytes, last.bytes) === 0) {
    return { text: last.text, parsed: given?.parsed ?? last.parsed };
  }
  if (sha256(bytes) !== expectedHash) return changedError(path);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { code: 'not-text', message: `${path} is not UTF-8 text; Taskdeck will not edit it.` };
  }
  return { text, parsed: given?.parsed ?? parseBacklog(text) };
}

/**
 * Applies one edit to the backlog at `path`, refusing when the file's bytes no longer hash
 * to `expectedHash`. `known` is the parse of that same version when the caller has it
 * (saves re-parsing a large backlog); it is only used when the hashes match.
 * Every edit written is recorded in the project's audit log; `origin` says who and from
 * where (default: this process's surface and the OS user).
 */
export async function editBacklogFile(
  path: string,
  expectedHash: string,
  edit: BacklogEdit,
  known?: { parsed: ParseResult },
  origin?: EditOrigin,
): Promise<Result<EditedBacklog, BacklogEditError>> {
  const read = await snapshot(path);
  if (!read.ok) return read;
  const opened = openVersion(path, read.value.bytes, expectedHash, known);
  if ('code' in opened) return { ok: false, error: opened };
  const { text: before, parsed } = opened;
  const applied = applyEditAndPredict(before, parsed, edit);
  if (!applied.ok) return applied;
  const inverse = inverseEdit(parsed, edit);
  const { text, summary, parsedAfter, patches } = applied.value;
  if (text === before) return { ok: true, value: { text, hash: expectedHash, summary, inverse, changed: false } };
  const spliced = patches ? spliceLines(read.value.bytes, parsed.source.bom, patches) : null;
  const bytes = spliced ?? Buffer.from(text, 'utf8');
  let hash = '';
  const written = await atomicWrite(path, bytes, {
    // Hash the new bytes while the disk syncs them.
    whileSyncing: () => (hash = sha256(bytes)),
    // Someone may have saved the file while we were editing: check again just before the swap.
    beforeRename: async () => ((await currentStamp(path)) === read.value.stamp ? null : changedError(path)),
  });
  if (!written.ok) return written;
  remember(path, parsedAfter ? { bytes, hash, text, parsed: parsedAfter } : null);
  await auditBacklogEdit(path, edit, summary, parsed, parsedAfter ?? text, origin);
  return { ok: true, value: { text, hash, summary, inverse, changed: true } };
}

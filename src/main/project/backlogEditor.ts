// The file-level editor: read the backlog, make sure it is still the version the caller
// saw (sha256), apply one edit, write atomically. Every failure is a value with a code.
// The read, the check and the rename happen under the file's lock (fileLock.ts), so an
// edit that reports success is in the file: a concurrent writer waits, then sees the new
// version and gets `file-changed` (or, editing "the current version", applies its edit to it).
import { stat } from 'node:fs/promises';
import { parseBacklog, type ParseResult } from '../core/backlog';
import { applyEditAndPredict, inverseEdit, spliceLines, type BacklogEdit } from '../core/backlog/edit';
import { predictsDiagnostics } from '../core/backlog/edit/predictParse';
import type { Result } from '../../shared/result';
import type { Vocabulary } from '../../shared/vocabulary';
import { atomicWrite } from './atomicWrite';
import { notTextError } from './backlogFile';
import { readRegularFile } from './readRegularFile';
import { withFileLock } from './fileLock';
import { auditBacklogEdit, auditBacklogEdits, type EditOrigin } from './auditBacklogEdit';
import { sha256Hex } from './sha256';

export type BacklogEditErrorCode = 'file-changed' | 'file-locked' | 'not-found' | 'not-text' | 'write-failed' | 'unknown-task' | 'bad-value' | 'cannot-edit';

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
  /**
   * The parse of the new text (tasks and diagnostics as a re-read gives them), derived
   * from the one before for a field edit in place; null when the edit cannot predict it:
   * then parse `text` to know the tasks.
   */
  parsed?: ParseResult | null;
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
  const read = await readRegularFile(path);
  if (read.ok) return { ok: true, value: { bytes: read.value.bytes, stamp: stampOf(read.value.stat) } };
  const message = read.error.code === 'not-found' ? `The backlog ${path} no longer exists; reopen the project.` : read.error.message;
  return { ok: false, error: { code: 'not-found', message } };
}

async function currentStamp(path: string): Promise<string | null> {
  try {
    // stat, not open: a path swapped for a FIFO must not block the writer.
    return stampOf(await stat(path, { bigint: true }));
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

/** What the caller knows: the parse of the version it saw, or the team's words to read the file with. */
export interface KnownVersion {
  parsed?: ParseResult;
  vocabulary?: Vocabulary;
}

function sameWords(a: Vocabulary | undefined, b: Vocabulary): boolean {
  return JSON.stringify(a ?? { status: {}, priority: {} }) === JSON.stringify(b);
}

function openVersion(path: string, bytes: Buffer, expectedHash: string, given?: KnownVersion): Opened {
  const last = recent.get(path);
  // The remembered parse holds only when it was read with the same team words.
  if (last && last.hash === expectedHash && Buffer.compare(bytes, last.bytes) === 0 && (given?.parsed || sameWords(given?.vocabulary, last.parsed.vocabulary))) {
    return { text: last.text, parsed: given?.parsed ?? last.parsed };
  }
  if (sha256Hex(bytes) !== expectedHash) return changedError(path);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { code: 'not-text', message: `${notTextError(path, bytes)?.message ?? `${path} is not UTF-8 text.`} Taskdeck will not edit it.` };
  }
  return { text, parsed: given?.parsed ?? parseBacklog(text, { vocabulary: given?.vocabulary }) };
}

/**
 * Applies one edit to the backlog at `path`, refusing when the file's bytes no longer hash
 * to `expectedHash`; with `expectedHash` null, to whatever version is on disk when the lock
 * is taken (the engine's `done` write-back: a status edit applies to any version that still
 * has the task). `known` is the parse of the expected version when the caller has it
 * (saves re-parsing a large backlog); it is only used when the hashes match.
 * Every edit written is recorded in the project's audit log; `origin` says who and from
 * where (default: this process's surface and the OS user).
 */
export async function editBacklogFile(
  path: string,
  expectedHash: string | null,
  edit: BacklogEdit,
  known?: KnownVersion,
  origin?: EditOrigin,
): Promise<Result<EditedBacklog, BacklogEditError>> {
  return withFileLock(path, (stillHeld) => editLocked(path, expectedHash, edit, known, origin, stillHeld));
}

/**
 * Writes the new bytes atomically unless the file changed since it was read (its stamp) or
 * the lock was lost; answers their sha256, computed while the disk syncs them.
 */
async function writeUnchangedSince(path: string, bytes: Uint8Array, stamp: string, stillHeld: () => boolean): Promise<Result<string, BacklogEditError>> {
  let hash = '';
  const written = await atomicWrite(path, bytes, {
    whileSyncing: () => (hash = sha256Hex(bytes)),
    // Someone may have saved the file while we were editing: check again just before the swap.
    // (The lock keeps other Taskdeck processes out; this catches editors that take no lock.)
    beforeRename: async () => (stillHeld() && (await currentStamp(path)) === stamp ? null : changedError(path)),
  });
  return written.ok ? { ok: true, value: hash } : written;
}

async function editLocked(
  path: string,
  wanted: string | null,
  edit: BacklogEdit,
  known: KnownVersion | undefined,
  origin: EditOrigin | undefined,
  stillHeld: () => boolean,
): Promise<Result<EditedBacklog, BacklogEditError>> {
  const read = await snapshot(path);
  if (!read.ok) return read;
  const expectedHash = wanted ?? sha256Hex(read.value.bytes);
  // With no expected version, a caller's parse may be of another version: only its words hold.
  const given = wanted === null ? (known?.vocabulary ? { vocabulary: known.vocabulary } : undefined) : known;
  const opened = openVersion(path, read.value.bytes, expectedHash, given);
  if ('code' in opened) return { ok: false, error: opened };
  const { text: before, parsed } = opened;
  const applied = applyEditAndPredict(before, parsed, edit);
  if (!applied.ok) return applied;
  const inverse = applied.value.inverse !== undefined ? applied.value.inverse : inverseEdit(parsed, edit);
  const { text, summary, parsedAfter, patches } = applied.value;
  if (text === before) return { ok: true, value: { text, hash: expectedHash, summary, inverse, changed: false, parsed } };
  const spliced = patches ? spliceLines(read.value.bytes, parsed.source.bom, patches) : null;
  const bytes = spliced ?? Buffer.from(text, 'utf8');
  const written = await writeUnchangedSince(path, bytes, read.value.stamp, stillHeld);
  if (!written.ok) return written;
  const hash = written.value;
  remember(path, parsedAfter ? { bytes, hash, text, parsed: parsedAfter } : null);
  await auditBacklogEdit(path, edit, summary, parsed, parsedAfter ?? text, origin);
  const exact = parsedAfter && predictsDiagnostics(parsed, edit) && sameWords(parsed.vocabulary, parsedAfter.vocabulary) ? parsedAfter : null;
  return { ok: true, value: { text, hash, summary, inverse, changed: true, parsed: exact } };
}

/** One edit's outcome within editBacklogFileEach. */
export type EachEditOutcome = { ok: true; summary: string; changed: boolean } | { ok: false; error: BacklogEditError };

/**
 * Applies several edits, in order, to whatever version is on disk when the lock is taken
 * (each to the text the one before left) and writes the file once. The engine's write-back
 * folds the tasks that succeeded while its previous write was under way into one lock, one
 * fsync and one rename. An edit that cannot apply (its task removed meanwhile) is reported
 * in its place and the others are still written; every written edit gets its audit row,
 * all in one transaction. Fails as a whole only when the file cannot be read or written.
 */
export async function editBacklogFileEach(
  path: string,
  edits: readonly BacklogEdit[],
  known?: { vocabulary?: Vocabulary },
  origin?: EditOrigin,
): Promise<Result<EachEditOutcome[], BacklogEditError>> {
  return withFileLock(path, (stillHeld) => editEachLocked(path, edits, known?.vocabulary, origin, stillHeld));
}

async function editEachLocked(
  path: string,
  edits: readonly BacklogEdit[],
  vocabulary: Vocabulary | undefined,
  origin: EditOrigin | undefined,
  stillHeld: () => boolean,
): Promise<Result<EachEditOutcome[], BacklogEditError>> {
  const read = await snapshot(path);
  if (!read.ok) return read;
  const opened = openVersion(path, read.value.bytes, sha256Hex(read.value.bytes), vocabulary ? { vocabulary } : undefined);
  if ('code' in opened) return { ok: false, error: opened };
  let { text, parsed } = opened;
  const outcomes: EachEditOutcome[] = [];
  const written: { edit: BacklogEdit; summary: string; before: ParseResult; after: ParseResult }[] = [];
  for (const edit of edits) {
    const applied = applyEditAndPredict(text, parsed, edit);
    if (!applied.ok) {
      outcomes.push({ ok: false, error: applied.error });
      continue;
    }
    const { text: next, summary, parsedAfter } = applied.value;
    outcomes.push({ ok: true, summary, changed: next !== text });
    if (next === text) continue;
    // The next edit applies to this one's result: its parse, predicted or read.
    const after = parsedAfter ?? parseBacklog(next, { vocabulary: parsed.vocabulary });
    written.push({ edit, summary, before: parsed, after });
    text = next;
    parsed = after;
  }
  if (written.length === 0) return { ok: true, value: outcomes };
  const bytes = Buffer.from(text, 'utf8');
  const saved = await writeUnchangedSince(path, bytes, read.value.stamp, stillHeld);
  if (!saved.ok) return saved;
  remember(path, { bytes, hash: saved.value, text, parsed });
  await auditBacklogEdits(path, written, origin);
  return { ok: true, value: outcomes };
}

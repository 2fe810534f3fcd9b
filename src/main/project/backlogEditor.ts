// The file-level editor: read the backlog, make sure it is still the version the caller
// saw (sha256), apply one edit, write atomically. Every failure is a value with a code.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseBacklog, type ParseResult } from '../core/backlog';
import { applyEdit, inverseEdit, type BacklogEdit } from '../core/backlog/edit';
import type { Result } from '../../shared/result';
import { atomicWrite } from './atomicWrite';

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

async function readText(path: string): Promise<Result<{ text: string; hash: string }, BacklogEditError>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      ok: false,
      error: missing
        ? { code: 'not-found', message: `The backlog ${path} no longer exists; reopen the project.` }
        : { code: 'not-found', message: `Cannot read ${path}: ${(cause as Error).message}` },
    };
  }
  try {
    return { ok: true, value: { text: utf8.decode(bytes), hash: sha256(bytes) } };
  } catch {
    return { ok: false, error: { code: 'not-text', message: `${path} is not UTF-8 text; Taskdeck will not edit it.` } };
  }
}

function changedError(path: string): { code: 'file-changed'; message: string } {
  return {
    code: 'file-changed',
    message: `${path} changed on disk since Taskdeck read it (another editor or a git checkout?). Reload it and make the change again.`,
  };
}

/**
 * Applies one edit to the backlog at `path`, refusing when the file's bytes no longer hash
 * to `expectedHash`. `known` is the parse of that same version when the caller has it
 * (saves re-parsing a large backlog); it is only used when the hashes match.
 */
export async function editBacklogFile(
  path: string,
  expectedHash: string,
  edit: BacklogEdit,
  known?: { parsed: ParseResult },
): Promise<Result<EditedBacklog, BacklogEditError>> {
  const read = await readText(path);
  if (!read.ok) return read;
  if (read.value.hash !== expectedHash) return { ok: false, error: changedError(path) };
  const parsed = known?.parsed ?? parseBacklog(read.value.text);
  const applied = applyEdit(read.value.text, parsed, edit);
  if (!applied.ok) return applied;
  const inverse = inverseEdit(parsed, edit);
  const { text, summary } = applied.value;
  if (text === read.value.text) return { ok: true, value: { text, hash: read.value.hash, summary, inverse, changed: false } };
  const bytes = Buffer.from(text, 'utf8');
  const written = await atomicWrite(path, bytes, {
    // Someone may have saved the file while we were editing: check again just before the swap.
    beforeRename: async () => {
      const again = await readFile(path).catch(() => null);
      return again !== null && sha256(again) === expectedHash ? null : changedError(path);
    },
  });
  if (!written.ok) return written;
  return { ok: true, value: { text, hash: sha256(bytes), summary, inverse, changed: true } };
}

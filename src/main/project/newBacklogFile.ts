// A backlog that does not exist yet, created by its first edit (adding a task): the
// editor's text for an empty file, written atomically, and refused if someone created
// the file meanwhile (it would be overwritten).
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseBacklog } from '../core/backlog';
import { applyEdit, type BacklogEdit } from '../core/backlog/edit';
import type { Result } from '../../shared/result';
import { atomicWrite } from './atomicWrite';
import type { BacklogEditError, EditedBacklog } from './backlogEditor';
import { pathExists } from './pathExists';
import { sha256Hex } from './sha256';

export async function createBacklogFile(path: string, edit: BacklogEdit): Promise<Result<EditedBacklog, BacklogEditError>> {
  if (await pathExists(path)) return { ok: false, error: { code: 'file-changed', message: `${path} already exists; Taskdeck will not overwrite it.` } };
  const applied = applyEdit('', parseBacklog(''), edit);
  if (!applied.ok) return applied;
  const { text, summary } = applied.value;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (cause) {
    return { ok: false, error: { code: 'write-failed', message: `Cannot create the folder for ${path}: ${(cause as Error).message}` } };
  }
  const written = await atomicWrite(path, text, {
    beforeRename: async () => ((await pathExists(path)) ? { code: 'file-changed', message: `${path} was created by someone else meanwhile; nothing was written.` } : null),
  });
  if (!written.ok) return written;
  return { ok: true, value: { text, hash: sha256Hex(text), summary, inverse: null, changed: true } };
}

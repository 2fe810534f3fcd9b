// A backlog that does not exist yet, created by its first edit (adding a task): the
// editor's text for an empty file, written atomically, and refused if someone created
// the file meanwhile (it would be overwritten).
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseBacklog } from '../core/backlog';
import { applyEdit, type BacklogEdit } from '../core/backlog/edit';
import type { Result } from '../../shared/result';
import { atomicWrite } from './atomicWrite';
import { sha256, type BacklogEditError, type EditedBacklog } from './backlogEditor';

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function createBacklogFile(path: string, edit: BacklogEdit): Promise<Result<EditedBacklog, BacklogEditError>> {
  if (await exists(path)) return { ok: false, error: { code: 'file-changed', message: `${path} already exists; Taskdeck will not overwrite it.` } };
  const applied = applyEdit('', parseBacklog(''), edit);
  if (!applied.ok) return applied;
  const { text, summary } = applied.value;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (cause) {
    return { ok: false, error: { code: 'write-failed', message: `Cannot create the folder for ${path}: ${(cause as Error).message}` } };
  }
  const written = await atomicWrite(path, text, {
    beforeRename: async () => ((await exists(path)) ? { code: 'file-changed', message: `${path} was created by someone else meanwhile; nothing was written.` } : null),
  });
  if (!written.ok) return written;
  return { ok: true, value: { text, hash: sha256(text), summary, inverse: null, changed: true } };
}

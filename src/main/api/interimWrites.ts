// STOPGAP until src/main/project/backlogEditor.ts (editBacklogFile, inverseEdit) and
// config.ts saveSprints land: the same behaviour (hash check, atomic write, undo) built on
// the editor's pure applyEdit. Replace the bodies with calls to those services.
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResult, BacklogEditInput } from '../../shared/api';
import type { SprintDef } from '../../shared/backlog';
import { parseBacklog } from '../core/backlog';
import { applyEdit } from '../core/backlog/edit/applyEdit';
import type { BacklogEdit } from '../core/backlog/edit/types';
import type { AppliedEdit, LoadedBacklog } from './services';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.taskdeck-${process.pid}-${Date.now()}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}

async function writeEdit(path: string, expectedHash: string, edit: BacklogEdit): Promise<ApiResult<{ summary: string; before: ReturnType<typeof parseBacklog> }>> {
  const bytes = await readFile(path);
  if (sha(bytes) !== expectedHash) {
    return { ok: false, error: { code: 'file-changed', message: `${path} changed on disk since it was read; reload and try again.` } };
  }
  const text = bytes.toString('utf8');
  const parsed = parseBacklog(text);
  const result = applyEdit(text, parsed, edit);
  if (!result.ok) return result;
  if (result.value.text !== text) await atomicWrite(path, result.value.text);
  return { ok: true, value: { summary: result.value.summary, before: parsed } };
}

function inverse(before: ReturnType<typeof parseBacklog>, edit: BacklogEditInput): BacklogEdit | null {
  const task = before.tasks.find((t) => t.id === edit.id);
  if (!task) return null;
  switch (edit.kind) {
    case 'setStatus':
      return { kind: 'restoreField', id: task.id, field: 'status', text: task.statusRaw };
    case 'setPriority':
      return { kind: 'restoreField', id: task.id, field: 'priority', text: task.priorityRaw };
    case 'setPoints':
      return task.points === null ? null : { kind: 'setPoints', id: task.id, value: task.points };
    case 'setTitle':
      return { kind: 'setTitle', id: task.id, value: task.title };
    case 'setSprint':
      return { kind: 'setSprint', id: task.id, value: task.sprint };
    case 'addDependency':
      return task.dependencies.includes(edit.dependency) ? null : { kind: 'removeDependency', id: task.id, dependency: edit.dependency };
    case 'removeDependency':
      return task.dependencies.includes(edit.dependency) ? { kind: 'addDependency', id: task.id, dependency: edit.dependency } : null;
    default: {
      const ordered = [...before.tasks].sort((a, b) => a.rank - b.rank);
      const i = ordered.findIndex((t) => t.id === task.id);
      const next = ordered[i + 1];
      const prev = ordered[i - 1];
      return next ? { kind: 'moveBefore', id: task.id, target: next.id } : prev ? { kind: 'moveAfter', id: task.id, target: prev.id } : null;
    }
  }
}

export async function editFile(loaded: LoadedBacklog, expectedHash: string, edit: BacklogEditInput): Promise<ApiResult<AppliedEdit>> {
  const done = await writeEdit(loaded.path, expectedHash, edit);
  if (!done.ok) return done;
  const back = inverse(done.value.before, edit);
  return {
    ok: true,
    value: {
      summary: done.value.summary,
      undo: async (hash) => {
        if (!back) return { ok: false, error: { code: 'cannot-undo', message: 'This edit cannot be undone automatically.' } };
        const undone = await writeEdit(loaded.path, hash, back);
        return undone.ok ? { ok: true, value: { summary: undone.value.summary } } : undone;
      },
    },
  };
}

export async function saveSprintList(projectDir: string, sprints: SprintDef[]): Promise<ApiResult<void>> {
  const file = join(projectDir, 'taskdeck.json');
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return { ok: false, error: { code: 'config-invalid', message: `Cannot update ${file}: ${String(err)}` } };
    }
  }
  await atomicWrite(file, JSON.stringify({ ...json, sprints }, null, 2) + '\n');
  return { ok: true, value: undefined };
}

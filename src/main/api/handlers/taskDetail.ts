// task:get: a task with its neighbours in the dependency graph, its blockers and its runs.
import type { ApiResult, TaskDetail, TaskRef } from '../../../shared/api';
import type { Task } from '../../../shared/backlog';
import { blockersOf, dependentsOf } from '../../core/backlog/graph';
import type { Session } from '../session';
import { descriptionMarkdown } from '../../core/backlog/edit/setDescription';

export async function taskDetail(session: Session, id: string): Promise<ApiResult<TaskDetail>> {
  const loaded = await session.loadedBacklog();
  if (!loaded.ok) return loaded;
  const { tasks, graph } = loaded.value;
  const byId = new Map<string, Task>(tasks.map((t) => [t.id, t]));
  const task = byId.get(id);
  if (!task) return { ok: false, error: { code: 'unknown-task', message: `No task ${id} in ${loaded.value.file}.` } };
  const ref = (depId: string): TaskRef => {
    const t = byId.get(depId);
    return t ? { id: t.id, title: t.title, status: t.status, exists: true } : { id: depId, title: '', status: null, exists: false };
  };
  return {
    ok: true,
    value: {
      task,
      dependencies: task.dependencies.map(ref),
      dependents: dependentsOf(graph, id).map(ref),
      blockers: blockersOf(graph, id),
      runs: await session.runsOf(id),
      descriptionMarkdown: descriptionMarkdown(loaded.value.parse, id) ?? task.description,
    },
  };
}

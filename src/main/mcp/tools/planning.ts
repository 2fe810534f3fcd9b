// Planning tools: add_task, update_task, move_task, add_dependency, remove_dependency.
// Each is one minimal, atomic edit through the session's write queue, refused on a
// conflict (the file changed since `expected_hash`, a cycle, an unknown task), as the
// CLI's edits are. Without `expected_hash` the edit applies to the file as it is now.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ApiResult, EditOutcome } from '../../../shared/api';
import type { ToolContext } from '../context';
import { answer, guarded, refuse } from '../toolResult';
import { expectedHashArg, priorityArg, statusArg, taskIdArg } from './args';

const oneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\r\n]*$/, 'one line');

async function hashOf(ctx: ToolContext, expected: string | undefined): Promise<ApiResult<string>> {
  if (expected !== undefined) return { ok: true, value: expected };
  const snap = await ctx.call('backlog:get', {});
  return snap.ok ? { ok: true, value: snap.value.hash } : snap;
}

function edited(result: ApiResult<EditOutcome>, extra: Record<string, unknown> = {}) {
  if (!result.ok) return refuse(result.error);
  return answer(result.value.summary, { summary: result.value.summary, hash: result.value.snapshot.hash, ...extra });
}

export function registerPlanningTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'add_task',
    {
      title: 'Add a task',
      description: 'Writes a new task into the backlog in the file\'s own format; without `id`, the next free ID.',
      inputSchema: {
        title: oneLine(500),
        priority: priorityArg.optional(),
        points: z.number().finite().min(0).optional(),
        status: statusArg.optional(),
        sprint: oneLine(200).optional(),
        dependencies: z.array(taskIdArg).max(200).optional(),
        description: z.string().max(20_000).optional(),
        id: taskIdArg.optional().describe('use this ID (refused if taken)'),
        after: taskIdArg.optional().describe('put it just after this task'),
        expected_hash: expectedHashArg.optional(),
      },
    },
    (a) =>
      guarded('add_task', async () => {
        const hash = await hashOf(ctx, a.expected_hash);
        if (!hash.ok) return refuse(hash.error);
        const task = {
          title: a.title,
          ...(a.priority ? { priority: a.priority } : {}),
          ...(a.points !== undefined ? { points: a.points } : {}),
          ...(a.status ? { status: a.status } : {}),
          ...(a.sprint ? { sprint: a.sprint } : {}),
          ...(a.dependencies ? { dependencies: a.dependencies } : {}),
          ...(a.description ? { description: a.description } : {}),
        };
        const added = await ctx.call('task:add', { task, ...(a.after ? { place: { after: a.after } } : {}), ...(a.id ? { id: a.id } : {}), expectedHash: hash.value });
        return added.ok ? answer(added.value.summary, { id: added.value.id, summary: added.value.summary, hash: added.value.snapshot.hash }) : refuse(added.error);
      }),
  );

  server.registerTool(
    'update_task',
    {
      title: 'Update a task',
      description: 'Sets one or more of a task\'s fields (status, priority, points, title, sprint, description) in one write.',
      inputSchema: {
        id: taskIdArg,
        status: statusArg.optional(),
        priority: priorityArg.optional(),
        points: z.number().finite().min(0).optional(),
        title: oneLine(500).optional(),
        sprint: oneLine(200).nullable().optional().describe('null clears it'),
        description: z.string().max(20_000).optional(),
        expected_hash: expectedHashArg.optional(),
      },
    },
    (a) =>
      guarded('update_task', async () => {
        const fields = {
          ...(a.status ? { status: a.status } : {}),
          ...(a.priority ? { priority: a.priority } : {}),
          ...(a.points !== undefined ? { points: a.points } : {}),
          ...(a.title ? { title: a.title } : {}),
          ...(a.sprint !== undefined ? { sprint: a.sprint } : {}),
          ...(a.description !== undefined ? { description: a.description } : {}),
        };
        if (Object.keys(fields).length === 0) return refuse({ code: 'bad-arguments', message: 'Nothing to change: give at least one of status, priority, points, title, sprint, description.' });
        const hash = await hashOf(ctx, a.expected_hash);
        if (!hash.ok) return refuse(hash.error);
        return edited(await ctx.call('task:edit', { id: a.id, fields, expectedHash: hash.value }));
      }),
  );

  server.registerTool(
    'move_task',
    {
      title: 'Move a task',
      description: 'Reorders the backlog: the task goes just before or after another task, to the top of its table, or into a section (heading text). Exactly one of before, after, top, section.',
      inputSchema: {
        id: taskIdArg,
        before: taskIdArg.optional(),
        after: taskIdArg.optional(),
        top: z.boolean().optional(),
        section: oneLine(500).optional(),
        expected_hash: expectedHashArg.optional(),
      },
    },
    (a) =>
      guarded('move_task', async () => {
        const picks = [a.before, a.after, a.top ? true : undefined, a.section].filter((v) => v !== undefined);
        if (picks.length !== 1) return refuse({ code: 'bad-arguments', message: 'Say where: exactly one of before, after, top (true) or section.' });
        const edit = a.before
          ? ({ kind: 'moveBefore', id: a.id, target: a.before } as const)
          : a.after
            ? ({ kind: 'moveAfter', id: a.id, target: a.after } as const)
            : a.section
              ? ({ kind: 'moveToSection', id: a.id, section: a.section } as const)
              : ({ kind: 'moveToTop', id: a.id } as const);
        const hash = await hashOf(ctx, a.expected_hash);
        if (!hash.ok) return refuse(hash.error);
        return edited(await ctx.call('backlog:edit', { edit, expectedHash: hash.value }));
      }),
  );

  for (const [name, kind, verb] of [
    ['add_dependency', 'addDependency', 'Makes a task depend on another (a cycle is refused).'],
    ['remove_dependency', 'removeDependency', 'Removes one of a task\'s dependencies.'],
  ] as const) {
    server.registerTool(
      name,
      {
        title: name === 'add_dependency' ? 'Add a dependency' : 'Remove a dependency',
        description: verb,
        inputSchema: { id: taskIdArg, dependency: taskIdArg.describe('the task it depends on'), expected_hash: expectedHashArg.optional() },
      },
      (a) =>
        guarded(name, async () => {
          const hash = await hashOf(ctx, a.expected_hash);
          if (!hash.ok) return refuse(hash.error);
          return edited(await ctx.call('backlog:edit', { edit: { kind, id: a.id, dependency: a.dependency }, expectedHash: hash.value }));
        }),
    );
  }
}

// Reading tools: list_tasks (filters like `taskdeck list`), get_task (graph, runs, and
// what the history knows), next_task (and why), validate.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Task } from '../../../shared/backlog';
import { taskJson } from '../../../shared/backlogJson';
import type { ToolContext } from '../context';
import { answer, fromResult, guarded, pct, refuse, secs } from '../toolResult';
import { priorityArg, statusArg, taskIdArg } from './args';
import { plural } from '../../../shared/pluralise';

const line = (t: Task) => `${t.id} [${t.priority}, ${t.status}${t.points === null ? '' : `, ${t.points} pt`}] ${t.title}${t.dependencies.length ? ` (after ${t.dependencies.join(', ')})` : ''}`;

export function registerReadingTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'list_tasks',
    {
      title: 'List tasks',
      description: 'The backlog\'s tasks, optionally filtered (like `taskdeck list`), with who has claimed which, and the backlog version (hash) edits can be checked against.',
      inputSchema: {
        status: statusArg.optional(),
        priority: priorityArg.optional(),
        sprint: z.string().max(200).optional().describe('only tasks in this sprint (case-insensitive)'),
        ready: z.boolean().optional().describe('only tasks that can start now (not done, every dependency done)'),
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      guarded('list_tasks', async () => {
        const snap = await ctx.call('backlog:get', {});
        if (!snap.ok) return refuse(snap.error);
        const claims = await ctx.call('claims:list', {});
        const claimOf = new Map((claims.ok ? claims.value : []).map((c) => [c.taskId, c]));
        const ready = new Set(snap.value.ready);
        const sprint = args.sprint?.toLowerCase();
        const tasks = snap.value.tasks.filter(
          (t) =>
            (!args.status || t.status === args.status) &&
            (!args.priority || t.priority === args.priority) &&
            (sprint === undefined || (t.sprint ?? '').toLowerCase() === sprint) &&
            (!args.ready || ready.has(t.id)),
        );
        const text = tasks.length
          ? tasks.map((t) => line(t) + (claimOf.has(t.id) ? ` (claimed by ${claimOf.get(t.id)!.owner})` : '')).join('\n')
          : 'No task matches.';
        return answer(`${text}\n${tasks.length} of ${plural(snap.value.tasks.length, 'task')} in ${snap.value.project.file}`, {
          file: snap.value.project.file,
          hash: snap.value.hash,
          tasks: tasks.map((t) => ({ ...taskJson(t), ready: ready.has(t.id), claim: claimOf.get(t.id) ?? null })),
        });
      }),
  );

  server.registerTool(
    'get_task',
    {
      title: 'Get a task',
      description: 'One task with its dependencies, dependents and blockers, its last runs, its usual duration (p50/p95), its chance to succeed, anomalies, and its claim.',
      inputSchema: { id: taskIdArg },
      annotations: { readOnlyHint: true },
    },
    ({ id }) =>
      guarded('get_task', async () => {
        const detail = await ctx.call('task:get', { id });
        if (!detail.ok) return refuse(detail.error);
        const insights = await ctx.call('task:insights', { id });
        const d = detail.value;
        const i = insights.ok ? insights.value : null;
        const s = i?.insight ?? null;
        const lines = [
          line(d.task),
          d.task.description ? d.task.description : '',
          `Depends on: ${d.dependencies.map((r) => `${r.id} (${r.exists ? r.status : 'missing'})`).join(', ') || 'nothing'}`,
          `Needed by: ${d.dependents.map((r) => r.id).join(', ') || 'nothing'}`,
          d.blockers.chain.length || d.blockers.missing.length ? `Blocked by: ${[...d.blockers.chain, ...d.blockers.missing.map((m) => `${m} (missing)`)].join(', ')}` : 'Not blocked.',
          s && s.runs > 0
            ? `History: ${plural(s.runs, 'run')}, success rate ${pct(s.successRate)}, p50 ${secs(s.p50Ms)}, p95 ${secs(s.p95Ms)}; next run succeeds: ${pct(s.successProbability)} (${s.successExplanation})`
            : `History: no runs yet${s ? `; next run succeeds: ${pct(s.successProbability)} (${s.successExplanation})` : ''}`,
          ...(i?.anomalies ?? []).map((a) => `Anomaly (${a.kind}): ${a.message}`),
          i?.claim ? `Claimed by ${i.claim.owner} until ${new Date(i.claim.expiresAt).toISOString()}` : 'Not claimed.',
        ].filter((l) => l !== '');
        return answer(lines.join('\n'), {
          task: taskJson(d.task),
          dependencies: d.dependencies,
          dependents: d.dependents,
          blockers: d.blockers,
          runs: d.runs,
          stats: s,
          anomalies: i?.anomalies ?? [],
          claim: i?.claim ?? null,
        });
      }),
  );

  server.registerTool(
    'next_task',
    {
      title: 'Next task',
      description: 'The highest-priority ready task nobody holds (not human-required, blocked or already in progress), in the order `taskdeck auto` uses, with why it was chosen. Claim it with claim_task.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () =>
      guarded('next_task', async () =>
        fromResult(await ctx.call('task:next', {}), (n) =>
          answer(n.task ? `${line(n.task)}\nWhy: ${n.reason}` : n.reason, { task: n.task ? taskJson(n.task) : null, reason: n.reason, candidates: n.candidates }),
        ),
      ),
  );

  server.registerTool(
    'validate',
    {
      title: 'Validate the backlog',
      description: 'The backlog\'s problems (missing or looping dependencies, unknown words, malformed rows), like `taskdeck validate`.',
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    () =>
      guarded('validate', async () =>
        fromResult(await ctx.call('backlog:get', {}), (snap) => {
          const ds = snap.diagnostics;
          const errors = ds.filter((d) => d.severity === 'error').length;
          const text = ds.length
            ? ds.map((d) => `${d.severity}${d.line === null ? '' : ` line ${d.line}`}: ${d.message}`).join('\n')
            : `No problems in ${snap.project.file}.`;
          return answer(text, { file: snap.project.file, valid: errors === 0, diagnostics: ds });
        }),
      ),
  );
}

// Learning tools: what the run history knows, as data and in words: get_stats,
// get_error_report (docs/error-report.md), get_forecast, get_anomalies.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ToolContext } from '../context';
import { answer, fromResult, guarded, pct, secs } from '../toolResult';
import { plural } from '../../../shared/pluralise';

export function registerLearningTools(server: McpServer, ctx: ToolContext): void {
  const readOnly = { readOnlyHint: true } as const;
  server.registerTool(
    'get_stats',
    { title: 'Run statistics', description: 'Per task: runs, success rate, p50/p95 duration, chance the next run succeeds, ETA.', inputSchema: {}, annotations: readOnly },
    () =>
      guarded('get_stats', async () =>
        fromResult(await ctx.call('analytics:stats', {}), (s) => {
          const ran = s.tasks.filter((t) => t.runs > 0);
          const text = ran.length
            ? ran.map((t) => `${t.taskId}: ${plural(t.runs, 'run')}, success ${pct(t.successRate)}, p50 ${secs(t.p50Ms)}, p95 ${secs(t.p95Ms)}, next ok ${pct(t.successProbability)}`).join('\n')
            : 'Nothing has run yet: not enough data.';
          return answer(text, { tasks: s.tasks, msPerPointP50: s.msPerPointP50 });
        }),
      ),
  );

  server.registerTool(
    'get_error_report',
    { title: 'Error report', description: 'The JSON error report (`taskdeck errors export`): errors by category, severity and task, recovery, recent errors with log excerpts.', inputSchema: {}, annotations: readOnly },
    () =>
      guarded('get_error_report', async () =>
        fromResult(await ctx.call('reports:export', { format: 'error-report' }), (r) => answer(`${r.summary}.\n${r.content}`, { report: JSON.parse(r.content) as Record<string, unknown> })),
      ),
  );

  server.registerTool(
    'get_forecast',
    {
      title: 'Sprint forecast',
      description: 'When a sprint\'s remaining scope will be done (50% and 85% confidence) and the chance to finish by its end (default: the current sprint).',
      inputSchema: { sprint: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/, 'one line').optional() },
      annotations: readOnly,
    },
    (a) =>
      guarded('get_forecast', async () =>
        fromResult(await ctx.call('analytics:forecast', a.sprint ? { sprint: a.sprint } : {}), (f) =>
          answer(
            `Sprint ${f.sprint.name}: ${f.donePoints} of ${plural(f.scopePoints, 'point')} done, ${plural(f.remainingTasks.length, 'task')} left. ` +
              (f.status === 'ok' ? `50%: ${f.p50Day ?? 'not within a year'}, 85%: ${f.p85Day ?? 'not within a year'}${f.probabilityByEnd === null ? '' : `, chance by the end: ${pct(f.probabilityByEnd)}`}. ` : '') +
              f.explanation,
            { ...f },
          ),
        ),
      ),
  );

  server.registerTool(
    'get_anomalies',
    { title: 'Anomalies', description: 'Durations far outside a task\'s history, failure-rate jumps and flaky tasks, each with its reason.', inputSchema: {}, annotations: readOnly },
    () =>
      guarded('get_anomalies', async () =>
        fromResult(await ctx.call('analytics:anomalies', {}), (list) =>
          answer(list.length ? list.map((x) => `${x.severity} ${x.taskId} (${x.kind}): ${x.message}`).join('\n') : 'No anomalies.', { anomalies: list }),
        ),
      ),
  );
}

// Claiming tools: claim_task / release_task (the store's leases with an owner and an
// expiry: two agents never hold one task), report_progress (recorded like `::progress`),
// complete_task (done written back as `taskdeck done` does, with who and the notes).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ToolContext } from '../context';
import { answer, fromResult, guarded } from '../toolResult';
import { ownerArg, taskIdArg } from './args';

export function registerClaimingTools(server: McpServer, ctx: ToolContext): void {
  server.registerTool(
    'claim_task',
    {
      title: 'Claim a task',
      description: 'Takes a task for this agent until the claim expires (default an hour) or is released; claiming again renews it. Refused, naming the holder, while someone else holds it. Claims show in the Taskdeck app, and `taskdeck auto` leaves claimed tasks alone.',
      inputSchema: { id: taskIdArg, owner: ownerArg.optional(), ttl_seconds: z.number().int().min(10).max(7 * 24 * 3600).optional().describe('how long the claim lasts (default 3600)') },
    },
    (a) =>
      guarded('claim_task', async () => {
        const owner = ctx.who(a.owner);
        const claimed = await ctx.call('claims:claim', { taskId: a.id, owner, session: ctx.session, ...(a.ttl_seconds ? { ttlSeconds: a.ttl_seconds } : {}) });
        return fromResult(claimed, (c) =>
          answer(`${c.taskId} is claimed by ${c.owner} until ${new Date(c.expiresAt).toISOString()}.`, { taskId: c.taskId, owner: c.owner, expiresAt: new Date(c.expiresAt).toISOString() }),
        );
      }),
  );

  server.registerTool(
    'release_task',
    {
      title: 'Release a task',
      description: 'Lets go of this agent\'s claim on a task, so others may take it.',
      inputSchema: { id: taskIdArg, owner: ownerArg.optional() },
    },
    (a) =>
      guarded('release_task', async () =>
        fromResult(await ctx.call('claims:release', { taskId: a.id, owner: ctx.who(a.owner), session: ctx.session }), (r) =>
          answer(r.released ? `Released ${a.id}.` : `${a.id} was not claimed by this session (nothing to release).`, { taskId: a.id, released: r.released }),
        ),
      ),
  );

  server.registerTool(
    'report_progress',
    {
      title: 'Report progress',
      description: 'Records how far the work on a task is, in the run history (like a command\'s `::progress 40 parsing` line), with who reported it.',
      inputSchema: { id: taskIdArg, message: z.string().trim().min(1).max(1000).regex(/^[^\r\n]*$/, 'one line'), percent: z.number().min(0).max(100).optional(), owner: ownerArg.optional() },
    },
    (a) =>
      guarded('report_progress', async () => {
        const by = ctx.who(a.owner);
        return fromResult(await ctx.call('task:progress', { taskId: a.id, by, message: a.message, ...(a.percent !== undefined ? { percent: a.percent } : {}) }), () =>
          answer(`Recorded for ${a.id}: ${a.percent === undefined ? '' : `${Math.round(a.percent)}% `}${a.message} (${by}).`, { taskId: a.id, recorded: true, by }),
        );
      }),
  );

  server.registerTool(
    'complete_task',
    {
      title: 'Complete a task',
      description: 'Finishes the work on a task: `done` marks it done in the backlog (as `taskdeck done` does) and records who and the notes; `failed` records that the work failed, with the notes. Lets go of this agent\'s claim. Refused while someone else holds the task.',
      inputSchema: { id: taskIdArg, outcome: z.enum(['done', 'failed']).default('done'), notes: z.string().max(10_000).optional(), owner: ownerArg.optional() },
    },
    (a) =>
      guarded('complete_task', async () => {
        const by = ctx.who(a.owner);
        return fromResult(await ctx.call('task:complete', { taskId: a.id, by, session: ctx.session, outcome: a.outcome, ...(a.notes ? { notes: a.notes } : {}) }), (r) =>
          answer(r.summary, { taskId: a.id, outcome: a.outcome, by, summary: r.summary }),
        );
      }),
  );
}

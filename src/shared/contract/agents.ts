// Working with agents (and people) on a shared backlog: claims on tasks with an owner and
// an expiry, progress reports, completing a task with notes, the next task to take and
// why, and what the run history knows about a task or the project, as data. The MCP
// server (`taskdeck mcp`) is a thin face over these; the app shows the claims.
import { z } from 'zod';
import { taskIdSchema } from './taskId';
import { method } from './method';
import type { Task } from '../backlog';
import type { AnomalyView } from './analytics';

const taskId = taskIdSchema;
const oneLine = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\r\n]*$/, 'one line');
/** Who: an agent's name (its MCP client name) or a person's. */
export const ownerNameSchema = oneLine(100);
/** The session that holds a claim (one MCP connection, one app window): letters, digits, _ and -. */
export const claimSessionSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - (1 to 64)');

/** A claim on a task that stands now. */
export interface ClaimView {
  taskId: string;
  /** The agent's (or person's) name. */
  owner: string;
  /** Epoch ms; after it the claim is free. */
  expiresAt: number;
}

export interface NextTask {
  /** Null when no task is ready and free. */
  task: Task | null;
  /** Why this one (or why none). */
  reason: string;
  /** Ready tasks nobody else holds, best first (the chosen one first). */
  candidates: string[];
}

/** What the run history knows about one task. */
export interface TaskInsight {
  taskId: string;
  title: string | null;
  inBacklog: boolean;
  runs: number;
  attempts: number;
  failedAttempts: number;
  successRate: number | null;
  /** Durations of successful runs (ms); null without one. */
  p50Ms: number | null;
  p95Ms: number | null;
  meanMs: number | null;
  /** Chance the next run succeeds (0..1), and how it was worked out. */
  successProbability: number;
  successExplanation: string;
  /** How long the next run should take (ms), when the history or the points say. */
  eta: { p50Ms: number; p80Ms: number; explanation: string } | null;
  lastRunAt: number | null;
  lastOutcome: string | null;
}

export interface TaskInsights {
  insight: TaskInsight | null;
  anomalies: AnomalyView[];
  claim: ClaimView | null;
}

export interface SprintForecastView {
  sprint: { name: string; start: number | null; end: number | null; capacity: number | null };
  scopePoints: number;
  donePoints: number;
  remainingPoints: number;
  remainingTasks: string[];
  status: 'ok' | 'not-enough-data';
  /** Days (YYYY-MM-DD) the remaining scope is done with 50% and 85% confidence. */
  p50Day: string | null;
  p85Day: string | null;
  probabilityByEnd: number | null;
  explanation: string;
}

export const agentMethods = {
  'claims:list': method<ClaimView[]>()(z.object({})),
  /** Takes (or renews) a claim; refused with `claimed`, naming the holder, while another owner holds the task. */
  'claims:claim': method<ClaimView>()(
    z.object({ taskId, owner: ownerNameSchema, session: claimSessionSchema, ttlSeconds: z.number().int().min(10).max(7 * 24 * 3600).optional() }),
  ),
  'claims:release': method<{ released: boolean }>()(z.object({ taskId, owner: ownerNameSchema, session: claimSessionSchema })),
  /** A progress report on a task, recorded like a command's `::progress` line. */
  'task:progress': method<{ recorded: true }>()(
    z.object({ taskId, by: ownerNameSchema, percent: z.number().min(0).max(100).optional(), message: oneLine(1000) }),
  ),
  /**
   * Done: written to the backlog as `taskdeck done` does, and recorded with who and the
   * notes; failed: only recorded. Refused while another session holds the task; lets go
   * of the caller's claim.
   */
  'task:complete': method<{ summary: string }>()(
    z.object({ taskId, by: ownerNameSchema, session: claimSessionSchema.optional(), outcome: z.enum(['done', 'failed']), notes: z.string().max(10_000).optional() }),
  ),
  /** The highest-priority ready task nobody holds (not human-required, blocked, skipped or in progress), and why. */
  'task:next': method<NextTask>()(z.object({})),
  /** One task's durations (p50/p95), success probability, ETA, anomalies and claim. */
  'task:insights': method<TaskInsights>()(z.object({ id: taskId })),
  'analytics:stats': method<{ tasks: TaskInsight[]; msPerPointP50: number | null }>()(z.object({})),
  'analytics:anomalies': method<AnomalyView[]>()(z.object({})),
  /** A sprint's forecast (default: the current one). */
  'analytics:forecast': method<SprintForecastView>()(z.object({ sprint: oneLine(200).optional(), seed: z.number().int().optional() })),
} as const;

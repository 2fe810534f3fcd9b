import { describe, expect, it } from 'vitest';
import { clusterJobDataSchema, clusterJobResultSchema, clusterProgressSchema, clusterTimings, commandSha256, jobIdFor } from './clusterJob';

const job = { taskId: 'B-1', commandSha256: commandSha256('node build.mjs'), runId: '20261130T080000Z-B-1-abcd', attempt: 1, timeoutMs: 60_000, graceMs: 2000, streamCapBytes: 1024, coordinator: 'laptop-123-abcd' };

describe('cluster jobs', () => {
  it('name the command by its sha256 only', () => {
    expect(commandSha256('echo hi')).toMatch(/^[0-9a-f]{64}$/);
    expect(commandSha256('echo hi')).not.toBe(commandSha256('echo hi '));
    expect(Object.values(job)).not.toContain('node build.mjs');
  });

  it('one job id per attempt, never with ":"', () => {
    expect(jobIdFor('run:1', 2)).toBe('run_1.a2');
    expect(jobIdFor('r', 1)).not.toBe(jobIdFor('r', 2));
  });

  it('refuse malformed or hostile job data', () => {
    expect(clusterJobDataSchema.safeParse(job).success).toBe(true);
    for (const bad of [
      { ...job, commandSha256: 'abc' },
      { ...job, runId: '../../etc' },
      { ...job, runId: 'a b' },
      { ...job, timeoutMs: -1 },
      { ...job, attempt: 0 },
      { ...job, taskId: '' },
      { ...job, coordinator: 'a:b' },
      { ...job, command: 'rm -rf /', commandSha256: undefined },
      null,
      'job',
    ]) expect(clusterJobDataSchema.safeParse(bad).success).toBe(false);
  });

  it('check what a worker sends back', () => {
    expect(clusterProgressSchema.safeParse({ kind: 'output', chunks: [{ stream: 'stdout', text: 'x' }] }).success).toBe(true);
    expect(clusterProgressSchema.safeParse({ kind: 'output', chunks: 'x' }).success).toBe(false);
    expect(clusterProgressSchema.safeParse({ kind: 'started', worker: '', pid: 1 }).success).toBe(false);
    expect(clusterJobResultSchema.safeParse({ kind: 'refused', worker: 'w', reason: 'no', code: 'untrusted' }).success).toBe(true);
    expect(clusterJobResultSchema.safeParse({ kind: 'refused', worker: 'w', reason: 'no', code: 'whatever' }).success).toBe(false);
    expect(clusterJobResultSchema.safeParse({ kind: 'ran', worker: 'w', result: { exitCode: 0 }, reported: null }).success).toBe(false);
  });

  it('stalled-check timings come from the environment, with sane floors', () => {
    expect(clusterTimings({})).toEqual({ lockDurationMs: 30_000, stalledIntervalMs: 30_000, coordinatorTtlMs: 30_000 });
    expect(clusterTimings({ TASKDECK_CLUSTER_LOCK_MS: '1000', TASKDECK_CLUSTER_STALLED_MS: '500', TASKDECK_CLUSTER_COORDINATOR_TTL_MS: '900' })).toEqual({ lockDurationMs: 1000, stalledIntervalMs: 500, coordinatorTtlMs: 900 });
    expect(clusterTimings({ TASKDECK_CLUSTER_LOCK_MS: '5', TASKDECK_CLUSTER_STALLED_MS: 'x' })).toEqual({ lockDurationMs: 30_000, stalledIntervalMs: 30_000, coordinatorTtlMs: 30_000 });
  });
});

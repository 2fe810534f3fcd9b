// The coordinator's side of the cluster: an AttemptRunner that queues each attempt as one
// BullMQ job and hears back from the worker that runs it (QueueEvents). runTask.ts records
// everything as for a local run; this only moves attempts and their output to and from
// workers. Faults it handles (docs/cluster.md): Redis lost mid-run (it pauses, says so,
// and on return checks every job it waits for, queueing again what Redis lost); a worker
// that dies mid-task (BullMQ's stalled check fails its job: the attempt is interrupted and
// runTask runs the task again, on whichever worker takes it).
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AttemptHooks, AttemptOutput, AttemptRequest, AttemptRunner } from '../engine/attemptRunner';
import type { LogWriter } from '../engine/logWriter';
import type { RunEvents } from '../engine/runEvents';
import { cancelChannel, clusterJobResultSchema, clusterProgressSchema, commandSha256, jobIdFor, parseJson, type ClusterJobData, type ClusterJobResult } from './clusterJob';
import { CoordinatorHeartbeat } from './coordinatorHeartbeat';
import { checkRedis, connectRedis, maskRedisUrl, maskSecrets } from './redisUrl';

export interface ClusterCoordinatorOptions {
  redisUrl: string;
  queue: string;
  events: RunEvents;
  /** Output a worker streams back per attempt at most. */
  streamCapBytes?: number;
}

/** Jobs not heard of for this long are looked up in Redis, in case an event was missed. */
const RECHECK_MS = 5000;
/** How long closing waits for Redis to take the last commands. */
const CLOSE_TIMEOUT_MS = 3000;
/** Refusals in a row, Redis connected, before queueing an attempt is given up. */
const MAX_ADD_REFUSALS = 20;

interface Pending {
  jobId: string;
  data: ClusterJobData;
  hooks: AttemptHooks;
  log: LogWriter;
  signal: AbortSignal;
  started: boolean;
  startedAt: number;
  heardAt: number;
  queuedAt: number;
  worker: string | null;
  settle(output: AttemptOutput | Error): void;
}

export class ClusterCoordinator {
  readonly runner: AttemptRunner;
  private readonly pending = new Map<string, Pending>();
  private connected = true;
  private waiters: (() => void)[] = [];
  private recheckTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly heartbeat: CoordinatorHeartbeat;

  private constructor(
    private readonly options: ClusterCoordinatorOptions,
    private readonly connection: Redis,
    private readonly queue: Queue<ClusterJobData, ClusterJobResult>,
    private readonly queueEvents: QueueEvents,
    private readonly eventsConnection: Redis,
  ) {
    this.runner = (request, hooks) => this.run(request, hooks);
    this.heartbeat = new CoordinatorHeartbeat(connection, options.queue);
  }

  /** Connects, or answers why not in one line (URL masked). */
  static async open(options: ClusterCoordinatorOptions): Promise<{ ok: true; value: ClusterCoordinator } | { ok: false; message: string }> {
    const problem = await checkRedis(options.redisUrl);
    if (problem) return { ok: false, message: problem };
    const connection = connectRedis(options.redisUrl);
    const queue = new Queue<ClusterJobData, ClusterJobResult>(options.queue, { connection, streams: { events: { maxLen: 100_000 } } });
    const eventsConnection = connectRedis(options.redisUrl);
    const queueEvents = new QueueEvents(options.queue, { connection: eventsConnection });
    const coordinator = new ClusterCoordinator(options, connection, queue, queueEvents, eventsConnection);
    try {
      await Promise.all([queue.waitUntilReady(), queueEvents.waitUntilReady()]);
    } catch (err) {
      await coordinator.close();
      return { ok: false, message: `cannot use Redis at ${maskRedisUrl(options.redisUrl)}: ${maskSecrets(err instanceof Error ? err.message : String(err), options.redisUrl)}` };
    }
    await coordinator.heartbeat.beat();
    coordinator.listen();
    const workers = await queue.getWorkers().catch(() => []);
    coordinator.status('connected', `cluster: queue "${options.queue}" on ${maskRedisUrl(options.redisUrl)}, ${workers.length} worker connection${workers.length === 1 ? '' : 's'} online${workers.length === 0 ? ' (tasks wait until a worker starts)' : ''}`);
    return { ok: true, value: coordinator };
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.recheckTimer) clearInterval(this.recheckTimer);
    for (const p of [...this.pending.values()]) p.settle(new Error('the cluster coordinator closed'));
    // With Redis gone these would wait for it for ever: the run is over, so they get a bound.
    await within(CLOSE_TIMEOUT_MS, Promise.allSettled([this.heartbeat.stop(), this.queueEvents.close(), this.queue.close()]));
    // Connections passed in are ours to end: BullMQ leaves shared ones open.
    this.connection.disconnect();
    this.eventsConnection.disconnect();
  }

  private lastStatus: { state: 'connected' | 'lost' | 'back'; message: string } | null = null;

  private status(state: 'connected' | 'lost' | 'back', message: string): void {
    this.lastStatus = { state, message };
    this.options.events.emit({ type: 'cluster', state, message });
  }

  /** Tells the events' listeners the connection's state again (for listeners that joined after open). */
  announce(): void {
    if (this.lastStatus) this.options.events.emit({ type: 'cluster', ...this.lastStatus });
  }

  private listen(): void {
    const url = this.options.redisUrl;
    const onLost = (reason: string): void => {
      if (!this.connected || this.closing) return;
      this.connected = false;
      this.status('lost', `cluster: Redis at ${maskRedisUrl(url)} lost (${maskSecrets(reason, url)}); paused: nothing new is queued until it is back`);
    };
    this.connection.on('error', (err: Error) => onLost(err.message));
    this.connection.on('close', () => onLost('connection closed'));
    this.connection.on('ready', () => {
      if (this.connected) return;
      this.connected = true;
      this.status('back', `cluster: Redis at ${maskRedisUrl(url)} is back; resuming`);
      // The key first: a Redis that restarted empty lost it, and workers would refuse our jobs.
      void this.heartbeat.beat().then(() => {
        for (const wake of this.waiters.splice(0)) wake();
        return this.recheck(0);
      });
    });
    // Queue and QueueEvents reconnect by themselves (without a listener BullMQ would print
    // every failed reconnect); the loss is reported once, above.
    this.queueEvents.on('error', () => undefined);
    this.queue.on('error', () => undefined);
    this.queueEvents.on('progress', ({ jobId, data }) => this.onProgress(jobId, data));
    this.queueEvents.on('completed', ({ jobId, returnvalue }) => this.onCompleted(jobId, returnvalue as unknown));
    this.queueEvents.on('failed', ({ jobId, failedReason }) => this.onFailed(jobId, failedReason));
    this.queueEvents.on('stalled', ({ jobId }) => this.onFailed(jobId, 'job stalled'));
    this.recheckTimer = setInterval(() => void this.recheck(RECHECK_MS), RECHECK_MS);
    this.recheckTimer.unref();
    this.heartbeat.start();
  }

  private run(request: AttemptRequest, hooks: AttemptHooks): Promise<AttemptOutput> {
    const data: ClusterJobData = {
      taskId: request.task.id,
      commandSha256: commandSha256(request.command),
      runId: request.runId,
      attempt: request.attempt,
      timeoutMs: request.timeoutMs,
      graceMs: request.graceMs,
      streamCapBytes: this.options.streamCapBytes ?? 50 * 1024 * 1024,
      coordinator: this.heartbeat.id,
    };
    const jobId = jobIdFor(request.runId, request.attempt);
    return new Promise<AttemptOutput>((resolve, reject) => {
      const onAbort = (): void => {
        const p = this.pending.get(jobId);
        if (!p) return;
        if (p.started && this.connected) {
          // The worker stops it (TERM, then KILL after the grace) and returns the result.
          void this.connection.publish(cancelChannel(this.options.queue), jobId).catch(() => undefined);
          return;
        }
        if (p.started) {
          // No way to reach its worker now; waiting for Redis would keep Ctrl-C from working.
          this.interrupt(p, `cancelled while Redis was unreachable: worker ${p.worker ?? '?'} may still be running it`);
          return;
        }
        void this.queue.remove(jobId).catch(() => 0);
        p.settle({ kind: 'interrupted', reason: 'cancelled before a worker took it', durationMs: 0 });
      };
      const pending: Pending = {
        jobId,
        data,
        hooks,
        log: request.log,
        signal: request.signal,
        started: false,
        startedAt: 0,
        heardAt: Date.now(),
        queuedAt: Date.now(),
        worker: null,
        settle: (output) => {
          if (this.pending.get(jobId) !== pending) return;
          this.pending.delete(jobId);
          request.signal.removeEventListener('abort', onAbort);
          if (output instanceof Error) reject(output);
          else resolve(output);
        },
      };
      this.pending.set(jobId, pending);
      request.signal.addEventListener('abort', onAbort, { once: true });
      if (request.signal.aborted) onAbort();
      else void this.enqueue(pending);
    });
  }

  /** Adds the job, waiting through a Redis outage; the same id twice is one job. */
  private async enqueue(p: Pending): Promise<void> {
    let refusals = 0;
    while (this.pending.get(p.jobId) === p) {
      if (!this.connected) await new Promise<void>((wake) => this.waiters.push(wake));
      try {
        await this.queue.add('run', p.data, { jobId: p.jobId, attempts: 1, removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 24 * 3600, count: 10_000 } });
        p.heardAt = Date.now();
        return;
      } catch (err) {
        // Through an outage, wait; a Redis that answers but keeps refusing (out of memory,
        // read-only replica) ends the attempt rather than retrying it for ever.
        if (this.connected && ++refusals >= MAX_ADD_REFUSALS) {
          this.interrupt(p, `Redis refused the job: ${maskSecrets(err instanceof Error ? err.message : String(err), this.options.redisUrl)}`);
          return;
        }
        await new Promise((wake) => setTimeout(wake, 250));
      }
    }
  }

  private begin(p: Pending, worker: string, pid: number | null, reportedAgoMs = 0): boolean {
    if (p.started) return true;
    // Never before the job was queued, whatever the worker says.
    const startedAgoMs = Math.max(0, Math.min(reportedAgoMs, Date.now() - p.queuedAt));
    p.started = true;
    p.startedAt = Date.now() - startedAgoMs;
    p.worker = worker;
    try {
      p.hooks.onStarted({ pgid: null, worker, workerPid: pid, startedAgoMs });
      return true;
    } catch (err) {
      // The record could not be written: never leave a task running that nothing records.
      void this.connection.publish(cancelChannel(this.options.queue), p.jobId).catch(() => undefined);
      p.settle(err instanceof Error ? err : new Error(String(err)));
      return false;
    }
  }

  private onProgress(jobId: string, raw: unknown): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    p.heardAt = Date.now();
    const parsed = clusterProgressSchema.safeParse(raw);
    if (!parsed.success) return; // Not ours to trust; a lost line of output at worst.
    const message = parsed.data;
    if (message.kind === 'started') {
      this.begin(p, message.worker, message.pid);
      return;
    }
    if (!this.begin(p, p.worker ?? 'unknown', null)) return;
    if (message.kind === 'output') {
      for (const chunk of message.chunks) {
        p.log.write(chunk.text);
        p.hooks.onOutput(chunk.stream, chunk.text);
      }
    } else if (message.kind === 'progress') {
      p.hooks.onProgress(message.percent, message.message);
    }
  }

  private onCompleted(jobId: string, raw: unknown): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    const parsed = clusterJobResultSchema.safeParse(typeof raw === 'string' ? parseJson(raw) : raw);
    if (!parsed.success) {
      this.interrupt(p, 'its worker returned a malformed result');
      return;
    }
    const value = parsed.data;
    if (value.kind === 'refused') {
      if (value.code === 'coordinator-gone') {
        // We are alive: our key had lapsed (Redis restarted empty, or a long outage). Renew, run again.
        void this.heartbeat.beat();
        this.interrupt(p, `worker ${value.worker} did not see this coordinator's heartbeat in Redis`);
        return;
      }
      p.settle({ kind: 'refused', worker: value.worker, reason: value.reason, category: value.code === 'untrusted' ? 'permission' : 'validation' });
      return;
    }
    // A short task's start comes with its result (the worker announces only longer ones).
    if (!this.begin(p, value.worker, value.result.pid, value.result.durationMs)) return;
    if (value.result.cancelled && !p.signal.aborted) {
      // Nobody here cancelled it: its worker was shut down (SIGTERM) mid-task. Run it again elsewhere.
      this.interrupt(p, `worker ${value.worker} shut down mid-task`);
      return;
    }
    p.settle({ kind: 'ran', result: value.result, reported: value.reported });
  }

  private onFailed(jobId: string, reason: string): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    const who = p.worker ? `worker ${p.worker}` : 'its worker';
    this.interrupt(p, /stall/i.test(reason) ? `${who} stopped answering (killed, or cut off from Redis); BullMQ's stalled check gave the job up` : `${who} failed the job: ${reason}`);
  }

  private interrupt(p: Pending, reason: string): void {
    p.settle({ kind: 'interrupted', reason, durationMs: p.started ? Date.now() - p.startedAt : 0 });
  }

  /** Looks up jobs not heard of for `quietMs` (all of them after a reconnect). */
  private async recheck(quietMs: number): Promise<void> {
    if (!this.connected) return;
    const now = Date.now();
    for (const p of [...this.pending.values()]) {
      if (now - p.heardAt < quietMs) continue;
      let state: string;
      let job;
      try {
        job = await this.queue.getJob(p.jobId);
        state = job ? await job.getState() : 'missing';
      } catch {
        return; // Lost again: the next reconnect checks again.
      }
      if (this.pending.get(p.jobId) !== p) continue;
      p.heardAt = Date.now();
      if (state === 'completed' && job) this.onCompleted(p.jobId, job.returnvalue);
      else if (state === 'failed' && job) this.onFailed(p.jobId, job.failedReason ?? 'failed');
      else if (state === 'missing' || state === 'unknown') {
        if (p.started) this.interrupt(p, `Redis lost the job while ${p.worker ? `worker ${p.worker}` : 'a worker'} ran it (restarted without its data?)`);
        else void this.enqueue(p);
      }
    }
  }
}

async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

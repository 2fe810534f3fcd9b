// `taskdeck worker`: takes this project's jobs from the BullMQ queue and runs each with the
// same startTaskProcess a local run uses (process group, timeout killing the tree,
// ::progress/::error, resource sampling). It writes nothing to the project's record: it
// streams the attempt's start, output and progress back and returns its result; the
// coordinator records it (docs/cluster.md).
import { hostname } from 'node:os';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { startTaskProcess, type TaskProcess } from '../engine/taskProcess';
import type { OutputStream } from '../engine/spawnCommand';
import { cancelChannel, clusterJobDataSchema, clusterTimings, coordinatorKey, type ClusterJobData, type ClusterJobResult, type ClusterProgress } from './clusterJob';
import { connectRedis, maskRedisUrl, maskSecrets } from './redisUrl';
import { WorkerCheckout } from './workerCheckout';

export interface ClusterWorkerOptions {
  redisUrl: string;
  queue: string;
  projectDir: string;
  concurrency: number;
  name?: string;
  env?: NodeJS.ProcessEnv;
  /** One line per job and per connection change; secrets already masked. */
  log: (line: string) => void;
}

/** Output is sent back in batches: at most this often, or sooner when this many bytes wait. */
const OUTPUT_FLUSH_MS = 100;
const OUTPUT_FLUSH_BYTES = 64 * 1024;
/**
 * A task that ends (silently) within this long is announced by its result alone: one Redis
 * round trip and one event fewer per short task. Output or progress announces it at once.
 */
const ANNOUNCE_AFTER_MS = 50;
/** How long a stopping worker waits for BullMQ to hand over the cancelled tasks' results. */
const CLOSE_TIMEOUT_MS = 10_000;

export class ClusterWorker {
  readonly name: string;
  private readonly running = new Map<string, TaskProcess>();
  private worker: Worker | null = null;
  private subscriber: Redis | null = null;
  private connection: Redis | null = null;
  private closing = false;

  constructor(
    private readonly options: ClusterWorkerOptions,
    private readonly checkout = new WorkerCheckout(options.projectDir, options.env),
  ) {
    // The default keeps to the characters --name allows (a host name may hold others).
    this.name = options.name ?? `${hostname().replace(/[^A-Za-z0-9_.@-]/g, '_')}-${process.pid}`;
  }

  /** Reads this machine's checkout once: a worker pointed at no project fails at start. */
  checkoutReady(): ReturnType<WorkerCheckout['open']> {
    return this.checkout.open();
  }

  async start(): Promise<void> {
    const { redisUrl, queue, log } = this.options;
    const timings = clusterTimings(this.options.env);
    this.subscriber = connectRedis(redisUrl);
    this.subscriber.on('error', () => {
      // Reconnects by itself; the worker's own connection reports the loss once.
    });
    await this.subscriber.subscribe(cancelChannel(queue));
    this.subscriber.on('message', (_channel: string, jobId: string) => {
      const attempt = this.running.get(jobId);
      if (attempt) {
        log(`cancel  ${jobId} (asked by the coordinator)`);
        attempt.cancel();
      }
    });
    const connection = connectRedis(redisUrl);
    this.connection = connection;
    let lost = false;
    connection.on('error', (err: Error) => {
      if (lost || this.closing) return;
      lost = true;
      log(`Redis at ${maskRedisUrl(redisUrl)} lost (${maskSecrets(err.message, redisUrl)}); reconnecting`);
    });
    connection.on('ready', () => {
      if (!lost) return;
      lost = false;
      log(`Redis at ${maskRedisUrl(redisUrl)} is back`);
    });
    this.worker = new Worker<ClusterJobData, ClusterJobResult>(queue, (job) => this.process(job), {
      connection,
      name: this.name,
      concurrency: this.options.concurrency,
      // Taskdeck decides retries: a job is one attempt, and a stalled one (its worker died)
      // fails at once so that the coordinator records it interrupted and queues it again.
      maxStalledCount: 0,
      lockDuration: timings.lockDurationMs,
      stalledInterval: timings.stalledIntervalMs,
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600, count: 10_000 },
    });
    this.worker.on('error', (err) => {
      if (!lost) log(`worker error: ${maskSecrets(err.message, redisUrl)}`);
    });
    await this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const attempt of this.running.values()) attempt.cancel();
    // The cancelled tasks end within their grace period, and BullMQ's close hands their
    // results over. With Redis gone it would wait for ever: a stopping worker gives up.
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
    });
    await Promise.race([this.worker?.close().catch(() => undefined), bounded]);
    clearTimeout(timer);
    // Connections passed in are ours to end: BullMQ leaves shared ones open.
    this.connection?.disconnect();
    this.subscriber?.disconnect();
  }

  private async coordinatorAlive(coordinator: string): Promise<boolean> {
    try {
      return (await this.connection!.exists(coordinatorKey(this.options.queue, coordinator))) === 1;
    } catch {
      // Cannot tell (Redis flapping): run it; the coordinator records or re-queues.
      return true;
    }
  }

  private async process(job: Job<ClusterJobData, ClusterJobResult>): Promise<ClusterJobResult> {
    const parsed = clusterJobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      const reason = `malformed job: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ')}`;
      this.options.log(`refuse  job ${String(job.id)}: ${reason}`);
      return { kind: 'refused', worker: this.name, reason, code: 'malformed' };
    }
    const data = parsed.data;
    if (!(await this.coordinatorAlive(data.coordinator))) {
      const reason = `its coordinator (${data.coordinator}) is gone: nobody would record the run`;
      this.options.log(`refuse  ${data.taskId} (${String(job.id)}): ${reason}`);
      return { kind: 'refused', worker: this.name, reason, code: 'coordinator-gone' };
    }
    const answer = await this.checkout.resolve(data.taskId, data.commandSha256);
    if (!answer.ok) {
      this.options.log(`refuse  ${data.taskId} (${job.id}): ${answer.reason}`);
      return { kind: 'refused', worker: this.name, reason: answer.reason, code: answer.code };
    }
    // Progress messages go out one after another, in order; a lost one (Redis down) is
    // only a lost line of output, never the result.
    let sending: Promise<unknown> = Promise.resolve();
    const send = (message: ClusterProgress): void => {
      sending = sending.then(() => job.updateProgress(message)).catch(() => undefined);
    };
    let pending: { stream: OutputStream; text: string }[] = [];
    let pendingBytes = 0;
    let streamed = 0;
    let timer: NodeJS.Timeout | null = null;
    const flush = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending.length === 0) return;
      send({ kind: 'output', chunks: pending });
      pending = [];
      pendingBytes = 0;
    };
    let announce = (): void => undefined;
    const onOutput = (stream: OutputStream, text: string): void => {
      announce();
      if (streamed >= data.streamCapBytes) return;
      const piece = text.length + streamed > data.streamCapBytes ? text.slice(0, data.streamCapBytes - streamed) : text;
      streamed += piece.length;
      pending.push({ stream, text: piece });
      pendingBytes += piece.length;
      if (pendingBytes >= OUTPUT_FLUSH_BYTES) flush();
      else timer ??= setTimeout(flush, OUTPUT_FLUSH_MS);
    };
    const running = startTaskProcess({
      task: answer.task,
      command: answer.command,
      runId: data.runId,
      attempt: data.attempt,
      projectDir: this.checkout.projectDir,
      timeoutMs: data.timeoutMs,
      graceMs: data.graceMs,
      log: null,
      onOutput,
      onProgress: (percent, message) => {
        announce();
        flush();
        send({ kind: 'progress', percent, message });
      },
    });
    const jobId = String(job.id);
    this.running.set(jobId, running);
    let announced = false;
    announce = () => {
      if (announced) return;
      announced = true;
      clearTimeout(announceTimer);
      send({ kind: 'started', worker: this.name, pid: running.pid });
    };
    const announceTimer = setTimeout(announce, ANNOUNCE_AFTER_MS);
    try {
      const { result, reported } = await running.outcome;
      clearTimeout(announceTimer);
      flush();
      await sending;
      this.options.log(`${result.timedOut ? 'timeout' : result.cancelled ? 'cancel ' : result.exitCode === 0 ? 'ok     ' : 'failed '} ${data.taskId} attempt ${data.attempt} (${result.durationMs} ms)`);
      return { kind: 'ran', worker: this.name, result, reported };
    } finally {
      this.running.delete(jobId);
    }
  }
}

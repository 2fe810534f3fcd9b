// The toolkit guide's commands and analytics on a real project: real tasks run by the
// engine through the built CLI (memory, disk writes, failures with retries), then status's
// toolkit summary, stats' retries / slow / high-retry / resources / correlations / risk,
// `check` for CI and `auto`'s alert line, all checked against the run record itself.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './engineCli';
import type { CliJson as Json } from './cliJson';

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;

const node = (code: string) => `node -e "${code}"`;
const BACKLOG = `# Backlog

| ID | Title | P | Points | Status | Outcome | Tech | Dependencies |
|----|-------|---|--------|--------|---------|------|--------------|
| T-1 | Memory hog | 🔥 | 5 | todo | x | y | None |
<!-- run: ${node("const b=Buffer.alloc(80e6,1); setTimeout(()=>console.log(b.length),700)")} -->
| T-2 | Disk writer | ⚡ | 3 | todo | x | y | T-1 |
<!-- run: ${node("const fs=require('fs'); fs.writeFileSync('out.bin', Buffer.alloc(6e6,2)); fs.fsyncSync(fs.openSync('out.bin','r+')); setTimeout(()=>{},400)")} -->
| T-3 | Always fails | ⭐ | 2 | todo | x | y | None |
<!-- run: ${node("setTimeout(()=>{console.error('validation failed: bad input'); process.exit(3)},300)")} -->
| T-4 | Quick | 🔧 | 1 | todo | x | y | T-1, T-2 |
<!-- run: ${node("setTimeout(()=>{},150)")} -->
| T-5 | Bigger quick | ⭐ | 8 | todo | x | y | T-4 |
<!-- run: ${node("setTimeout(()=>{},250)")} -->
`;

function config(extra: Record<string, unknown>): void {
  writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ retry: { validation: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }, ...extra }, null, 2));
}

async function cli(args: string[], expectCode = 0): Promise<string> {
  const r = await runCli([...args, '--project', dir], env);
  if (r.code !== expectCode) throw new Error(`taskdeck ${args.join(' ')} exited ${r.code}: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

function record<T>(sql: string): T[] {
  const db = new Database(join(dir, '.taskdeck', 'task_execution.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'taskdeck-insights-'));
  dir = join(root, 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, 'backlog.md'), BACKLOG);
  config({ writeBack: 'none' });
  env = { ...process.env, TASKDECK_CONFIG_DIR: join(root, 'config'), NO_COLOR: '1' };
  await cli(['trust']);
  for (let round = 0; round < 2; round++) {
    for (const id of ['T-1', 'T-2', 'T-3', 'T-4', 'T-5']) await cli(['execute', id], id === 'T-3' ? 1 : 0);
  }
}, 180_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('status in the toolkit\'s words', () => {
  it('starts with Execution Status, Status breakdown and Recent executions, then today\'s table; --json has the same facts', async () => {
    const text = await cli(['status']);
    const json: Json = JSON.parse(await cli(['status', '--json']));
    expect(text.startsWith('Execution Status:\n  Total tasks: 5\n  Pending tasks: 0\n\nStatus breakdown:\n  completed: 4\n  pending: 0\n  failed: 1\n\nRecent executions:\n')).toBe(true);
    expect(text).toMatch(/\nID +STATUS +RETRIES +LAST/);
    expect(json).toMatchObject({ total_tasks: 5, pending_tasks: 0, status_breakdown: { completed: 4, pending: 0, failed: 1 } });
    expect(json.success_rate).toBe(json.statistics.successRate);
    // The newest execution first, each at its end, in whole UTC seconds, as the states say.
    const states = new Map<string, Json>(json.tasks.map((t: Json) => [t.taskId, t]));
    const expected = [...states.values()].sort((a, b) => b.completedAt.localeCompare(a.completedAt))
      .map((s) => ({ task_id: s.taskId, status: s.status === 'succeeded' ? 'completed' : s.status, timestamp: s.completedAt.slice(0, 19) }));
    expect(json.recent_executions).toEqual(expected);
    expect(json.recent_executions[0]).toEqual({ task_id: 'T-5', status: 'completed', timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/) });
    for (const r of json.recent_executions) expect(text).toContain(`  ${r.task_id}: ${r.status} (${r.timestamp})\n`);
  });
});

describe('stats: retries, errors, slow and high-retry tasks, resources, correlations, risk', () => {
  it('total retries is the record\'s count of attempts after the first of their run; the error headline names the category and recovery rate', async () => {
    const [{ n }] = record<{ n: number }>('SELECT count(*) AS n FROM run_attempts WHERE attempt > 1 AND outcome IS NOT NULL');
    expect(n).toBe(4); // T-3: 2 runs × 2 retries
    const json: Json = JSON.parse(await cli(['stats', '--json']));
    expect(json.total_retries).toBe(n);
    expect(json.insights.totalRetries).toBe(n);
    expect(json.errors.mostCommon).toEqual({ category: 'validation', errors: 6, of: 6 });
    expect(json.errors.recovery).toEqual({ successes: 0, of: 0, rate: null });
    const text = await cli(['stats']);
    expect(text).toContain(`Total retries: ${n}\n`);
    expect(text).toContain('Error statistics: most common category validation (6 of 6 errors); recovery success rate – (no recovery action tried)');
  });

  it('--slow and --retries list the tasks over the thresholds; taskdeck.json sets the defaults; the guide\'s 300 s and 3 by default', async () => {
    const byDefault: Json = JSON.parse(await cli(['stats', '--json']));
    expect(byDefault.insights.thresholds).toEqual({ slowSeconds: 300, highRetries: 3 });
    expect([byDefault.insights.slowTasks, byDefault.insights.highRetryTasks]).toEqual([[], [{ taskId: 'T-3', retries: 4 }]]);
    // T-1 sleeps 0.7 s and T-2 0.4 s (after writing 6 MB) once Node started; T-4 and T-5 less.
    // The threshold lies between, from the measured means (no assumption about the machine's speed).
    const means = new Map<string, number>(byDefault.analytics.tasks.map((t: Json) => [t.taskId, t.durations.mean]));
    const slowest = Math.min(means.get('T-1') as number, means.get('T-2') as number);
    const quick = Math.max(means.get('T-4') as number, means.get('T-5') as number);
    expect(slowest).toBeGreaterThan(quick);
    const threshold = (slowest + quick) / 2000;
    const flags: Json = JSON.parse(await cli(['stats', '--json', '--slow', String(threshold), '--retries', '4']));
    expect(flags.insights.slowTasks.map((t: Json) => t.taskId).sort()).toEqual(['T-1', 'T-2']);
    // Slowest first, each with its mean.
    expect(flags.insights.slowTasks.map((t: Json) => t.averageMs)).toEqual(['T-1', 'T-2'].map((id) => means.get(id)).sort((a, b) => (b as number) - (a as number)));
    expect(flags.insights.highRetryTasks).toEqual([]);
    const text = await cli(['stats', '--slow', String(threshold), '--retries', '1']);
    expect(text).toContain(`Slow tasks (average successful run over ${threshold} s):\n`);
    for (const id of ['T-1', 'T-2']) expect(text).toMatch(new RegExp(`\\n  ${id}  average .* over 2 successful runs\\n`));
    expect(text).toContain('High-retry tasks (more than 1 retry):\n  T-3  4 retries');
    config({ writeBack: 'none', insights: { slowSeconds: threshold, highRetries: 10 } });
    const fromConfig: Json = JSON.parse(await cli(['stats', '--json']));
    expect(fromConfig.insights.thresholds).toEqual({ slowSeconds: threshold, highRetries: 10 });
    expect(fromConfig.insights.slowTasks.map((t: Json) => t.taskId).sort()).toEqual(['T-1', 'T-2']);
    // The command line wins over the file.
    expect(JSON.parse(await cli(['stats', '--json', '--retries', '0'])).insights.highRetryTasks).toEqual([{ taskId: 'T-3', retries: 4 }]);
    config({ writeBack: 'none' });
    const bad = await runCli(['stats', '--slow', 'soon', '--project', dir], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--slow must be a number > 0, got "soon"')]);
  });

  it('resources: p50/p95 of the peak memory the engine sampled, bytes written from /proc/<pid>/io, a trend and the next run\'s need', async () => {
    const json: Json = JSON.parse(await cli(['stats', '--json']));
    const res = new Map<string, Json>(json.insights.resources.map((r: Json) => [r.taskId, r]));
    const t1 = res.get('T-1');
    const rss = record<{ v: number }>("SELECT peak_rss_kb AS v FROM run_attempts WHERE task_id = 'T-1' ORDER BY peak_rss_kb").map((r) => r.v);
    expect(t1.peakRssKb.n).toBe(2);
    expect(t1.peakRssKb.p50).toBeCloseTo((rss[0]! + rss[1]!) / 2, 6);
    expect(t1.peakRssKb.p95).toBeCloseTo(rss[0]! + 0.95 * (rss[1]! - rss[0]!), 6);
    // An 80 MB buffer: the peak is over 80 MB (78,125 kB).
    expect(t1.peakRssKb.p50).toBeGreaterThan(78_125);
    expect(t1.peakRssKb.predictedNext).toBeGreaterThanOrEqual(t1.peakRssKb.p95);
    if (existsSync('/proc/self/io')) {
      const written = record<{ v: number | null }>("SELECT io_write_bytes AS v FROM run_attempts WHERE task_id = 'T-2'").map((r) => r.v);
      expect(written.every((v) => v !== null && v >= 6e6)).toBe(true);
      expect(res.get('T-2').ioWriteBytes.p50).toBeGreaterThanOrEqual(6e6);
    }
    const text = await cli(['stats']);
    expect(text).toMatch(/Resources per task \(peak memory, CPU time, bytes read and written\):\n  T-1\n    peak memory: p50 \d+\.\d MiB · p95 \d+\.\d MiB · (stable|rising|falling|not enough data) · next run \d+\.\d MiB \(2 measured\)\n    CPU time: +p50/);
  });

  it('correlations: the toolkit\'s three, each with n and a reading; risk for the one open task, with why', async () => {
    const json: Json = JSON.parse(await cli(['stats', '--json']));
    const c = json.insights.correlations;
    expect(Object.keys(c)).toEqual(['priority_vs_success', 'complexity_vs_time', 'dependencies_vs_retries']);
    expect(c.priority_vs_success.correlation).toMatchObject({ status: 'ok', n: 5 });
    // 4 tasks succeed, T-3 (medium) fails: too weak a link for a direction.
    expect(c.complexity_vs_time.correlation.n).toBe(4);
    expect(c.dependencies_vs_retries.correlation).toMatchObject({ status: 'ok', n: 5 });
    // Only T-3 has retries, and it has no dependencies.
    expect(c.dependencies_vs_retries.reading).toMatch(/^(weak|moderate|strong): tasks with more dependencies are retried less \(Spearman -0\.\d\d, n = 5\)$/);
    expect(json.insights.risk.map((r: Json) => r.taskId)).toEqual(['T-3']);
    const t3 = json.analytics.tasks.find((t: Json) => t.taskId === 'T-3');
    expect(json.insights.risk[0].failureChance).toBeCloseTo(1 - t3.prediction.probability, 12);
    expect(json.insights.risk[0].expectedRetries).toBe(2);
    // stats --task: the same resources and risk for one task.
    const one: Json = JSON.parse(await cli(['stats', '--task', 'T-3', '--json']));
    expect(one.risk).toEqual(json.insights.risk[0]);
    expect(one.resources).toEqual(json.insights.resources.find((r: Json) => r.taskId === 'T-3'));
    // (A process shorter than one 100 ms sample is not measured: T-3 may have no resources.)
    const detail = await cli(['stats', '--task', 'T-3']);
    expect(detail).toMatch(/\nrisk: (high|medium|low), [\d.]+% chance of failure, 2\.0 retries expected; why: next run succeeds/);
    if (one.resources) expect(detail).toMatch(/\npeak memory: (p50 .* measured\)|not measured)\nCPU time: (p50 .* measured\)|not measured)\n/);
    else expect(detail).not.toContain('peak memory');
    const text = await cli(['stats']);
    expect(text).toContain(`  dependencies_vs_retries: ${c.dependencies_vs_retries.reading}`);
    expect(text).toMatch(/Risk per open task \(riskiest first\):\n  T-3  (high|medium|low) risk: [\d.]+% chance of failure, 2\.0 retries expected\n    why: next run succeeds \d+%: .*; 2\.0 retries per run in its 2 runs/);
  });
});

describe('threshold alerts', () => {
  it('check exits 0 without rules or breaches, and 1 listing each breach; auto prints the alert line', async () => {
    expect(await cli(['check'])).toContain('No alert rules');
    // A failure rate needs 3 runs, or lastRuns when fewer: T-3 has 2.
    config({ writeBack: 'none', alerts: { failureRate: { limit: 0.5, lastRuns: 5 }, flaky: true, slowerThanP95: 50 } });
    expect(await cli(['check'])).toBe('OK: no alert rule breached.\n');
    config({ writeBack: 'none', alerts: { failureRate: { limit: 0.5, lastRuns: 2 }, flaky: true, slowerThanP95: 50 } });
    const breached = await cli(['check'], 1);
    expect(breached).toBe('1 alert rule breach:\n  alert (failure-rate): T-3: 2 of its last 2 runs failed (100%, the limit is 50%)\n');
    const json: Json = JSON.parse(await cli(['check', '--json'], 1));
    expect(json).toMatchObject({ breached: true, alerts: [{ rule: 'failure-rate', taskId: 'T-3' }] });
    // The HTML report lists the same breach, in the same words.
    await cli(['report', '--html', join(root, 'report.html')]);
    expect(readFileSync(join(root, 'report.html'), 'utf8')).toContain('<li><span class="warning">failure-rate</span>: T-3: 2 of its last 2 runs failed (100%, the limit is 50%)</li>');
    // A task no longer in the backlog (renamed or deleted) keeps its history but raises no alert.
    writeFileSync(join(dir, 'backlog.md'), BACKLOG.replace(/\| T-3 .*\n.*\n/, ''));
    expect(await cli(['check'])).toBe('OK: no alert rule breached.\n');
    writeFileSync(join(dir, 'backlog.md'), BACKLOG);
    // A limit it stays under: no breach.
    config({ writeBack: 'none', alerts: { failureRate: { limit: 1, lastRuns: 2 } } });
    expect(await cli(['check'])).toBe('OK: no alert rule breached.\n');
    // auto runs the ready tasks (T-3 is not done) and ends with the alert line.
    config({ writeBack: 'none', alerts: { failureRate: { limit: 0.5, lastRuns: 5 } }, retry: { validation: { maxRetries: 0 } } });
    const auto = await cli(['auto', '--max-tasks', '1'], 1);
    expect(auto).toMatch(/alert \(failure-rate\): T-3: 3 of its last 3 runs failed \(100%, the limit is 50%\)\n/);
    // A bad rule is an error that names the field, exit 2: nothing was checked (not "breached").
    config({ alerts: { failureRate: { limit: 2, lastRuns: 5 } } });
    const bad = await runCli(['check', '--project', dir], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('alerts.failureRate.limit');
    expect(readFileSync(join(dir, 'taskdeck.json'), 'utf8')).toContain('"limit": 2');
  });
});

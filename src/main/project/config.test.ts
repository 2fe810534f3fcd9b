import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config';

const dirs: string[] = [];
async function project(config?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'taskdeck-config-'));
  dirs.push(dir);
  if (config !== undefined) await writeFile(join(dir, 'taskdeck.json'), config);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadConfig', () => {
  it('gives the defaults when the project has no taskdeck.json', async () => {
    const r = await loadConfig(await project());
    expect(r).toEqual({
      ok: true,
      value: { path: null, backlog: null, sprints: [], executors: {}, defaultExecutor: null, writeBack: 'done', retry: {} },
    });
  });

  it('reads every field and normalises absent ones to null', async () => {
    const dir = await project(
      JSON.stringify({
        backlog: 'docs/plan.md',
        sprints: [{ name: '2026-S48', start: '2026-11-23', end: '2026-12-06', capacity: 20 }, { name: 'Later' }],
        executors: { 'node-script': { command: 'node scripts/run.mjs', timeout: 30 }, sh: { command: 'sh -c' } },
        defaultExecutor: 'node-script',
        writeBack: 'none',
        retry: { network: { maxRetries: 5, baseDelayMs: 100 } },
        somethingElse: true,
      }),
    );
    const r = await loadConfig(dir);
    expect(r.ok && r.value).toEqual({
      path: join(dir, 'taskdeck.json'),
      backlog: 'docs/plan.md',
      sprints: [
        { name: '2026-S48', start: '2026-11-23', end: '2026-12-06', capacity: 20 },
        { name: 'Later', start: null, end: null, capacity: null },
      ],
      executors: { 'node-script': { command: 'node scripts/run.mjs', timeout: 30 }, sh: { command: 'sh -c', timeout: null } },
      defaultExecutor: 'node-script',
      writeBack: 'none',
      retry: { network: { maxRetries: 5, baseDelayMs: 100 } },
    });
  });

  it('names the file and the field of a bad value', async () => {
    const dir = await project(JSON.stringify({ sprints: [{ name: 'S1' }, { name: 'S2', capacity: 'lots' }] }));
    const r = await loadConfig(dir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('config-invalid');
    expect(r.error.message).toContain(join(dir, 'taskdeck.json'));
    expect(r.error.message).toContain('sprints[1].capacity');
  });

  it('rejects JSON that does not parse, naming the file', async () => {
    const dir = await project('{ "backlog": ');
    const r = await loadConfig(dir);
    expect(!r.ok && r.error.code).toBe('config-not-json');
    expect(!r.ok && r.error.message).toContain('taskdeck.json is not valid JSON');
  });
});

describe('parseConfig rules', () => {
  const bad = async (json: unknown) => {
    const r = await parseConfig(JSON.stringify(json), 'taskdeck.json');
    return r.ok ? '' : r.error.message;
  };
  it('checks dates, their order, duplicate sprints, the default executor and writeBack', async () => {
    expect(await bad({ sprints: [{ name: 'S', start: '2026-13-01' }] })).toContain('sprints[0].start');
    expect(await bad({ sprints: [{ name: 'S', start: '2026-12-01', end: '2026-11-01' }] })).toContain('sprints[0].end: end is before start');
    expect(await bad({ sprints: [{ name: 'S' }, { name: 'S' }] })).toContain('sprints[1].name: "S" is defined twice');
    expect(await bad({ defaultExecutor: 'x' })).toContain('defaultExecutor: names "x"');
    expect(await bad({ writeBack: 'always' })).toContain('writeBack');
    expect(await bad({ executors: { a: { command: 'x', timout: 3 } } })).toContain('executors.a');
    expect(await bad({ retry: { netwrk: { maxRetries: 1 } } })).toContain('retry.netwrk');
    expect(await bad({ retry: { network: { jitter: 2 } } })).toContain('retry.network.jitter');
    expect(await bad({ retry: { network: { jitter: 0.3, timeoutMultiplier: 2 } } })).toBe('');
    expect(await bad({ sprints: [{ name: 'S', capacity: 5 }] })).toBe('');
  });
  it('reads the log cap in MB and refuses one that is not a positive number', async () => {
    const r = await parseConfig(JSON.stringify({ logCapMB: 0.5 }), 'taskdeck.json');
    expect(r.ok && r.value.logCapMB).toBe(0.5);
    expect(await bad({ logCapMB: 0 })).toContain('logCapMB: logCapMB is megabytes and must be positive');
    expect(await bad({ logCapMB: '50' })).toContain('logCapMB');
  });
  it("reads the team's vocabulary and names the key of a bad target", async () => {
    const r = await parseConfig(JSON.stringify({ vocabulary: { status: { Parked: 'blocked', '🧊': 'skipped' }, priority: { 'Nice to have': 'low' } } }), 'taskdeck.json');
    expect(r.ok && r.value.vocabulary).toEqual({ status: { Parked: 'blocked', '🧊': 'skipped' }, priority: { 'Nice to have': 'low' } });
    expect((await parseConfig(JSON.stringify({ vocabulary: { status: { Parked: 'blocked' } } }), 'x')).ok && 'ok').toBe('ok');
    expect(await bad({ vocabulary: { status: { Parked: 'on-ice' } } })).toContain('vocabulary.status.Parked: not a status');
    expect(await bad({ vocabulary: { priority: { Someday: 'unknown' } } })).toContain('vocabulary.priority.Someday: not a priority');
    expect(await bad({ vocabulary: { statuses: {} } })).toContain('vocabulary');
    expect(await bad({ vocabulary: { status: { ' ': 'done' } } })).toContain('vocabulary.status');
  });
  it('cluster: a redis:// or rediss:// URL and a queue name (default taskdeck); nothing else', async () => {
    const r = await parseConfig(JSON.stringify({ cluster: { redis: 'rediss://:pw@host:6380' } }), 'taskdeck.json');
    expect(r.ok && r.value.cluster).toEqual({ redis: 'rediss://:pw@host:6380', queue: 'taskdeck' });
    const named = await parseConfig(JSON.stringify({ cluster: { redis: 'redis://h:6379', queue: 'proj-1' } }), 'taskdeck.json');
    expect(named.ok && named.value.cluster).toEqual({ redis: 'redis://h:6379', queue: 'proj-1' });
    expect(await bad({ cluster: { redis: 'http://h:6379' } })).toContain('cluster.redis');
    expect(await bad({ cluster: { redis: 'redis://h', queue: 'a:b' } })).toContain('cluster.queue');
    expect(await bad({ cluster: { redis: 'redis://h', password: 'x' } })).toContain('cluster');
    const none = await parseConfig('{}', 'taskdeck.json');
    expect(none.ok && none.value.cluster).toBeUndefined();
  });
  it('accepts a BOM', async () => {
    expect((await parseConfig('\uFEFF{}', 'taskdeck.json')).ok).toBe(true);
  });
});

describe('insights thresholds and alert rules', () => {
  it('reads them, and refuses a bad one naming the field', async () => {
    const r = await parseConfig(JSON.stringify({ insights: { slowSeconds: 120, highRetries: 0 }, alerts: { slowerThanP95: 1.5, failureRate: { limit: 0.25, lastRuns: 10 }, flaky: true } }), 'taskdeck.json');
    expect(r.ok && [r.value.insights, r.value.alerts]).toEqual([{ slowSeconds: 120, highRetries: 0 }, { slowerThanP95: 1.5, failureRate: { limit: 0.25, lastRuns: 10 }, flaky: true }]);
    const absent = await parseConfig('{}', 'taskdeck.json');
    expect(absent.ok && [absent.value.insights, absent.value.alerts]).toEqual([undefined, undefined]);
    for (const [json, field] of [
      [{ insights: { slowSeconds: 0 } }, 'insights.slowSeconds'],
      [{ insights: { highRetries: 1.5 } }, 'insights.highRetries'],
      [{ insights: { slow: 3 } }, 'insights'],
      [{ alerts: { slowerThanP95: 0.5 } }, 'alerts.slowerThanP95'],
      [{ alerts: { failureRate: { limit: 1.5, lastRuns: 5 } } }, 'alerts.failureRate.limit'],
      [{ alerts: { failureRate: { limit: 0.5, lastRuns: 0 } } }, 'alerts.failureRate.lastRuns'],
      [{ alerts: { flaky: 'yes' } }, 'alerts.flaky'],
    ] as const) {
      const bad = await parseConfig(JSON.stringify(json), 'taskdeck.json');
      expect(!bad.ok && bad.error.message, JSON.stringify(json)).toContain(`  ${field}`);
    }
  });
});

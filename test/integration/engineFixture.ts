// Shared set-up for the engine's integration tests: a temp copy of the sample project,
// its parsed backlog and config, a real store, a per-test trust file, and a clock whose
// sleeps are instant but recorded (so backoff is checked without waiting for it).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseBacklog } from '../../src/main/core/backlog';
import type { EngineClock } from '../../src/main/engine/clock';
import { Engine } from '../../src/main/engine/engine';
import type { EngineConfig } from '../../src/main/engine/engineTypes';
import { markDoneInBacklog } from '../../src/main/engine/markDoneInBacklog';
import type { RunEvent } from '../../src/main/engine/runEvents';
import { trustFolder } from '../../src/main/engine/trust';
import { commandsOf } from '../../src/main/engine/resolveCommand';
import { parseConfig } from '../../src/main/project/config';
import { openStore } from '../../src/main/store/index';
import type { Store } from '../../src/main/store/types';

export const repoRoot = resolve(__dirname, '../..');
export const sampleDir = join(repoRoot, 'resources', 'sample-project');

export interface Fixture {
  dir: string;
  configDir: string;
  env: NodeJS.ProcessEnv;
  store: Store;
  engine: Engine;
  events: RunEvent[];
  sleeps: number[];
  cleanup(): void;
}

export function copySample(): { dir: string; configDir: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'taskdeck-engine-'));
  const dir = join(root, 'project');
  cpSync(sampleDir, dir, { recursive: true, filter: (src) => !src.includes(`${sampleDir}/.taskdeck`) && !src.startsWith(join(sampleDir, 'out')) });
  return { dir, configDir: join(root, 'config'), root };
}

export function instantClock(sleeps: number[]): EngineClock {
  return {
    now: () => Date.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

export async function makeFixture(opts: { trust?: boolean; backlog?: string; config?: Partial<EngineConfig>; graceMs?: number } = {}): Promise<Fixture> {
  const { dir, configDir, root } = copySample();
  if (opts.backlog !== undefined) {
    writeFileSync(join(dir, 'backlog.md'), opts.backlog);
  }
  const env = { ...process.env, TASKDECK_CONFIG_DIR: configDir };
  const parsedConfig = await parseConfig(readFileSync(join(dir, 'taskdeck.json'), 'utf8'), join(dir, 'taskdeck.json'));
  if (!parsedConfig.ok) throw new Error(parsedConfig.error.message);
  const tasks = parseBacklog(readFileSync(join(dir, 'backlog.md'), 'utf8')).tasks;
  // Trust the folder and every command its backlog has, as `taskdeck trust` does.
  if (opts.trust !== false) trustFolder(dir, new Date(), env, commandsOf(tasks, { ...parsedConfig.value, ...opts.config }), true);
  const opened = openStore(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const store = opened.value;
  const sleeps: number[] = [];
  const engine = new Engine({
    projectDir: dir,
    tasks,
    config: { ...parsedConfig.value, ...opts.config },
    store,
    clock: instantClock(sleeps),
    graceMs: opts.graceMs ?? 500,
    markDone: markDoneInBacklog(join(dir, 'backlog.md')),
    env,
  });
  const events: RunEvent[] = [];
  engine.events.on((e) => {
    if (e.type !== 'output') events.push(e);
  });
  return {
    dir,
    configDir,
    env,
    store,
    engine,
    events,
    sleeps,
    cleanup: () => {
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

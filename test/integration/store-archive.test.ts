// The archive round trip at the store's level: ids reused after a cleanup do not make an
// import skip or overwrite rows, an attempt moved to a new id takes its events along,
// and attempts still open are neither archived nor deleted.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/main/store/index';
import { removeDir, tempDir } from './store-helpers';

let dir: string;
let store: Store;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);

beforeEach(() => {
  dir = tempDir();
  const r = openStore(dir);
  if (!r.ok) throw new Error(r.error.message);
  store = r.value;
});
afterEach(() => {
  store.close();
  removeDir(dir);
});

function attempt(taskId: string, start: number, runId: string, finish = true): number {
  const id = store.startAttempt({ runId, taskId, attempt: 1, trigger: 'auto', command: 'true', startedAt: start, logPath: null, ownerPid: process.pid, timeoutMs: null });
  store.recordEvent({ taskId, runId, attemptId: id, type: 'started', message: `start ${runId}`, at: start });
  if (finish) store.finishAttempt(id, { endedAt: start + 1000, durationMs: 1000, exitCode: 0, signal: null, outcome: 'succeeded', peakRssKb: null, cpuMs: null });
  return id;
}

describe('archive and import-archive (store)', () => {
  it('keeps both the archived rows and the new rows that reused their ids, remapping attempt ids', async () => {
    const oldId = attempt('A-1', NOW - 100 * DAY, 'old-run');
    const file = path.join(dir, 'a.jsonl.gz');
    const r = store.cleanupArchived(90 * DAY, NOW, file);
    expect(r).toMatchObject({ attempts: 1, events: 1, archived: 2 });
    // The tables are empty again: SQLite hands out the same ids to new rows.
    const newId = attempt('A-2', NOW - DAY, 'new-run');
    expect(newId).toBe(oldId);

    const imported = await store.importArchive(file);
    expect(imported).toMatchObject({ read: 2, skipped: 0, imported: { run_attempts: 1, execution_history: 1 } });
    const attempts = store.attempts(undefined, 10);
    expect(attempts.map((a) => a.runId).sort()).toEqual(['new-run', 'old-run']);
    const moved = attempts.find((a) => a.runId === 'old-run')!;
    expect(moved.id).not.toBe(oldId);
    const oldEvent = store.history('A-1')[0]!;
    expect(oldEvent).toMatchObject({ runId: 'old-run', attemptId: moved.id, at: NOW - 100 * DAY });

    const again = await store.importArchive(file);
    expect(again).toMatchObject({ read: 2, skipped: 2, imported: { run_attempts: 0, execution_history: 0 } });
    expect(store.attempts(undefined, 10)).toHaveLength(2);
  });

  it('an old attempt still open is neither archived nor deleted', async () => {
    const open = attempt('A-3', NOW - 100 * DAY, 'still-open', false);
    const file = path.join(dir, 'b.jsonl.gz');
    const r = store.cleanupArchived(90 * DAY, NOW, file);
    expect(r.attempts).toBe(0);
    expect(store.attempts('A-3').map((a) => a.id)).toEqual([open]);
    const back = await store.importArchive(file);
    expect(back.imported.run_attempts).toBe(0);
  });
});

// A batch of runs started through the API ends with the threshold alerts of the tasks it
// ran (taskdeck.json `alerts`) on its run:batch-finished event: what the app turns into a
// toast and a desktop notification. Real engine, real child processes, real record.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppSession, dispatch } from '../../src/main/api';
import type { BatchFinished } from '../../src/shared/api';
import { assertBuilt, runCli, waitFor } from './engineCli';

let root: string;
let dir: string;
const previousConfig = process.env.TASKDECK_CONFIG_DIR;

beforeAll(async () => {
  assertBuilt();
  root = mkdtempSync(join(tmpdir(), 'taskdeck-alerts-'));
  dir = join(root, 'project');
  mkdirSync(dir);
  writeFileSync(join(dir, 'backlog.md'), `# Backlog

| ID | Title | P | Points | Status | Outcome | Tech | Dependencies |
|----|-------|---|--------|--------|---------|------|--------------|
| T-1 | Passes | 🔥 | 1 | todo | x | y | None |
<!-- run: node -e "process.exit(0)" -->
| T-3 | Always fails | ⭐ | 2 | todo | x | y | None |
<!-- run: node -e "console.error('validation failed: bad input'); process.exit(3)" -->
`);
  writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify({ writeBack: 'none', retry: { validation: { maxRetries: 0 } }, alerts: { failureRate: { limit: 0.5, lastRuns: 2 } } }));
  process.env.TASKDECK_CONFIG_DIR = join(root, 'config');
  expect((await runCli(['trust', '--project', dir], process.env)).code).toBe(0);
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (previousConfig === undefined) delete process.env.TASKDECK_CONFIG_DIR;
  else process.env.TASKDECK_CONFIG_DIR = previousConfig;
});

describe('threshold alerts after a batch', () => {
  it('run:batch-finished carries the breaches of the tasks the batch ran, and only theirs', async () => {
    const app = await createAppSession({ projectDir: dir, watch: false });
    const batches: BatchFinished[] = [];
    app.session.subscribe((name, payload) => {
      if (name === 'run:batch-finished') batches.push(payload as BatchFinished);
    });
    const runBatch = async (taskIds: string[]): Promise<BatchFinished> => {
      const before = batches.length;
      const r = await dispatch(app.handlers, 'runs:start', { taskIds });
      if (!r.ok) throw new Error(r.error.message);
      await waitFor(() => batches.length > before, 30_000, `the batch ${taskIds.join(', ')} to finish`);
      return batches[batches.length - 1]!;
    };
    try {
      // One failed run: too few for a rate over the last 2.
      expect((await runBatch(['T-3'])).alerts).toEqual([]);
      const second = await runBatch(['T-3']);
      expect(second.failed).toBe(1);
      expect(second.alerts).toEqual([{ rule: 'failure-rate', taskId: 'T-3', message: 'T-3: 2 of its last 2 runs failed (100%, the limit is 50%)' }]);
      // T-3 is still over its limit, but this batch did not run it: no alert about it now.
      expect((await runBatch(['T-1'])).alerts).toEqual([]);
    } finally {
      await app.session.close();
    }
  }, 120_000);
});

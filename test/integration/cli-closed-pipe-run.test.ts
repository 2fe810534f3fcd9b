// `taskdeck auto | head -1`: the reader closing stdout must not cut the run short. The
// process used to exit 0 at the first write after the close: the rest of the batch never
// ran, and a task running at that moment stayed unrecorded (later read as interrupted).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

const backlog =
  '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n' +
  [1, 2, 3].map((i) => `| P-${i} | Step ${i} | P2 | 1 | todo | None |\n<!-- run: echo start ${i}; sleep 0.3; echo end ${i} -->\n`).join('');

describe('run and auto with a closed stdout', () => {
  it('auto runs and records every task when the reader stops after the first line', async () => {
    const copy = copySample();
    root = copy.root;
    writeFileSync(join(copy.dir, 'backlog.md'), backlog);
    const env = { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' };
    expect((await runCli(['trust', '--project', copy.dir], env)).code).toBe(0);
    const run = startCli(['auto', '--project', copy.dir], env);
    run.child.stdout!.once('data', () => run.child.stdout!.destroy());
    const { code } = await run.done;
    expect(code).toBe(0);
    const status = JSON.parse((await runCli(['status', '--json', '--project', copy.dir], env)).stdout) as { statistics: { byOutcome: Record<string, number> } };
    expect(status.statistics.byOutcome).toMatchObject({ succeeded: 3, interrupted: 0, cancelled: 0 });
  });
});

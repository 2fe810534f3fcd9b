// Settings files are read like the backlog: only a regular file of sane size. A FIFO
// named taskdeck.json, or one planted as the trust store, hung every command (a blocked
// synchronous read cannot even be stopped with SIGTERM); now the command answers at once.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, startCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

/** Runs the CLI, killed after 15 s so a hang fails the test instead of leaving a process. */
async function runBounded(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string; hung: boolean }> {
  const run = startCli(args, env);
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    run.child.kill('SIGKILL');
  }, 15_000);
  const { code } = await run.done;
  clearTimeout(timer);
  return { code, stderr: run.stderr(), hung };
}

describe('settings files that are not regular files', () => {
  it('a FIFO as taskdeck.json: one line saying what it is, exit 1, no hang', async () => {
    const copy = copySample();
    root = copy.root;
    rmSync(join(copy.dir, 'taskdeck.json'));
    execFileSync('mkfifo', [join(copy.dir, 'taskdeck.json')]);
    const r = await runBounded(['list', '--project', copy.dir], { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' });
    expect(r.hung).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a named pipe (FIFO), not a regular file; taskdeck.json must be a regular file');
  });

  it('a FIFO as the trust store: nothing is trusted, the run is refused at once', async () => {
    const copy = copySample();
    root = copy.root;
    mkdirSync(copy.configDir, { recursive: true });
    execFileSync('mkfifo', [join(copy.configDir, 'trusted.json')]);
    const r = await runBounded(['run', 'B-201', '--project', copy.dir], { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' });
    expect(r.hung).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not trusted');
  });
});

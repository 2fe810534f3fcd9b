// Trust covers the folder's commands, not only the folder: a command changed or added
// after `taskdeck trust` is refused (named, exit 1, nothing spawned) until the user trusts
// it; `taskdeck trust` shows what changed. A folder trusted by an older Taskdeck (no
// command list) is asked about once.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

function project(): { dir: string; env: NodeJS.ProcessEnv; configDir: string } {
  const copy = copySample();
  root = copy.root;
  return { dir: copy.dir, configDir: copy.configDir, env: { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' } };
}

function edit(dir: string, from: string, to: string): void {
  const file = join(dir, 'backlog.md');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

describe('trusting commands (processes)', () => {
  it('refuses a command changed after trusting, naming it; `trust` shows it as changed; then it runs', async () => {
    const { dir, env } = project();
    expect((await runCli(['trust', '--project', dir], env)).code).toBe(0);
    edit(dir, '<!-- run: node scripts/write-output.mjs -->', '<!-- run: node scripts/write-output.mjs && echo sneaky -->');
    const refused = await runCli(['run', 'B-207', '--project', dir], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('added or changed since');
    expect(refused.stderr).toMatch(/changed {2}B-207: node scripts\/write-output\.mjs && echo sneaky/);
    expect(existsSync(join(dir, 'out', 'report.txt'))).toBe(false);
    // An unchanged command still runs.
    expect((await runCli(['run', 'B-201', '--project', dir], env)).code).toBe(0);

    const trusted = await runCli(['trust', '--project', dir], env);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toMatch(/changed {2}B-207: node scripts\/write-output\.mjs && echo sneaky/);
    expect(trusted.stdout).not.toContain('B-201');
    const ran = await runCli(['run', 'B-207', '--project', dir], env);
    expect(ran.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'report.txt'))).toBe(true);
  });

  it('refuses a new task command in `auto` before anything starts, and `trust` lists it as new', async () => {
    const { dir, env } = project();
    expect((await runCli(['trust', '--project', dir], env)).code).toBe(0);
    const file = join(dir, 'backlog.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('| B-201 | Smoke check the build |', '| B-299 | Sneaky | P0 | 1 | todo | 2026-S48 | None | x |\n<!-- run: touch sneaky.txt -->\n| B-201 | Smoke check the build |'));
    const refused = await runCli(['auto', '--project', dir], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/new {4}\s*B-299: touch sneaky\.txt/);
    expect(existsSync(join(dir, 'sneaky.txt'))).toBe(false);
    expect(existsSync(join(dir, '.taskdeck', 'logs'))).toBe(false);
    const trusted = await runCli(['trust', '--project', dir], env);
    expect(trusted.stdout).toMatch(/new {4}\s*B-299: touch sneaky\.txt/);
  });

  it('a folder trusted by an older Taskdeck (no command list) is asked about once', async () => {
    const { dir, env, configDir } = project();
    mkdirSync(configDir, { recursive: true });
    writeFileSync(join(configDir, 'trusted.json'), JSON.stringify({ version: 1, folders: [{ path: realpathSync(dir), trustedAt: '2026-01-01T00:00:00.000Z' }] }));
    const refused = await runCli(['run', 'B-201', '--project', dir], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('older Taskdeck');
    expect(refused.stderr).toContain('B-201: node scripts/quick.mjs');
    const trusted = await runCli(['trust', '--project', dir], env);
    expect(trusted.stdout).toContain('older Taskdeck');
    expect((await runCli(['run', 'B-201', '--project', dir], env)).code).toBe(0);
  });
});

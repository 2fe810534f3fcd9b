// The file_system recovery ("clean temp files") as a user meets it through the CLI: a
// task reports a file_system error, the engine deletes its temp files before the retry.
// Symlinks planted in the project must never lead it outside: the link itself goes, what
// it points at stays.
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

const backlog =
  '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n' +
  "| R-1 | Fails with a file system error | high | 1 | todo | None |\n<!-- run: echo '::error category=file_system::scratch is full'; exit 1 -->\n";

async function failingProject(config?: Record<string, unknown>): Promise<{ dir: string; victim: string; env: NodeJS.ProcessEnv }> {
  const copy = copySample();
  root = copy.root;
  writeFileSync(join(copy.dir, 'backlog.md'), backlog);
  if (config) writeFileSync(join(copy.dir, 'taskdeck.json'), JSON.stringify({ backlog: 'backlog.md', ...config }));
  const victim = join(copy.root, 'victim');
  mkdirSync(join(victim, 'nested'), { recursive: true });
  writeFileSync(join(victim, 'precious.txt'), 'keep me');
  writeFileSync(join(victim, 'nested', 'also.tmp'), 'keep me too');
  const env = { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' };
  expect((await runCli(['trust', '--project', copy.dir], env)).code).toBe(0);
  return { dir: copy.dir, victim, env };
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

describe('clean-temp-files never follows a symlink out of the project', () => {
  it('a symlinked task temp folder (.taskdeck/tmp/R-1 -> victim): the link goes, the victim keeps every file', async () => {
    const { dir, victim, env } = await failingProject();
    mkdirSync(join(dir, '.taskdeck', 'tmp'), { recursive: true });
    symlinkSync(victim, join(dir, '.taskdeck', 'tmp', 'R-1'));
    const run = await runCli(['run', 'R-1', '--project', dir], env);
    expect(run.code).toBe(1);
    expect(readdirSync(victim).sort()).toEqual(['nested', 'precious.txt']);
    expect(existsSync(join(victim, 'nested', 'also.tmp'))).toBe(true);
    expect(isLink(join(dir, '.taskdeck', 'tmp', 'R-1'))).toBe(false);
  });

  it('a tempFiles glob over a symlinked folder (scratch -> victim): the link goes, nothing behind it is touched', async () => {
    const { dir, victim, env } = await failingProject({ tempFiles: ['scratch/**', '**/*.tmp'] });
    symlinkSync(victim, join(dir, 'scratch'));
    mkdirSync(join(dir, 'work'));
    writeFileSync(join(dir, 'work', 'own.tmp'), 'x');
    symlinkSync(join(victim, 'nested', 'also.tmp'), join(dir, 'work', 'linked.tmp'));
    const run = await runCli(['run', 'R-1', '--project', dir], env);
    expect(run.code).toBe(1);
    expect(readdirSync(victim).sort()).toEqual(['nested', 'precious.txt']);
    expect(existsSync(join(victim, 'nested', 'also.tmp'))).toBe(true);
    expect(isLink(join(dir, 'scratch'))).toBe(false);
    expect(isLink(join(dir, 'work', 'linked.tmp'))).toBe(false);
    expect(existsSync(join(dir, 'work', 'own.tmp'))).toBe(false);
  });

  it('a symlinked folder above the temp folder (.taskdeck/tmp -> victim) is not followed at all', async () => {
    const { dir, victim, env } = await failingProject();
    mkdirSync(join(dir, '.taskdeck'), { recursive: true });
    mkdirSync(join(victim, 'R-1'));
    writeFileSync(join(victim, 'R-1', 'part.bin'), 'x');
    symlinkSync(victim, join(dir, '.taskdeck', 'tmp'));
    const run = await runCli(['run', 'R-1', '--project', dir], env);
    expect(run.code).toBe(1);
    expect(existsSync(join(victim, 'R-1', 'part.bin'))).toBe(true);
    expect(readdirSync(victim).sort()).toEqual(['R-1', 'nested', 'precious.txt']);
  });
});

describe('clean-temp-files never takes the project itself', () => {
  it('catch-all globs (`**`, `*.md`, `.git/**`) leave the backlog, taskdeck.json, version control and sources alone', async () => {
    const { dir, env } = await failingProject({ tempFiles: ['**', '**/*', '*.md', '*.json', '.git/**', 'src/*.c.bak', '.taskdeck/**'] });
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'main.c'), 'int main;');
    writeFileSync(join(dir, 'src', 'main.c.bak'), 'old');
    const run = await runCli(['run', 'R-1', '--project', dir], env);
    expect(run.code).toBe(1);
    for (const kept of ['backlog.md', 'taskdeck.json', join('.git', 'HEAD'), join('src', 'main.c'), join('.taskdeck', 'task_execution.db')]) expect(existsSync(join(dir, kept)), kept).toBe(true);
    expect(readdirSync(join(dir, '.taskdeck', 'logs')).length).toBeGreaterThan(0);
    // A pattern that names temp files still works.
    expect(existsSync(join(dir, 'src', 'main.c.bak'))).toBe(false);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cliPath, copySample, corpusDir, corpusFiles, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

describe('usage and errors', () => {
  it('an unknown flag is exit 2 with usage text', async () => {
    const r = await runCli(['list', '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect(r.stderr).toContain('Usage: taskdeck list');
  });

  it('a missing argument is exit 2', async () => {
    const r = await runCli(['show']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing required argument 'id'");
  });

  it('a bad --status choice is exit 2 listing the allowed values', async () => {
    const r = await runCli(['list', '--status', 'finished']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('todo, in_progress, blocked, done, failed, skipped');
  });

  it('--help on every backlog command exits 0 with examples', async () => {
    for (const cmd of ['list', 'show', 'validate', 'graph', 'set', 'depend', 'move']) {
      const r = await runCli([cmd, '--help']);
      expect(r.status, cmd).toBe(0);
      expect(r.stdout, cmd).toContain(`Usage: taskdeck ${cmd}`);
      expect(r.stdout, cmd).toContain('Examples:');
      expect(r.stdout, cmd).toContain('--project <dir>');
    }
    const top = await runCli(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/list \[options\]/);
  });

  it('no backlog: exit 1 and the paths tried', async () => {
    const dir = await tempDir();
    const r = await runCli(['list', '--project', dir]);
    expect(r.status).toBe(1);
    for (const p of ['000_core/000_backlog.md', '000_backlog.md', 'backlog.md', 'BACKLOG.md', 'docs/backlog.md']) expect(r.stderr).toContain(p);
  });

  it('a bad taskdeck.json: exit 1 naming the file and the field', async () => {
    const dir = await copySample();
    await writeFile(join(dir, 'taskdeck.json'), JSON.stringify({ sprints: [{ name: 'S', capacity: -3 }] }));
    const r = await runCli(['list', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('taskdeck.json');
    expect(r.stderr).toContain('sprints[0].capacity');
  });

  it('a binary backlog: exit 1 naming the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe, 0x00]));
    const r = await runCli(['list', '--project', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('backlog.md');
  });

  it('a missing project folder is exit 1', async () => {
    const r = await runCli(['list', '--project', '/nonexistent/taskdeck-project']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Project folder not found');
  });

  it('finds the backlog under 000_core/ and prints that relative path', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, '000_core'));
    await writeFile(join(dir, '000_core', '000_backlog.md'), '| ID | Title | P | Points | Status |\n|---|---|---|---|---|\n| A-1 | One | P1 | 1 | todo |\n');
    const r = await runCli(['list', '--json', '--project', dir]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).file).toBe('000_core/000_backlog.md');
  });

  it('a reader that closes the pipe early (| head) ends the command quietly', async () => {
    const files = await corpusFiles();
    const child = spawn(process.execPath, [cliPath, 'list', '--json', '--file', join(corpusDir, files[files.length - 1]!)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});

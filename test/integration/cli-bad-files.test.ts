// A backlog path that is not a readable regular text file: the CLI answers at once, with
// one line saying what the path is, instead of hanging on a FIFO, reading /dev/zero until
// memory runs out, or calling three stray bytes "binary".
import { spawnSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

describe('the CLI on a backlog path that is not a regular text file', () => {
  it('--file naming a FIFO fails at once, saying it is a named pipe', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'backlog.md');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = await runCli(['list', '--file', fifo]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('a named pipe (FIFO)');
    expect(r.stderr).not.toContain('does not exist');
  });

  it('taskdeck.json naming a FIFO fails at once too', async () => {
    const dir = await tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'plan.md')]).status).toBe(0);
    await writeFile(join(dir, 'taskdeck.json'), '{ "backlog": "plan.md" }\n');
    const r = await runCli(['validate', '--project', dir]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('a named pipe (FIFO)');
  });

  it('--file /dev/zero is refused without reading it', async () => {
    const r = await runCli(['list', '--file', '/dev/zero']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('/dev/zero is a character device, not a regular file');
  });

  it('a folder or a broken symlink where the backlog should be is named for what it is', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'backlog.md'));
    const folder = await runCli(['list', '--project', dir]);
    expect(folder.stderr).toContain(`${join(dir, 'backlog.md')} (a folder)`);
    const other = await tempDir();
    await symlink(join(other, 'moved-away.md'), join(other, 'backlog.md'));
    const broken = await runCli(['list', '--project', other]);
    expect(broken.stderr).toContain('(a broken symbolic link (to');
  });

  it('says where the bad bytes are', async () => {
    const dir = await tempDir();
    const file = join(dir, 'backlog.md');
    await writeFile(file, Buffer.concat([Buffer.from('# Backlog\n\n| ID | Title |\n|--|--|\n| A-1 | x'), Buffer.from([0xff, 0xff, 0xff]), Buffer.from(' |\n')]));
    const r = await runCli(['set', 'A-1', 'status', 'done', '--file', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('line 5, column 10 (byte offset');
    expect(r.stderr).toContain('3 such bytes');
  });
});

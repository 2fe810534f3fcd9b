// The built CLI with its parse cache: a second `list --json` answers from
// .taskdeck/parse-cache with the same output; an edit (which reads the file itself) writes
// the right bytes and the next list sees it; and what runs never comes from the cache.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

const TABLE = '| ID | Title | P | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';

function bigBacklog(): string {
  const rows: string[] = [];
  for (let i = 1; i <= 5000; i++) rows.push(`| T-${i} | Task number ${i} with a long enough title | P2 | 1 | todo | ${i > 1 ? `T-${i - 1}` : 'None'} |`);
  return `# Plan\n\n${TABLE}${rows.join('\n')}\n`;
}

async function entryFile(dir: string): Promise<string> {
  const folder = join(dir, '.taskdeck', 'parse-cache');
  return join(folder, (await readdir(folder))[0]!);
}

describe('CLI parse cache', () => {
  it('list --json answers the same from the cache, and the list after an edit shows the edit', async () => {
    const dir = await tempDir();
    const file = join(dir, 'backlog.md');
    const text = bigBacklog();
    await writeFile(file, text);
    const first = await runCli(['list', '--json', '--project', dir]);
    expect(first.status, first.stderr).toBe(0);
    expect(await readdir(join(dir, '.taskdeck', 'parse-cache'))).toHaveLength(1);
    const second = await runCli(['list', '--json', '--project', dir]);
    expect(second.stdout).toBe(first.stdout);

    const set = await runCli(['set', 'T-2', 'status', 'done', '--project', dir]);
    expect(set.status, set.stderr).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(text.replace('| T-2 | Task number 2 with a long enough title | P2 | 1 | todo |', '| T-2 | Task number 2 with a long enough title | P2 | 1 | done |'));
    const after = JSON.parse((await runCli(['list', '--json', '--project', dir])).stdout) as { tasks: { id: string; status: string }[] };
    expect(after.tasks.find((t) => t.id === 'T-2')!.status).toBe('done');
    expect(after.tasks.filter((t) => t.status === 'done')).toHaveLength(1);
  });

  it('what runs comes from the file, never from the cache: a planted entry only fools a listing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'backlog.md'), bigBacklog().replace('| T-1 | Task number 1 with a long enough title | P2 | 1 | todo | None |', '$&\n<!-- run: echo real -->'));
    expect((await runCli(['list', '--json', '--project', dir])).status).toBe(0);
    const file = await entryFile(dir);
    // The entry holds the tasks' contract JSON; plant another command of the same length
    // (so the entry's part lengths still hold) where the file says `echo real`.
    const entry = await readFile(file, 'latin1');
    expect(entry).toContain('"executor":{"kind":"command","command":"echo real"}');
    await writeFile(file, entry.replace('"command":"echo real"', '"command":"echo fake"'), 'latin1');
    // A listing answers from the (matching) entry: that is the cache working...
    expect((await runCli(['list', '--json', '--project', dir])).stdout).toContain('echo fake');
    // ...but auto's plan is read from the backlog itself.
    const plan = await runCli(['auto', '--dry-run', '--project', dir]);
    expect(plan.stdout).toContain('$ echo real');
    expect(plan.stdout).not.toContain('fake');
  });
});

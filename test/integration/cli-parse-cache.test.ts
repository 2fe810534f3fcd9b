// The built CLI with its parse cache: a second `list --json` answers from
// .taskdeck/parse-cache with the same output, and an edit made after a cached load (the
// editor's parse is then made on demand) writes the right bytes and is seen by the next list.
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

describe('CLI parse cache', () => {
  it('list --json answers the same from the cache, and an edit after a cached load is exact', async () => {
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
});

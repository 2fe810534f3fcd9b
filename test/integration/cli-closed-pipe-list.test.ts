// `taskdeck list --json | head -c 100`: output for a pipe goes straight to the descriptor
// (src/cli/output/stdout.ts); a reader that stops early ends the listing quietly, exit 0,
// no stack trace, as it did through Node's stream.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliPath, removeTemps, tempDir } from './cliHarness';

afterAll(removeTemps);

describe('list with a closed stdout', () => {
  it('exits 0 without a word on stderr when the reader stops after the first bytes', async () => {
    const dir = await tempDir();
    const rows = ['| ID | Title | P | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
    for (let i = 1; i <= 4000; i++) rows.push(`| T-${i} | Task number ${i} with a long enough title | P2 | 1 | todo | None |`);
    await writeFile(join(dir, 'backlog.md'), `${rows.join('\n')}\n`);
    for (const round of ['parsed', 'from the cache']) {
      const child = spawn(process.execPath, [cliPath, 'list', '--json', '--project', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code, round).toBe(0);
      expect(stderr, round).toBe('');
    }
  });
});

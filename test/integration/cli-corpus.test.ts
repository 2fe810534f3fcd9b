// The CLI on real backlogs: a spread of corpus versions, old to new, each copied to a temp
// folder first (the corpus is never written).
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusDir, corpusFiles, removeTemps, runCli, tempDir } from './cliHarness';

afterAll(removeTemps);

describe('taskdeck on corpus files', () => {
  it('list --json and validate agree on every sampled version, and edits keep the file readable', async () => {
    const files = await corpusFiles();
    const sample = files.filter((_, i) => i % 15 === 0 || i === files.length - 1);
    expect(sample.length).toBeGreaterThanOrEqual(8);
    for (const name of sample) {
      const dir = await tempDir();
      await copyFile(join(corpusDir, name), join(dir, 'backlog.md'));
      const list = await runCli(['list', '--json', '--project', dir]);
      expect(list.status, name).toBe(0);
      const out = JSON.parse(list.stdout) as { tasks: { id: string; dependencies: string[]; status: string }[]; diagnostics: { code: string }[] };
      const ids = new Set(out.tasks.map((t) => t.id));
      const missing = out.tasks.filter((t) => t.dependencies.some((d) => !ids.has(d) && d !== t.id));
      expect(out.diagnostics.filter((d) => d.code === 'missing-dependency')).toHaveLength(missing.length);

      const validate = await runCli(['validate', '--json', '--project', dir]);
      const verdict = JSON.parse(validate.stdout) as { ok: boolean; missing: { taskId: string }[] };
      expect(verdict.missing.map((m) => m.taskId), name).toEqual(missing.map((t) => t.id));
      expect(validate.status, name).toBe(verdict.ok ? 0 : 1);

      // One status edit on the first not-done task: exactly one line changes, and it reads back.
      const target = out.tasks.find((t) => t.status !== 'done');
      if (!target) continue;
      const set = await runCli(['set', target.id, 'status', 'done', '--project', dir]);
      expect(set.status, `${name} ${set.stderr}`).toBe(0);
      const show = await runCli(['show', target.id, '--json', '--project', dir]);
      expect(JSON.parse(show.stdout).task.status, name).toBe('done');
    }
  }, 180_000);
});

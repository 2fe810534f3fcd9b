// The toolkit's own command forms, as its users type them: `execute ID` runs a task like
// `run`, and `list --format json|csv|table` (json is byte for byte `list --json`).
import { rmSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { assertBuilt, runCli } from './engineCli';
import { copySample } from './engineFixture';

let root: string | null = null;
beforeAll(() => assertBuilt());
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

function project(): { dir: string; env: NodeJS.ProcessEnv } {
  const copy = copySample();
  root = copy.root;
  return { dir: copy.dir, env: { ...process.env, TASKDECK_CONFIG_DIR: copy.configDir, NO_COLOR: '1' } };
}

/** Parses RFC 4180 CSV (quoted fields with doubled quotes, CRLF rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('the toolkit command forms', () => {
  it('execute ID runs the task and records the attempt, as run does', async () => {
    const { dir, env } = project();
    expect((await runCli(['trust', '--project', dir], env)).code).toBe(0);
    const result = await runCli(['execute', 'B-201', '--project', dir], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok +B-201/);
    const db = new Database(join(dir, '.taskdeck', 'task_execution.db'), { readonly: true });
    const attempts = db.prepare("SELECT count(*) AS n FROM run_attempts WHERE task_id = 'B-201'").get() as { n: number };
    db.close();
    expect(attempts.n).toBe(1);
  });

  it('list --format json prints exactly what list --json prints', async () => {
    const { dir, env } = project();
    const json = await runCli(['list', '--json', '--project', dir], env);
    const format = await runCli(['list', '--format', 'json', '--project', dir], env);
    expect(format.code).toBe(0);
    expect(format.stdout).toBe(json.stdout);
    expect(JSON.parse(format.stdout).tasks.length).toBe(31);
  });

  it('list --format csv has a header and one row per task, with the filters applied', async () => {
    const { dir, env } = project();
    const all = await runCli(['list', '--format', 'csv', '--project', dir], env);
    expect(all.code).toBe(0);
    const rows = parseCsv(all.stdout);
    expect(rows[0]).toEqual(['id', 'title', 'priority', 'points', 'status', 'sprint', 'dependencies', 'score_total', 'human_required', 'line']);
    expect(rows).toHaveLength(32);
    const json = JSON.parse((await runCli(['list', '--json', '--project', dir], env)).stdout) as { tasks: { id: string; title: string; status: string; dependencies: string[] }[] };
    rows.slice(1).forEach((r, i) => {
      const t = json.tasks[i]!;
      expect([r[0], r[1], r[4], r[6]]).toEqual([t.id, t.title, t.status, t.dependencies.join(' ')]);
    });
    const done = parseCsv((await runCli(['list', '--format', 'csv', '--status', 'done', '--project', dir], env)).stdout);
    expect(done.length - 1).toBe(json.tasks.filter((t) => t.status === 'done').length);
  });

  it('list --format table prints the table; a format it does not know, or --json with --format, is a usage error', async () => {
    const { dir, env } = project();
    const table = await runCli(['list', '--format', 'table', '--project', dir], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID +P +PTS +STATUS/);
    const bad = await runCli(['list', '--format', 'yaml', '--project', dir], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('yaml');
    const both = await runCli(['list', '--json', '--format', 'csv', '--project', dir], env);
    expect(both.code).toBe(2);
  });
});

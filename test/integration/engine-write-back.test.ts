// The write-back of `done` as auto does it: off the task's slot (the next task starts while
// the file is written), several successes in one file write, a dependent started only once
// its dependencies are written, and the auto answering only when every write is done.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { markDoneInBacklog } from '../../src/main/engine/markDoneInBacklog';
import { editBacklogFileEach } from '../../src/main/project/backlogEditor';
import { openStore } from '../../src/main/store/index';
import { copySample, makeFixture, type Fixture } from './engineFixture';

let fx: Fixture | null = null;
const roots: string[] = [];
afterEach(() => {
  fx?.cleanup();
  fx = null;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const header = '# Backlog\n\n| ID | Title | Priority | Points | Status | Dependencies |\n|---|---|---|---|---|---|\n';
function row(id: string, deps: string, command: string): string {
  return `| ${id} | Task ${id} | P2 | 1 | todo | ${deps} |\n<!-- run: ${command} -->\n`;
}

function statuses(backlogPath: string): Record<string, string> {
  return Object.fromEntries(parseBacklog(readFileSync(backlogPath, 'utf8')).tasks.map((t) => [t.id, t.status]));
}

/** A project with a backlog of these ids and its run record (for the audit rows). */
function project(ids: string[]): { dir: string; backlogPath: string } {
  const { dir, root } = copySample();
  roots.push(root);
  const backlogPath = join(dir, 'backlog.md');
  writeFileSync(backlogPath, header + ids.map((id) => row(id, 'None', 'true')).join(''));
  const opened = openStore(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  opened.value.close();
  return { dir, backlogPath };
}

describe('engine: write-back', () => {
  it('writes the tasks marked done while a write is under way together, in the next write', async () => {
    const { dir, backlogPath } = project(['W-1', 'W-2', 'W-3']);
    const markDone = markDoneInBacklog(backlogPath, { origin: { source: 'engine', projectDir: dir } });
    const first = markDone('W-1');
    // Both asked while W-1's write is under way: they share the next write, so when W-2's
    // answer comes, W-3 is already in the file too.
    const seenWithSecond: Record<string, string>[] = [];
    const second = markDone('W-2').then((written) => {
      seenWithSecond.push(statuses(backlogPath));
      return written;
    });
    const third = markDone('W-3');
    const answers = await Promise.all([first, second, third]);
    expect(answers.map((a) => a.ok)).toEqual([true, true, true]);
    expect(answers[1]?.message).toContain('W-2');
    expect(seenWithSecond).toEqual([{ 'W-1': 'done', 'W-2': 'done', 'W-3': 'done' }]);
    // One audit row per task all the same.
    const store = openStore(dir);
    if (!store.ok) throw new Error(store.error.message);
    const audited = store.value.audit({ limit: 10 }).map((e) => [e.taskId, e.source, e.summary]);
    store.value.close();
    expect(audited.sort()).toEqual([
      ['W-1', 'engine', expect.stringContaining('W-1')],
      ['W-2', 'engine', expect.stringContaining('W-2')],
      ['W-3', 'engine', expect.stringContaining('W-3')],
    ]);
  });

  it('writes the others when one task of a batch is gone from the file, and says which', async () => {
    const { dir, backlogPath } = project(['V-1', 'V-2']);
    const result = await editBacklogFileEach(
      backlogPath,
      [
        { kind: 'setStatus', id: 'V-1', value: 'done' },
        { kind: 'setStatus', id: 'V-9', value: 'done' },
        { kind: 'setStatus', id: 'V-2', value: 'done' },
        { kind: 'setStatus', id: 'V-2', value: 'done' },
      ],
      {},
      { source: 'engine', projectDir: dir },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.map((o) => (o.ok ? o.changed : o.error.code))).toEqual([true, 'unknown-task', true, false]);
    expect(statuses(backlogPath)).toEqual({ 'V-1': 'done', 'V-2': 'done' });
  });

  it('starts a dependent only once its dependency is written back: its command finds it done', async () => {
    // U-2's command fails unless the backlog already says U-1 is done (grep: it looks at
    // once; `[|]` so that the pattern does not find itself in this comment).
    const check = (dep: string) => `grep -qE '${dep} [|] Task ${dep} [|] P2 [|] 1 [|] done' backlog.md`;
    const backlog = header + row('U-1', 'None', 'true') + row('U-2', 'U-1', check('U-1')) + row('U-3', 'U-2', check('U-2'));
    fx = await makeFixture({ backlog, config: { writeBack: 'done', retry: { unknown: { maxRetries: 0 }, execution: { maxRetries: 0 } } } });
    const result = await fx.engine.auto({ parallel: 1 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => [r.taskId, r.outcome])).toEqual([
      ['U-1', 'succeeded'],
      ['U-2', 'succeeded'],
      ['U-3', 'succeeded'],
    ]);
  });

  it('answers only when every success is written back, one written-back event per task', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `S-${i + 1}`);
    fx = await makeFixture({ backlog: header + ids.map((id) => row(id, 'None', 'true')).join(''), config: { writeBack: 'done' } });
    const result = await fx.engine.auto({ parallel: 2 });
    expect(result.ok && result.value.results.every((r) => r.outcome === 'succeeded')).toBe(true);
    // Read the moment auto answers: nothing may still be on its way to the file.
    expect(statuses(join(fx.dir, 'backlog.md'))).toEqual(Object.fromEntries(ids.map((id) => [id, 'done'])));
    const written = fx.events.filter((e) => e.type === 'written-back');
    expect(written.map((e) => e.taskId).sort()).toEqual([...ids].sort());
    expect(written.every((e) => e.type === 'written-back' && e.ok)).toBe(true);
  });
});

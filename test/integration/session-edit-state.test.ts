// After an edit the session shows the state the edit produced without reading and parsing
// the file again (the editor's predicted parse for a field edit, a parse of the written
// text otherwise), and that state is exactly what a fresh read of the file gives: checked
// on real corpus backlogs, for status, priority and points edits on many tasks, and for a
// move (not predicted). Real files, real services; only `load` is counted.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/main/api/session';
import { realServices } from '../../src/main/api/realServices';
import { loadProject } from '../../src/main/project/loadBacklog';
import { readyTasks } from '../../src/main/core/backlog/graph';
import type { BacklogEditInput, BacklogSnapshot } from '../../src/shared/api';
import { corpusFiles, readCorpus } from './corpusFiles';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function counted() {
  const services = realServices();
  const calls = { load: 0 };
  return { calls, services: { ...services, load: (dir: string) => (calls.load++, services.load(dir)) } };
}

async function fresh(dir: string) {
  const r = await loadProject(dir);
  if (!r.ok) throw new Error(r.error.message);
  return { hash: r.value.hash, tasks: r.value.tasks, diagnostics: r.value.diagnostics, ready: readyTasks(r.value.graph) };
}

const shown = (s: BacklogSnapshot) => ({ hash: s.hash, tasks: s.tasks, diagnostics: s.diagnostics, ready: s.ready });

async function sessionOn(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-edit-state-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'backlog.md'), text);
  const { calls, services } = counted();
  const session = createSession({ services, watch: false });
  const opened = await session.open(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  return { dir, calls, session };
}

/** Edits through the session; the state it answers, and how many loads it took. */
async function edit(s: Awaited<ReturnType<typeof sessionOn>>, input: BacklogEditInput) {
  const before = await s.session.snapshot();
  if (!before.ok) throw new Error(before.error.message);
  const loads = s.calls.load;
  const r = await s.session.edit(input, before.value.hash);
  return { r, loads: s.calls.load - loads };
}

describe('the session after an edit', () => {
  it('field edits on corpus backlogs: no re-read, and the state a fresh read gives', async () => {
    const files = corpusFiles();
    // Every 7th file keeps the test quick; still dozens of real layouts.
    for (const name of files.filter((_, i) => i % 7 === 0)) {
      const s = await sessionOn(readCorpus(name));
      const snap = await s.session.snapshot();
      if (!snap.ok) throw new Error(snap.error.message);
      const tasks = snap.value.tasks.filter((_, i) => i % 5 === 0).slice(0, 6);
      for (const task of tasks) {
        for (const input of [
          { kind: 'setStatus', id: task.id, value: task.status === 'done' ? 'in_progress' : 'done' },
          { kind: 'setPriority', id: task.id, value: task.priority === 'high' ? 'low' : 'high' },
          { kind: 'setPoints', id: task.id, value: task.points === 5 ? 3 : 5 },
        ] as BacklogEditInput[]) {
          const { r } = await edit(s, input);
          if (!r.ok) continue; // a field the task cannot take (no column for it): nothing to compare
          expect(shown(r.value.snapshot), `${name} ${input.kind} ${task.id}`).toEqual(await fresh(s.dir));
        }
      }
      await s.session.close();
    }
  });

  it('a status edit on a large backlog answers without loading the project again', async () => {
    const rows = ['| ID | Title | P | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
    for (let i = 1; i <= 500; i++) rows.push(`| T-${i} | Task ${i} | P2 | 1 | ${i === 3 ? 'shelved' : 'todo'} | ${i > 1 ? `T-${i - 1}` : 'None'} |`);
    const s = await sessionOn(`${rows.join('\n')}\n`);
    const { r, loads } = await edit(s, { kind: 'setStatus', id: 'T-3', value: 'done' });
    expect(r.ok).toBe(true);
    expect(loads).toBe(0);
    if (!r.ok) return;
    // T-3's unknown status word is gone from the diagnostics, and T-4 is now ready.
    expect(r.value.snapshot.diagnostics.some((d) => d.taskId === 'T-3')).toBe(false);
    expect(r.value.snapshot.ready).toContain('T-4');
    expect(shown(r.value.snapshot)).toEqual(await fresh(s.dir));
    // A move is not predicted: the written text is parsed, still without a load.
    const moved = await edit(s, { kind: 'moveBefore', id: 'T-9', target: 'T-2' });
    expect(moved.r.ok).toBe(true);
    expect(moved.loads).toBe(0);
    if (moved.r.ok) expect(shown(moved.r.value.snapshot)).toEqual(await fresh(s.dir));
    await s.session.close();
  });

  it("with the team's words in taskdeck.json, a move and an added task show what a re-read shows", async () => {
    const rows = ['| ID | Title | P | Points | Status | Dependencies |', '|---|---|---|---|---|---|'];
    for (let i = 1; i <= 6; i++) rows.push(`| T-${i} | Task ${i} | P2 | 1 | ${i % 2 ? 'shipped' : 'parked'} | None |`);
    const s = await sessionOn(`${rows.join('\n')}\n`);
    writeFileSync(join(s.dir, 'taskdeck.json'), JSON.stringify({ vocabulary: { status: { shipped: 'done', parked: 'blocked' } } }));
    for (const input of [
      { kind: 'moveBefore', id: 'T-5', target: 'T-2' },
      { kind: 'addTask', id: 'T-7', task: { title: 'Seventh', status: 'blocked' } },
      { kind: 'setStatus', id: 'T-1', value: 'todo' },
    ] as BacklogEditInput[]) {
      const { r } = await edit(s, input);
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) expect(shown(r.value.snapshot), input.kind).toEqual(await fresh(s.dir));
    }
    const snap = await s.session.snapshot();
    expect(snap.ok && snap.value.tasks.find((t) => t.id === 'T-3')?.status).toBe('done');
    await s.session.close();
  });

  it('a file changed by someone else right after the edit is read again', async () => {
    const rows = ['| ID | Title | P | Points | Status | Dependencies |', '|---|---|---|---|---|---|', '| T-1 | One | P2 | 1 | todo | None |'];
    const s = await sessionOn(`${rows.join('\n')}\n`);
    const { r } = await edit(s, { kind: 'setStatus', id: 'T-1', value: 'done' });
    expect(r.ok).toBe(true);
    writeFileSync(join(s.dir, 'backlog.md'), `${rows.slice(0, 2).join('\n')}\n| T-1 | Renamed | P2 | 1 | blocked | None |\n`);
    const snap = await s.session.snapshot();
    expect(snap.ok && snap.value.tasks[0]).toMatchObject({ title: 'Renamed', status: 'blocked' });
    await s.session.close();
  });
});

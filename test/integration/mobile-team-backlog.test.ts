// A mobile team's backlog written as real teams write them: a legend, statuses like
// "🟨 Doing" / "🟩 Shipped" / "🟥 Stuck", MoSCoW priorities, multi-part IDs (APP-IOS-7,
// US-FE-001) and Jira keys (ABC2-123); read, edited and configured through the real code.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { applyEdit } from '../../src/main/core/backlog/edit';
import type { BacklogEdit } from '../../src/main/core/backlog/edit';
import { editBacklogFile } from '../../src/main/project/backlogEditor';
import { loadProject } from '../../src/main/project/loadBacklog';
import type { Vocabulary } from '../../src/shared/vocabulary';

const FIXTURE = join(__dirname, '../fixtures/mobile-team');
const text = readFileSync(join(FIXTURE, 'backlog.md'), 'utf8');
const PARKED: Vocabulary = { status: { Parked: 'blocked', '🧊': 'skipped' }, priority: { 'Nice to have': 'low' } };

function row(t: { id: string; status: string; priority: string; points: number | null; dependencies: string[] }) {
  return [t.id, t.status, t.priority, t.points, t.dependencies];
}

function edit(source: string, e: BacklogEdit, vocabulary?: Vocabulary): string {
  const result = applyEdit(source, parseBacklog(source, { vocabulary }), e);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text;
}

function lineOf(source: string, id: string): string {
  return source.split('\n').find((l) => l.startsWith(`| ${id} `) || l.startsWith(`### ${id}`)) ?? '';
}

describe('a mobile team backlog', () => {
  it('reads every ID, status, priority and dependency', () => {
    const r = parseBacklog(text);
    expect(r.tasks.map(row)).toEqual([
      ['APP-IOS-7', 'in_progress', 'critical', 5, ['APP-API-3']],
      ['APP-IOS-8', 'todo', 'high', 2, ['APP-IOS-7']],
      ['APP-AND-12', 'done', 'medium', 3, []],
      ['APP-API-3', 'done', 'critical', 8, []],
      ['APP-202', 'blocked', 'high', 5, ['APP-API-3', 'ABC2-123']],
      ['APP-203', 'todo', 'low', 1, []],
      ['US-FE-001', 'done', 'critical', 5, []],
      ['US-FE-002', 'in_progress', 'high', 3, []],
      ['ABC2-123', 'in_progress', 'critical', 8, ['US-FE-001']],
      ['ABC2-124', 'todo', 'high', 3, ['ABC2-123', 'APP-IOS-7']],
    ]);
    // "Live" and "Active" in titles are titles, not statuses; a file name is no dependency.
    expect(r.tasks.find((t) => t.id === 'APP-203')?.dependencyNotes).toBe('see docs/APP-203-links.md');
    expect(r.tasks.find((t) => t.id === 'APP-202')?.dependencyNotes).toBe('(payments team)');
    expect(r.diagnostics.map((d) => [d.code, d.taskId])).toEqual([['unknown-status', 'APP-203']]);
  });

  it('reads the legend: a bare emoji means what the legend says', () => {
    const bare = text.replace('| 🟨 Doing | APP-API-3 |', '| 🟨 | APP-API-3 |').replace('| 🟩 Shipped | — |', '| 🟩 | — |');
    const r = parseBacklog(bare);
    expect(r.tasks.find((t) => t.id === 'APP-IOS-7')?.status).toBe('in_progress');
    expect(r.tasks.find((t) => t.id === 'APP-AND-12')?.status).toBe('done');
  });

  it("reads the team's own words passed in with the text", () => {
    const r = parseBacklog(text, { vocabulary: PARKED });
    expect(r.tasks.find((t) => t.id === 'APP-203')?.status).toBe('blocked');
    expect(r.diagnostics).toEqual([]);
  });

  it("writes a status in the file's own words", () => {
    expect(lineOf(edit(text, { kind: 'setStatus', id: 'APP-202', value: 'in_progress' }), 'APP-202')).toContain('| 🟨 Doing |');
    expect(lineOf(edit(text, { kind: 'setStatus', id: 'APP-IOS-8', value: 'blocked' }), 'APP-IOS-8')).toContain('| 🟥 Stuck |');
    // A heading task with no example of its kind takes the rows' form.
    expect(lineOf(edit(text, { kind: 'setStatus', id: 'ABC2-124', value: 'done' }), 'ABC2-124')).toBe('### ABC2-124 - Apple Pay sheet');
    expect(edit(text, { kind: 'setStatus', id: 'ABC2-124', value: 'done' })).toContain('- **Status**: 🟩 Shipped\n- **Dependencies**: ABC2-123, APP-IOS-7');
  });

  it('falls back to the legend, then to the team word, when no task has the value yet', () => {
    const nobodyDoing = text.replace(/🟨 Doing/g, '⬜ To Do').replace('- **Status**: In Dev', '- **Status**: Up next');
    expect(lineOf(edit(nobodyDoing, { kind: 'setStatus', id: 'APP-202', value: 'in_progress' }), 'APP-202')).toContain('| 🟨 Doing |');
    // Nothing skipped in the file and no legend entry for it: the team's word.
    expect(lineOf(edit(text, { kind: 'setStatus', id: 'APP-IOS-8', value: 'skipped' }, PARKED), 'APP-IOS-8')).toMatch(/\| 🧊 +\| APP-IOS-7 \|$/);
    const noLegend = '| ID | Title | Status |\n|---|---|---|\n| X-1 | One | todo |\n';
    expect(edit(noLegend, { kind: 'setStatus', id: 'X-1', value: 'blocked' }, PARKED)).toContain('| X-1 | One | Parked |');
    expect(edit(noLegend, { kind: 'setStatus', id: 'X-1', value: 'blocked' })).toContain('| X-1 | One | blocked |');
  });

  it('adds and removes dependencies with multi-part IDs', () => {
    const added = edit(text, { kind: 'addDependency', id: 'APP-IOS-8', dependency: 'US-FE-002' });
    expect(lineOf(added, 'APP-IOS-8')).toContain('| APP-IOS-7, US-FE-002 |');
    const removed = edit(text, { kind: 'removeDependency', id: 'APP-202', dependency: 'ABC2-123' });
    expect(lineOf(removed, 'APP-202')).toMatch(/\| 🟥 Stuck \| APP-API-3 +\|$/);
    expect(parseBacklog(removed).tasks.find((t) => t.id === 'APP-202')?.dependencies).toEqual(['APP-API-3']);
  });

  it('moves a task with the team words in force (the re-read uses them too)', () => {
    const moved = edit(text, { kind: 'moveBefore', id: 'APP-203', target: 'APP-IOS-7' }, PARKED);
    expect(parseBacklog(moved, { vocabulary: PARKED }).tasks.map((t) => t.id).slice(0, 2)).toEqual(['APP-203', 'APP-IOS-7']);
  });
});

describe('the vocabulary key of taskdeck.json', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function project(config: unknown): string {
    const dir = mkdtempSync(join(tmpdir(), 'taskdeck-words-'));
    dirs.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'taskdeck.json'), JSON.stringify(config, null, 2));
    return dir;
  }

  it("reads the backlog with the team's words, and the editor writes with them", async () => {
    const dir = project({ vocabulary: PARKED });
    const loaded = await loadProject(dir);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.tasks.find((t) => t.id === 'APP-203')?.status).toBe('blocked');
    expect(loaded.value.diagnostics.filter((d) => d.code === 'unknown-status')).toEqual([]);
    // Without the parse at hand the editor reads the file with the words it is given.
    const done = await editBacklogFile(loaded.value.path, loaded.value.hash, { kind: 'moveToTop', id: 'APP-203' }, { vocabulary: PARKED });
    expect(done.ok).toBe(true);
  });

  it('refuses a bad target value, naming the key', async () => {
    const loaded = await loadProject(project({ vocabulary: { status: { Parked: 'parked' }, priority: { 'Nice to have': 'someday' } } }));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.code).toBe('config-invalid');
    expect(loaded.error.message).toContain('vocabulary.status.Parked: not a status; use one of todo, in_progress, blocked, done, failed, skipped');
    expect(loaded.error.message).toContain('vocabulary.priority.Nice to have: not a priority');
  });
});

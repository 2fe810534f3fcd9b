// The planner's edits on every corpus backlog: add a task (default place, and next to an
// existing one), write a description, archive and remove tasks. Each result reads back as
// intended (the editor refuses otherwise, so most must succeed), and its undo gives back
// the exact bytes.
import { describe, expect, it } from 'vitest';
import { parseBacklog, type ParseResult } from '../../src/main/core/backlog';
import { applyEdit, applyEditAndPredict, nextFreeId, type BacklogEdit } from '../../src/main/core/backlog/edit';
import { comparable, corpusFiles, readCorpus } from './edit-kit';

const files = corpusFiles();

function applyAndUndo(text: string, parsed: ParseResult, edit: BacklogEdit): { text: string; parsed: ParseResult } | string {
  const result = applyEditAndPredict(text, parsed, edit);
  if (!result.ok) return result.error.message;
  const after = parseBacklog(result.value.text);
  if (result.value.text !== text) {
    const inverse = result.value.inverse;
    if (!inverse) throw new Error(`${edit.kind} gave no inverse`);
    const undone = applyEdit(result.value.text, after, inverse);
    if (!undone.ok) throw new Error(undone.error.message);
    expect(undone.value.text === text).toBe(true);
  }
  return { text: result.value.text, parsed: after };
}

describe('planner edits on every corpus file', () => {
  it.each(files)('%s', (name) => {
    const text = readCorpus(name);
    const parsed = parseBacklog(text);
    const id = nextFreeId(parsed);
    expect(parsed.tasks.some((t) => t.id === id)).toBe(false);

    const added = applyAndUndo(text, parsed, { kind: 'addTask', id, task: { title: 'Corpus probe', points: 2, status: 'in_progress', run: 'true' } });
    if (typeof added === 'string') throw new Error(added);
    const probe = added.parsed.tasks.find((t) => t.id === id);
    expect(probe).toMatchObject({ title: 'Corpus probe', status: 'in_progress', executor: { kind: 'command', command: 'true' } });
    expect(added.parsed.tasks.filter((t) => t.id !== id).map(comparable)).toEqual(parsed.tasks.map(comparable));

    const middle = parsed.tasks[Math.floor(parsed.tasks.length / 2)];
    if (!middle) throw new Error('no tasks');
    const beside = applyAndUndo(text, parsed, { kind: 'addTask', id, task: { title: 'Beside' }, place: { after: middle.id } });
    if (typeof beside === 'string') throw new Error(beside);
    const ids = beside.parsed.tasks.map((t) => t.id);
    expect(ids.indexOf(id)).toBe(ids.indexOf(middle.id) + 1);

    // Every task in turn until one of each edit succeeds: some real tasks are refused on
    // purpose (a duplicate definition would take over), but never most.
    let described = 0;
    let archived = 0;
    let removed = 0;
    let refused = 0;
    for (const task of parsed.tasks.filter((_, i) => i % Math.max(1, Math.floor(parsed.tasks.length / 12)) === 0)) {
      for (const edit of [
        { kind: 'editTask', id: task.id, fields: { description: 'Rewritten in the corpus test.' } },
        { kind: 'archiveTask', id: task.id },
        { kind: 'removeTask', id: task.id, force: true },
      ] as BacklogEdit[]) {
        const result = applyAndUndo(text, parsed, edit);
        if (typeof result === 'string') {
          // Refusals say why; the table may have no description column.
          expect(result).toMatch(/Cannot|no Problem\/Outcome|defined again/);
          refused++;
          continue;
        }
        if (edit.kind === 'editTask') described++;
        if (edit.kind === 'archiveTask') archived++;
        if (edit.kind === 'removeTask') {
          removed++;
          expect(result.parsed.tasks.some((t) => t.id === task.id)).toBe(false);
        }
      }
    }
    expect(archived).toBeGreaterThan(0);
    expect(removed).toBeGreaterThan(0);
    expect(described + archived + removed).toBeGreaterThan(refused);
  }, 60_000);
});

// Several fields of one task in one write: each field is changed as its own edit would
// change it (the same cells and field lines), one after the other on the text the last
// one produced; the description through setDescription. Dependencies are set as a list:
// the ones no longer listed are removed, the new ones added, a cycle refused.
import { STATUSES, type Task } from '../../../../shared/backlog';
import { buildGraph } from '../graph';
import { parseBacklog, type ParseResult } from '../parse';
import { canonicalId, findTask, openContext, type EditContext } from './context';
import { oneLine } from './newTaskText';
import { addDependency, removeDependency } from './setDependencies';
import { setDescription } from './setDescription';
import { setPoints, setPriority, setStatus, setTitle } from './setFields';
import { setSprint } from './setSprint';
import type { EditError, TaskFieldChanges, TaskPosition } from './types';
import { moveNextTo } from './moveTask';
import { editError } from './types';

type Done = { ok: true; value: string } | { ok: false; error: EditError };
type Edited = { ok: true; value: { text: string; summary: string; expected: Task; moved: boolean } } | { ok: false; error: EditError };

function checkFields(fields: TaskFieldChanges): EditError | null {
  const bad = (message: string): EditError => ({ code: 'bad-value', message });
  if (fields.title !== undefined) {
    if (fields.title.trim() === '') return bad('A title cannot be empty.');
    if (/[\r\n]/.test(fields.title.trim())) return bad('A title must be one line.');
    if (/<!--|-->/.test(fields.title)) return bad('A title cannot contain `<!--` or `-->`.');
  }
  if (fields.points !== undefined && !(Number.isFinite(fields.points) && fields.points >= 0)) return bad(`Points must be a number of at least 0, not ${String(fields.points)}.`);
  if (fields.status !== undefined && !STATUSES.includes(fields.status)) return bad(`Unknown status "${String(fields.status)}".`);
  return null;
}

/** A cycle the new dependency list would close, as `A -> B -> A`, or null. */
export function newCycle(parsed: ParseResult, id: string, dependencies: string[]): string | null {
  const before = buildGraph(parsed.tasks);
  const after = buildGraph(parsed.tasks.map((t) => (t.id === id ? { ...t, dependencies } : t)));
  const known = new Set(before.cycles.map((c) => c.join()));
  const loop = after.cycles.find((c) => c.includes(id) && !known.has(c.join()));
  return loop ? loop.join(' -> ') : null;
}

export function editTask(text: string, parsed: ParseResult, id: string, fields: TaskFieldChanges, position?: TaskPosition): Edited {
  const invalid = checkFields(fields);
  if (invalid) return { ok: false, error: invalid };
  if (position?.before !== undefined && position.after !== undefined) return editError('bad-value', 'Give one place: before a task or after it.');
  const found = findTask(parsed, id);
  if (!found) return editError('unknown-task', `No task ${id} in this backlog. Check the ID with \`taskdeck list\`.`);
  const task = found.task;
  let wantedDeps: string[] | null = null;
  if (fields.dependencies !== undefined) {
    wantedDeps = [];
    for (const dep of fields.dependencies) {
      const target = findTask(parsed, dep);
      if (!target) return editError('unknown-task', `No task ${dep} in this backlog to depend on.`);
      if (target.task.id === task.id) return editError('bad-value', `${task.id} cannot depend on itself.`);
      if (!wantedDeps.includes(target.task.id)) wantedDeps.push(target.task.id);
    }
    const cycle = newCycle(parsed, task.id, wantedDeps);
    if (cycle) return editError('bad-value', `${task.id} cannot depend on that: it would create a dependency cycle (${cycle}).`);
  }
  const steps: ((ctx: EditContext) => Done)[] = [];
  const changed: string[] = [];
  if (fields.title !== undefined && oneLine(fields.title) !== task.title) {
    steps.push((ctx) => setTitle(ctx, oneLine(fields.title ?? '')));
    changed.push('title');
  }
  if (fields.status !== undefined && fields.status !== task.status) {
    steps.push((ctx) => setStatus(ctx, fields.status ?? 'todo'));
    changed.push('status');
  }
  if (fields.priority !== undefined && fields.priority !== task.priority) {
    steps.push((ctx) => setPriority(ctx, fields.priority ?? 'medium'));
    changed.push('priority');
  }
  if (fields.points !== undefined && fields.points !== task.points) {
    steps.push((ctx) => setPoints(ctx, fields.points ?? 0));
    changed.push('points');
  }
  if (fields.sprint !== undefined && (fields.sprint?.trim() || null) !== task.sprint) {
    steps.push((ctx) => setSprint(ctx, fields.sprint?.trim() || null));
    changed.push('sprint');
  }
  if (fields.description !== undefined) {
    steps.push((ctx) => setDescription(ctx, fields.description ?? ''));
    changed.push('description');
  }
  if (wantedDeps !== null) {
    const wanted = wantedDeps;
    for (const dep of task.dependencies.filter((d) => !wanted.includes(d))) steps.push((ctx) => removeDependency(ctx, dep));
    for (const dep of wanted.filter((d) => !task.dependencies.includes(canonicalId(d)))) steps.push((ctx) => addDependency(ctx, dep));
    if (wanted.join() !== task.dependencies.join()) changed.push('dependencies');
  }
  let moved = false;
  let movedNote = '';
  const target = position?.before ?? position?.after;
  if (target !== undefined) {
    const where = position?.before !== undefined ? 'before' : 'after';
    steps.push((ctx) => {
      const done = moveNextTo(ctx, target, where);
      // A task that cannot stand there in the file (another table's columns, another
      // heading level) keeps its place; the field changes still apply.
      if (!done.ok && done.error.code === 'cannot-edit') return { ok: true, value: '' };
      if (done.ok && ctx.doc.changed) {
        moved = true;
        movedNote = `; moved ${done.value}`;
      }
      return done;
    });
  }
  let current = text;
  let read = parsed;
  for (const step of steps) {
    const opened = openContext(read, task.id, current);
    if (!opened.ok) return opened;
    const done = step(opened.value);
    if (!done.ok) return done;
    if (!opened.value.doc.changed) continue;
    current = opened.value.doc.toString();
    read = parseBacklog(current);
  }
  const isHeading = found.src.def.kind === 'heading';
  const expected: Task = {
    ...task,
    ...(fields.title !== undefined ? { title: oneLine(fields.title) } : {}),
    ...(fields.status !== undefined ? { status: fields.status } : {}),
    ...(fields.priority !== undefined ? { priority: fields.priority } : {}),
    ...(fields.points !== undefined ? { points: fields.points } : {}),
    ...(fields.sprint !== undefined ? { sprint: fields.sprint?.trim() || null } : {}),
    ...(fields.description !== undefined
      ? { description: isHeading ? (fields.description.trim().split(/\r?\n/)[0] ?? '').trim() : oneLine(fields.description) }
      : {}),
    ...(wantedDeps !== null ? { dependencies: wantedDeps } : {}),
  };
  const summary = (changed.length > 0 ? `${task.id}: ${changed.join(', ')} changed` : `${task.id}: no field changed`) + movedNote;
  return { ok: true, value: { text: current, summary, expected, moved } };
}

// A new task, written where it belongs in the file's own dialect (format contract §10,
// "New tasks"): the ID in the file's scheme, the row or heading shaped like its neighbour,
// or the canonical table when the file has no task to copy.
import type { Task } from '../../../../shared/backlog';
import { isTaskId, normalizeId } from '../ids';
import type { ParseResult } from '../parse';
import type { TaskSource } from '../source';
import { findTask } from './context';
import { LineDocument } from './document';
import { idScheme, writtenId } from './nextId';
import { CANONICAL_DELIMITER, CANONICAL_HEADER, commentLines, fieldsOf, oneLine, renderHeading, renderPlainRow, renderRow } from './newTaskText';
import { findSlot } from './placement';
import type { EditError, NewTaskFields, TaskPlacement } from './types';
import { editError } from './types';
import { plural } from '../../../../shared/pluralise';

type Added = { ok: true; value: { text: string; task: NewTaskFields; summary: string } } | { ok: false; error: EditError };

const COMMENT_MARK = /<!--|-->/;

/** Checks what the user typed; returns the fields with dependencies spelled as defined. */
export function checkNewTask(parsed: ParseResult, id: string, task: NewTaskFields): { ok: true; value: NewTaskFields } | { ok: false; error: EditError } {
  const taken = findTask(parsed, id);
  if (taken) return editError('bad-value', `${taken.task.id} is taken (line ${taken.task.line}); leave out the ID to get the next free one.`);
  if (!isTaskId(normalizeId(id))) return editError('bad-value', `"${id}" is not a task ID; IDs look like B-049 (prefix, hyphen, number).`);
  const title = oneLine(task.title);
  if (title === '') return editError('bad-value', 'A new task needs a title.');
  if (/[\r\n]/.test(task.title.trim())) return editError('bad-value', 'A title must be one line.');
  for (const [name, value] of [['title', title], ['description', task.description], ['sprint', task.sprint], ['run command', task.run], ['reason', task.humanReason]] as const) {
    if (value && COMMENT_MARK.test(value)) return editError('bad-value', `The ${name} cannot contain \`<!--\` or \`-->\`: it would hide the rest of the file.`);
  }
  for (const [name, value] of [['sprint', task.sprint], ['run command', task.run], ['reason', task.humanReason]] as const) {
    if (value && /[\r\n]/.test(value)) return editError('bad-value', `The ${name} must be one line.`);
  }
  if (task.points !== undefined && task.points !== null && !(Number.isFinite(task.points) && task.points >= 0)) {
    return editError('bad-value', `Points must be a number of at least 0, not ${String(task.points)}.`);
  }
  const dependencies: string[] = [];
  for (const dep of task.dependencies ?? []) {
    const found = findTask(parsed, dep);
    if (!found) return editError('unknown-task', `No task ${dep} in this backlog to depend on.`);
    if (!dependencies.includes(found.task.id)) dependencies.push(found.task.id);
  }
  return { ok: true, value: { ...task, title, dependencies, sprint: task.sprint?.trim() || null } };
}

export function addTask(text: string, parsed: ParseResult, id: string, fields: NewTaskFields, place?: TaskPlacement): Added {
  const checked = checkNewTask(parsed, id, fields);
  if (!checked.ok) return checked;
  const task = checked.value;
  const canonical = normalizeId(id);
  const slot = findSlot(parsed, place);
  if (!slot.ok) return slot;
  const { at, template, table: emptyTable } = slot.value;
  // The neighbour's hyphen when there is one (a table may write `B-1` in a file of `B‑1` headings).
  const scheme = idScheme(parsed);
  const hyphen = template ? neighbourHyphen(parsed, template) : scheme.hyphen;
  const spell = (raw: string) => writtenId(raw, { ...scheme, hyphen });
  const written = spell(canonical);
  const values = { id: canonical, task, parsed, spell };
  const doc = new LineDocument(parsed.source, text);
  const blankBefore = at > 0 && (doc.lines[at - 1] ?? '').trim() !== '';
  const blankAfter = at < doc.lines.length && (doc.lines[at] ?? '').trim() !== '';
  let lines: string[];
  if (template === null && emptyTable !== undefined) {
    lines = [renderPlainRow(values, written, fieldsOf(emptyTable.columns, emptyTable.headers.length)), ...commentLines(values, { scoreLine: null, sprintComment: emptyTable.columns.sprint === undefined })];
  } else if (template === null) {
    const table = [CANONICAL_HEADER, CANONICAL_DELIMITER, renderRow(values, written, null), ...commentLines(values, { scoreLine: null, sprintComment: true })];
    if (text === '') return { ok: true, value: { text: ['# Backlog', '', ...table].join('\n') + '\n', task, summary: `${canonical}: added "${task.title}"` } };
    lines = [...(blankBefore ? [''] : []), ...table, ...(blankAfter ? [''] : [])];
  } else if (template.def.kind === 'row') {
    const score = template.comments['score'];
    const hasSprintColumn = template.def.table.columns.sprint !== undefined;
    lines = [renderRow(values, written, template), ...commentLines(values, { scoreLine: score ? (doc.lines[score.start] ?? null) : null, sprintComment: !hasSprintColumn })];
  } else {
    lines = [...(blankBefore ? [''] : []), ...renderHeading(values, written, template), ...(blankAfter ? [''] : [])];
  }
  doc.insert(at, lines, lines.map(() => doc.newline));
  return { ok: true, value: { text: doc.toString(), task, summary: `${canonical}: added "${task.title}"` } };
}

function neighbourHyphen(parsed: ParseResult, src: TaskSource): string {
  const line = parsed.source.lines[src.def.kind === 'row' ? src.def.rowStart : src.def.headingLine] ?? '';
  return line.includes(src.id.replace(/-/g, '\u2011')) ? '\u2011' : '-';
}

/** What a new task must read back as: the fields the user gave (the rest is the file's habit). */
export function checkAdded(id: string, task: NewTaskFields, headingTask: boolean): (read: Task) => string | null {
  return (read) => {
    if (read.title !== task.title) return `the title "${read.title}"`;
    if (read.status !== (task.status ?? 'todo')) return `the status ${read.status}`;
    if (task.priority !== undefined && read.priority !== task.priority) return `the priority ${read.priority}`;
    if (task.points !== undefined && task.points !== null && read.points !== task.points) return read.points === null ? 'no points' : plural(read.points, 'point');
    const deps = [...(task.dependencies ?? [])].sort().join(',');
    if ([...read.dependencies].sort().join(',') !== deps) return `the dependencies ${read.dependencies.join(', ') || 'none'}`;
    if (read.sprint !== (task.sprint ?? null)) return `the sprint ${read.sprint ?? 'none'}`;
    if (task.description?.trim()) {
      const want = headingTask ? (task.description.trim().split(/\r?\n/)[0] ?? '').trim() : oneLine(task.description);
      if (read.description !== want) return 'another description';
    }
    if (task.run !== undefined && (read.executor?.kind !== 'command' || read.executor.command !== task.run.trim())) return 'another run command';
    if (read.humanRequired !== (task.humanReason !== undefined)) return 'another human-required flag';
    return id === read.id ? null : `the ID ${read.id}`;
  };
}

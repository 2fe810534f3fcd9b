// The lines of a new task, written the way its neighbour (the template) is written: a row
// of the same table (its columns, cell padding, ID decoration and the file's words for
// status and priority), or a heading of the same level with the same field lines. Comments
// follow: a score comment only when the template has one, then sprint, run and human.
import type { Status } from '../../../../shared/backlog';
import type { ParseResult } from '../parse';
import type { ColumnField, TaskSource } from '../source';
import { LineDocument } from './document';
import { splitFieldLine } from './fieldLine';
import { locatePlain } from './locatePlain';
import { noneForm } from './noneForm';
import { cellText, escapeCell, fitCell, locateCells } from './tableCells';
import type { KnownPriority, NewTaskFields } from './types';
import { priorityForm, statusForm, type DefinitionKind } from './vocabulary';

/** The canonical table of docs/backlog-format.md §3.1, for a file with no tasks yet. */
export const CANONICAL_HEADER = '| ID | Title | Priority | Points | Status | Problem/Outcome | Tech Footprint | Dependencies |';
export const CANONICAL_DELIMITER = '|---|---|---|---|---|---|---|---|';
const CANONICAL_FIELDS: (ColumnField | null)[] = ['id', 'title', 'priority', 'points', 'status', 'description', 'techFootprint', 'dependencies'];

/** A description in a table cell is one line: its lines joined with one space. */
export function oneLine(text: string): string {
  return text.trim().replace(/\s*[\r\n]+\s*/g, ' ').replace(/[ \t]+/g, ' ');
}

interface Values {
  id: string;
  task: NewTaskFields;
  parsed: ParseResult;
  /** An ID as the file writes it (U+2011 hyphens where its neighbours use them). */
  spell?: (id: string) => string;
}

function depsText(v: Values, separator = ', '): string {
  return (v.task.dependencies ?? []).map((d) => (v.spell ? v.spell(d) : d)).join(separator);
}

function statusText(v: Values, kind: DefinitionKind): string {
  return statusForm(v.parsed.tasks, v.parsed.source, kind, v.task.status ?? ('todo' satisfies Status));
}

function priorityText(v: Values, kind: DefinitionKind): string {
  return priorityForm(v.parsed.tasks, v.parsed.source, kind, v.task.priority ?? ('medium' satisfies KnownPriority));
}

function pointsText(v: Values): string {
  return v.task.points === undefined || v.task.points === null ? '' : String(v.task.points);
}

function idPattern(id: string): RegExp {
  return new RegExp(id.replace(/-/g, '[-\u2011]'), 'i');
}

/** The ID cell as the template decorates it (`**B-049**`, `` `B-049` ``); a link becomes the plain ID. */
function idCell(templateCell: string, templateId: string, id: string): string {
  const raw = templateCell.trim();
  if (raw.startsWith('[')) return id;
  const m = idPattern(templateId).exec(raw);
  return m ? raw.slice(0, m.index) + id + raw.slice(m.index + m[0].length) : id;
}

function rowContent(v: Values, field: ColumnField | null, template: TaskSource | null, none: (f: 'dependencies' | 'sprint', fallback: string) => string): string {
  switch (field) {
    case 'title':
      return escapeCell(oneLine(v.task.title));
    case 'priority':
      return priorityText(v, 'row');
    case 'points':
      return pointsText(v);
    case 'status':
      return statusText(v, 'row');
    case 'description':
      return escapeCell(oneLine(v.task.description ?? ''));
    case 'dependencies':
      return (v.task.dependencies ?? []).length > 0 ? depsText(v) : none('dependencies', 'None');
    case 'sprint':
      return v.task.sprint ? escapeCell(v.task.sprint) : none('sprint', '-');
    default:
      return '';
  }
}

/** A row with one space of padding, for a table without rows to copy: `fields[i]` is cell i's field. */
export function renderPlainRow(v: Values, writtenId: string, fields: readonly (ColumnField | null)[]): string {
  const none = (_f: 'dependencies' | 'sprint', fallback: string) => fallback;
  const cells = fields.map((f) => (f === 'id' ? writtenId : rowContent(v, f, null, none)));
  return '| ' + cells.map((c) => (c === '' ? '' : c + ' ')).join('| ').replace(/ $/, '') + ' |';
}

/** Cell i's field in a table's columns (null for a column kept as metadata). */
export function fieldsOf(columns: Partial<Record<ColumnField, number>>, count: number): (ColumnField | null)[] {
  const out: (ColumnField | null)[] = Array.from({ length: count }, () => null);
  for (const [field, index] of Object.entries(columns)) if (index < count) out[index] = field as ColumnField;
  return out;
}

/** A table row for the new task, with the template row's cells and padding (or the canonical row). */
export function renderRow(v: Values, writtenId: string, template: TaskSource | null): string {
  if (template === null || template.def.kind !== 'row') return renderPlainRow(v, writtenId, CANONICAL_FIELDS);
  const def = template.def;
  const lines = v.parsed.source.lines;
  const spans = locateCells(lines, def.rowStart, def.rowEnd);
  const fieldAt = new Map<number, ColumnField>();
  for (const [field, index] of Object.entries(def.table.columns)) fieldAt.set(index, field as ColumnField);
  const templateTask = v.parsed.tasks.find((t) => t.id === template.id);
  const ctx = templateTask ? { parsed: v.parsed, doc: new LineDocument(v.parsed.source), task: templateTask, src: template } : null;
  const none = (f: 'dependencies' | 'sprint', fallback: string) =>
    ctx ? noneForm(ctx, f, f === 'sprint' ? (t) => t.sprint === null : (t) => t.dependencies.length === 0, fallback) : fallback;
  const first = lines[def.rowStart] ?? '';
  const indent = first.slice(0, first.indexOf('|'));
  const cells = spans.map((span, i) => {
    const raw = cellText(lines, span);
    const field = fieldAt.get(i) ?? null;
    const content = field === 'id' ? idCell(raw, template.id, writtenId) : rowContent(v, field, template, none);
    return fitCell(raw, content);
  });
  return indent + '|' + cells.join('|') + '|';
}

const FIELD_LABEL = { priority: 'Priority', points: 'Points', status: 'Status', dependencies: 'Dependencies', description: 'Description', sprint: 'Sprint' } as const;
type HeadingField = keyof typeof FIELD_LABEL;
const FIELD_ORDER: HeadingField[] = ['priority', 'points', 'status', 'dependencies', 'description', 'sprint'];

function headingValue(v: Values, field: HeadingField): string | null {
  switch (field) {
    case 'priority':
      return priorityText(v, 'heading');
    case 'points':
      return pointsText(v) || null;
    case 'status':
      return statusText(v, 'heading');
    case 'dependencies':
      return (v.task.dependencies ?? []).length > 0 ? depsText(v) : 'None';
    case 'description':
      return v.task.description?.trim() ? v.task.description.trim() : null;
    case 'sprint':
      return v.task.sprint ?? null;
  }
}

/**
 * A description's first line goes on the field line; the lines after it are indented
 * under it (nested content belongs to the field above), so its Markdown stays as written.
 */
export function descriptionLines(prefix: string, description: string): string[] {
  const [head = '', ...rest] = description.trim().split(/\r?\n/);
  return [prefix + head.trimEnd(), ...rest.map((line) => (line.trim() === '' ? '' : '  ' + line.trimEnd()))];
}

/** The heading line for the new task, shaped like the template's (`### **B-1: Title**`). */
function headingLine(template: TaskSource, lines: readonly string[], templateTitle: string, writtenId: string, title: string, level: number): string {
  const fallback = `${'#'.repeat(level)} ${writtenId}: ${title}`;
  if (template.def.kind !== 'heading') return fallback;
  const line = lines[template.def.headingLine] ?? '';
  const m = idPattern(template.id).exec(line);
  if (!m) return fallback;
  const before = line.slice(0, m.index);
  const afterId = m.index + m[0].length;
  const found = locatePlain(line, templateTitle, afterId);
  if (!found) return fallback;
  const sep = line.slice(afterId, found.from);
  const closer = before.includes('**') && line.slice(found.to).startsWith('**') ? '**' : '';
  return before + writtenId + sep + title + closer;
}

export interface CommentOptions {
  /** The template's score comment line, to copy its spelling; null: no score comment. */
  scoreLine: string | null;
  /** Write the sprint as a comment (no sprint cell or field line). */
  sprintComment: boolean;
}

export function commentLines(v: Values, options: CommentOptions): string[] {
  const out: string[] = [];
  if (options.scoreLine !== null) {
    const m = /^(\s*<!--\s*score\s*:\s*)/i.exec(options.scoreLine);
    const close = /\s*-->\s*$/.exec(options.scoreLine);
    // Only what is known: effort from the points and the dependencies. The other scores
    // are a planner's judgement, left for them to fill in.
    const effort = v.task.points ? `effort:${v.task.points}, ` : '';
    out.push(`${m?.[1] ?? '<!--score: '}{${effort}deps:[${depsText(v)}]}${close?.[0].trim() ?? '-->'}`);
  }
  if (options.sprintComment && v.task.sprint) out.push(`<!-- sprint: ${v.task.sprint} -->`);
  if (v.task.run) out.push(`<!-- run: ${v.task.run} -->`);
  if (v.task.humanReason !== undefined) {
    out.push('<!-- human_required: true -->');
    if (v.task.humanReason.trim() !== '') out.push(`<!-- reason: ${v.task.humanReason.trim()} -->`);
  }
  return out;
}

/** The heading task's lines: heading, field lines in the template's order and style, comments. */
export function renderHeading(v: Values, writtenId: string, template: TaskSource): string[] {
  if (template.def.kind !== 'heading') return [];
  const def = template.def;
  const lines = v.parsed.source.lines;
  const templateTask = v.parsed.tasks.find((t) => t.id === template.id);
  const out = [headingLine(template, lines, templateTask?.title ?? '', writtenId, oneLine(v.task.title), def.level)];
  const known = FIELD_ORDER.filter((f) => def.fieldLines[f] !== undefined).sort((a, b) => (def.fieldLines[a] ?? 0) - (def.fieldLines[b] ?? 0));
  const firstPrefix = known.length > 0 ? splitFieldLine(lines[def.fieldLines[known[0] as HeadingField] ?? 0] ?? '')?.prefix : undefined;
  const prefixFor = (field: HeadingField): string => {
    const own = def.fieldLines[field] === undefined ? undefined : splitFieldLine(lines[def.fieldLines[field] ?? 0] ?? '')?.prefix;
    if (own !== undefined) return own.endsWith(' ') ? own : own + ' ';
    // A field the template lacks: the template's first field line with its key swapped.
    if (firstPrefix !== undefined) {
      const swapped = firstPrefix.replace(/\*\*[^*]+?(:?)\*\*/, `**${FIELD_LABEL[field]}$1**`);
      return swapped.endsWith(' ') ? swapped : swapped + ' ';
    }
    return `- **${FIELD_LABEL[field]}**: `;
  };
  // A field the template has no line for gets one only when the new task sets it.
  const given: Record<HeadingField, boolean> = {
    priority: v.task.priority !== undefined,
    points: pointsText(v) !== '',
    status: v.task.status !== undefined,
    dependencies: (v.task.dependencies ?? []).length > 0,
    description: Boolean(v.task.description?.trim()),
    sprint: false,
  };
  const extra = FIELD_ORDER.filter((f) => !known.includes(f) && given[f]);
  const sprintAsComment = !known.includes('sprint');
  for (const field of [...known, ...extra]) {
    const value = headingValue(v, field);
    if (value === null) continue;
    if (field === 'description') out.push(...descriptionLines(prefixFor(field), value));
    else out.push(prefixFor(field) + value);
  }
  const score = template.comments['score'];
  out.push(...commentLines(v, { scoreLine: score ? (lines[score.start] ?? null) : null, sprintComment: sprintAsComment }));
  return out;
}

// Turns definitions into Tasks: merges duplicates (format section 3.3) and normalises
// every field (section 4), with the diagnostics that go with them.

import type { Diagnostic, Priority, Status, Task } from '../../../shared/backlog';
import type { CommentList, Definition } from './definitions';
import type { ColumnField } from './source';
import type { Legends } from './legends';
import type { Lexicon } from './lexicon';
import { type IdSet, idsInText, parseDependencies } from './dependencies';
import { KnownIds } from './ids';
import { executorFrom, parseHumanRequired, parsePoints, parseSprint, unquote } from './fieldValues';
import { plainText } from './inline';
import { normalizePriority } from './normalizePriority';
import { normalizeStatus } from './normalizeStatus';
import { computeScoreTotal, parseScore, parseScoreTotal } from './score';
import { commentKey, readTaskComments, SpecialComments } from './taskComments';

/**
 * A task's parts: its first definition's, with what later definitions of the ID add. Made
 * to keep only for an ID defined more than once; the others are read through one object
 * filled for each in turn (an object per task that lived through the build cost more than
 * the merge).
 */
interface Merged {
  fields: Partial<Record<ColumnField, string>>;
  extra: Record<string, string>;
  /**
   * The comments the task is read with, [from, to) of `comments`, the last of a key
   * winning: the first definition's range of the walk's list until a duplicate adds keys
   * (then a list of their own). A list, not a Map per task: the Maps were a twentieth of
   * everything a large parse allocated.
   */
  comments: CommentList;
  from: number;
  to: number;
}

/** Cell texts repeat a lot (`todo`, `✅ done`, `🔥`): each distinct one is normalised once per file. */
export interface Normalizers {
  status: (raw: string) => Status | null;
  priority: (raw: string) => Priority | null;
  points: (raw: string) => number | null;
}

function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const known = seen.get(raw);
    if (known !== undefined || seen.has(raw)) return known as T;
    const value = fn(raw);
    seen.set(raw, value);
    return value;
  };
}

export function normalizersFor(legends: Legends, lexicon: Lexicon | null = null): Normalizers {
  const teamStatus = lexicon?.status ?? null;
  const teamPriority = lexicon?.priority ?? null;
  return {
    status: memo((raw) => normalizeStatus(raw, legends.status, teamStatus)),
    priority: memo((raw) => normalizePriority(raw, legends.priority, teamPriority)),
    points: memo(parsePoints),
  };
}

/** `comments`: the walk's attached comments; `defined`: every defined ID (the walk's map of first definitions). */
export function buildTasks(
  definitions: Definition[],
  comments: CommentList,
  legends: Legends,
  defined: IdSet,
  lexicon: Lexicon | null = null,
): { tasks: Task[]; diagnostics: Diagnostic[] } {
  const norm = normalizersFor(legends, lexicon);
  const diagnostics: Diagnostic[] = [];
  const order: Definition[] = [];
  const firstOf = new FirstIndex(order);
  const merges = new Map<Definition, Merged>();
  // Indexed: this runs once per parse, too few times to be optimised, and for-of there
  // makes an iterator result per definition.
  for (let d = 0; d < definitions.length; d++) {
    const def = definitions[d];
    // The walk gives only an ID's first definition a source; a later one merges into it.
    const known = def.source === null ? firstOf.get(def.id) : undefined;
    if (known === undefined) {
      order.push(def);
      continue;
    }
    const differs = disagreements(known, def, norm);
    if (differs.length > 0) {
      diagnostics.push({
        severity: 'warning',
        code: 'duplicate-id',
        message: `${def.id} is defined on line ${known.line + 1} and again on line ${def.line + 1}; they differ in ${differs.join(', ')}. The first definition is used.`,
        line: def.line + 1,
        taskId: def.id,
      });
    }
    let merged = merges.get(known);
    if (merged === undefined) {
      // Shared with the first definition until a later one fills something (see fill).
      merged = { fields: known.fields, extra: known.extra, comments, from: known.commentsFrom, to: known.commentsTo };
      merges.set(known, merged);
    }
    fill(merged, known, def, comments);
  }
  const known = new KnownIds(defined);
  // One parts object and one scratch serve every task in turn (toTask keeps neither): an
  // object or two per task, dead at once, still cost collections.
  const own: Merged = { fields: {}, extra: {}, comments, from: 0, to: 0 };
  const scratch: TaskScratch = { special: new SpecialComments(), ids: [] };
  const tasks = order.map((def, rank) => {
    let m = merges.size === 0 ? undefined : merges.get(def);
    if (m === undefined) {
      own.fields = def.fields;
      own.extra = def.extra;
      own.from = def.commentsFrom;
      own.to = def.commentsTo;
      m = own;
    }
    return toTask(def, m, scratch, rank, known, norm, diagnostics);
  });
  return { tasks, diagnostics };
}

/**
 * Finds an ID's first definition for a duplicate. Indexed only when a duplicate turns up
 * (rare): a map of every ID, kept up to date, cost more than the rest of the merge.
 */
class FirstIndex {
  private readonly byId = new Map<string, Definition>();
  private indexed = 0;

  constructor(private readonly order: readonly Definition[]) {}

  get(id: string): Definition | undefined {
    for (; this.indexed < this.order.length; this.indexed++) {
      const d = this.order[this.indexed];
      this.byId.set(d.id, d);
    }
    return this.byId.get(id);
  }
}

function hasText(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}

/** A later definition fills what the first one lacks. */
function fill(into: Merged, first: Definition, def: Definition, comments: CommentList): void {
  for (const [field, value] of Object.entries(def.fields) as [ColumnField, string][]) {
    if (!hasText(into.fields[field]) && hasText(value)) {
      // Copy on first write: duplicate-id compares against the first definition as written.
      if (into.fields === first.fields) into.fields = { ...into.fields };
      into.fields[field] = value;
    }
  }
  for (const [k, v] of Object.entries(def.extra)) {
    if (k in into.extra) continue;
    if (into.extra === first.extra) into.extra = { ...into.extra };
    into.extra[k] = v;
  }
  // A key the task already has keeps its value; a new one comes with all its comments,
  // so that within this definition the last still wins.
  const keys = into.comments.keys.slice(into.from, into.to);
  const values = into.comments.values.slice(into.from, into.to);
  const had = new Set(keys.map(commentKey));
  for (let i = def.commentsFrom; i < def.commentsTo; i++) {
    if (had.has(commentKey(comments.keys[i]))) continue;
    keys.push(comments.keys[i]);
    values.push(comments.values[i]);
  }
  if (keys.length === into.to - into.from) return;
  into.comments = { keys, values };
  into.from = 0;
  into.to = keys.length;
}

function disagreements(a: Definition, b: Definition, norm: Normalizers): string[] {
  const out: string[] = [];
  const both = (f: ColumnField): boolean => hasText(a.fields[f]) && hasText(b.fields[f]);
  if (both('title') && plainText(a.fields.title ?? '') !== plainText(b.fields.title ?? '')) out.push('title');
  const differ = (f: 'points' | 'priority' | 'status'): boolean =>
    both(f) && norm[f]((a.fields[f] ?? '').trim()) !== norm[f]((b.fields[f] ?? '').trim());
  if (differ('points')) out.push('points');
  if (differ('priority')) out.push('priority');
  if (differ('status')) out.push('status');
  return out;
}

/** What toTask reads each task with, one for every task of a parse in turn; it keeps none of it. */
interface TaskScratch {
  special: SpecialComments;
  /** Where a dependency cell's IDs are gathered (see parseDependencies). */
  ids: string[];
}

function toTask(def: Definition, m: Merged, scratch: TaskScratch, rank: number, defined: IdSet, norm: Normalizers, diagnostics: Diagnostic[]): Task {
  const special = scratch.special;
  const id = def.id;
  const line = def.line + 1;

  const priorityRaw = (m.fields.priority ?? '').trim();
  let priority: Priority | null = norm.priority(priorityRaw);
  // A field the task does not have at all (no column, no field line) is not a mistake
  // in the file: it gets its empty value without a diagnostic.
  if (priority === null) {
    priority = 'unknown';
    if (m.fields.priority !== undefined) note(diagnostics, line, id, 'info', 'unknown-priority', `${id} has no priority Taskdeck recognises (${quote(priorityRaw)}); it is shown as unknown.`);
  }
  const statusRaw = (m.fields.status ?? '').trim();
  let status: Status | null = norm.status(statusRaw);
  if (status === null) {
    status = 'todo';
    if (m.fields.status !== undefined) note(diagnostics, line, id, 'warning', 'unknown-status', `${id} has no status Taskdeck recognises (${quote(statusRaw)}); it is treated as todo.`);
  }
  const points = norm.points((m.fields.points ?? '').trim());
  if (points === null && m.fields.points !== undefined) {
    note(diagnostics, line, id, 'warning', 'bad-points', `${id} has no points number (${quote((m.fields.points ?? '').trim())}); write a number like 3 or 0.5.`);
  }

  const metadata: Record<string, unknown> = {};
  for (const k in m.extra) metadata[k] = m.extra[k];
  readTaskComments(m, metadata, special);

  const deps = parseDependencies(m.fields.dependencies ?? '', defined, scratch.ids);
  const scoreText = special.score;
  const parsedScore = scoreText === undefined ? null : parseScore(scoreText);
  // Most tasks share the frozen empty list, which copies slowly (another elements kind):
  // a new [] for them; any other list is an exact copy of the scratch, the task's to keep.
  const dependencies = deps.ids.length === 0 ? [] : (deps.ids as string[]);
  if (parsedScore !== null) {
    for (const d of idsInText(parsedScore.depsText, defined)) if (!dependencies.includes(d)) dependencies.push(d);
  }
  const score = parsedScore?.score ?? null;
  const totalText = special.scoreTotal;
  const written = totalText === undefined ? null : parseScoreTotal(totalText);
  const computed = score === null ? null : computeScoreTotal(score);
  // The epsilon keeps 5.75 vs 5.7 (0.05000000000000071 in floating point) within 0.05.
  if (written !== null && computed !== null && Math.abs(written - computed) > 0.05 + 1e-9) {
    note(diagnostics, line, id, 'info', 'score-mismatch', `${id}: score_total is ${written} but the score gives ${computed} ((bv+tc+rr+le)/effort).`);
  }

  const human = parseHumanRequired(special.humanRequired ?? '');
  const reason = special.reason;
  const sprintFromCell = parseSprint(m.fields.sprint ?? '');
  const sprintComment = special.sprint;

  return {
    id,
    title: plainText(m.fields.title ?? ''),
    priority,
    priorityRaw,
    points,
    status,
    statusRaw,
    description: (m.fields.description ?? '').trim(),
    techFootprint: (m.fields.techFootprint ?? '').trim(),
    dependencies,
    dependencyNotes: deps.notes,
    score,
    scoreTotal: written ?? computed,
    humanRequired: human.required,
    humanReason: human.required ? (hasText(reason) ? unquote(reason.trim()) : human.reason) : null,
    executor: executorFrom(special.run ?? null, special.defaultExecutor ?? null),
    sprint: sprintFromCell ?? (sprintComment === undefined ? null : parseSprint(sprintComment)),
    metadata,
    rank,
    section: def.section,
    line,
  };
}

/** A task's diagnostic. A plain function, not a closure per task (one showed in allocation profiles). */
function note(into: Diagnostic[], line: number, taskId: string, severity: Diagnostic['severity'], code: Diagnostic['code'], message: string): void {
  into.push({ severity, code, message, line, taskId });
}

function quote(raw: string): string {
  return raw === '' ? 'empty' : `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
}

// Table header names -> task fields (format section 3.1), and the canonical layout.

import type { ColumnField, TableInfo } from './source';
import { stripEmoji } from './emoji';
import { dropEmphasis } from './inline';

const NAMES: Record<string, ColumnField> = {
  id: 'id',
  // Beyond the contract's table (section 9): common spellings of the same columns.
  'task id': 'id',
  'story id': 'id',
  'item id': 'id',
  'story points': 'points',
  sp: 'points',
  dependency: 'dependencies',
  depends: 'dependencies',
  title: 'title',
  name: 'title',
  task: 'title',
  story: 'title',
  p: 'priority',
  priority: 'priority',
  prio: 'priority',
  points: 'points',
  pts: 'points',
  estimate: 'points',
  effort: 'points',
  status: 'status',
  state: 'status',
  problemoutcome: 'description',
  problem: 'description',
  outcome: 'description',
  description: 'description',
  summary: 'description',
  'tech footprint': 'techFootprint',
  tech: 'techFootprint',
  stack: 'techFootprint',
  dependencies: 'dependencies',
  deps: 'dependencies',
  'depends on': 'dependencies',
  'blocked by': 'dependencies',
  sprint: 'sprint',
  'sprint id': 'sprint',
  iteration: 'sprint',
  milestone: 'sprint',
};

export const CANONICAL_HEADERS = [
  'ID',
  'Title',
  'Priority',
  'Points',
  'Status',
  'Problem/Outcome',
  'Tech Footprint',
  'Dependencies',
];

const CANONICAL_FIELDS: ColumnField[] = [
  'id',
  'title',
  'priority',
  'points',
  'status',
  'description',
  'techFootprint',
  'dependencies',
];

/** Lower-cased, emoji and punctuation dropped, spaces collapsed. */
export function normalizeName(name: string): string {
  return stripEmoji(name)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field a header name or field-line key stands for, if any. */
export function fieldForName(name: string): ColumnField | null {
  // Field-line keys repeat a lot in a file (Priority, Status, ...): remember them.
  const known = FIELD_CACHE.get(name);
  if (known !== undefined) return known;
  const key = normalizeName(name);
  const field = Object.prototype.hasOwnProperty.call(NAMES, key) ? NAMES[key] : null;
  if (FIELD_CACHE.size > 10_000) FIELD_CACHE.clear();
  FIELD_CACHE.set(name, field);
  return field;
}

const FIELD_CACHE = new Map<string, ColumnField | null>();

/** Header text as metadata keys use it: trimmed, emphasis dropped. */
export function headerLabel(cell: string): string {
  return dropEmphasis(cell).trim();
}

export function tableFromHeader(headerLine: number, cells: string[]): TableInfo {
  const headers = cells.map(headerLabel);
  const columns: TableInfo['columns'] = {};
  headers.forEach((h, i) => {
    const f = fieldForName(h);
    if (f !== null && columns[f] === undefined) columns[f] = i;
  });
  return { headerLine, headers, columns };
}

/**
 * The canonical layout, for rows without a usable header. `shift` is 1 for rows written
 * with an empty first cell (`|| B-100 | ...`), whose cells all sit one place right.
 */
export function canonicalTable(shift: 0 | 1): TableInfo {
  const columns: TableInfo['columns'] = {};
  CANONICAL_FIELDS.forEach((f, i) => {
    columns[f] = i + shift;
  });
  return { headerLine: null, headers: shift === 1 ? ['', ...CANONICAL_HEADERS] : [...CANONICAL_HEADERS], columns };
}

/** Rows of a header with an ID column but no status and no points column only refer to tasks. */
export function isReferenceTable(table: TableInfo): boolean {
  return table.columns.status === undefined && table.columns.points === undefined;
}

// Reads one table row (format section 3.1): which layout its cells follow and the task
// it defines, if any.

import type { Diagnostic } from '../../../shared/backlog';
import type { ColumnField, TableInfo } from './source';
import { canonicalTable } from './headers';
import { isReferenceTable } from './headers';
import { idFromCell } from './ids';
import { plural } from '../../../shared/pluralise';

export interface ActiveHeader {
  info: TableInfo;
  /** The table's index in SourceMap.tables. */
  index: number;
}

export type RowReading =
  /** The row uses the header's columns (task or not). */
  | { layout: 'header'; id: string | null; table: TableInfo }
  /** The row uses the canonical layout. */
  | { layout: 'canonical'; id: string | null; table: TableInfo }
  /** Too few cells to read; `id` is what its first cell holds. */
  | { layout: 'none'; id: string | null };

const CANONICAL = canonicalTable(0);
const CANONICAL_SHIFTED = canonicalTable(1);

/** The row whose cells are texts[0, n). */
export function readRow(texts: readonly string[], n: number, header: ActiveHeader | null): RowReading {
  if (header !== null && n === header.info.headers.length) {
    const col = header.info.columns.id;
    if (col === undefined || isReferenceTable(header.info)) return { layout: 'header', id: null, table: header.info };
    return { layout: 'header', id: idFromCell(texts[col]), table: header.info };
  }
  const shifted = n >= 6 && texts[0] === '' && idFromCell(texts[1]) !== null;
  if (n >= 5) {
    const table = shifted ? CANONICAL_SHIFTED : CANONICAL;
    return { layout: 'canonical', id: idFromCell(texts[shifted ? 1 : 0]), table };
  }
  const first = n > 0 ? idFromCell(texts[0]) : null;
  return { layout: 'none', id: first ?? (n > 1 && texts[0] === '' ? idFromCell(texts[1]) : null) };
}

interface RowLayout {
  fields: [ColumnField, number][];
  extra: [string, number][];
}

// One layout per table, worked out once: rows of a table all read the same cells.
const LAYOUTS = new WeakMap<TableInfo, RowLayout>();

function layoutOf(table: TableInfo): RowLayout {
  const known = LAYOUTS.get(table);
  if (known !== undefined) return known;
  const fields: [ColumnField, number][] = [];
  const used = new Set<number>();
  for (const [field, index] of Object.entries(table.columns) as [ColumnField, number][]) {
    used.add(index);
    if (field !== 'id') fields.push([field, index]);
  }
  const extra: [string, number][] = [];
  const seen = new Set<string>();
  if (table.headerLine !== null) {
    table.headers.forEach((h, i) => {
      if (!used.has(i) && h !== '' && !seen.has(h)) {
        seen.add(h);
        extra.push([h, i]);
      }
    });
  }
  const layout = { fields, extra };
  LAYOUTS.set(table, layout);
  return layout;
}

/**
 * A row's field texts, a slot for every field (undefined where the table has no such
 * column): the object holds them all itself, where a literal grown to seven fields kept
 * four and put the rest in a second object, for every row of the file.
 */
class FieldTexts implements Partial<Record<ColumnField, string>> {
  title: string | undefined = undefined;
  priority: string | undefined = undefined;
  points: string | undefined = undefined;
  status: string | undefined = undefined;
  description: string | undefined = undefined;
  techFootprint: string | undefined = undefined;
  dependencies: string | undefined = undefined;
  sprint: string | undefined = undefined;
}

/** Field texts (without the ID) and extra columns of the row of cells texts[0, n) read with `table`. */
export function rowFields(
  texts: readonly string[],
  n: number,
  table: TableInfo,
): { fields: Partial<Record<ColumnField, string>>; extra: Record<string, string> } {
  const layout = layoutOf(table);
  const fields: Partial<Record<ColumnField, string>> = new FieldTexts();
  // Indexed, not `for (const [field, index] of ...)`: destructuring each pair made an
  // iterator per field of every row.
  const f = layout.fields;
  for (let k = 0; k < f.length; k++) if (f[k][1] < n) fields[f[k][0]] = texts[f[k][1]];
  // Most tables have no other columns: their rows share one empty, frozen object (the
  // merge of duplicates copies before it writes).
  if (layout.extra.length === 0) return { fields, extra: NO_EXTRA };
  const extra: Record<string, string> = {};
  for (const [name, index] of layout.extra) if (index < n) extra[name] = texts[index];
  return { fields, extra };
}

const NO_EXTRA: Record<string, string> = Object.freeze({});

export function malformedRow(line: number, id: string, cellCount: number, header: ActiveHeader | null): Diagnostic {
  const expected = header === null ? 'at least 5 (the canonical layout)' : `${header.info.headers.length} (the header's) or at least 5`;
  return {
    severity: 'warning',
    code: 'malformed-row',
    message: `The row for ${id} has ${plural(cellCount, 'cell')}; a task row needs ${expected}. It defines no task.`,
    line: line + 1,
    taskId: id,
  };
}

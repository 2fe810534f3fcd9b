// Where each task lives in the file: what the editor needs to change only the bytes it
// must. Produced by the reader next to the public Task objects; never serialised.

import type { CellSpan } from './cells';

export type { CellSpan };

/** A field the editor can set; also the reader's column/field-line keys. */
export type EditableField = 'title' | 'priority' | 'points' | 'status' | 'sprint' | 'dependencies';

export type ColumnField =
  | 'id'
  | 'title'
  | 'priority'
  | 'points'
  | 'status'
  | 'description'
  | 'techFootprint'
  | 'dependencies'
  | 'sprint';

export interface TableInfo {
  /** 0-based index of the header line, or null for header-less rows in canonical layout. */
  headerLine: number | null;
  /** Header cell texts as written (trimmed); canonical names when there is no header. */
  headers: string[];
  /** field -> 0-based cell index in this table's rows. */
  columns: Partial<Record<ColumnField, number>>;
}

export interface RowSource {
  kind: 'row';
  /** 0-based first line of the row, and the line after its last continuation line. */
  rowStart: number;
  rowEnd: number;
  table: TableInfo;
  /**
   * Where each cell sits (always set by parseBacklog): cell k is the text between the
   * k-th unescaped `|` of the row and the next one (cell 0 follows the row's leading `|`),
   * as [start, end) line/column positions, padding included. A cell of a wrapped row
   * may start and end on different lines. Worked out from the lines the row was read from
   * when first asked for (rowSource.ts), not during the parse.
   */
  readonly cells?: CellSpan[];
}

export interface HeadingSource {
  kind: 'heading';
  /** 0-based heading line. */
  headingLine: number;
  /** ATX level (1-6). */
  level: number;
  /**
   * Field -> 0-based line of its first field line. Keys that name a field use the field's
   * name (`priority`, `points`, `status`, `dependencies`, `sprint`, `description`,
   * `techFootprint`) whatever synonym the file wrote (`Depends on`, `Prio`); other keys
   * are lower-cased as written (`owner`).
   */
  fieldLines: Record<string, number>;
}

export interface TaskSource {
  id: string;
  def: RowSource | HeadingSource;
  /**
   * The task's block: [blockStart, blockEnd) in 0-based lines. For a row: the row lines
   * plus the attached HTML comment lines that follow it (and blank lines between them);
   * for a heading task: the heading up to the next heading of the same or higher level.
   */
  blockStart: number;
  blockEnd: number;
  /**
   * Attached comments: key -> [startLine, endLine) of the comment holding it (0-based).
   * Worked out from the walk's list of attached comments when first asked for
   * (taskSource.ts), not during the parse.
   */
  readonly comments: Record<string, { start: number; end: number }>;
  /** Heading path (plain text) above the task. */
  section: string[];
}

export interface SourceMap {
  /** Lines without their line endings (BOM removed from the first). */
  lines: string[];
  /** The line ending after each line ('' for a last line without one). */
  eols: string[];
  bom: boolean;
  /** First definition of each task id. */
  tasks: Map<string, TaskSource>;
  /** Headings: 0-based line, level, plain text. */
  headings: { line: number; level: number; text: string }[];
  /**
   * Every table seen, in document order, with the lines its rows occupy: one per header
   * (rows from firstRow to lastRowEnd, exclusive; firstRow === lastRowEnd when it has no
   * rows yet), and one per run of rows read in the canonical layout (headerLine null).
   */
  tables: { info: TableInfo; section: string[]; firstRow: number; lastRowEnd: number }[];
  /**
   * IDs defined more than once (the later definitions merge into the first). An edit of
   * one of them cannot predict the re-read: the definitions may come to disagree.
   */
  repeatedIds?: ReadonlySet<string>;
}

// The structural walk: one pass over the lines that finds headings, tables, task rows,
// heading tasks, field lines, attached comments and legend items.

import type { Diagnostic } from '../../../shared/backlog';
import type { AttachedComment, CommentList, CommentPlaces, Definition } from './definitions';
import { type WalkedTaskSource, taskSource } from './taskSource';
import type { ScanResult } from './scan';
import type { SourceMap, TableInfo, TaskSource } from './source';
import { cellTexts, cellTextsInto, endsWithPipe, isDelimiterRow } from './cells';
import { type CommentKeyValue, readCommentKeyValueInto } from './commentValues';
import { readFieldLine } from './fieldLines';
import { fieldForName, isReferenceTable, tableFromHeader } from './headers';
import { headingText, readAtxHeading, readHeadingTask } from './headings';
import { type LegendItem, legendKinds, readLegendItem } from './legends';
import { indentOf } from './lines';
import { LineKind } from './scan';
import { type ActiveHeader, malformedRow, readRow, rowFields } from './rowDefinition';
import { rowSource } from './rowSource';

export interface WalkResult {
  definitions: Definition[];
  /** Each ID's first definition's source, in document order: the SourceMap's tasks. */
  sources: Map<string, WalkedTaskSource>;
  /** Comments above the first task definition: file metadata. */
  fileComments: AttachedComment[];
  /** Comments attached to definitions, in document order (see Definition.commentsFrom). */
  comments: CommentList;
  /** Where they are (the same keys), for the task sources. */
  places: CommentPlaces;
  legendItems: LegendItem[];
  headings: SourceMap['headings'];
  tables: SourceMap['tables'];
  diagnostics: Diagnostic[];
}

type TableEntry = SourceMap['tables'][number];

interface OpenHeadingTask {
  def: Definition;
  level: number;
}

export function walkLines(lines: string[], scan: ScanResult): WalkResult {
  const w = new Walker(lines, scan);
  w.run();
  return w.result;
}

class Walker {
  readonly result: WalkResult;
  private sections: { level: number; text: string }[] = [];
  private sectionPath: string[] = [];
  private legendKind = { status: false, priority: false };
  private header: ActiveHeader | null = null;
  private canonicalGroup: TableEntry | null = null;
  private attachTo: Definition | null = null;
  /**
   * The row that ended the last task's attachment without defining a task itself (an ID
   * that cannot be read, too few cells): comments after it belong to no task, and are
   * reported, rather than silently setting the previous task's command.
   */
  private detachedBy: { line: number; text: string; previous: string } | null = null;
  /** The row definition whose block still grows over the comment lines that follow it. */
  private growing: TaskSource | null = null;
  private headingTask: OpenHeadingTask | null = null;
  private commentIndex = 0;
  /** The comment being read: one object for every comment of the file. */
  private readonly comment: CommentKeyValue = { key: '', value: '' };
  /** The current row's cell texts (the first `n` of them): one array for every row. */
  private readonly cells: string[] = [];

  constructor(
    private readonly lines: string[],
    private readonly scan: ScanResult,
  ) {
    // The comment lists and their places share one list of keys; no more comments can
    // attach than the scan found.
    const keys: string[] = [];
    const n = scan.comments.length;
    const places = { keys, starts: new Int32Array(n), ends: new Int32Array(n) };
    this.result = { definitions: [], sources: new Map(), fileComments: [], comments: { keys, values: [] }, places, legendItems: [], headings: [], tables: [], diagnostics: [] };
  }

  run(): void {
    const { lines } = this;
    const kinds = this.scan.kinds;
    let i = 0;
    while (i < lines.length) {
      const kind = kinds[i];
      if (kind === LineKind.Comment) {
        i = this.comments(i);
        continue;
      }
      if (kind !== LineKind.Text) {
        this.growing = null;
        i++;
        continue;
      }
      const line = lines[i];
      const at = indentOf(line);
      if (at === line.length) {
        i++;
        continue;
      }
      const c = line.charCodeAt(at);
      if (c === 124 /* | */ && at <= 3) {
        i = this.pipeLine(i);
        continue;
      }
      this.growing = null;
      this.canonicalGroup = null;
      if (c === 35 /* # */ && at <= 3) {
        const h = readAtxHeading(line);
        if (h !== null) {
          this.heading(i, h.level, h.raw);
          i++;
          continue;
        }
      }
      if (c === 45 || c === 42 || c === 43) this.listOrFieldLine(i, line);
      i++;
    }
    this.closeHeadingTask(lines.length);
  }

  private comments(i: number): number {
    const all = this.scan.comments;
    let end = i + 1;
    while (this.commentIndex < all.length && all.starts[this.commentIndex] < end) {
      const k = this.commentIndex++;
      const start = all.starts[k];
      const cEnd = all.ends[k];
      if (cEnd > end) end = cEnd;
      const kv = this.comment;
      if (!this.readComment(k)) continue;
      if (this.attachTo !== null) {
        const { comments, places } = this.result;
        const at = comments.keys.length;
        places.starts[at] = start;
        places.ends[at] = cEnd;
        comments.keys.push(kv.key);
        this.attachTo.commentsTo = comments.values.push(kv.value);
        const src = this.attachTo.source;
        if (src !== null) src.commentsTo = this.attachTo.commentsTo;
      } else if (this.detachedBy !== null) {
        this.result.diagnostics.push(detachedComment(start, kv.key, this.detachedBy));
      } else if (this.result.definitions.length === 0) {
        this.result.fileComments.push({ key: kv.key, value: kv.value, start, end: cEnd });
      }
    }
    if (this.growing !== null && this.attachTo !== null && this.attachTo.source === this.growing) {
      this.growing.blockEnd = end;
    }
    return end;
  }

  /** Reads comment k's `key: value` into this.comment; a one-line comment (nearly all) is read in its line, without making its body. */
  private readComment(k: number): boolean {
    const all = this.scan.comments;
    if (all.isOneLine(k)) return readCommentKeyValueInto(this.lines[all.starts[k]], all.openCols[k], all.closeCols[k], this.comment);
    const body = all.body(k);
    return readCommentKeyValueInto(body, 0, body.length, this.comment);
  }

  private heading(i: number, level: number, raw: string): void {
    this.closeHeadingTask(i, level);
    const text = headingText(raw);
    while (this.sections.length > 0 && this.sections[this.sections.length - 1].level >= level) this.sections.pop();
    const parentPath = this.sections.map((s) => s.text);
    this.sections.push({ level, text });
    this.sectionPath = [...parentPath, text];
    this.result.headings.push({ line: i, level, text });
    this.legendKind = legendKinds(text);
    this.header = null;
    this.attachTo = null;
    this.detachedBy = null;
    const task = readHeadingTask(raw);
    if (task === null) return;
    this.closeHeadingTask(i);
    const def = this.define(task.id, i, parentPath, { title: task.title }, {}, { kind: 'heading', headingLine: i, level, fieldLines: {} });
    this.headingTask = { def, level };
  }

  /** Ends the open heading task's block at line `end` (for a heading: when its level closes it). */
  private closeHeadingTask(end: number, level = 0): void {
    const open = this.headingTask;
    if (open === null || (level > 0 && level > open.level)) return;
    if (open.def.source !== null) open.def.source.blockEnd = end;
    this.headingTask = null;
  }

  private listOrFieldLine(i: number, line: string): void {
    const open = this.headingTask;
    if (open !== null) {
      const f = readFieldLine(line);
      if (f !== null) {
        const key = f.key;
        const field = fieldForName(key);
        const def = open.def;
        // The heading gives the ID and title: `Story`, `Task`, `ID` lines are metadata.
        const isField = field !== null && field !== 'id' && field !== 'title';
        if (isField) {
          if (def.fields[field] === undefined) def.fields[field] = f.value;
        } else if (!(key in def.extra)) {
          def.extra[key] = f.value;
        }
        // A field's line is found by the field's name whatever synonym the file used
        // (`Depends on` -> `dependencies`); other keys by their lower-cased text.
        const slot = isField ? field : key.toLowerCase();
        const src = def.source;
        if (src !== null && src.def.kind === 'heading' && src.def.fieldLines[slot] === undefined) {
          src.def.fieldLines[slot] = i;
        }
        return;
      }
    }
    if (this.legendKind.status || this.legendKind.priority) {
      const item = readLegendItem(line, this.legendKind.status, this.legendKind.priority);
      if (item !== null) this.result.legendItems.push(item);
    }
  }

  private pipeLine(i: number): number {
    const { lines } = this;
    const line = lines[i];
    if (i + 1 < lines.length && this.scan.kinds[i + 1] === LineKind.Text && isDelimiterRow(lines[i + 1]) && !isDelimiterRow(line)) {
      return this.tableHeader(i);
    }
    if (isDelimiterRow(line)) return i + 1;
    const rowEnd = this.rowEnd(i);
    this.row(i, rowEnd);
    return rowEnd;
  }

  private tableHeader(i: number): number {
    this.growing = null;
    this.canonicalGroup = null;
    this.attachTo = null;
    this.detachedBy = null;
    const info = tableFromHeader(i, cellTexts(this.lines, i, i + 1));
    this.result.tables.push({ info, section: this.sectionPath, firstRow: i + 2, lastRowEnd: i + 2 });
    this.header = { info, index: this.result.tables.length - 1 };
    return i + 2;
  }

  /** A row without a closing `|` continues until a line that ends with `|`, a blank line, a pipe line or a comment. */
  private rowEnd(i: number): number {
    const { lines } = this;
    if (endsWithPipe(lines[i])) return i + 1;
    let j = i + 1;
    while (j < lines.length && this.scan.kinds[j] === LineKind.Text) {
      const line = lines[j];
      const at = indentOf(line);
      if (at === line.length) break;
      const c = line.charCodeAt(at);
      if (c === 124 || (c === 60 && line.startsWith('<!--', at))) break;
      if (c === 35 && readAtxHeading(line) !== null) break;
      j++;
      if (endsWithPipe(line)) break;
    }
    return j;
  }

  private row(start: number, end: number): void {
    const texts = this.cells;
    const n = cellTextsInto(this.lines, start, end, texts);
    const reading = readRow(texts, n, this.header);
    if (reading.layout === 'none') {
      this.growing = null;
      // A short row with an ID is another task's (malformed) row and detaches. A short
      // row without one is no task row by any reading (a hard-wrapped row's next line that
      // starts with `|`, a fragment of prose) and, as before, does not.
      if (reading.id !== null) this.detach(start);
      if (reading.id !== null) this.result.diagnostics.push(malformedRow(start, reading.id, n, this.header));
      return;
    }
    const table = reading.table;
    this.extendTable(reading.layout, table, start, end);
    if (reading.id === null) {
      this.growing = null;
      // A row where an ID belongs (the canonical layout, or a task table's ID column) but
      // cannot be read detaches; a row of a table without an ID column (a TL;DR or
      // reference table) is not a task row at all and, as before, does not.
      const idExpected = reading.layout === 'canonical' || (table.columns.id !== undefined && !isReferenceTable(table));
      if (idExpected) this.detach(start);
      return;
    }
    const { fields, extra } = rowFields(texts, n, table);
    this.closeHeadingTask(start);
    const def = this.define(reading.id, start, this.sectionPath, fields, extra, rowSource(this.lines, start, end, table));
    if (def.source !== null) def.source.blockEnd = end;
    this.growing = def.source;
  }

  /** A row that defines no task stands between the last task and any comment below it. */
  private detach(line: number): void {
    if (this.attachTo === null) return;
    this.detachedBy = { line, text: this.lines[line].trim(), previous: this.attachTo.id };
    this.attachTo = null;
  }

  private extendTable(layout: 'header' | 'canonical', table: TableInfo, start: number, end: number): void {
    if (layout === 'header' && this.header !== null) {
      const entry = this.result.tables[this.header.index];
      if (entry.lastRowEnd === entry.firstRow && entry.firstRow !== start) entry.firstRow = start;
      entry.lastRowEnd = end;
      return;
    }
    const group = this.canonicalGroup;
    if (group !== null && group.info === table) {
      group.lastRowEnd = end;
      return;
    }
    const entry: TableEntry = { info: table, section: this.sectionPath, firstRow: start, lastRowEnd: end };
    this.result.tables.push(entry);
    this.canonicalGroup = entry;
  }

  /** Records a definition; only the first of an ID gets a source (with `where`), kept in `sources`. */
  private define(
    id: string,
    line: number,
    section: string[],
    fields: Definition['fields'],
    extra: Record<string, string>,
    where: TaskSource['def'],
  ): Definition {
    const sources = this.result.sources;
    const at = this.result.comments.keys.length;
    let source: WalkedTaskSource | null = null;
    if (!sources.has(id)) {
      source = taskSource(id, where, line, section, this.result.places, at);
      sources.set(id, source);
    }
    const def: Definition = { id, line, fields, extra, commentsFrom: at, commentsTo: at, section, source };
    this.result.definitions.push(def);
    this.attachTo = def;
    this.detachedBy = null;
    return def;
  }
}

function detachedComment(commentLine: number, key: string, by: { line: number; text: string; previous: string }): Diagnostic {
  const row = by.text.length > 60 ? `${by.text.slice(0, 57)}...` : by.text;
  return {
    severity: 'warning',
    code: 'detached-comment',
    message:
      `The <!-- ${key}: ... --> comment on line ${commentLine + 1} belongs to no task: the row on line ${by.line + 1} (${row}) ` +
      `stands between it and ${by.previous}, and that row defines no task (its ID cannot be read, or it has too few cells). ` +
      `Fix that row's ID, or move the comment under the task it is for.`,
    line: commentLine + 1,
  };
}

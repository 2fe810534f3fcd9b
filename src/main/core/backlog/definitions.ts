// What the structural walk finds: every task definition with its raw field texts and
// attached comments, before duplicates are merged and fields normalised.

import type { ColumnField } from './source';
import type { WalkedTaskSource } from './taskSource';

export interface AttachedComment {
  key: string;
  value: string;
  /** 0-based first line and the line after the last. */
  start: number;
  end: number;
}

/**
 * `key: value` comments as parallel lists: a large backlog has a comment or two per task,
 * and an object for each lived through the parse.
 */
export interface CommentList {
  keys: string[];
  values: string[];
}

/**
 * Where each of those comments is: its key (the same list) and lines [start, end). The
 * source map keeps this, not the values, which the tasks hold as they read them.
 */
export interface CommentPlaces {
  keys: string[];
  /** Typed arrays with room for every comment the scan found (outside the JavaScript heap). */
  starts: Int32Array;
  ends: Int32Array;
}

export interface Definition {
  id: string;
  /** 0-based line of the row's first line or of the heading. */
  line: number;
  /** Raw texts by field; a field the definition does not have is absent. */
  fields: Partial<Record<ColumnField, string>>;
  /** Other columns or field lines, by their name as written. */
  extra: Record<string, string>;
  /**
   * Its attached comments: [commentsFrom, commentsTo) of the walk's `comments`. Comments
   * attach only to the latest definition, so each one's are contiguous there: one list for
   * the file instead of an array (with room for 17) per task.
   */
  commentsFrom: number;
  commentsTo: number;
  section: string[];
  /** Set for the first definition of an ID only. */
  source: WalkedTaskSource | null;
}

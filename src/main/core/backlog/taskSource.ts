// A task's place in the file, as the SourceMap keeps it. Where its comments are
// (`comments`, key -> lines) is worked out from the walk's list of attached comments the
// first time it is asked for: a record and an object per comment for every task were a
// good part of what a large parse kept, and only an edit of one task reads them.

import type { CommentPlaces } from './definitions';
import type { TaskSource } from './source';

class WalkedTaskSource implements TaskSource {
  blockEnd: number;
  /** The task's comments: [commentsFrom, commentsTo) of `places` (the walk extends the range as they attach). */
  commentsTo: number;
  readonly #places: CommentPlaces;
  readonly #commentsFrom: number;
  #comments: TaskSource['comments'] | undefined = undefined;

  constructor(
    readonly id: string,
    readonly def: TaskSource['def'],
    readonly blockStart: number,
    readonly section: string[],
    places: CommentPlaces,
    commentsFrom: number,
  ) {
    this.blockEnd = blockStart + 1;
    this.#places = places;
    this.#commentsFrom = commentsFrom;
    this.commentsTo = commentsFrom;
  }

  /** Key -> lines of the comment holding it; a key written twice: its last comment. */
  get comments(): TaskSource['comments'] {
    if (this.#comments === undefined) {
      const { keys, starts, ends } = this.#places;
      const out: TaskSource['comments'] = {};
      for (let i = this.#commentsFrom; i < this.commentsTo; i++) out[keys[i]] = { start: starts[i], end: ends[i] };
      this.#comments = out;
    }
    return this.#comments;
  }
}

/** The source of a task whose first definition is at line `line` and whose comments start at `commentsFrom` of `places`. */
export function taskSource(id: string, def: TaskSource['def'], line: number, section: string[], places: CommentPlaces, commentsFrom: number): WalkedTaskSource {
  return new WalkedTaskSource(id, def, line, section, places, commentsFrom);
}

export type { WalkedTaskSource };

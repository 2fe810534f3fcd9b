// A table row's place in the file, as the SourceMap keeps it. The cells' positions are
// worked out from the lines the first time they are asked for: a parse of 10,000 rows
// made 80,000 span objects up front that nothing but an edit of one row ever read, and
// the garbage collector copied every one of them while the rest of the parse ran.

import type { CellSpan } from './cells';
import { splitRow } from './cells';
import type { RowSource, TableInfo } from './source';

class LazyRowSource implements RowSource {
  readonly kind = 'row' as const;
  readonly #lines: readonly string[];
  #cells: CellSpan[] | undefined = undefined;

  constructor(
    lines: readonly string[],
    readonly rowStart: number,
    readonly rowEnd: number,
    readonly table: TableInfo,
  ) {
    this.#lines = lines;
  }

  /** The same spans an eager split gave: the lines it reads are the parse's, never edited in place. */
  get cells(): CellSpan[] {
    this.#cells ??= splitRow(this.#lines, this.rowStart, this.rowEnd).spans;
    return this.#cells;
  }
}

/** The source of the row on lines [rowStart, rowEnd) of `lines`, read with `table`'s columns. */
export function rowSource(lines: readonly string[], rowStart: number, rowEnd: number, table: TableInfo): RowSource {
  return new LazyRowSource(lines, rowStart, rowEnd, table);
}

// CSV export of the event history: RFC 4180 (CRLF lines, fields with comma, quote, CR
// or LF quoted, quotes doubled), with spreadsheet formula injection guarded: a text
// cell starting with = + - @ TAB or CR gets a leading ' so Excel / LibreOffice show it
// as text instead of evaluating it. Numbers are written as numbers, unguarded.
import type { HistoryEvent } from './types';

export const HISTORY_CSV_COLUMNS = ['id', 'timestamp', 'task_id', 'run_id', 'attempt_id', 'event_type', 'message', 'data'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvRow(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function eventCells(e: HistoryEvent): (string | number | null)[] {
  return [e.id, new Date(e.at).toISOString(), e.taskId, e.runId, e.attemptId, e.type, e.message, e.data === null ? null : JSON.stringify(e.data)];
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel opens non-ASCII text correctly. */
  bom?: boolean;
}

/** Writes the CSV in chunks of about 64 KB through `write`; returns the number of data rows. */
export function writeHistoryCsv(events: Iterable<HistoryEvent>, write: (chunk: string) => void, opts: CsvOptions = {}): number {
  let chunk = (opts.bom ? '\uFEFF' : '') + csvRow(HISTORY_CSV_COLUMNS);
  let rows = 0;
  for (const e of events) {
    chunk += csvRow(eventCells(e));
    rows++;
    if (chunk.length >= 64 * 1024) {
      write(chunk);
      chunk = '';
    }
  }
  if (chunk.length > 0) write(chunk);
  return rows;
}

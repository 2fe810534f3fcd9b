import { describe, expect, it } from 'vitest';
import { endsWithPipe, isDelimiterRow, isPipeLine, splitRow } from './cells';

describe('table cells', () => {
  it('splits on | but not on \\|, and drops what follows the closing pipe', () => {
    const lines = ['| B-1 | a \\| b |  3 |'];
    const r = splitRow(lines, 0, 1);
    expect(r.texts).toEqual(['B-1', 'a | b', '3']);
    // Spans point at the raw cell between the pipes, padding included.
    expect(r.spans[2]).toEqual({ startLine: 0, startCol: 16, endLine: 0, endCol: 20 });
    expect(lines[0].slice(r.spans[2].startCol, r.spans[2].endCol)).toBe('  3 ');
  });

  it('joins the parts of a wrapped cell with one space and spans the lines', () => {
    const lines = ['| B-1 | first part   ', '   second | x |'];
    const r = splitRow(lines, 0, 2);
    expect(r.texts).toEqual(['B-1', 'first part second', 'x']);
    expect(r.spans[1]).toEqual({ startLine: 0, startCol: 7, endLine: 1, endCol: 10 });
  });

  it('keeps the last cell of a row cut short', () => {
    expect(splitRow(['| B-1 | T | 🔥 | 3 | todo | desc'], 0, 1).texts).toEqual(['B-1', 'T', '🔥', '3', 'todo', 'desc']);
  });

  it('recognises pipe lines, delimiter rows and closing pipes', () => {
    expect(isPipeLine('   | a |')).toBe(true);
    expect(isPipeLine('    | a |')).toBe(false);
    expect(isDelimiterRow('|---|:--:| --- |')).toBe(true);
    expect(isDelimiterRow('| a |')).toBe(false);
    expect(endsWithPipe('| a |  ')).toBe(true);
    expect(endsWithPipe('| a \\|')).toBe(false);
    expect(endsWithPipe('| a')).toBe(false);
  });
});

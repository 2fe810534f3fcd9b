import { describe, expect, it } from 'vitest';
import { LineDocument } from './document';
import { cellText, escapeCell, fitCell, locateCells, replaceCell } from './tableCells';
import type { SourceMap } from '../source';

function docOf(lines: string[], eol = '\n'): LineDocument {
  const source: SourceMap = {
    lines,
    eols: lines.map(() => eol),
    bom: false,
    tasks: new Map(),
    headings: [],
    tables: [],
  };
  return new LineDocument(source);
}

describe('fitCell', () => {
  it('keeps the closing pipe in place when the new text fits', () => {
    expect(fitCell(' todo   ', 'done')).toBe(' done   ');
    expect(fitCell(' in-progress', 'done')).toBe(' done       ');
  });
  it('grows the cell, with one space kept, when the new text is longer', () => {
    expect(fitCell(' todo ', 'in-progress')).toBe(' in-progress ');
  });
  it('counts emoji as two columns so the table stays aligned', () => {
    expect(fitCell(' ✅ done   ', 'todo')).toBe(' todo      ');
    expect(fitCell(' todo      ', '✅ done')).toBe(' ✅ done   ');
  });
  it('fills an empty cell with one space on each side at least', () => {
    expect(fitCell('', 'B-1')).toBe(' B-1 ');
    expect(fitCell('         ', 'B-1')).toBe(' B-1     ');
  });
});

describe('locateCells', () => {
  it('splits on pipes but not on escaped pipes', () => {
    const lines = ['| B-1 | a \\| b | todo |'];
    const cells = locateCells(lines, 0, 1).map((span) => cellText(lines, span));
    expect(cells).toEqual([' B-1 ', ' a \\| b ', ' todo ']);
  });
  it('follows a row wrapped over several lines', () => {
    const lines = ['| B-1 | a long', 'title | todo |'];
    const cells = locateCells(lines, 0, 2).map((span) => cellText(lines, span));
    expect(cells).toEqual([' B-1 ', ' a long title ', ' todo ']);
  });
});

describe('replaceCell', () => {
  it('changes only the cell text on its line', () => {
    const doc = docOf(['| B-1 | Title | todo   | x |']);
    const span = locateCells(doc.lines, 0, 1)[2];
    if (!span) throw new Error('no cell');
    replaceCell(doc, span, 'done');
    expect(doc.toString()).toBe('| B-1 | Title | done   | x |\n');
  });
  it('joins the lines of a wrapped cell it rewrites', () => {
    const doc = docOf(['| B-1 | a long', 'title | todo |', 'next'], '\r\n');
    const span = locateCells(doc.lines, 0, 2)[1];
    if (!span) throw new Error('no cell');
    replaceCell(doc, span, 'Short');
    expect(doc.toString()).toBe('| B-1 | Short | todo |\r\nnext\r\n');
  });
});

describe('escapeCell', () => {
  it('escapes pipes', () => {
    expect(escapeCell('a | b')).toBe('a \\| b');
  });
});

describe('a row whose last line does not end with a pipe', () => {
  it('has a last cell up to the end of the line, rewritten without padding', () => {
    const doc = docOf(['| B-1 | a long', 'title | B-2 notes']);
    const cells = locateCells(doc.lines, 0, 2);
    expect(cells.map((span) => cellText(doc.lines, span))).toEqual([' B-1 ', ' a long title ', ' B-2 notes']);
    const last = cells[2];
    if (!last) throw new Error('no cell');
    replaceCell(doc, last, 'None');
    expect(doc.toString()).toBe('| B-1 | a long\ntitle | None\n');
  });
  it('has no extra cell for spaces after the last pipe', () => {
    expect(locateCells(['| a | b |  '], 0, 1)).toHaveLength(2);
  });
});

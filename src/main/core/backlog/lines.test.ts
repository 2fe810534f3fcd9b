import { describe, expect, it } from 'vitest';
import { isBlank, splitLines } from './lines';

function rejoin(s: { lines: string[]; eols: string[]; bom: boolean }): string {
  return (s.bom ? '\uFEFF' : '') + s.lines.map((l, i) => l + s.eols[i]).join('');
}

describe('splitLines', () => {
  it('keeps every line ending so the text can be rebuilt byte for byte', () => {
    for (const text of ['', 'a', 'a\n', 'a\r\nb\nc', '\uFEFFx\r\n\r\ny', '\n\n', 'a\rb\n']) {
      expect(rejoin(splitLines(text))).toBe(text);
    }
  });

  it('reports the BOM and removes it from the first line', () => {
    const s = splitLines('\uFEFF# T\r\n| a |');
    expect(s).toEqual({ lines: ['# T', '| a |'], eols: ['\r\n', ''], bom: true });
  });

  it('has no extra empty line after a final newline, and one line for an empty text', () => {
    expect(splitLines('a\nb\n').lines).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual({ lines: [''], eols: [''], bom: false });
  });

  it('knows blank lines', () => {
    expect(isBlank(' \t ')).toBe(true);
    expect(isBlank(' x')).toBe(false);
  });
});

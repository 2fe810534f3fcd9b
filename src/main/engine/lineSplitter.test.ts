import { describe, expect, it } from 'vitest';
import { LineSplitter } from './lineSplitter';

function split(chunks: string[], max?: number): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line), max);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('joins a line split across chunks', () => {
    expect(split(['::prog', 'ress 40 par', 'sing\nnext\n'])).toEqual(['::progress 40 parsing', 'next']);
  });

  it('emits the last line without a newline at the end', () => {
    expect(split(['a\nb'])).toEqual(['a', 'b']);
  });

  it('drops the carriage return of CRLF lines', () => {
    expect(split(['one\r\ntwo\r', '\n'])).toEqual(['one', 'two']);
  });

  it('cuts an endless line so memory stays bounded', () => {
    const lines = split(['x'.repeat(50), 'x'.repeat(60), '\n'], 100);
    expect(lines[0]).toHaveLength(100);
    expect(lines.join('')).toHaveLength(110);
  });
});

import { describe, expect, it } from 'vitest';
import { TailBuffer } from './tailBuffer';

describe('TailBuffer', () => {
  it('keeps everything while under the limit', () => {
    const tail = new TailBuffer(10);
    tail.push('abc');
    tail.push('def');
    expect(tail.text()).toBe('abcdef');
  });

  it('keeps only the last characters of a long stream', () => {
    const tail = new TailBuffer(10);
    for (let i = 0; i < 1000; i += 1) tail.push(`${i % 10}`);
    expect(tail.text()).toBe('0123456789');
  });

  it('keeps the end of a single huge chunk', () => {
    const tail = new TailBuffer(4);
    tail.push('abcdefgh');
    expect(tail.text()).toBe('efgh');
  });
});

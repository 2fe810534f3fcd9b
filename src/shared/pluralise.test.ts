import { describe, expect, it } from 'vitest';
import { noun, plural } from './pluralise';

describe('plural', () => {
  it('writes one and many', () => {
    expect(plural(1, 'remaining task')).toBe('1 remaining task');
    expect(plural(0, 'remaining task')).toBe('0 remaining tasks');
    expect(plural(2, 'retry', 'retries')).toBe('2 retries');
    expect(plural(1.5, 'point')).toBe('1.5 points');
    expect(noun(1, 'point')).toBe('point');
    expect(noun(13, 'point')).toBe('points');
  });
});

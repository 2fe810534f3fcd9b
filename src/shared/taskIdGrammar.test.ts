import { describe, expect, it } from 'vitest';
import { canonicalTaskId } from './taskIdGrammar';

describe('canonicalTaskId: the ID a person means', () => {
  it('capitalises the prefix, makes every dash a hyphen, trims', () => {
    expect(canonicalTaskId('b-049')).toBe('B-049');
    expect(canonicalTaskId(' B\u2011049 ')).toBe('B-049');
    expect(canonicalTaskId('us\u2013fe\u2010001')).toBe('US-FE-001');
    expect(canonicalTaskId('abc2-7')).toBe('ABC2-7');
  });

  it('keeps the suffix as written: B-12-a and B-12-A are two IDs', () => {
    expect(canonicalTaskId('b-12-a')).toBe('B-12-a');
    expect(canonicalTaskId('B-1004-QG')).toBe('B-1004-QG');
  });

  it('leaves text that is no ID as it is (trimmed), for the unknown-task message', () => {
    expect(canonicalTaskId('  hello ')).toBe('hello');
    expect(canonicalTaskId('49')).toBe('49');
    expect(canonicalTaskId('b-')).toBe('b-');
  });
});

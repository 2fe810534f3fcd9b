import { describe, expect, it } from 'vitest';
import { sprintLoad, upsertSprint } from './sprintLoad';

const s = (name: string, capacity: number | null) => ({ name, start: null, end: null, capacity });

describe('sprintLoad', () => {
  it('compares planned points with capacity', () => {
    expect(sprintLoad(8, s('S', 10))).toEqual({ planned: 8, capacity: 10, ratio: 0.8, over: false });
    expect(sprintLoad(12, s('S', 10)).over).toBe(true);
    expect(sprintLoad(10, s('S', 10)).over).toBe(false);
    expect(sprintLoad(3, s('S', null))).toEqual({ planned: 3, capacity: null, ratio: null, over: false });
    expect(sprintLoad(1, s('S', 0)).over).toBe(true);
    expect(sprintLoad(3, null).capacity).toBeNull();
  });
});

describe('upsertSprint', () => {
  it('replaces by old name (rename included) or appends', () => {
    const list = [s('A', 1), s('B', 2)];
    expect(upsertSprint(list, 'B', s('B2', 5))).toEqual([s('A', 1), s('B2', 5)]);
    expect(upsertSprint(list, null, s('C', 3))).toEqual([...list, s('C', 3)]);
  });
});

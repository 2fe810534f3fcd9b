import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/makeTask';
import { paletteMatches } from './paletteMatches';

const tasks = [
  makeTask({ id: 'B-1', title: 'Offline cache', rank: 0 }),
  makeTask({ id: 'B-10', title: 'Photo uploads', rank: 1 }),
  makeTask({ id: 'B-100', title: 'Cache eviction for photos', rank: 2 }),
];

describe('paletteMatches', () => {
  it('puts the exact ID first, then IDs that start with the query', () => {
    expect(paletteMatches(tasks, 'b-10').map((t) => t.id)).toEqual(['B-10', 'B-100']);
    expect(paletteMatches(tasks, 'B\u20111').map((t) => t.id)).toEqual(['B-1', 'B-10', 'B-100']);
  });

  it('finds titles containing every word, in file order', () => {
    expect(paletteMatches(tasks, 'cache').map((t) => t.id)).toEqual(['B-1', 'B-100']);
    expect(paletteMatches(tasks, 'photo cache').map((t) => t.id)).toEqual(['B-100']);
    expect(paletteMatches(tasks, 'nothing like it')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/makeTask';
import { matchTasks } from './paletteMatch';

const tasks = [
  makeTask({ id: 'B-104', title: 'Shopping list export', rank: 0 }),
  makeTask({ id: 'B-105', title: 'Shopping list sharing', rank: 1 }),
  makeTask({ id: 'B‑108', title: 'Dark mode', rank: 2 }),
  makeTask({ id: 'B-110', title: 'Import recipes from a URL', rank: 3 }),
];
const ids = (text: string) => matchTasks(tasks, text).map((t) => t.id);

describe('matchTasks', () => {
  it('finds a task by its ID, exact first, in any case and hyphen', () => {
    expect(ids('b-105')[0]).toBe('B-105');
    expect(ids('B-108')).toEqual(['B‑108']);
    expect(ids('B-10').slice(0, 3)).toEqual(['B-104', 'B-105', 'B‑108']);
  });

  it('finds titles by substring, then by letters in order', () => {
    expect(ids('sharing')).toEqual(['B-105']);
    expect(ids('list')).toEqual(['B-104', 'B-105']);
    expect(ids('drkmd')).toEqual(['B‑108']);
    expect(ids('url import')).toEqual(['B-110']);
    expect(ids('zzz')).toEqual([]);
  });

  it('offers the first tasks in file order when nothing is typed', () => {
    expect(ids('')).toEqual(['B-104', 'B-105', 'B‑108', 'B-110']);
  });
});

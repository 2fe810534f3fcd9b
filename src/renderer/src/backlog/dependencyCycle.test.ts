import { describe, expect, it } from 'vitest';
import type { Task } from '../../../shared/backlog';
import { cyclePath, cycleReason } from './dependencyCycle';

const task = (id: string, dependencies: string[]) => ({ id, dependencies }) as Task;
const tasks = [task('A', []), task('B', ['A']), task('C', ['B']), task('D', [])];

describe('dependency cycles', () => {
  it('finds the path that would close the loop', () => {
    expect(cyclePath(tasks, 'A', 'C')).toEqual(['C', 'B', 'A']);
    expect(cyclePath(tasks, 'C', 'D')).toBeNull();
    expect(cyclePath(tasks, 'A', 'A')).toEqual(['A']);
  });

  it('says why in words', () => {
    expect(cycleReason(tasks, 'A', 'C')).toBe('A cannot depend on C: C already depends on A (C → B → A), so that would be a cycle.');
    expect(cycleReason(tasks, 'D', 'A')).toBeNull();
    expect(cycleReason(tasks, 'B', 'B')).toBe('B cannot depend on itself.');
  });
});

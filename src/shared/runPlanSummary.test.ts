import { describe, expect, it } from 'vitest';
import { summariseExcluded, type ExclusionKind } from './runPlanSummary';

const many = (kind: ExclusionKind, n: number) => Array.from({ length: n }, () => ({ kind }));

describe('summariseExcluded', () => {
  it('says it in one short line, however many tasks', () => {
    const text = summariseExcluded(many('no-command', 78));
    expect(text).toBe('78 tasks have no command');
    expect(summariseExcluded([...many('human', 2), ...many('no-command', 1000)])).toBe('1000 tasks have no command, 2 need a person');
    expect(summariseExcluded(many('missing', 1))).toBe('1 task is not in the backlog');
    expect(summariseExcluded([])).toBe('');
  });

  it('names a single task left out, with its reason', () => {
    expect(summariseExcluded([{ kind: 'running', taskId: 'B-204', reason: 'being run by another Taskdeck process right now' }])).toBe('B-204: being run by another Taskdeck process right now');
    expect(summariseExcluded([{ kind: 'claimed', taskId: 'B-1', reason: 'x' }, { kind: 'running', taskId: 'B-2', reason: 'y' }])).toBe('1 task is running already, 1 is claimed by an agent');
  });
});

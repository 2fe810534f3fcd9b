import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/backlog';
import { DEFAULT_TIMEOUT_MS, resolveCommand } from './resolveCommand';

function task(over: Partial<Task>): Task {
  return {
    id: 'B-1', title: 't', priority: 'medium', priorityRaw: '', points: 1, status: 'todo', statusRaw: 'todo',
    description: '', techFootprint: '', dependencies: [], dependencyNotes: '', score: null, scoreTotal: null,
    humanRequired: false, humanReason: null, executor: null, sprint: null, metadata: {}, rank: 0, section: [], line: 1, ...over,
  };
}
const config = { executors: { node: { command: 'node x.mjs', timeout: 60 }, bare: { command: 'make', timeout: null } }, defaultExecutor: 'bare' };

describe('resolveCommand', () => {
  it('prefers the task\'s own run command, with its timeout metadata', () => {
    expect(resolveCommand(task({ executor: { kind: 'command', command: 'echo hi' }, metadata: { timeout: 3 } }), config)).toEqual({
      kind: 'command', command: 'echo hi', timeoutMs: 3000, source: 'run', executor: null,
    });
  });

  it('looks a named executor up and uses its timeout', () => {
    expect(resolveCommand(task({ executor: { kind: 'named', name: 'node' } }), config)).toMatchObject({ command: 'node x.mjs', timeoutMs: 60_000, source: 'executor' });
  });

  it('lets --timeout override everything', () => {
    expect(resolveCommand(task({ executor: { kind: 'named', name: 'node' }, metadata: { timeout: 3 } }), config, 7)).toMatchObject({ timeoutMs: 7000 });
  });

  it('falls back to the project default executor, then the default timeout', () => {
    expect(resolveCommand(task({}), config)).toMatchObject({ command: 'make', timeoutMs: DEFAULT_TIMEOUT_MS, source: 'default-executor' });
  });

  it('makes a task with nothing to run manual', () => {
    expect(resolveCommand(task({}), { executors: {}, defaultExecutor: null })).toMatchObject({ kind: 'manual' });
  });

  it('is an error naming the executor when taskdeck.json lacks it', () => {
    const r = resolveCommand(task({ executor: { kind: 'named', name: 'ghost' } }), config);
    expect(r).toMatchObject({ kind: 'error', code: 'unknown-executor' });
    expect(r.kind === 'error' && r.message).toContain('"ghost"');
  });
});

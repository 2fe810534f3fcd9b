import { describe, expect, it } from 'vitest';
import type { Diagnostic, Task } from '../../shared/backlog';
import { buildGraph } from '../core/backlog/graph';
import { combineDiagnostics } from './projectDiagnostics';

function task(id: string, line: number, sprint: string | null, dependencies: string[] = []): Task {
  return {
    id, title: id, priority: 'medium', priorityRaw: '', points: 1, status: 'todo', statusRaw: 'todo', description: '',
    techFootprint: '', dependencies, dependencyNotes: '', score: null, scoreTotal: null, humanRequired: false,
    humanReason: null, executor: null, sprint, metadata: {}, rank: 0, section: [], line,
  };
}

describe('combineDiagnostics', () => {
  it('adds unknown-sprint once per sprint, keeps the reader\'s, and sorts by line', () => {
    const tasks = [task('A-1', 10, 'S1'), task('A-2', 5, 'Nope', ['A-9']), task('A-3', 20, 'Nope')];
    const reader: Diagnostic[] = [
      { severity: 'warning', code: 'unknown-status', message: 'x', line: 7 },
      { severity: 'info', code: 'score-mismatch', message: 'y', line: null },
    ];
    const out = combineDiagnostics({ tasks, diagnostics: reader }, buildGraph(tasks), [{ name: 'S1', start: null, end: null, capacity: null }]);
    expect(out.map((d) => [d.code, d.line])).toEqual([
      ['score-mismatch', null],
      ['missing-dependency', 5],
      ['unknown-sprint', 5],
      ['unknown-status', 7],
    ]);
    expect(out.find((d) => d.code === 'unknown-sprint')?.message).toContain('"Nope"');
  });

  it('reports graph problems once even when the reader also reports them', () => {
    const tasks = [task('A-1', 1, null, ['A-1'])];
    const reader: Diagnostic[] = [{ severity: 'error', code: 'self-dependency', message: 'dup', line: 1 }];
    const out = combineDiagnostics({ tasks, diagnostics: reader }, buildGraph(tasks), []);
    expect(out.filter((d) => d.code === 'self-dependency')).toHaveLength(1);
    expect(out[0]!.message).not.toBe('dup');
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeHistory } from '../core/analytics/analyze';
import { attempt, T0, task } from '../core/analytics/testing/records';
import { runsCsv, summaryCsv, SUMMARY_CSV_COLUMNS } from './csvReports';

describe('CSV reports', () => {
  const attempts = [
    attempt({ taskId: 'B-1', durationMs: 1500 }),
    attempt({ taskId: 'B-1', startedAt: T0 + 10, outcome: 'failed', category: 'network', errorMessage: 'refused, "10.0.0.1"\nretry later', command: '=cmd|calc' }),
  ];
  const a = analyzeHistory({ attempts, errors: [], recoveries: [], plan: [task({ id: 'B-1', title: '=HYPERLINK("http://x")' }), task({ id: 'B-2', title: 'Crème brûlée, tasks' })], sprints: [], now: T0 + 1000 });

  it('writes the per-task summary with quoting, a formula guard and an optional BOM', () => {
    const csv = summaryCsv(a.tasks, { bom: true });
    expect(csv.startsWith(`\uFEFF${SUMMARY_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^B-1,"'=HYPERLINK\(""http:\/\/x""\)",yes,todo,3,,2,2,1,0\.5,1,1500,1500,/);
    expect(lines[2]).toMatch(/^B-2,"Crème brûlée, tasks",yes,todo,3,,0,0,0,,0,,,/);
    expect(summaryCsv(a.tasks).startsWith('task_id,')).toBe(true);
  });

  it("names the last outcome in the record's words (succeeded, failed), as the runs CSV and history do", () => {
    const rows = summaryCsv(a.tasks).split('\r\n').map((l) => l.split(','));
    const column = SUMMARY_CSV_COLUMNS.indexOf('last_outcome');
    expect(column).toBeGreaterThan(-1);
    expect(rows[1][0]).toBe('B-1');
    expect(rows[1][column]).toBe('failed');
    const ok = analyzeHistory({ attempts: [attempt({ taskId: 'B-1' })], errors: [], recoveries: [], plan: [task({ id: 'B-1' })], sprints: [], now: T0 + 1000 });
    expect(summaryCsv(ok.tasks).split('\r\n')[1].split(',')[column]).toBe('succeeded');
  });

  it('writes one row per attempt, multi-line messages quoted', () => {
    const csv = runsCsv(attempts);
    expect(csv).toContain(`,failed,network,"refused, ""10.0.0.1""\nretry later",'=cmd|calc\r\n`);
    expect(csv.split('\r\n')[1]).toBe(`B-1-${T0},B-1,1,${new Date(T0).toISOString()},${new Date(T0 + 1500).toISOString()},1500,succeeded,,,echo ok`);
    // Read from the record, the row carries the record's identifier: interrupted is not cancelled.
    expect(runsCsv([attempt({ taskId: 'B-1', outcome: 'cancelled', recordOutcome: 'interrupted' })]).split('\r\n')[1]).toContain(',interrupted,');
  });
});

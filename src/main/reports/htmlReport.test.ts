import { describe, expect, it } from 'vitest';
import { analyzeHistory } from '../core/analytics/analyze';
import { attempt, T0, task } from '../core/analytics/testing/records';
import { renderHtmlReport } from './htmlReport';
import type { ReportModel } from './reportModel';

function model(title: string, message: string): ReportModel {
  const attempts = [attempt({ taskId: 'B-1' }), attempt({ taskId: 'B-1', startedAt: T0 + 5, outcome: 'failed', category: 'execution' })];
  const analysis = analyzeHistory({ attempts, errors: [{ taskId: 'B-1', category: 'execution', severity: 'high', message, at: T0 + 5 }], recoveries: [], plan: [task({ id: 'B-1', title })], sprints: [], now: T0 + 1000 });
  return { generatedAt: T0 + 1000, tz: 0, project: { name: '<proj>', dir: '/p', backlog: 'backlog.md' }, analysis, forecasts: [] };
}

describe('HTML report', () => {
  it('escapes every text from the backlog and the history', () => {
    const html = renderHtmlReport(model('<script>alert(1)</script>', '<img src=x onerror=alert(2)>'));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Taskdeck report: &lt;proj&gt;');
  });

  it('forbids every fetch and shows "not enough data" rather than NaN', () => {
    const html = renderHtmlReport(model('Build', 'boom'));
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html).toContain('not enough data (needs at least 5 pairs, has 1)');
  });
});

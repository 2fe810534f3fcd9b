// The analytics dashboard: every chart answers one question, redrawn when a run finishes.
import { useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/api';
import { useTransport } from '../app/storeContext';
import { useRuns } from '../runs/runsContext';
import { ExportMenu } from '../reports/ExportMenu';
import './chartSetup';
import './analytics.css';
import { DurationChart, SuccessTrendChart } from './QualityCharts';
import { FailureCategoryChart, RetryChart, TimePatternChart } from './FailureCharts';
import { BurnUpChart, VelocityChart } from './SprintCharts';
import { AnomalyLists } from './AnomalyLists';
import { pct } from './format';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label muted small">{label}</div>
    </div>
  );
}

export function DashboardView() {
  const transport = useTransport();
  const finished = useRuns((s) => s.finishedCount);
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void transport.call('analytics:dashboard', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).then((r) => {
      if (!live) return;
      if (r.ok) setD(r.value);
      setError(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [transport, finished]);
  return (
    <div className="view dashboard-view">
      <div className="view-main dashboard-scroll">
        <div className="toolbar dashboard-toolbar">
          <h2 className="view-title">Analytics</h2>
          <span className="spacer" />
          <ExportMenu />
        </div>
        {error ? <div className="callout warn" role="alert">{error}</div> : null}
        {!d ? <div className="loading">Loading analytics…</div> : (
          <>
            <div className="stats-row" aria-label="Summary">
              <Stat label="attempts (cancelled not counted)" value={String(d.attempts)} />
              <Stat label={`attempt success rate (${d.attemptSuccess.successes} of ${d.attemptSuccess.of})`} value={pct(d.attemptSuccess.rate)} />
              <Stat label="runs retried" value={String(d.retries.retriedRuns)} />
              <Stat label="recovered by retry" value={pct(d.retries.retriedRuns ? d.retries.recovered / d.retries.retriedRuns : null)} />
              <Stat label="anomalies" value={String(d.anomalies.length + d.flaky.length)} />
            </div>
            <div className="chart-grid">
              <BurnUpChart d={d} />
              <SuccessTrendChart d={d} />
              <DurationChart d={d} />
              <FailureCategoryChart d={d} />
              <RetryChart d={d} />
              <TimePatternChart d={d} by="hour" />
              <TimePatternChart d={d} by="weekday" />
              <VelocityChart d={d} />
              <AnomalyLists d={d} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

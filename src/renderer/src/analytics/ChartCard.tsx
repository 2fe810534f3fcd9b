// A dashboard card: a title that says what the chart answers, the chart or its empty
// state, and a table view of the same numbers for screen readers and exact values.
import { useId, useState, type ReactNode } from 'react';

export interface TableView {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * The chart's text alternative: its title, what it shows, and how much. A chart may pass
 * its own one-line summary; otherwise it is built from the subtitle and the table.
 */
export function chartSummary(title: string, subtitle: string | undefined, table: TableView, summary?: string): string {
  const what = summary ?? subtitle;
  const size = table.columns.length > 0 ? `${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'} by ${table.columns[0]!.toLowerCase()}` : '';
  const parts = [title, what, size ? `Chart of ${size}; the Table button shows every number.` : ''].filter((p): p is string => Boolean(p));
  return parts.map((p) => (/[.?!]$/.test(p) ? p : `${p}.`)).join(' ');
}

export function ChartCard({ title, subtitle, summary, empty, table, wide, children }: { title: string; subtitle?: string; summary?: string; empty: string | null; table: TableView; wide?: boolean; children: ReactNode }) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <header className="chart-head">
        <div>
          <h3 id={id}>{title}</h3>
          {subtitle ? <p className="muted small">{subtitle}</p> : null}
        </div>
        {empty === null ? (
          <button type="button" className="link-button small" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Chart' : 'Table'}
          </button>
        ) : null}
      </header>
      {empty !== null ? (
        <div className="chart-empty muted">{empty}</div>
      ) : asTable ? (
        // Focusable so a keyboard user can scroll a table wider or taller than its card.
        <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={`${title}: table`}>
          <table className="chart-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>{r.map((v, j) => <td key={j}>{v}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="chart-body" role="img" aria-label={chartSummary(title, subtitle, table, summary)}>
          {/* The canvases are pictures of the summary above; assistive technology reads that. */}
          <div className="chart-canvas" aria-hidden="true">{children}</div>
        </div>
      )}
    </section>
  );
}

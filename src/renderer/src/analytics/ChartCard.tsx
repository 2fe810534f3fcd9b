// A dashboard card: a title that says what the chart answers, the chart or its empty
// state, and a table view of the same numbers for screen readers and exact values.
import { useId, useState, type ReactNode } from 'react';

export interface TableView {
  columns: string[];
  rows: (string | number)[][];
}

export function ChartCard({ title, subtitle, empty, table, wide, children }: { title: string; subtitle?: string; empty: string | null; table: TableView; wide?: boolean; children: ReactNode }) {
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
        <div className="chart-table-wrap">
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
        <div className="chart-body" role="img" aria-label={`${title} (chart; use the Table button for the numbers)`}>
          {children}
        </div>
      )}
    </section>
  );
}

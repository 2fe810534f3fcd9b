// Export the error report, the history CSV, the tasks JSON or the HTML report: the same
// bytes the CLI writes. A confirmation says what was saved.
import { useState } from 'react';
import type { ExportFormat } from '../../../shared/api';
import { useTransport } from '../app/storeContext';
import { exportReport } from './download';
import './reports.css';

const LABELS: Record<ExportFormat, { label: string; hint: string }> = {
  'error-report': { label: 'Error report', hint: 'JSON' },
  'history-csv': { label: 'History', hint: 'CSV' },
  'tasks-json': { label: 'Tasks', hint: 'JSON' },
  'html-report': { label: 'Report', hint: 'HTML' },
};
const FORMATS = Object.keys(LABELS) as ExportFormat[];

export function ExportMenu() {
  const transport = useTransport();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [done, setDone] = useState<{ text: string; error: boolean } | null>(null);
  async function run(format: ExportFormat): Promise<void> {
    setBusy(format);
    const saved = await exportReport(transport, format);
    setBusy(null);
    if (!saved.ok) return setDone({ text: saved.message, error: true });
    // In a browser the file lands in the downloads folder; Electron asks where to save it.
    const where = transport.kind === 'web' ? ' to your downloads folder' : '';
    setDone({ text: `Saved ${saved.filename} (${saved.summary})${where}.`, error: false });
  }
  return (
    <div className="export-menu">
      <span className="muted small">Export</span>
      {FORMATS.map((f) => (
        <button key={f} type="button" onClick={() => void run(f)} disabled={busy !== null} title={`Export ${LABELS[f].label} (${LABELS[f].hint})`}>
          <span className="visually-hidden">Export </span>
          {LABELS[f].label} <span className="muted small">{LABELS[f].hint}</span>
        </button>
      ))}
      {done ? (
        <div className={`export-confirm ${done.error ? 'error' : 'ok'}`} role={done.error ? 'alert' : 'status'}>
          <span>{done.error ? '⚠' : '✓'} {done.text}</span>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setDone(null)}>×</button>
        </div>
      ) : null}
    </div>
  );
}

// Saves an exported report through the browser's download (Electron's session turns the
// same download into a save dialog). A Blob URL keeps it CSP-safe and byte-exact: the
// text is encoded as UTF-8, which is what the CLI writes.
import type { ExportedReport } from '../../../shared/api';

export function downloadReport(report: ExportedReport): void {
  const blob = new Blob([report.content], { type: `${report.mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = report.filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

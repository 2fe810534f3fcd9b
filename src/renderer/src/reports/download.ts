// Saving an exported report. In a browser the web host serves the file itself
// (GET /api/download/<format>, Content-Disposition); in Electron the report's text comes
// over IPC and the window's download handler asks where to save it. Either way the bytes
// are the CLI's, and a Blob URL keeps the save CSP-safe.
import type { ExportFormat } from '../../../shared/api';
import type { Transport } from '../transport/transport';

export type Saved = { ok: true; filename: string; summary: string } | { ok: false; message: string };

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The viewer's zone: a report's days and weekdays are theirs, as on the dashboard. */
function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

async function fromWebHost(format: ExportFormat): Promise<Saved> {
  let res: Response;
  try {
    res = await fetch(`/api/download/${encodeURIComponent(format)}?timeZone=${encodeURIComponent(viewerTimeZone())}`, { credentials: 'same-origin' });
  } catch (err) {
    return { ok: false, message: `Cannot reach the Taskdeck host: ${String(err)}` };
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: body?.error?.message ?? `The export failed (HTTP ${res.status}).` };
  }
  const filename = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `taskdeck-${format}`;
  save(await res.blob(), filename);
  return { ok: true, filename, summary: decodeURIComponent(res.headers.get('X-Taskdeck-Summary') ?? '') };
}

export async function exportReport(transport: Transport, format: ExportFormat): Promise<Saved> {
  if (transport.kind === 'web') return fromWebHost(format);
  const r = await transport.call('reports:export', { format, timeZone: viewerTimeZone() });
  if (!r.ok) return { ok: false, message: r.error.message };
  save(new Blob([r.value.content], { type: `${r.value.mime};charset=utf-8` }), r.value.filename);
  return { ok: true, filename: r.value.filename, summary: r.value.summary };
}

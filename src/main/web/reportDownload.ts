// GET /api/download/<format>: a report as a file download (Content-Disposition), the
// bytes reports:export builds (the CLI's). Reached only after the request guard, like
// every /api/ route; a GET so the browser streams it to disk like any download.
import type { ServerResponse } from 'node:http';
import type { ApiResult, ExportedReport } from '../../shared/api';
import { SECURITY_HEADERS } from './securityHeaders';

export const DOWNLOAD_PREFIX = '/api/download/';

function isExported(v: unknown): v is ExportedReport {
  return typeof v === 'object' && v !== null && typeof (v as ExportedReport).content === 'string' && typeof (v as ExportedReport).filename === 'string';
}

export async function sendReportDownload(
  res: ServerResponse,
  url: URL,
  call: (method: string, args: unknown) => Promise<ApiResult<unknown>>,
): Promise<void> {
  let format: string;
  try {
    format = decodeURIComponent(url.pathname.slice(DOWNLOAD_PREFIX.length));
  } catch {
    format = ''; // not valid percent-encoding: no format, refused by the contract below
  }
  // The viewer's zone, so the report's days match the dashboard's (?timeZone=Area/City).
  const timeZone = url.searchParams.get('timeZone') ?? undefined;
  // The contract validates the format and zone; a bad one comes back as an error value.
  // ?bom=1: a history CSV for Excel, with a UTF-8 byte order mark (the CLI's --bom).
  const bomParam = url.searchParams.get('bom');
  const bom = bomParam === null ? undefined : bomParam === '1' || bomParam === 'true' ? true : bomParam === '0' || bomParam === 'false' ? false : bomParam;
  const result = await call('reports:export', { format, ...(timeZone !== undefined ? { timeZone } : {}), ...(bom !== undefined ? { bom } : {}) });
  if (!result.ok || !isExported(result.value)) {
    const error = result.ok ? { code: 'internal', message: 'The report has no content.' } : result.error;
    res.writeHead(result.ok || (error.code !== 'bad-arguments' && error.code !== 'bad-time-zone') ? 500 : 400, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    return void res.end(JSON.stringify({ ok: false, error }));
  }
  const report = result.value;
  const body = Buffer.from(report.content, 'utf8');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': `${report.mime}; charset=utf-8`,
    'Content-Length': String(body.length),
    // Filenames are ours (ASCII, no quotes), so the plain form is exact.
    'Content-Disposition': `attachment; filename="${report.filename}"`,
    'Cache-Control': 'no-store',
    // For the page's confirmation ("12 errors in 3 tasks"); URI-encoded to stay a valid header.
    'X-Taskdeck-Summary': encodeURIComponent(report.summary),
  });
  res.end(body);
}

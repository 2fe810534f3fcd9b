// Report exports: the same bytes the CLI writes. In a browser the page downloads the
// returned text; Electron asks for a path with a save dialog and calls reports:write.
import { z } from 'zod';
import { method } from './method';
import { EXPORT_FORMATS } from './export-formats';

export interface ExportedReport {
  format: (typeof EXPORT_FORMATS)[number];
  /** A suggested file name, e.g. taskdeck-error-report.json. */
  filename: string;
  mime: string;
  /** The file's text (UTF-8), byte for byte what the CLI writes. */
  content: string;
  /** One line for the confirmation ("12 errors in 3 tasks"). */
  summary: string;
}

const format = z.enum(EXPORT_FORMATS);

/** The viewer's IANA zone for the days and weekdays in a report (as analytics:dashboard takes it); default: the host's. */
const timeZone = z.string().min(1).max(64).optional();
/** history-csv: start with a UTF-8 byte order mark, so Excel reads it as UTF-8 (the CLI's `--bom`); ignored by the other formats. */
const bom = z.boolean().optional();

export const reportMethods = {
  'reports:export': method<ExportedReport>()(z.object({ format, timeZone, bom })),
  /**
   * Writes the report to an absolute path (atomically), for the desktop save dialog.
   * Desktop only: the web host does not offer it, and the app accepts only the path its
   * save dialog just returned for that export (src/main/app/export-grants.ts).
   */
  'reports:write': method<{ path: string; bytes: number; summary: string }>()(
    z.object({ format, path: z.string().min(1).max(4096), timeZone, bom }),
  ),
} as const;

/** Methods that write outside the project where the caller says: never offered over HTTP. */
export const desktopOnlyReportMethods = ['reports:write'] as const;

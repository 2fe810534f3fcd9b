// Events the desktop shell sends to the renderer (Electron only; the browser has no menu).

/** The report formats the app can export, as named in the Export menu. */
export const EXPORT_FORMATS = ['error-report', 'history-csv', 'tasks-json', 'html-report'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function event<Payload>() {
  return undefined as unknown as Payload;
}

export const appEvents = {
  /** File > Export > ...: the renderer starts that export for the open project. */
  'app:export-requested': event<{ format: ExportFormat }>(),
};

// The report formats the app exports (File > Export in the desktop app, the export
// buttons everywhere), shared by the reports contract and the Electron menu.

export const EXPORT_FORMATS = ['error-report', 'history-csv', 'tasks-json', 'html-report'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

// Saving exports in the desktop app, two ways in: File > Export (the main process asks
// for a path and calls reports:write), and a page download (the renderer hands a file
// to a `download` link as in a browser; Electron turns it into a save dialog). This file
// decides which downloads are allowed (only files our own page made: blob:/data: URLs
// from our origin and window), the save dialog, and what the user is told afterwards.
import type { ExportFormat } from '../../shared/api';
import { APP_ORIGIN } from './app-origin';

/** Default file names, as reports:export suggests them. */
export const EXPORT_FILE_NAMES: Readonly<Record<ExportFormat, string>> = {
  'error-report': 'taskdeck-error-report.json',
  'history-csv': 'taskdeck-history.csv',
  'tasks-json': 'taskdeck-tasks.json',
  'html-report': 'taskdeck-report.html',
};

export type DownloadDecision = { allow: true } | { allow: false; reason: string };

export function decideDownload(url: string, fromOurWindow: boolean, devServerOrigin: string | null): DownloadDecision {
  if (!fromOurWindow) return { allow: false, reason: 'not from the Taskdeck window' };
  if (url.startsWith('data:')) return { allow: true };
  if (url.startsWith('blob:')) {
    const origin = url.slice('blob:'.length).replace(/^(\w+:\/\/[^/]+).*$/, '$1');
    if (origin === APP_ORIGIN || (devServerOrigin !== null && origin === devServerOrigin)) return { allow: true };
    return { allow: false, reason: `a blob from another origin (${origin})` };
  }
  return { allow: false, reason: 'downloads from the network are not part of Taskdeck' };
}

export interface SaveDialogDefaults {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

const FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  json: { name: 'JSON', extensions: ['json'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  html: { name: 'HTML report', extensions: ['html', 'htm'] },
};

/** The save dialog for an export: in the documents folder, filtered by its extension. */
export function saveDialogFor(fileName: string, documentsDir: string, join: (a: string, b: string) => string): SaveDialogDefaults {
  const safeName = fileName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '') || 'taskdeck-export';
  const extension = safeName.includes('.') ? (safeName.split('.').at(-1) ?? '').toLowerCase() : '';
  const filter = FILTERS[extension];
  return {
    title: 'Export',
    defaultPath: join(documentsDir, safeName),
    filters: filter === undefined ? [{ name: 'All files', extensions: ['*'] }] : [filter, { name: 'All files', extensions: ['*'] }],
  };
}

export type SaveOutcome = { kind: 'saved'; path: string; summary?: string } | { kind: 'cancelled' } | { kind: 'failed'; path: string; reason: string };

export interface ExportMessage {
  type: 'info' | 'error';
  message: string;
  detail: string;
  buttons: string[];
}

/** What to tell the user when a save finished: nothing when they cancelled. */
export function exportFinishedMessage(outcome: SaveOutcome): ExportMessage | null {
  switch (outcome.kind) {
    case 'cancelled':
      return null;
    case 'saved':
      return { type: 'info', message: 'Export saved', detail: outcome.summary === undefined ? outcome.path : `${outcome.path}\n${outcome.summary}`, buttons: ['OK', 'Show in Folder'] };
    case 'failed':
      return { type: 'error', message: 'The export could not be saved', detail: `${outcome.path || 'The file'}: ${outcome.reason}`, buttons: ['OK'] };
  }
}

/** A download's end state as a save outcome. */
export function downloadOutcome(state: string, savePath: string): SaveOutcome {
  if (state === 'completed') return { kind: 'saved', path: savePath };
  if (state === 'cancelled') return { kind: 'cancelled' };
  return { kind: 'failed', path: savePath, reason: 'the file was not written completely. Check the folder exists and is writable, then export again.' };
}

export const SHOW_IN_FOLDER_BUTTON = 1;

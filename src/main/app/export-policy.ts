// Exports leave the app as downloads: the renderer builds the file (the same bytes the
// CLI writes) and hands it to a `download` link, as in a browser. In Electron that
// download becomes a native save dialog. This file decides which downloads are allowed
// (only files our own page made: blob:/data: URLs created on our origin, from our
// window) and what the user is told afterwards.
import { APP_ORIGIN } from './app-origin';

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

export type DownloadOutcome = 'completed' | 'cancelled' | 'interrupted';

/** What to tell the user when the save finished: nothing when they cancelled. */
export function exportFinishedMessage(outcome: DownloadOutcome, savePath: string): { type: 'info' | 'error'; message: string; detail: string; buttons: string[] } | null {
  if (outcome === 'cancelled') return null;
  if (outcome === 'completed') return { type: 'info', message: 'Export saved', detail: savePath, buttons: ['OK', 'Show in Folder'] };
  return { type: 'error', message: 'The export could not be saved', detail: `${savePath || 'The file'} was not written completely. Check the folder exists and is writable, then export again.`, buttons: ['OK'] };
}

export const SHOW_IN_FOLDER_BUTTON = 1;

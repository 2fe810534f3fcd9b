// Saving exports (see export-policy.ts): File > Export asks for a path and calls
// reports:write; a download from our page gets a native save dialog; anything else is
// refused. Both end with a confirmation that offers Show in Folder.
import { app, dialog, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import type { ApiResult, ExportFormat } from '../../shared/api';
import type { SaveGrants } from './export-grants';
import { decideDownload, downloadOutcome, EXPORT_FILE_NAMES, exportFinishedMessage, saveDialogFor, SHOW_IN_FOLDER_BUTTON, type SaveOutcome } from './export-policy';

export interface ExportWiring {
  isOurWebContents: (contents: WebContents) => boolean;
  window: () => BrowserWindow | null;
  devServerUrl: string | undefined;
  call: (method: string, args: unknown) => Promise<ApiResult<unknown>>;
  /** The save dialog's answers, which reports:write requires (export-grants.ts). */
  grants: SaveGrants;
}

async function confirm(outcome: SaveOutcome, win: BrowserWindow | null): Promise<void> {
  const message = exportFinishedMessage(outcome);
  if (message === null) return;
  const options = { ...message, title: 'Taskdeck', defaultId: 0, cancelId: 0 };
  const { response } = win === null ? await dialog.showMessageBox(options) : await dialog.showMessageBox(win, options);
  if (outcome.kind === 'saved' && response === SHOW_IN_FOLDER_BUTTON) shell.showItemInFolder(outcome.path);
}

/** File > Export > ...: save dialog, then reports:write (the CLI's bytes), then confirm. */
export async function exportFromMenu(format: ExportFormat, wiring: ExportWiring): Promise<void> {
  const win = wiring.window();
  const options = saveDialogFor(EXPORT_FILE_NAMES[format], app.getPath('documents'), join);
  const choice = win === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return;
  wiring.grants.grant(choice.filePath, format);
  const result = await wiring.call('reports:write', { format, path: choice.filePath });
  if (result.ok) {
    const written = result.value as { path: string; summary: string };
    await confirm({ kind: 'saved', path: written.path, summary: written.summary }, win);
  } else {
    await confirm({ kind: 'failed', path: choice.filePath, reason: result.error.message }, win);
  }
}

export function handleExportDownloads(wiring: ExportWiring): void {
  const devOrigin = wiring.devServerUrl === undefined ? null : new URL(wiring.devServerUrl).origin;
  session.defaultSession.on('will-download', (event, item, contents) => {
    const decision = decideDownload(item.getURL(), wiring.isOurWebContents(contents), devOrigin);
    if (!decision.allow) {
      event.preventDefault();
      console.warn(`Taskdeck: refused a download (${decision.reason}).`);
      return;
    }
    // No save path set: Electron asks the user, with these dialog options.
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), app.getPath('documents'), join));
    item.once('done', (_event, state) => {
      void confirm(downloadOutcome(state, item.getSavePath()), wiring.window());
    });
  });
}

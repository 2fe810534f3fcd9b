// Exports as downloads (see download-policy.ts): a native save dialog for files our page
// made, refusal for anything else, and a confirmation with Show in Folder when saved.
import { app, dialog, session, shell, type BrowserWindow, type WebContents } from 'electron';
import { join } from 'node:path';
import { decideDownload, exportFinishedMessage, saveDialogFor, SHOW_IN_FOLDER_BUTTON, type DownloadOutcome } from './download-policy';

export interface DownloadWiring {
  isOurWebContents: (contents: WebContents) => boolean;
  window: () => BrowserWindow | null;
  devServerUrl: string | undefined;
}

export function handleExportDownloads(wiring: DownloadWiring): void {
  const devOrigin = wiring.devServerUrl === undefined ? null : new URL(wiring.devServerUrl).origin;
  session.defaultSession.on('will-download', (event, item, contents) => {
    const decision = decideDownload(item.getURL(), wiring.isOurWebContents(contents), devOrigin);
    if (!decision.allow) {
      event.preventDefault();
      console.warn(`Taskdeck: refused a download (${decision.reason}).`);
      return;
    }
    // No save path set: Electron asks the user with these dialog options.
    item.setSaveDialogOptions(saveDialogFor(item.getFilename(), app.getPath('documents'), join));
    item.once('done', (_event, state) => {
      const outcome: DownloadOutcome = state === 'completed' ? 'completed' : state === 'cancelled' ? 'cancelled' : 'interrupted';
      const message = exportFinishedMessage(outcome, item.getSavePath());
      if (message === null) return;
      const win = wiring.window();
      const options = { ...message, title: 'Taskdeck', defaultId: 0, cancelId: 0 };
      const shown = win === null ? dialog.showMessageBox(options) : dialog.showMessageBox(win, options);
      void shown.then(({ response }) => {
        if (outcome === 'completed' && response === SHOW_IN_FOLDER_BUTTON) shell.showItemInFolder(item.getSavePath());
      });
    });
  });
}

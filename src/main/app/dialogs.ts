// Native dialog: choose a project folder. (Exports get their save dialog as downloads,
// see downloads.ts.)
import { dialog, type BrowserWindow } from 'electron';

export async function chooseProjectFolder(win: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const options = { title: 'Open Project Folder', properties: ['openDirectory' as const, 'createDirectory' as const], ...(defaultPath === undefined ? {} : { defaultPath }) };
  const result = win === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

// Native dialogs: choose a project folder, choose where to save an export.
import { dialog, type BrowserWindow } from 'electron';

export async function chooseProjectFolder(win: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const options = { title: 'Open Project Folder', properties: ['openDirectory' as const, 'createDirectory' as const], ...(defaultPath === undefined ? {} : { defaultPath }) };
  const result = win === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(win, options);
  if (result.canceled) return null;
  return result.filePaths[0] ?? null;
}

export async function chooseSavePath(win: BrowserWindow | null, input: { title: string; defaultPath: string; extension: string; filterName: string }): Promise<string | null> {
  const options = { title: input.title, defaultPath: input.defaultPath, filters: [{ name: input.filterName, extensions: [input.extension] }] };
  const result = win === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(win, options);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return result.filePath;
}

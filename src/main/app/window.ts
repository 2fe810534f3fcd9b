// Creates the main window with the options from window-options.ts and the navigation
// guards from navigation-policy.ts.
import { BrowserWindow, shell } from 'electron';
import { mainWindowOptions } from './window-options';
import { decideNavigation, decideWindowOpen } from './navigation-policy';

export interface MainWindowInput {
  preloadPath: string;
  iconPath?: string;
  entryUrl: string;
  devServerUrl: string | undefined;
}

export function createMainWindow(input: MainWindowInput): BrowserWindow {
  const options = mainWindowOptions({ preloadPath: input.preloadPath, ...(input.iconPath === undefined ? {} : { iconPath: input.iconPath }) });
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      // The same values as window-options.ts (whose types only allow these), restated
      // at the call site so static auditors such as electronegativity can see them.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;

  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally !== null) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
  const guard = (event: { preventDefault: () => void }, url: string): void => {
    const decision = decideNavigation(url, input.devServerUrl);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally !== null) void shell.openExternal(decision.openExternally);
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  // No <webview>: webviewTag is off, and this refuses one even if it were turned on.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  win.once('ready-to-show', () => win.show());
  void win.loadURL(input.entryUrl);
  return win;
}

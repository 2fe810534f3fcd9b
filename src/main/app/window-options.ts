// The main window's options as plain data, so the security-relevant settings are
// unit-tested without Electron. index.ts passes this object to `new BrowserWindow`.

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  /** Middle-click (auxclick) could open links in new windows; the feature is off. */
  disableBlinkFeatures: 'Auxclick';
  spellcheck: boolean;
}

export interface MainWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  icon?: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

export function mainWindowOptions(input: { preloadPath: string; iconPath?: string }): MainWindowOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: 'Taskdeck',
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    // Shown on 'ready-to-show' so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped on the window must not navigate it away from the app.
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  };
}

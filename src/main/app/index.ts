// Electron entry point: the only place that wires Electron to the services. Every
// decision lives in a pure module beside this one (see the imports); this file connects
// them to app events, windows, menus and dialogs.
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { createAppSession, dispatch } from '../api';
import type { ApiResult, EventName, ProjectInfo } from '../../shared/api';
import { ensureSampleCopy, sampleCopyDir } from '../project/sampleProject';
import { APP_ENTRY_URL } from './app-origin';
import { appPaths } from './app-paths';
import { loadAppState, saveAppState, type AppState } from './app-state';
import { chooseProjectFolder } from './dialogs';
import { exportFromMenu, handleExportDownloads, type ExportWiring } from './downloads';
import { createSaveGrants, requireSaveGrant } from './export-grants';
import { registerContractHandlers, sendEventToWindows } from './ipc';
import { installApplicationMenu } from './menu';
import { buildMenuTemplate, type MenuAction } from './menu-template';
import { finishedRunFromEvent } from './notify-policy';
import { notifyRunFinished } from './notifications';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { addRecentProject, pruneRecentProjects, removeRecentProject } from './recent-projects';
import { guardAllWebContents, hardenDefaultSession } from './session-hardening';
import { chooseStartupProject, projectFromArgv } from './startup-project';
import { createMainWindow } from './window';
import { setAuditSource } from '../store/auditOrigin';

// The dev server is trusted only in development, and only on loopback (app-origin.ts).
// An empty variable counts as unset.
const rendererUrlFromEnv = process.env['ELECTRON_RENDERER_URL'];
const devServerUrl = app.isPackaged || rendererUrlFromEnv === undefined || rendererUrlFromEnv === '' ? undefined : rendererUrlFromEnv;

// Changes made through this process are recorded in the audit log as coming from the app.
setAuditSource('app');
registerAppScheme();
app.enableSandbox();
guardAllWebContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

function fail(error: unknown): void {
  dialog.showErrorBox('Taskdeck could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

async function start(): Promise<void> {
  const paths = appPaths({
    isPackaged: app.isPackaged,
    mainDir: import.meta.dirname,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
  });
  const userData = app.getPath('userData');
  hardenDefaultSession();
  serveAppProtocol(paths.rendererDir);

  const loaded = loadAppState(userData);
  if (loaded.problem !== null) console.warn(`Taskdeck: ${loaded.problem}`);
  let state: AppState = { ...loaded.state, recentProjects: pruneRecentProjects(loaded.state.recentProjects, existsSync) };

  const { session, handlers } = await createAppSession({ watch: true });
  let mainWindow: BrowserWindow | null = null;
  let currentProject: ProjectInfo | null = null;
  const isOurs = (contents: WebContents): boolean => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents;

  // Losing the recent list is not worth interrupting the user for: warn and go on.
  const persistState = (next: AppState): void => {
    state = next;
    try {
      saveAppState(userData, state);
    } catch (error) {
      console.warn(`Taskdeck: could not save ${userData}/state.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const rememberProject = (project: ProjectInfo): void => {
    currentProject = project;
    persistState({ ...state, lastProject: project.dir, recentProjects: addRecentProject(state.recentProjects, project.dir) });
    refreshMenu();
    mainWindow?.setTitle(`${project.name} — Taskdeck`);
  };

  // Every call, from the window or from the menu, goes through dispatch; opening a
  // project from either place updates the recent list the same way.
  // reports:write only to the path the save dialog just returned for that export.
  const saveGrants = createSaveGrants();
  const call = requireSaveGrant(async (method: string, args: unknown): Promise<ApiResult<unknown>> => {
    const result = await dispatch(handlers, method, args);
    if (method === 'project:open' && result.ok) rememberProject(result.value as ProjectInfo);
    return result;
  }, saveGrants);

  const openProject = async (dir: string): Promise<void> => {
    const result = await call('project:open', { dir });
    if (!result.ok) {
      await dialog.showMessageBox({ type: 'error', title: 'Could not open the project', message: result.error.message, buttons: ['OK'] });
      // A folder that cannot be opened any more leaves the recent list.
      persistState({ ...state, recentProjects: removeRecentProject(state.recentProjects, dir) });
      refreshMenu();
    }
  };

  const exportWiring: ExportWiring = { isOurWebContents: isOurs, window: () => mainWindow, devServerUrl, call, grants: saveGrants };

  const onMenuAction = (action: MenuAction): void => {
    switch (action.kind) {
      case 'open-folder':
        void chooseProjectFolder(mainWindow, currentProject?.dir).then((dir) => (dir === null ? undefined : openProject(dir)));
        return;
      case 'open-recent':
        void openProject(action.dir);
        return;
      case 'clear-recent':
        persistState({ ...state, recentProjects: [] });
        refreshMenu();
        return;
      case 'export':
        void exportFromMenu(action.format, exportWiring);
        return;
      case 'reload':
        mainWindow?.webContents.reload();
        return;
      case 'toggle-devtools':
        mainWindow?.webContents.toggleDevTools();
        return;
      case 'quit':
        app.quit();
        return;
    }
  };

  function refreshMenu(): void {
    installApplicationMenu(
      buildMenuTemplate({ platform: process.platform, recentProjects: state.recentProjects, hasProject: currentProject !== null, isDevelopment: !app.isPackaged }),
      onMenuAction,
    );
  }

  registerContractHandlers({ isOurWebContents: isOurs, devServerUrl, call });
  handleExportDownloads(exportWiring);
  session.subscribe((name: EventName, payload: unknown) => {
    if (mainWindow !== null) sendEventToWindows(name, payload, [mainWindow]);
    const finished = finishedRunFromEvent(name, payload);
    if (finished !== null) notifyRunFinished(finished, mainWindow);
  });

  const startup = chooseStartupProject({
    argvProject: projectFromArgv(process.argv),
    argvSample: process.argv.includes('--sample'),
    lastProject: state.lastProject,
    isPackaged: app.isPackaged,
    bundledSampleDir: paths.bundledSampleDir,
    // One copy for the app and `taskdeck serve --sample`, beside the trust file.
    sampleCopyDir: sampleCopyDir(),
    exists: existsSync,
  });
  if (startup.kind === 'copy-sample') {
    await openProject(ensureSampleCopy(startup.from, startup.to).dir);
  } else if (startup.kind === 'open') {
    await openProject(startup.dir);
  } else {
    for (const note of startup.notes) console.warn(`Taskdeck: ${note}`);
  }

  refreshMenu();
  mainWindow = createMainWindow({ preloadPath: paths.preload, iconPath: paths.icon, entryUrl: devServerUrl ?? APP_ENTRY_URL, devServerUrl });
  const opened = session.current();
  if (opened !== null) mainWindow.setTitle(`${opened.name} — Taskdeck`);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void session.close();
  });
}

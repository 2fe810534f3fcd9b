// A stand-in for the `electron` module, so the built main process (out/main/index.js)
// runs in plain Node where Electron's binary cannot. It implements only what our shell
// calls and records every call in globalThis.electronStub for the harness to inspect.
import { EventEmitter } from 'node:events';

const record = { shownInFolder: [], downloadListeners: [], windows: [], ipcHandlers: new Map(), protocolHandlers: new Map(), privilegedSchemes: [], menus: [], dialogs: [], notifications: [], session: {}, appCalls: [], externalOpens: [] };
globalThis.electronStub = record;

class WebContentsStub extends EventEmitter {
  constructor() {
    super();
    this.sent = [];
    this.mainFrame = { url: 'about:blank' };
    this.windowOpenHandler = null;
    this.reloads = 0;
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel, payload) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return false;
  }
  reload() {
    this.reloads += 1;
  }
  toggleDevTools() {}
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContentsStub();
    this.title = options?.title ?? '';
    this.loadedUrl = null;
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return undefined;
  }
  setTitle(title) {
    this.title = title;
  }
  isDestroyed() {
    return false;
  }
  isFocused() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

// A packaged run: Electron sets process.resourcesPath to the folder beside app.asar.
if (process.env.TASKDECK_TEST_RESOURCES) process.resourcesPath = process.env.TASKDECK_TEST_RESOURCES;

class AppStub extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = process.env.TASKDECK_TEST_RESOURCES !== undefined;
  }
  whenReady() {
    return Promise.resolve();
  }
  requestSingleInstanceLock() {
    return true;
  }
  enableSandbox() {
    record.appCalls.push('enableSandbox');
  }
  getPath(name) {
    if (name === 'userData') return process.env.TASKDECK_TEST_USERDATA;
    if (name === 'documents') return `${process.env.TASKDECK_TEST_USERDATA}/Documents`;
    throw new Error(`stub: getPath(${name})`);
  }
  getAppPath() {
    return process.env.TASKDECK_TEST_APP_PATH;
  }
  quit() {
    record.appCalls.push('quit');
  }
  exit(code) {
    record.appCalls.push(`exit ${code}`);
  }
}
export const app = new AppStub();

export const ipcMain = {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(handler) {
        record.session.onHeadersReceived = handler;
      },
    },
    setPermissionRequestHandler(handler) {
      record.session.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      record.session.permissionCheck = handler;
    },
    setDevicePermissionHandler(handler) {
      record.session.devicePermission = handler;
    },
    on(eventName, listener) {
      if (eventName === 'will-download') record.downloadListeners.push(listener);
    },
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.menus.push(menu.template);
  },
};

export const dialog = {
  async showOpenDialog(...args) {
    record.dialogs.push(['open', args]);
    const dir = record.nextPick ?? process.env.TASKDECK_TEST_PICK_DIR;
    return dir ? { canceled: false, filePaths: [dir] } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args) {
    record.dialogs.push(['save', args]);
    const filePath = record.nextSavePath;
    return filePath ? { canceled: false, filePath } : { canceled: true };
  },
  async showMessageBox(...args) {
    record.dialogs.push(['message', args]);
    return { response: record.nextMessageResponse ?? 0 };
  },
  showErrorBox(...args) {
    record.dialogs.push(['error', args]);
  },
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record.notifications.push(this.options);
  }
}

export const shell = {
  async openExternal(url) {
    record.externalOpens.push(url);
  },
  showItemInFolder(path) {
    record.shownInFolder.push(path);
  },
};

export default { app, BrowserWindow, ipcMain, protocol, session, Menu, dialog, Notification, shell };

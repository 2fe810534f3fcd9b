// Runs the built main process (out/main/index.js) against the electron stub and drives
// it as Electron would: IPC from our window and from strangers, the app:// protocol,
// session hooks, navigation, menus. Prints one JSON report line for the test to check.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const mainScript = process.env.TASKDECK_TEST_MAIN;
const userData = process.env.TASKDECK_TEST_USERDATA;
await import(mainScript);
const stub = globalThis.electronStub;

async function until(condition, what) {
  for (let i = 0; i < 500; i += 1) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

await until(() => stub.windows.length === 1 && stub.windows[0].loadedUrl !== null, 'the main window');
const win = stub.windows[0];
const contents = win.webContents;
const call = (channel, args, event) => stub.ipcHandlers.get(channel)(event, args);
const ours = { sender: contents, senderFrame: contents.mainFrame };

const report = {};
if (process.env.TASKDECK_TEST_SCENARIO === 'packaged-first-start') {
  report.windowOptions = win.options;
  report.currentFromWindow = await call('project:current', {}, ours);
  report.state = JSON.parse(readFileSync(join(userData, 'state.json'), 'utf8'));
  report.copiedBacklog = readFileSync(join(process.env.TASKDECK_CONFIG_DIR, 'sample-project', 'backlog.md'), 'utf8').length;
  report.menuActions = stub.menus.at(-1).flatMap((m) => (m.submenu ?? []).map((i) => i.label)).filter(Boolean);
  process.stdout.write(`\nREPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}
report.windowOptions = win.options;
report.loadedUrl = win.loadedUrl;
report.title = win.title;
report.appCalls = stub.appCalls;
report.privilegedSchemes = stub.privilegedSchemes;
report.ipcChannels = [...stub.ipcHandlers.keys()].sort();
report.currentFromWindow = await call('project:current', {}, ours);
contents.mainFrame.url = 'https://evil.example/';
report.foreignTopFrame = await call('project:current', {}, ours);
contents.mainFrame.url = win.loadedUrl;
report.subFrame = await call('project:current', {}, { sender: contents, senderFrame: { url: 'app://taskdeck/index.html' } });
report.otherWindow = await call('project:current', {}, { sender: { mainFrame: contents.mainFrame }, senderFrame: contents.mainFrame });
report.goneFrame = await call('project:current', {}, { sender: contents, senderFrame: null });
report.badArgs = await call('project:open', { dir: 42 }, ours);

const serve = stub.protocolHandlers.get('app');
const fetchApp = async (url) => {
  const response = await serve({ url });
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: (await response.text()).slice(0, 2000) };
};
report.protocol = {
  index: await fetchApp('app://taskdeck/index.html'),
  root: await fetchApp('app://taskdeck/'),
  traversal: await fetchApp('app://taskdeck/assets/%2e%2e%2f%2e%2e%2fpackage.json'),
  foreignHost: await fetchApp('app://other/index.html'),
  missing: await fetchApp('app://taskdeck/nope.js'),
};

let granted = null;
stub.session.permissionRequest(contents, 'media', (answer) => (granted = answer), {});
report.permissionGranted = granted;
report.permissionCheck = stub.session.permissionCheck(contents, 'notifications', 'app://taskdeck', {});
let rewritten = null;
stub.session.onHeadersReceived({ responseHeaders: { 'Content-Security-Policy': ['default-src *'], 'X-Other': ['1'] } }, (result) => (rewritten = result.responseHeaders));
report.rewrittenHeaders = rewritten;

const navigate = (url) => {
  const event = { url, prevented: false, preventDefault() { this.prevented = true; } };
  contents.emit('will-navigate', event);
  return event.prevented;
};
report.navigation = {
  appPrevented: navigate('app://taskdeck/index.html'),
  webPrevented: navigate('https://docs.example/page'),
  filePrevented: navigate('file:///etc/passwd'),
  windowOpen: contents.windowOpenHandler({ url: 'javascript:alert(1)' }),
};
await new Promise((r) => setTimeout(r, 20));
report.externalOpens = stub.externalOpens;

const findItem = (items, labels) => {
  const [first, ...rest] = labels;
  const item = items.find((i) => i.label === first);
  if (item === undefined) return undefined;
  return rest.length === 0 ? item : findItem(item.submenu ?? [], rest);
};
const lastMenu = () => stub.menus.at(-1);
report.menuLabels = lastMenu().map((m) => m.label);
report.recentLabels = findItem(lastMenu(), ['File', 'Recent Projects']).submenu.map((i) => i.label ?? i.type);
// File > Export: a save dialog, reports:write, then a confirmation with Show in Folder.
stub.nextSavePath = join(userData, 'tasks-export.json');
stub.nextMessageResponse = 1;
findItem(lastMenu(), ['File', 'Export', 'Tasks (JSON)…']).click();
await until(() => stub.shownInFolder.length === 1, 'the export confirmation');
const exported = await call('reports:export', { format: 'tasks-json' }, ours);
const withoutStamp = (text) => text.replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');
report.menuExport = {
  saveDialog: stub.dialogs.find(([kind]) => kind === 'save')[1].at(-1),
  confirmation: stub.dialogs.filter(([kind]) => kind === 'message').at(-1)[1].at(-1),
  // The two renders differ only in their generatedAt stamp.
  sameBytesApartFromGeneratedAt: exported.ok && withoutStamp(readFileSync(stub.nextSavePath, 'utf8')) === withoutStamp(exported.value.content),
  shownInFolder: stub.shownInFolder.splice(0),
};
stub.nextMessageResponse = 0;
stub.dialogs.length = 0;
// reports:write from the window: only the save dialog's answer, once (export-grants.ts).
const stray = join(userData, 'stray-export.json');
report.windowWrite = {
  anyPath: await call('reports:write', { format: 'tasks-json', path: stray }, ours),
  anyPathCreated: existsSync(stray),
  chosenPathAgain: await call('reports:write', { format: 'tasks-json', path: stub.nextSavePath }, ours),
};

report.stateAfterStart = JSON.parse(readFileSync(join(userData, 'state.json'), 'utf8'));
findItem(lastMenu(), ['File', 'Open Folder…']).click();
await until(() => JSON.parse(readFileSync(join(userData, 'state.json'), 'utf8')).lastProject === process.env.TASKDECK_TEST_PICK_DIR, 'the second project');
report.stateAfterOpen = JSON.parse(readFileSync(join(userData, 'state.json'), 'utf8'));
report.titleAfterOpen = win.title;
report.backlogEvents = contents.sent.filter(([channel]) => channel === 'backlog:changed').map(([, payload]) => payload);
report.recentAfterOpen = findItem(lastMenu(), ['File', 'Recent Projects']).submenu.map((i) => i.label ?? i.type);

// A folder without a backlog: an error dialog with the loader's message, and no change.
stub.nextPick = process.env.TASKDECK_TEST_EMPTY_DIR;
findItem(lastMenu(), ['File', 'Open Folder…']).click();
await until(() => stub.dialogs.some(([kind]) => kind === 'message'), 'the error dialog');
report.errorDialog = stub.dialogs.find(([kind]) => kind === 'message')[1][0];
report.stateAfterFailedOpen = JSON.parse(readFileSync(join(userData, 'state.json'), 'utf8'));
report.currentAfterFailedOpen = await call('project:current', {}, ours);
report.dialogs = stub.dialogs.map(([kind]) => kind);

// Exports arrive as downloads: ours get a save dialog, then a confirmation.
const { EventEmitter } = await import('node:events');
const download = (url, fileName, savePath) => {
  const item = new EventEmitter();
  item.dialogOptions = null;
  Object.assign(item, { getURL: () => url, getFilename: () => fileName, getSavePath: () => savePath, setSaveDialogOptions: (o) => (item.dialogOptions = o) });
  const event = { prevented: false, preventDefault() { this.prevented = true; } };
  for (const listener of stub.downloadListeners) listener(event, item, contents);
  return { item, event };
};
const saved = download('blob:app://taskdeck/4d2c', 'error-report.json', '/home/me/Documents/error-report.json');
stub.nextMessageResponse = 1;
saved.item.emit('done', {}, 'completed');
await until(() => stub.shownInFolder.length === 1, 'Show in Folder');
report.exportDownload = { prevented: saved.event.prevented, dialogOptions: saved.item.dialogOptions, confirmation: stub.dialogs.at(-1)[1].at(-1), shownInFolder: stub.shownInFolder };
const foreign = download('https://evil.example/payload.exe', 'payload.exe', '');
report.foreignDownloadPrevented = foreign.event.prevented;

const { app } = await import('electron');
app.emit('will-quit');
process.stdout.write(`\nREPORT ${JSON.stringify(report)}\n`);
process.exit(0);

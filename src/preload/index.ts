// Builds window.taskdeck from the contract's method list; nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../shared/api';

const api = Object.fromEntries(methodNames.map((name) => [name, (args: unknown) => ipcRenderer.invoke(name, args)]));
contextBridge.exposeInMainWorld('taskdeck', api);

// The preload: exposes window.taskdeck, built from the contract's lists (bridge.ts).
// Nothing else crosses into the page: no ipcRenderer, no generic channel forwarder.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { TaskdeckBridge } from '../shared/api';
import { buildTaskdeckBridge } from './bridge';

const bridge = buildTaskdeckBridge({
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  listen: (channel, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
}) satisfies TaskdeckBridge;

contextBridge.exposeInMainWorld('taskdeck', bridge);

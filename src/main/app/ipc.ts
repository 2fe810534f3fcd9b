// Registers the contract on ipcMain: one ipcMain.handle per method name (never a
// generic channel), each checking the sender (ipc-guard.ts) before handing the raw
// argument to `dispatch`, which validates it with the method's schema. Events from the
// session go to our windows on channels named after the contract's events.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../../shared/api';
import type { ApiResult, EventName } from '../../shared/api';
import { checkIpcSender } from './ipc-guard';

export type ContractCall = (method: string, args: unknown) => Promise<ApiResult<unknown>>;

export interface IpcRegistration {
  /** The windows allowed to call; checked on every message. */
  isOurWebContents: (contents: WebContents) => boolean;
  devServerUrl: string | undefined;
  call: ContractCall;
}

function senderOf(event: IpcMainInvokeEvent, isOurs: (contents: WebContents) => boolean) {
  const frame = event.senderFrame;
  return {
    frameUrl: frame === null ? undefined : frame.url,
    isTopFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: isOurs(event.sender),
  };
}

export function registerContractHandlers(registration: IpcRegistration): () => void {
  for (const name of methodNames) {
    ipcMain.handle(name, async (event, args: unknown): Promise<ApiResult<unknown>> => {
      const refusal = checkIpcSender(senderOf(event, registration.isOurWebContents), registration.devServerUrl);
      if (refusal !== null) return refusal;
      try {
        return await registration.call(name, args);
      } catch (error) {
        // dispatch returns values; this is the last line so a bug never becomes a crash.
        return { ok: false, error: { code: 'internal', message: `${name} failed: ${error instanceof Error ? error.message : String(error)}` } };
      }
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(name);
  };
}

/** Sends a contract event to every live window of ours. */
export function sendEventToWindows(name: EventName, payload: unknown, windows: readonly BrowserWindow[]): void {
  for (const win of windows) {
    if (win.isDestroyed() || win.webContents.isDestroyed()) continue;
    win.webContents.send(name, payload);
  }
}

// Decides whether an IPC call may reach the handler table. Every ipcMain.handle checks
// the frame that sent the message: only our app's top frame, on our origin, may call.
// A page that somehow navigated elsewhere, or an embedded frame, gets a refusal value.
import { isTrustedRendererUrl } from './app-origin';

export interface IpcRefusal {
  ok: false;
  error: { code: 'IPC_FORBIDDEN_SENDER'; message: string };
}

export interface IpcSender {
  /** senderFrame.url; undefined when the frame is gone (navigated or destroyed). */
  frameUrl: string | undefined;
  /** Whether the sending frame is the window's top frame. */
  isTopFrame: boolean;
  /** Whether the sender belongs to a window this app created. */
  isOurWindow: boolean;
}

export function checkIpcSender(sender: IpcSender, devServerUrl: string | undefined): IpcRefusal | null {
  const refuse = (why: string): IpcRefusal => ({
    ok: false,
    error: { code: 'IPC_FORBIDDEN_SENDER', message: `Refused a request from ${why}. Reload the window (View > Reload).` },
  });
  if (!sender.isOurWindow) return refuse('a window Taskdeck did not open');
  if (sender.frameUrl === undefined) return refuse('a page that is no longer loaded');
  if (!sender.isTopFrame) return refuse('an embedded frame');
  if (!isTrustedRendererUrl(sender.frameUrl, devServerUrl)) return refuse(`a page outside the app (${safeOrigin(sender.frameUrl)})`);
  return null;
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unreadable URL';
  }
}

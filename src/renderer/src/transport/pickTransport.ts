import type { Transport } from './transport';
import { bridgeTransport } from './transport';
import { webTransport } from './webTransport';

/** Electron when the preload is there, else the web host this page came from. */
export function pickTransport(win: Window): Transport {
  if (win.taskdeck) return bridgeTransport(win.taskdeck);
  const token = new URLSearchParams(win.location.search).get('token');
  return webTransport('', token);
}

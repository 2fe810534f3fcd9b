// Desktop notification when a long run finishes; the decision is notify-policy.ts.
import { Notification, type BrowserWindow } from 'electron';
import { alertsMessage, runFinishedMessage, shouldNotifyRunFinished, type FinishedRunSummary, type RaisedAlert } from './notify-policy';

/** A desktop notification for threshold alerts, whether or not the window is focused. */
export function notifyAlerts(alerts: readonly RaisedAlert[], win: BrowserWindow | null): boolean {
  const message = alertsMessage(alerts);
  if (message === null || !Notification.isSupported()) return false;
  const notification = new Notification({ ...message, silent: false });
  notification.on('click', () => {
    if (win !== null && !win.isDestroyed()) win.focus();
  });
  notification.show();
  return true;
}

export function notifyRunFinished(run: FinishedRunSummary, win: BrowserWindow | null): boolean {
  const focused = win !== null && !win.isDestroyed() && win.isFocused();
  if (!shouldNotifyRunFinished(run, { windowFocused: focused })) return false;
  if (!Notification.isSupported()) return false;
  const { title, body } = runFinishedMessage(run);
  const notification = new Notification({ title, body, silent: false });
  notification.on('click', () => {
    if (win !== null && !win.isDestroyed()) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  notification.show();
  return true;
}

// Session-wide defences, applied once to the default session before any window loads:
// our CSP on every response, and every permission (camera, notifications from pages,
// geolocation, ...) refused. The app needs none of them: desktop notifications come
// from the main process, not the page.
import { app, session } from 'electron';
import { withCspHeader } from './content-security-policy';

export function hardenDefaultSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * A net under every web contents, including any a bug might create: no new windows, no
 * <webview>. The main window adds its own navigation guard (window.ts).
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const { webPreferences } = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs' });
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
  it('passes the icon only when given', () => {
    expect(mainWindowOptions({ preloadPath: 'p' }).icon).toBeUndefined();
    expect(mainWindowOptions({ preloadPath: 'p', iconPath: '/i.png' }).icon).toBe('/i.png');
  });
});

import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';

describe('appPaths', () => {
  it('uses the repository resources in development', () => {
    const paths = appPaths({ isPackaged: false, mainDir: '/repo/out/main', appPath: '/repo', resourcesPath: '/usr/lib/electron/resources' });
    expect(paths).toEqual({
      preload: '/repo/out/preload/index.cjs',
      rendererDir: '/repo/out/renderer',
      icon: '/repo/resources/icons/512x512.png',
      bundledSampleDir: '/repo/resources/sample-project',
    });
  });
  it('uses extraResources beside app.asar when packaged', () => {
    const paths = appPaths({ isPackaged: true, mainDir: '/opt/Taskdeck/resources/app.asar/out/main', appPath: '/opt/Taskdeck/resources/app.asar', resourcesPath: '/opt/Taskdeck/resources' });
    expect(paths.bundledSampleDir).toBe('/opt/Taskdeck/resources/sample-project');
    expect(paths.icon).toBe('/opt/Taskdeck/resources/icons/512x512.png');
    expect(paths.preload).toBe('/opt/Taskdeck/resources/app.asar/out/preload/index.cjs');
  });
});

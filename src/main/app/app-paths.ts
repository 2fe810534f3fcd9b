// Where the shell's files are, in development and when packaged. Pure: the caller
// passes what Electron knows (app.isPackaged, process.resourcesPath, the app path).
import { join } from 'node:path';

export interface AppPathsInput {
  isPackaged: boolean;
  /** The directory of the built main script (out/main). */
  mainDir: string;
  /** app.getAppPath(): the repository in development, app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
}

export interface AppPaths {
  preload: string;
  rendererDir: string;
  icon: string;
  bundledSampleDir: string;
}

export function appPaths(input: AppPathsInput): AppPaths {
  // extraResources (electron-builder.yml) puts the sample and the icons beside app.asar.
  const resources = input.isPackaged ? input.resourcesPath : join(input.appPath, 'resources');
  return {
    preload: join(input.mainDir, '..', 'preload', 'index.cjs'),
    rendererDir: join(input.mainDir, '..', 'renderer'),
    icon: join(resources, 'icons', '512x512.png'),
    bundledSampleDir: join(resources, 'sample-project'),
  };
}

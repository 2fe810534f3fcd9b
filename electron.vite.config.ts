import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// Main: ESM (package.json has "type": "module"), so out/main/index.js uses
// import.meta.dirname, never __dirname. Runtime dependencies (better-sqlite3, a native
// Node-API module, chokidar, zod) stay external and load from the packaged node_modules;
// electron-builder.yml unpacks better-sqlite3 from the asar.
//
// Preload: a sandboxed preload cannot load ES modules or node_modules, so it is one
// self-contained CommonJS file, out/preload/index.cjs, with zod and the contract bundled in.
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/main/app/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // The renderer is also served to browsers by `taskdeck serve`: ship it minified.
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});

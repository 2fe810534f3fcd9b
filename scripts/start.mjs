// `npm start`: opens the app window on the sample project, or, where Electron cannot
// run (its binary could not be downloaded, or there is no display), says so in one
// clear message and points to `npm run serve`, the same UI in a browser.
//
// It exits 0 in that case on purpose: the environment, not the project, is missing
// something, and a non-zero exit would make npm print its own error block over ours.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where `require('electron')` would look, without its download-on-require side effect. */
export function electronBinaryPath(env, root = repoRoot) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  return relative === '' ? null : join(pkgDir, 'dist', relative);
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The decision, separate from its effects: launch, or explain what is missing.
 * `platform` and `env` are parameters so tests can ask about any machine.
 */
export function decideStart({ env, platform, electronPath, executable = isExecutable }) {
  if (electronPath === null || !executable(electronPath)) {
    return {
      action: 'explain',
      missing: 'electron',
      message: [
        'Taskdeck: the Electron binary is not installed, so the app window cannot open here.',
        "  Electron's download failed or was skipped when the packages were installed (no internet access?).",
        '  To get it: run `npx install-electron` (or reinstall the electron package) on a machine with internet access.',
        '  Meanwhile, `npm run serve` opens the same Taskdeck UI in your browser.',
      ].join('\n'),
    };
  }
  const needsDisplay = platform !== 'darwin' && platform !== 'win32';
  if (needsDisplay && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return {
      action: 'explain',
      missing: 'display',
      message: [
        'Taskdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the app window cannot open here.',
        '  Start it from a desktop session, or with a virtual display: `xvfb-run npm start`.',
        '  Meanwhile, `npm run serve` opens the same Taskdeck UI in your browser.',
      ].join('\n'),
    };
  }
  return { action: 'launch', command: electronPath, args: ['.', '--project', join(repoRoot, 'resources', 'sample-project')] };
}

function main() {
  const env = process.env;
  const decision = decideStart({ env, platform: process.platform, electronPath: electronBinaryPath(env) });
  if (decision.action === 'explain') {
    console.log(decision.message);
    process.exit(0);
  }
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawn(decision.command, decision.args, { cwd: repoRoot, stdio: 'inherit', env: childEnv });
  child.on('error', (error) => {
    console.log(`Taskdeck: could not start Electron (${error.message}). \`npm run serve\` opens the same UI in your browser.`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

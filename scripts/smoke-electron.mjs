// `npm run smoke:electron`: the real desktop window, end to end, where a real Electron
// binary can be had (downloaded on a machine with internet, or ELECTRON_OVERRIDE_DIST_PATH).
// Not part of `npm test`: it needs that binary and a display (under `xvfb-run` when there
// is none). It opens the built app on a temporary copy of the sample project and checks
// that the main process ran (the window comes from its app:// protocol, its title names
// the project), that the preload exposed window.taskdeck and answers over IPC, and that
// the backlog rendered its rows; then saves test-results/electron-window.png and closes.
// Exit 0 when all hold, else 1; and 1, saying so, where no Electron binary can be had.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './electron-binary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const screenshotPath = join(repoRoot, 'test-results', 'electron-window.png');
const TIMEOUT = 60_000;
const APP_URL = 'app://taskdeck/index.html';

function stop(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

function check(what, ok, detail) {
  if (!ok) throw new Error(`${what}: ${detail}`);
  console.log(`ok  ${what}`);
}

/** No display on Linux: run this same script again under xvfb-run, once. */
function rerunUnderXvfb() {
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, TASKDECK_SMOKE_UNDER_XVFB: '1' },
  });
  if (result.error) stop([`smoke:electron: no display (DISPLAY is not set) and xvfb-run could not run (${result.error.message}). Install xvfb, or run it from a desktop session.`]);
  process.exit(result.status ?? 1);
}

async function smoke() {
  const { _electron } = await import('playwright-core');
  const temp = mkdtempSync(join(tmpdir(), 'taskdeck-smoke-'));
  const project = join(temp, 'sample-project');
  cpSync(join(repoRoot, 'resources', 'sample-project'), project, { recursive: true });
  // A throwaway userData, so the smoke neither reads nor changes the person's recent projects.
  const env = { ...process.env, XDG_CONFIG_HOME: join(temp, 'config') };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL; // the built renderer from app://, not a dev server
  let app;
  try {
    // No executablePath: Playwright then finds the binary as require('electron') does (the
    // one ensureElectron made sure of) and adds its loader, which holds the app's `ready`
    // until Playwright is attached, so the first window cannot be missed.
    app = await _electron.launch({ args: ['.', '--project', project, `--user-data-dir=${join(temp, 'userData')}`], cwd: repoRoot, env, timeout: TIMEOUT });
    const page = await app.firstWindow({ timeout: TIMEOUT });
    await page.waitForURL(APP_URL, { timeout: TIMEOUT }).catch(() => {}); // the check below says what it shows instead
    check('main process served the window from app://taskdeck', page.url() === APP_URL, `the window shows ${page.url()}`);
    const title = await app.evaluate(async ({ BrowserWindow }) => {
      // The main process sets the title once it has opened the project.
      for (let i = 0; i < 100; i += 1) {
        const current = BrowserWindow.getAllWindows()[0]?.getTitle() ?? '';
        if (current.includes('—')) return current;
        await new Promise((r) => setTimeout(r, 200));
      }
      return BrowserWindow.getAllWindows()[0]?.getTitle() ?? '(no window)';
    });
    check('main process opened the project', title === `${basename(project)} — Taskdeck`, `window title is "${title}"`);

    const snapshot = await page.evaluate(async () => (typeof window.taskdeck === 'object' ? window.taskdeck['backlog:get']({}) : null));
    check('preload exposed window.taskdeck and IPC answers', snapshot?.ok === true && snapshot.value.tasks.length > 0, JSON.stringify(snapshot)?.slice(0, 300) ?? 'window.taskdeck is missing');

    const firstRow = page.locator('.tt-body [role="row"]').first();
    await firstRow.waitFor({ timeout: TIMEOUT });
    const firstId = await firstRow.getAttribute('data-task-id');
    check('backlog rendered', firstId === snapshot.value.tasks[0].id, `first row is ${firstId}, the backlog's first task is ${snapshot.value.tasks[0].id}`);

    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    console.log(`ok  screenshot: ${screenshotPath}`);
  } finally {
    await app?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

async function main() {
  const env = process.env;
  const electron = await ensureElectron({ root: repoRoot, env, say: (line) => console.log(line) });
  if (!electron.ok) stop(['smoke:electron: no Electron binary can be had here, so the window cannot be checked.', ...electron.lines]);
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) stop(['smoke:electron: out/main/index.js is missing: run `npm run build` first.']);
  const needsDisplay = process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (needsDisplay && !env.TASKDECK_SMOKE_UNDER_XVFB) rerunUnderXvfb();
  console.log(`Electron: ${electron.path}`);
  try {
    await smoke();
  } catch (error) {
    stop([`smoke:electron failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`]);
  }
  console.log('smoke:electron: the desktop window works.');
}

await main();

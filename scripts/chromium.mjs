// Where Chromium is, for the browser tests and the benchmarks, in one place. Looked for,
// in order: $TASKDECK_CHROMIUM, Debian/Ubuntu/Chrome paths, then the newest browser in a
// Playwright cache ($PLAYWRIGHT_BROWSERS_PATH, else ~/.cache/ms-playwright). Plain
// JavaScript so the .mjs benchmarks and the TypeScript tests share it.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export const INSTALL_HINT =
  'Chromium is needed for the browser tests: install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set TASKDECK_CHROMIUM to a Chromium or Chrome executable.';

function executable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The executables in a Playwright browsers cache, newest revision first. */
function playwrightBrowsers(root) {
  let names;
  try {
    names = readdirSync(root).filter((n) => /^chromium(_headless_shell)?-\d+$/.test(n));
  } catch {
    return [];
  }
  const revision = (n) => Number(n.slice(n.lastIndexOf('-') + 1));
  names.sort((a, b) => revision(b) - revision(a) || Number(a.includes('headless')) - Number(b.includes('headless')));
  return names.flatMap((n) => [
    join(root, n, 'chrome-linux', 'chrome'),
    join(root, n, 'chrome-linux64', 'chrome'),
    join(root, n, 'chrome-linux', 'headless_shell'),
    join(root, n, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
  ]);
}

/**
 * The Chromium to launch, or an error that says what was looked at and how to install one.
 * An explicit TASKDECK_CHROMIUM that is not an executable is an error, not skipped.
 */
export function findChromium(env = process.env, systemPaths = SYSTEM_PATHS) {
  const given = env.TASKDECK_CHROMIUM;
  if (given) {
    if (executable(given)) return { ok: true, path: given };
    return { ok: false, message: `TASKDECK_CHROMIUM=${given} is not an executable file. ${INSTALL_HINT}` };
  }
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || join(env.HOME || homedir(), '.cache', 'ms-playwright');
  const tried = [...systemPaths, ...playwrightBrowsers(cache)];
  const found = tried.find(executable);
  if (found) return { ok: true, path: found };
  return { ok: false, message: `No Chromium found (looked at ${[...systemPaths, cache].join(', ')}). ${INSTALL_HINT}` };
}

/** The path, or a thrown error with the one-line message. */
export function chromiumPath(env = process.env) {
  const found = findChromium(env);
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

// `npm start` (`npm start -- --project DIR`): builds quietly, downloads Electron on the
// first start (the electron package's own installer, see electron-binary.mjs), and opens
// the app window on the sample project or on DIR. What a person reads is a few lines:
//
//   Building...
//   Downloading Electron 45 (first start, ~100 MB)...
//   Opening Taskdeck on a copy of the sample project
//
// The build's own output is shown only when the build fails. Where the window cannot
// open, one message says why and points to `npm run serve`, the same UI in a browser:
// no display exits 0 (the machine lacks a desktop; the project is fine), a failed
// download exits 1 (something was tried and did not work).
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectron } from './electron-binary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVE_HINT = '  Meanwhile, `npm run serve` opens the same Taskdeck UI in your browser.';

/**
 * `--project DIR` or `--project=DIR` (relative to where npm was run: INIT_CWD); every
 * other argument goes to Electron unchanged. Returns { project, rest } or { error }.
 */
export function parseStartArgs(argv, cwd) {
  let project = null;
  const rest = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const inline = arg.startsWith('--project=') ? arg.slice('--project='.length) : null;
    if (arg !== '--project' && inline === null) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (inline === null) i += 1;
    if (value === undefined || value === '' || value.startsWith('--')) return { error: 'Taskdeck: `--project` needs a folder: `npm start -- --project DIR`.' };
    project = resolve(cwd, value);
  }
  return { project, rest };
}

/** Why the window cannot open on this machine for lack of a display, or null. */
export function displayProblem(env, platform) {
  if (platform === 'darwin' || platform === 'win32' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return [
    'Taskdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the app window cannot open here.',
    '  Start it from a desktop session, or with a virtual display: `xvfb-run npm start`.',
    SERVE_HINT,
  ].join('\n');
}

function isDirectory(dir) {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** `npm run build` with its output kept, not shown: it is printed only if the build fails. */
function buildQuietly(env) {
  // npm_execpath is the npm (or other package manager) that runs `npm start`.
  const npm = env.npm_execpath;
  const [command, args] = npm && /\.[cm]?js$/.test(npm) ? [process.execPath, [npm, 'run', 'build']] : [npm || 'npm', ['run', 'build']];
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' && !npm });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolvePromise({ code: 1, output: `could not run ${command}: ${error.message}\n` }));
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString('utf8') }));
  });
}

function exitWith(lines, code) {
  (code === 0 ? console.log : console.error)(lines.join('\n'));
  process.exit(code);
}

function launch(electronPath, project, rest, env) {
  // No folder given: the app opens its own copy of the sample (`--sample`), never the
  // tracked files in resources/sample-project (a drag or a run would change them).
  const target = project === null ? ['--sample'] : ['--project', project];
  const shown = project === null ? '' : relative(repoRoot, project);
  console.log(`Opening Taskdeck on ${project === null ? 'a copy of the sample project' : shown === '' || shown.startsWith('..') || isAbsolute(shown) ? project : shown}`);
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const child = spawn(electronPath, ['.', ...target, ...rest], { cwd: repoRoot, stdio: 'inherit', env: childEnv });
  child.on('error', (error) => exitWith([`Taskdeck: could not start Electron (${error.message}).`, SERVE_HINT], 1));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

async function main() {
  const env = process.env;
  const args = parseStartArgs(process.argv.slice(2), env.INIT_CWD || process.cwd());
  if (args.error) exitWith([args.error], 1);
  const project = args.project;
  if (project !== null && !isDirectory(project)) exitWith([`Taskdeck: the project folder does not exist: ${project}`], 1);
  const noDisplay = displayProblem(env, process.platform);
  if (noDisplay !== null) exitWith([noDisplay], 0);

  console.log('Building...');
  const build = await buildQuietly(env);
  if (build.code !== 0) {
    process.stderr.write(build.output);
    exitWith([`Taskdeck: the build failed (exit code ${build.code}); its output is above.`], build.code);
  }

  const electron = await ensureElectron({ root: repoRoot, env, say: (line) => console.log(line) });
  if (!electron.ok) exitWith([...electron.lines, SERVE_HINT], 1);
  launch(electron.path, project, args.rest, env);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

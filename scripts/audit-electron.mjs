// `npm run audit:electron`: runs Doyensec's electronegativity over the built app (out/)
// and fails on any HIGH finding. The tool is not a project dependency (it brings an old
// eslint and TypeScript): it is installed on first use into a cache folder, with install
// scripts off, and reused after that. Set TASKDECK_ELECTRONEGATIVITY_DIR to choose the
// folder. Our own equivalent checks always run in test/integration/security-electron.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = '@doyensec/electronegativity@1.10.3';

export function cacheDir(env = process.env) {
  if (env.TASKDECK_ELECTRONEGATIVITY_DIR) return resolve(env.TASKDECK_ELECTRONEGATIVITY_DIR);
  const base = env.XDG_CACHE_HOME ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'taskdeck', 'electronegativity');
}

function toolEntry(dir) {
  const pkgFile = join(dir, 'node_modules', '@doyensec', 'electronegativity', 'package.json');
  if (!existsSync(pkgFile)) return null;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.electronegativity;
  return bin ? join(dirname(pkgFile), bin) : null;
}

// electronegativity asks the network for translations and Electron release notes. On
// Node 24 the retry of a failed request throws from a timer inside `got` (p-cancelable)
// and kills the run, so this preload gives its `got` no retries: offline, each request
// fails once, the tool says so and carries on with every local check.
const NO_RETRY_SHIM = `const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== 'got' || typeof loaded?.extend !== 'function') return loaded;
  const patched = loaded.extend({ retry: { limit: 0 }, timeout: { request: 1000 } });
  patched.default = patched;
  Object.defineProperty(patched, '__esModule', { value: true });
  return patched;
};
`;

/** Splits one CSV line of the tool's output (quoted fields may hold commas). */
export function parseCsvLine(line) {
  const fields = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields;
}

/** Findings from the tool's CSV report: { id, severity, confidence, file, location, description }. */
export function parseFindings(csv) {
  return csv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map(parseCsvLine)
    .map(([id, severity, confidence, file, location, , description]) => ({ id, severity, confidence, file, location, description }))
    .filter((f) => f.id !== '');
}

function main() {
  const dir = cacheDir();
  let entry = toolEntry(dir);
  if (entry === null) {
    console.log(`audit:electron: installing ${TOOL} into ${dir} (once; install scripts off)`);
    const install = spawnSync('npm', ['install', '--prefix', dir, TOOL, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
    entry = toolEntry(dir);
    if (install.status !== 0 || entry === null) {
      console.error(`audit:electron: could not install ${TOOL} (offline?). Our own checks still run in test/integration/security-electron.test.ts.`);
      process.exit(2);
    }
  }
  // `--input DIR` audits another build (used to check that the gate does fail on HIGH).
  const inputAt = process.argv.indexOf('--input');
  const input = inputAt !== -1 && process.argv[inputAt + 1] ? resolve(process.argv[inputAt + 1]) : join(repoRoot, 'out');
  for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    if (!existsSync(join(input, part))) {
      console.error(`audit:electron: out/${part} is missing; run \`npm run build\` first.`);
      process.exit(2);
    }
  }
  const electronVersion = JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'taskdeck-eneg-'));
  const report = join(work, 'report.csv');
  const shim = join(dir, 'taskdeck-no-retry.cjs');
  writeFileSync(shim, NO_RETRY_SHIM);
  const run = spawnSync(process.execPath, ['--require', shim, entry, '-i', input, '-e', electronVersion, '-r', '-v', 'false', '-o', report], { encoding: 'utf8', cwd: repoRoot });
  if (!existsSync(report)) {
    console.error(`audit:electron: electronegativity produced no report (exit ${run.status}).\n${run.stderr}`);
    process.exit(2);
  }
  const findings = parseFindings(readFileSync(report, 'utf8'));
  rmSync(work, { recursive: true, force: true });
  for (const f of findings) console.log(`${f.severity.padEnd(6)} ${f.confidence.padEnd(9)} ${f.id.padEnd(28)} ${f.file}:${f.location}  ${f.description}`);
  const high = findings.filter((f) => f.severity === 'HIGH');
  console.log(`audit:electron: ${findings.length} finding(s), ${high.length} HIGH (Electron ${electronVersion}, input ${relative(repoRoot, input) || '.'}).`);
  process.exit(high.length > 0 ? 1 : 0);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

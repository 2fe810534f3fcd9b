// The CLI as a user meets it, whole processes side by side in one run so the ratios hold on
// a noisy machine (each round runs every contender once, in turn; medians are reported):
//   - `taskdeck --help` against `node -e 0` on the same (pinned) Node;
//   - `taskdeck list --json` on 1,000 and 5,000 generated tasks against Backlog.md's
//     `backlog task list --plain` on the same tasks (one Markdown file per task, as
//     Backlog.md keeps them). Backlog.md is installed from the npm registry into a temp
//     folder at run time, never into the project; when it cannot be installed the row says so;
//   - the peak memory (max RSS) of `taskdeck list --json` on 10,000 tasks.
// `list --json` is measured twice: the first run after the file changed (no parse cache),
// and the runs after it (the parse cache under .taskdeck/ answers).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBacklog } from './generate-backlog.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const node = join(root, 'node_modules', '.bin', 'node');
// BENCH_CLI: another build of the CLI to measure (a before/after comparison).
const cli = process.env.BENCH_CLI ?? join(root, 'out', 'cli', 'taskdeck.js');
const BACKLOG_MD = 'backlog.md@1';

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Wall time of one whole process, its output read (as a script piping it would). */
function timed(cmd, args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.error}`);
  return ms;
}

/** Rounds of every contender in turn; the median of each. */
function race(contenders, rounds) {
  const samples = contenders.map(() => []);
  for (let i = 0; i < rounds; i += 1) contenders.forEach((run, k) => samples[k].push(run()));
  return samples.map(median);
}

/** Installs Backlog.md into `dir`; its `backlog` binary, or the reason it is not there. */
function installBacklogMd(dir) {
  try {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dir, BACKLOG_MD], { stdio: 'pipe', timeout: 180_000 });
    const bin = join(dir, 'node_modules', '.bin', 'backlog');
    execFileSync(bin, ['--version'], { stdio: 'pipe', timeout: 30_000 });
    return { bin };
  } catch (err) {
    return { missing: String(err instanceof Error ? err.message : err).split('\n')[0].slice(0, 80) };
  }
}

const BM_STATUS = { done: 'Done', in_progress: 'In Progress' };
const BM_PRIORITY = { critical: 'high', high: 'high', medium: 'medium', low: 'low' };

/** The same tasks as Backlog.md keeps them: backlog/config.yml and one file per task. */
export function writeBacklogMdProject(dir, tasks) {
  mkdirSync(join(dir, 'backlog', 'tasks'), { recursive: true });
  writeFileSync(
    join(dir, 'backlog', 'config.yml'),
    'project_name: "bench"\ndefault_status: "To Do"\nstatuses: ["To Do", "In Progress", "Done"]\nlabels: []\ndate_format: yyyy-mm-dd\n' +
      'auto_open_browser: false\nremote_operations: false\nauto_commit: false\ncheck_active_branches: false\ntask_prefix: "task"\n',
  );
  const num = new Map(tasks.map((t, i) => [t.id, i + 1]));
  tasks.forEach((t, i) => {
    const deps = t.dependencies.filter((d) => num.has(d)).map((d) => `  - TASK-${num.get(d)}`);
    const priority = BM_PRIORITY[t.priority];
    const text = [
      '---',
      `id: TASK-${i + 1}`,
      `title: ${JSON.stringify(t.title)}`,
      `status: ${BM_STATUS[t.status] ?? 'To Do'}`,
      'assignee: []',
      "created_date: '2026-01-01 10:00'",
      'labels: []',
      deps.length ? `dependencies:\n${deps.join('\n')}` : 'dependencies: []',
      ...(priority ? [`priority: ${priority}`] : []),
      `ordinal: ${(i + 1) * 1000}`,
      '---',
      '',
      '## Description',
      '',
      '<!-- SECTION:DESCRIPTION:BEGIN -->',
      t.description || t.title,
      '<!-- SECTION:DESCRIPTION:END -->',
      '',
    ].join('\n');
    const slug = t.title.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40);
    writeFileSync(join(dir, 'backlog', 'tasks', `task-${i + 1} - ${slug}.md`), text);
  });
}

/** Max RSS of `taskdeck list --json`, reported by the process itself at exit. */
function peakRss(dir, project) {
  const preload = join(dir, 'rss.cjs');
  const out = join(dir, 'rss.txt');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`);
  timed(node, ['-r', preload, cli, 'list', '--json', '--project', project]);
  return Number(readFileSync(out, 'utf8')) / 1024;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-cli-bench-'));
  const rows = [];
  try {
    const [bare, help] = race([() => timed(node, ['-e', '0']), () => timed(node, [cli, '--help'])], 31);
    rows.push({ area: 'cli', name: '`node -e 0` (the bare start)', value: bare, unit: 'ms', goal: null });
    rows.push({ area: 'cli', name: '`taskdeck --help`', value: help, unit: 'ms', goal: null });
    rows.push({ area: 'cli', name: '`taskdeck --help` / `node -e 0`', value: help / bare, unit: '×', goal: 1.5 });

    const peer = installBacklogMd(join(dir, 'peer'));
    for (const [n, goal] of [
      [1_000, 10],
      [5_000, 20],
    ]) {
      const project = join(dir, `td${n}`);
      mkdirSync(project);
      const file = join(project, 'backlog.md');
      const text = generateBacklog(n);
      writeFileSync(file, text);
      const list = () => timed(node, [cli, 'list', '--json', '--project', project]);
      const { tasks } = JSON.parse(spawnSync(node, [cli, 'list', '--json', '--project', project], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).stdout);
      // A changed file: one byte more each round, so the cache never answers.
      let edits = 0;
      const changed = () => {
        edits += 1;
        writeFileSync(file, `${text}\n<!-- bench edit ${edits} -->\n`);
        return list();
      };
      const label = `${n.toLocaleString('en')} tasks`;
      if (peer.bin) {
        const bmDir = join(dir, `bm${n}`);
        writeBacklogMdProject(bmDir, tasks);
        const backlogMd = () => timed(peer.bin, ['task', 'list', '--plain'], { cwd: bmDir });
        const [warm, cold, theirs] = race([list, changed, backlogMd], n >= 5_000 ? 5 : 7);
        rows.push({ area: 'cli', name: `Backlog.md task list --plain, ${label}`, value: theirs, unit: 'ms', goal: null });
        rows.push({ area: 'cli', name: `taskdeck list --json, ${label}`, value: warm, unit: 'ms', goal: null });
        rows.push({ area: 'cli', name: `taskdeck list --json, ${label}, file just changed`, value: cold, unit: 'ms', goal: null });
        rows.push({ area: 'cli', name: `Backlog.md / taskdeck, ${label}`, value: theirs / warm, unit: '×', goal, better: 'higher' });
        rows.push({ area: 'cli', name: `Backlog.md / taskdeck, ${label}, file just changed`, value: theirs / cold, unit: '×', goal, better: 'higher' });
      } else {
        const [warm, cold] = race([list, changed], 7);
        rows.push({ area: 'cli', name: `taskdeck list --json, ${label}`, value: warm, unit: 'ms', goal: null });
        rows.push({ area: 'cli', name: `taskdeck list --json, ${label}, file just changed`, value: cold, unit: 'ms', goal: null });
        rows.push({ area: 'cli', name: `vs Backlog.md, ${label}: not measured (${peer.missing})`, value: '', unit: '', goal: null, ok: false });
      }
    }

    const big = join(dir, 'td10000');
    mkdirSync(big);
    writeFileSync(join(big, 'backlog.md'), generateBacklog(10_000));
    const rss = [peakRss(dir, big), peakRss(dir, big), peakRss(dir, big)];
    rows.push({ area: 'cli', name: 'peak memory, taskdeck list --json, 10,000 tasks (max RSS)', value: median(rss), unit: 'MB', goal: 150 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

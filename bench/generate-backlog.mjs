// Deterministic backlog generator for benchmarks and tests: N tasks in the style of the
// real corpus (a canonical table with score comments, dependencies on earlier tasks,
// heading tasks with bullet fields, U+2011 hyphens, human-required tasks, sprints).
// The same N and seed always give the same bytes.
//
//   node bench/generate-backlog.mjs 1000 > /tmp/backlog.md
import { pathToFileURL } from 'node:url';

/** mulberry32: a tiny seeded PRNG, good enough to vary content reproducibly. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'memory retrieval agent scribe backlog pipeline vector index schema parser cache sync ' +
  'evaluation baseline gate dashboard worker queue metric trace export import review ' +
  'template workflow doorway context router model embedding chunk migration health'
).split(' ');
const PRIORITY = ['🔥', '⚡', '⭐', '🔧'];
const HEADING_PRIORITY = ['🔥 **CRITICAL**', '📈 **HIGH**', '⭐ **MEDIUM**', '🔧 **LOW**'];
const STATUS = ['todo', 'todo', 'todo', '✅ done', '✅ **COMPLETED**', 'in-progress', '🔒 blocked', 'todo'];
const POINTS = [1, 2, 3, 3, 5, 5, 8, 13];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function words(rand, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(rand, WORDS));
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1);
}

/** Dependencies on up to three earlier tasks, so the graph is a DAG. */
function deps(rand, i) {
  if (i === 0 || rand() < 0.45) return [];
  const count = 1 + Math.floor(rand() * 3);
  const set = new Set();
  for (let k = 0; k < count; k++) set.add(Math.max(0, i - 1 - Math.floor(rand() * Math.min(i, 40))));
  return [...set];
}

export function generateBacklog(n, seed = 42) {
  const rand = prng(seed);
  const id = (k) => `B-${String(1000 + k)}`;
  const lines = [
    '<!-- ANCHOR_KEY: backlog -->',
    '<!-- ANCHOR_PRIORITY: 10 -->',
    '',
    '# 📋 Backlog',
    '',
    `Generated backlog with ${n} tasks (seed ${seed}).`,
    '',
  ];
  // One task in twenty is a heading task, gathered in a section first, as the corpus does.
  const headingTasks = [];
  const rowTasks = [];
  for (let i = 0; i < n; i++) (i % 20 === 7 ? headingTasks : rowTasks).push(i);

  lines.push('## 🎯 Current Priorities', '');
  for (const i of headingTasks) {
    const d = deps(rand, i);
    lines.push(
      `### **${id(i)}: ${words(rand, 5)}** 🆕 **NEW**`,
      `- **Priority**: ${pick(rand, HEADING_PRIORITY)} - ${words(rand, 6).toLowerCase()}`,
      `- **Points**: ${pick(rand, POINTS)} - ${words(rand, 4).toLowerCase()}`,
      `- **Status**: ${pick(rand, ['🆕 **NEW**', '🔒 **BLOCKED**', '✅ **COMPLETED**', '🔄 **IN PROGRESS**'])} - ${words(rand, 3).toLowerCase()}`,
      `- **Description**: ${words(rand, 18)}.`,
      `- **Dependencies**: ${d.length ? d.map((k) => `${id(k)} (${words(rand, 2)})`).join(', ') : 'None'}`,
      '',
    );
  }

  lines.push('## 📊 Prioritized Backlog', '');
  lines.push('| ID  | Title | 🔥P | 🎯Points | Status | Problem/Outcome | Tech Footprint | Dependencies |');
  lines.push('|-----|-------|-----|----------|--------|-----------------|----------------|--------------|');
  for (const i of rowTasks) {
    const d = deps(rand, i);
    // Real files often use the non-breaking hyphen U+2011 in IDs.
    const shown = rand() < 0.2 ? id(i).replace('-', '\u2011') : id(i);
    const depCell = d.length ? d.map((k) => `${id(k)} ${words(rand, 2)}`).join(', ') : 'None';
    lines.push(
      `| ${shown} | ${words(rand, 6)} | ${pick(rand, PRIORITY)} | ${pick(rand, POINTS)} | ${pick(rand, STATUS)} | ${words(rand, 22)} | ${words(rand, 4)} + ${words(rand, 2)} | ${depCell} |`,
    );
    if (rand() < 0.7) {
      const [bv, tc, rr, le, effort] = [1, 2, 3, 4, 5].map(() => 1 + Math.floor(rand() * 5));
      // Like the corpus, some score comments repeat the dependencies.
      const scoreDeps = d.length && rand() < 0.5 ? d.map((k) => id(k)).join(', ') : '';
      lines.push(`<!--score: {bv:${bv}, tc:${tc}, rr:${rr}, le:${le}, effort:${effort}, deps:[${scoreDeps}]}-->`);
      lines.push(`<!--score_total: ${(Math.round(((bv + tc + rr + le) / effort) * 10) / 10).toFixed(1)}-->`);
    }
    if (rand() < 0.05) {
      lines.push('<!-- human_required: true -->');
      lines.push(`<!-- reason: ${words(rand, 8)} -->`);
    }
    if (rand() < 0.1) lines.push(`<!-- sprint: 2026-S${48 + Math.floor(rand() * 3) * 2} -->`);
  }
  lines.push('', '## 📝 Status Legend', '', '- ✅ **Done**: shipped', '- 🔒 **Blocked**: waiting', '');
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number.parseInt(process.argv[2] ?? '1000', 10);
  const seed = Number.parseInt(process.argv[3] ?? '42', 10);
  process.stdout.write(generateBacklog(n, seed));
}
